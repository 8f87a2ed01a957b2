// Escaping for the two languages briefdeck writes text from sources into by hand.

const htmlEscapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text for HTML content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEscapes[character] ?? character)
}

/** Text that a regular expression matches literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

/** Literal phrases as one regular-expression alternation; `'` also matches `’`, and a space any run of white space (a line break in a PDF's text). */
export function phraseAlternation(phrases: readonly string[]): string {
  return phrases.map((phrase) => escapeRegExp(phrase).replace(/'/g, "['’]").replace(/ /g, '\\s+')).join('|')
}

/** Names as one alternation (`phraseAlternation`), the longest first: where one name begins another (`Korea`, `Korea Strait`), the fuller is tried first. */
export function nameAlternation(names: readonly string[]): string {
  return phraseAlternation([...names].sort((a, b) => b.length - a.length))
}
