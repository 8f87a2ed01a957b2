// Whether a paragraph that a column or page break cuts goes on after the
// break: the one rule for the block builder (columns, pages) and for the
// join of paragraphs across pages past footnotes (pdf-reading.ts).

/** Ends a sentence (or a label): the paragraph may not run on into the next column or page. */
export const finishedText = /[.!?:;]["”’)\]]*$/

/**
 * Words no sentence ends on: a text cut after one of them (`… the Secretary of
 * the` | `Army …`), or after a comma or a dash, goes on, whatever the next text
 * starts with.
 */
const wordsNoSentenceEndsOn = new Set(
  'a an the of to for from with by at into onto and or nor but than that whose per via between among'.split(' '),
)

/** Fewer words than this, cut, are a label or a table cell as often as a sentence. */
const proseWords = 6

export function runsOn(text: string, next: string): boolean {
  if (finishedText.test(text)) return false
  if (/^[\p{Ll}\p{N}(“"'‘]/u.test(next)) return true
  return endsMidClause(text) && text.split(/\s+/).length >= proseWords
}

/** Text that stops after a comma, a dash or a word no sentence ends on. */
export function endsMidClause(text: string): boolean {
  if (/[,—]$/u.test(text)) return true
  const lastWord = /(\p{L}+)$/u.exec(text)?.[1]
  return lastWord !== undefined && wordsNoSentenceEndsOn.has(lastWord.toLowerCase())
}
