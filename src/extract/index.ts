// Extract: a SourceDocument in, typed argument blocks, actors, timeline and terms out.
export { extract } from './extract.js'
export { bundledKnowledgeDir, readKnowledge } from './read-knowledge.js'
// What the fitting script and the benchmark use to fit and judge the argument models.
export { argumentBlocks, argumentSites } from './arguments.js'
export { chooseThesis, thesisCandidates } from './thesis.js'
export { counterFeatures, featureVector, thesisFeatures } from './features.js'
export { fitBinary, fitChoice, sigmoid, type LinearModel } from './learn.js'
export { ArgumentModel, shippedModel } from './model.js'
