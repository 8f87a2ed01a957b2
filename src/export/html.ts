// The little HTML the export writes itself (handouts, contact sheets): every
// text comes from sources and briefs, so every text is escaped.
import type { Citation } from '../model/index.js'

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => escapes[character] ?? character)
}

export function pngDataUrl(png: Uint8Array): string {
  return `data:image/png;base64,${Buffer.from(png).toString('base64')}`
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

/** A complete, self-contained HTML document: no request leaves it. */
export function htmlDocument(title: string, css: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)}</title>
<style>${css}</style>
</head>
<body>
${body}
</body>
</html>
`
}
