// SourceDocument in, Extraction out: argument blocks, actors, timeline and
// terms. Pure and deterministic: same document, same extraction.
import type { Extraction, SourceDocument } from '../model/index.js'
import { actorsOf } from './actors.js'
import { argumentBlocks } from './arguments.js'
import { termsOf } from './terms.js'
import { timelineOf } from './timeline.js'

export function extract(document: SourceDocument): Extraction {
  const terms = termsOf(document)
  return {
    file: document.file,
    source: document.metadata,
    blocks: argumentBlocks(document),
    actors: actorsOf(document, terms),
    timeline: timelineOf(document),
    terms,
  }
}
