// Section headings as extraction sees them: the heading ingest gives each
// paragraph, or else a paragraph that is itself a heading (one short line
// with no closing punctuation, as plain-text and converted reports set them).
import type { Paragraph, SourceDocument } from '../model/index.js'

export interface Sections {
  /** The heading a paragraph sits under, or null. */
  headingOf: (paragraph: number) => string | null
  /** Whether a paragraph is a heading line and holds no argument. */
  isHeading: (paragraph: number) => boolean
}

/** A line that reads as a heading: a few words, a capital first, no sentence punctuation at the end. */
export function looksLikeHeading(text: string): boolean {
  const trimmed = text.trim()
  if (trimmed.includes('\n') || trimmed.length > 100) return false
  const words = trimmed.split(/\s+/)
  return words.length <= 12 && /^[\p{Lu}\p{N}]/u.test(trimmed) && !/[.!?;,:"”’)\]]$/.test(trimmed)
}

export function sectionsOf(document: SourceDocument): Sections {
  const headings = new Map<number, string | null>()
  const headingLines = new Set<number>()
  let current: string | null = null
  let fromIngest: string | null = null
  for (const paragraph of document.paragraphs) {
    if (paragraph.section !== fromIngest) {
      // A new heading that ingest recognised.
      fromIngest = paragraph.section
      current = fromIngest
    }
    if (looksLikeHeading(paragraph.text) && !isLastOf(document.paragraphs, paragraph)) {
      headingLines.add(paragraph.index)
      current = paragraph.text.trim()
    }
    headings.set(paragraph.index, current)
  }
  return {
    headingOf: (paragraph) => headings.get(paragraph) ?? null,
    isHeading: (paragraph) => headingLines.has(paragraph),
  }
}

/** The last paragraph of a text is never a heading: nothing follows it. */
function isLastOf(paragraphs: readonly Paragraph[], paragraph: Paragraph): boolean {
  return paragraphs.at(-1) === paragraph
}
