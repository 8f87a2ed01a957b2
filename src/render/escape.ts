/**
 * Text from a source or a brief passes three interpreters on its way to the
 * screen: Slidev's line-based splitter, markdown-it, and Vue's template
 * compiler. This escaping keeps it literal text through all three, in
 * markdown and in raw HTML alike.
 */

/** Characters that mean something to markdown or HTML anywhere on a line, as numeric entities. */
const inlineEntities: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  $: '&#36;',
  '|': '&#124;',
  '~': '&#126;',
  '#': '&#35;',
  '}': '&#125;',
  // markdown-it decodes entities back into characters before Vue compiles the
  // slide, and Vue reads two adjacent braces as an interpolation. An element
  // around each opening brace keeps any two of them from meeting.
  '{': '<span>&#123;</span>',
}

/** What a line may not start with: list markers, headings and thematic breaks, blockquotes, setext underlines. */
const lineStartEntities: Readonly<Record<string, string>> = {
  '-': '&#45;',
  '+': '&#43;',
  '=': '&#61;',
}

const controlCharacters = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu

/**
 * markdown-it's typographer turns `--` into a dash, `...` into an ellipsis,
 * `(c)` into a sign and so on, but only within one run of plain text: an
 * entity between the characters keeps the text as written.
 */
function escapeTypography(text: string): string {
  const entitiesAfterFirst = (run: string) =>
    run.charAt(0) + [...run.slice(1)].map((character) => `&#${character.charCodeAt(0)};`).join('')
  return text
    .replace(/([-.,])\1+|[?!]{2,}/gu, entitiesAfterFirst)
    .replaceAll('+-', '&#43;-')
    .replace(/\((c|tm|r)\)/giu, '&#40;$1)')
}

/**
 * Escapes one value for a slide: whitespace collapses to single spaces (a
 * value never spans lines, so it can never start a slide, frontmatter or
 * comment), then every significant character becomes an entity.
 */
export function escapeSlideText(text: string): string {
  const line = slideTextLine(text)
  const escaped = escapeTypography(line.replace(/[&<>"`*_[\]\\$|~#{}]/gu, (character) => inlineEntities[character]!))
  // `::name::` is Slidev's slot syntax.
  return escapeLineStart(escaped).replaceAll('::', '&#58;&#58;')
}

/** The text as a slide shows it: one line, single spaces, no control characters. */
export function slideTextLine(text: string): string {
  return text.replace(controlCharacters, '').replace(/\s+/gu, ' ').trim()
}

/** `1. ` or `- ` at the start of a value would open a (nested) list wherever the value lands. */
function escapeLineStart(text: string): string {
  const orderedMarker = /^(\d{1,9})([.)])/u.exec(text)
  if (orderedMarker)
    return `${orderedMarker[1]}${orderedMarker[2] === '.' ? '&#46;' : '&#41;'}${text.slice(orderedMarker[0].length)}`
  const first = text.charAt(0)
  const entity = lineStartEntities[first]
  return entity ? `${entity}${text.slice(1)}` : text
}
