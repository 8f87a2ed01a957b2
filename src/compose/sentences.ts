import type { ArgumentBlock, Brief, Extraction } from '../model/index.js'

/**
 * The whole sentence of each block, by block id. The extractor may split a
 * sentence into clauses (a concession and its claim, a quote and its
 * attribution); notes and exclusion rules need the sentence, so it is
 * rebuilt from the blocks that share it, by their offsets. A block whose
 * text the brief replaced no longer matches its offsets and stands alone.
 */
export function sentencesOfBlocks(extraction: Extraction, brief: Brief): Map<string, string> {
  const rewritten = (block: ArgumentBlock) => brief.overrides[block.id]?.text !== undefined
  const bySentence = new Map<number, ArgumentBlock[]>()
  for (const block of extraction.blocks) {
    if (rewritten(block)) continue
    bySentence.set(block.sentence, [...(bySentence.get(block.sentence) ?? []), block])
  }
  const sentences = new Map<string, string>()
  for (const block of extraction.blocks) {
    sentences.set(block.id, rewritten(block) ? block.text : joinByOffsets(bySentence.get(block.sentence)!))
  }
  return sentences
}

/** Concatenates spans of one text in order, overlapping parts once; a gap between them becomes a space. */
function joinByOffsets(blocks: readonly ArgumentBlock[]): string {
  let text = ''
  let end = -1
  for (const block of [...blocks].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (block.end <= end) continue
    if (block.start >= end) text += (text && block.start > end ? ' ' : '') + block.text
    else text += block.text.slice(end - block.start)
    end = block.end
  }
  return text
}
