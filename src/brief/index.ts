// Brief files: parsing and validation (pure), reading with path checks (fs), overrides.
export { parseBrief, briefName } from './parse.js'
export { readBrief, sourcePath, repositoryRoot } from './read.js'
export { applyOverrides, type OverriddenExtractions } from './overrides.js'
