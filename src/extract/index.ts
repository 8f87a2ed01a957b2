// Extract: a SourceDocument in, typed argument blocks, actors, timeline and terms out.
export { extract } from './extract.js'
