// Ingest: a source text or markdown file in, a SourceDocument out.
export { ingest, type IngestOptions } from './ingest.js'
export { readSource } from './read.js'
export { decodeSource } from './decode.js'
export { normaliseText } from './normalise.js'
export { isoDate, statedPrecision } from './dates.js'
