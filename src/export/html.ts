// The little HTML the export writes itself (handouts, contact sheets): every
// text comes from sources and briefs, so every text is escaped.
import type { Citation } from '../model/index.js'

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character)
}

/** `Author, “Title” (2015-04-02), ¶4, https://…`: what a reader needs to find the source. */
export function citationText(citation: Citation): string {
  const parts = [
    citation.author,
    `“${citation.title}”`,
    citation.date ? `(${citation.date})` : null,
    citation.paragraph === undefined ? null : `¶${citation.paragraph + 1}`,
    citation.url,
  ]
  return parts.filter((part): part is string => Boolean(part)).join(', ')
}
