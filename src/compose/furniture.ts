/**
 * Page furniture that reached the blocks: text a reader of the document
 * skips (table rows, link lists, label/value metadata, legal notices,
 * "Listen" and "Download" chrome, captions and footnotes). Recognised by
 * the general shape of such text, never by a site or a publisher's name.
 * Compose keeps it off slides; the content check reports any that remain.
 */

interface FurnitureShape {
  readonly reason: string
  readonly test: (text: string) => boolean
}

const month = '(January|February|March|April|May|June|July|August|September|October|November|December)'

const shapes: readonly FurnitureShape[] = [
  { reason: 'a table row', test: (text) => (text.match(/\|/gu)?.length ?? 0) >= 2 },
  { reason: 'markdown link syntax', test: (text) => /\]\((https?:|#|\/)/u.test(text) || /^\[[^\]]*\]$/u.test(text) },
  {
    reason: 'label/value metadata',
    test: (text) => /\*\*[^*]{1,40}:\s*\*\*/u.test(text) || labelValuePairs(text) >= 2,
  },
  {
    reason: 'a legal notice',
    test: (text) =>
      /\b(not subject to copyright|may be reproduced and distributed|should not be relied upon|copyrighted (images|material)|permission of the copyright holder|all rights reserved)\b/iu.test(
        text,
      ),
  },
  {
    reason: 'page chrome',
    test: (text) =>
      /^(listen|download|subscribe|share|print|hide overview|show overview|skip to|back to top|read more|sign up)\b/iu.test(
        text,
      ) || new RegExp(`\\bUpdated ${month} \\d{1,2}, \\d{4}\\b`, 'u').test(text),
  },
  {
    reason: 'a caption, source line or footnote',
    test: (text) =>
      /^(figure|fig\.|table|chart|map|exhibit|source|sources|notes?)\s*\d*[.:]/iu.test(text) ||
      /^\d{1,3}\s+(see|ibid|id\.|for more|available at)\b/iu.test(text),
  },
  { reason: 'a bare address', test: (text) => urlShare(text) > 0.5 },
]

/** Why the text is furniture, or undefined when it reads as prose. */
export function furnitureReason(text: string): string | undefined {
  const trimmed = text.trim()
  return shapes.find((shape) => shape.test(trimmed))?.reason
}

/** `Product Type: Insight Report No.: IN1234`: several short labels each followed by a colon. */
function labelValuePairs(text: string): number {
  return [...text.matchAll(/(?:^|\s)([A-Z][\w().'/-]*(?:\s[\w().'/-]+){0,3}):\s/gu)].length
}

function urlShare(text: string): number {
  const urls = text.match(/\bhttps?:\/\/\S+/gu) ?? []
  const length = urls.reduce((sum, url) => sum + url.length, 0)
  return text.length === 0 ? 0 : length / text.length
}
