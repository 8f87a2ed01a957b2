// SourceDocument in, Extraction out: argument blocks, actors, timeline and
// terms. Pure and deterministic: same document and knowledge, same extraction.
import type { Extraction, Knowledge, SourceDocument } from '../model/index.js'
import { actorsOf } from './actors.js'
import { argumentBlocks } from './arguments.js'
import { shippedModel, type ArgumentModel } from './model.js'
import { termsOf } from './terms.js'
import { timelineOf } from './timeline.js'

/**
 * `knowledge` is what `readKnowledge` reads (the bundled files and a brief
 * repository's own); `model` the fitted argument models, the shipped ones
 * unless a benchmark fits its own.
 */
export function extract(
  document: SourceDocument,
  knowledge: Knowledge,
  model: ArgumentModel = shippedModel,
): Extraction {
  const terms = termsOf(document, knowledge)
  const timeline = timelineOf(document, knowledge)
  return {
    file: document.file,
    source: document.metadata,
    blocks: argumentBlocks(document, model, timeline),
    actors: actorsOf(document, terms, knowledge),
    timeline,
    terms,
  }
}
