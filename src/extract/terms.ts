// Acronyms with their expansions: from the text where it spells them out
// (`People's Liberation Army (PLA)`, `Maritime Security Dialogue, or MSD`,
// `HEU (highly enriched uranium)`), else from the knowledge's acronyms.
import type { Knowledge, SourceDocument, Span, Term } from '../model/index.js'

const acronym = /(?<![\p{L}\p{N}.’'-])([A-Z](?:[A-Z0-9&]|[a-z](?=[A-Z])){1,7})(s)?(?![\p{L}\p{N}]|\.\p{L})/gu
const romanNumeral = /^(I{1,3}|IV|VI{0,3}|IX|XI{0,3})$/
/** Report and bill numbers (`R48179`, `IF10753`, `HR1`), not terms. */
const documentNumber = /^[A-Z]{1,4}\d+$/
/** Runs of capitals are shouting (`THE END OF AN ERA`), not acronyms. */
const shouting = /\b[A-Z]{2,}(?:\s+[A-Z]{2,}){2,}\b/g
/**
 * `(ACR)` or `, or ACR` after the long form. The alternatives start at a
 * fixed character (`(` or `,`), or at the first of a run of spaces, so the
 * scan stays linear on long runs of spaces or dashes.
 */
const afterLongForm = /(?:\(\s?|,\s+or\s+|(?<!\s)\s+or\s+)([A-Z][A-Za-z0-9&]{1,8})(?:s)?(?=[)\s,;.—–:]|$)/g
/** `ACR (Long Form)`. */
const beforeLongForm = /\b([A-Z][A-Z0-9&]{1,8})\s\(([^()]{3,80})\)/g
/** How much text before an acronym can hold its long form. */
const lookBack = 160

interface Found {
  acronym: string
  expansion: string
}

export function termsOf(document: SourceDocument, knowledge: Knowledge): Term[] {
  const notTerms = new Set(knowledge.notTerms)
  const mentions = new Map<string, Span[]>()
  const defined = new Map<string, string>()
  for (const sentence of document.sentences) {
    const shouted = [...sentence.text.matchAll(shouting)].map(
      (match) => [match.index, match.index + match[0].length] as const,
    )
    // Both lists are in text order: one pass over each keeps a sentence full of capitals linear.
    let region = 0
    for (const match of sentence.text.matchAll(acronym)) {
      const word = match[1]!
      while (region < shouted.length && shouted[region]![1] <= match.index) region++
      const inShouting = region < shouted.length && shouted[region]![0] <= match.index
      if (romanNumeral.test(word) || documentNumber.test(word) || notTerms.has(word) || inShouting) continue
      const start = sentence.start + match.index
      const spans = mentions.get(word) ?? []
      spans.push({ start, end: start + match[0].length })
      mentions.set(word, spans)
    }
    for (const { acronym: word, expansion } of definitionsIn(sentence.text))
      if (!defined.has(word)) defined.set(word, expansion)
  }
  return [...mentions].map(([word, spans]) => {
    const fromText = defined.get(word)
    const fromKnowledge = Object.hasOwn(knowledge.acronyms, word) ? knowledge.acronyms[word] : undefined
    return {
      acronym: word,
      expansion: fromText ?? fromKnowledge ?? null,
      origin: fromText ? 'text' : fromKnowledge ? 'glossary' : 'unknown',
      mentions: spans,
    }
  })
}

/** `Long Form (LF)`, `Long Form, or LF`, `LF (Long Form)`, `long form (LF)`. */
export function definitionsIn(text: string): Found[] {
  const found: Found[] = []
  for (const match of text.matchAll(afterLongForm)) {
    const word = match[1]!
    if (!/[A-Z].*[A-Z]/.test(word)) continue
    // The long form is a few words just before the acronym: reading from the start of the sentence for each would be quadratic.
    const before =
      text
        .slice(Math.max(0, match.index - lookBack), match.index)
        .split(/[(;:—–]|,(?!\s+or\b)/)
        .pop() ?? ''
    const expansion = longFormFor(word, before)
    if (expansion) found.push({ acronym: word, expansion })
  }
  for (const match of text.matchAll(beforeLongForm)) {
    const expansion = longFormFor(match[1]!, match[2]!)
    if (expansion && expansion === match[2]!.trim()) found.push({ acronym: match[1]!, expansion })
  }
  return found
}

const minorWords = new Set(['of', 'and', 'the', 'for', 'on', 'in', 'to', 'a', 'an', '&'])

/**
 * The words at the end of `before` that spell the acronym, after Schwartz
 * and Hearst (2003): every letter of the acronym appears in order, the first
 * one at the start of a word, within a few words. A long form in lower case
 * (`highly enriched uranium`) must spell the acronym with its initials.
 */
export function longFormFor(acronymText: string, before: string): string | undefined {
  const words = before.trim().split(/\s+/).filter(Boolean)
  const window = words.slice(-Math.min(acronymText.length + 5, acronymText.length * 2)).join(' ')
  const short = acronymText.toLowerCase()
  const long = window.toLowerCase()
  let s = short.length - 1
  let l = long.length - 1
  while (s >= 0) {
    const letter = short[s]!
    if (!/[a-z0-9]/.test(letter)) {
      s--
      continue
    }
    while (l >= 0 && (long[l] !== letter || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(long[l - 1]!)))) l--
    if (l < 0) return undefined
    l--
    s--
  }
  const start = long.lastIndexOf(' ', l) + 1
  const expansion = window
    .slice(start)
    .replace(/^(the|a|an)\s+/i, '')
    .replace(/[\s,]+$/, '')
  if (expansion.split(/\s+/).length < 2) return undefined
  if (/^[\p{Lu}\p{N}]/u.test(expansion)) return expansion
  return initialsOf(expansion) === short.replace(/[^a-z0-9]/g, '') ? expansion : undefined
}

function initialsOf(expansion: string): string {
  return expansion
    .toLowerCase()
    .split(/[\s-]+/)
    .filter((word) => word && !minorWords.has(word))
    .map((word) => word[0])
    .join('')
}
