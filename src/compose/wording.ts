/**
 * Slide wording: making source sentences slide-length without inventing
 * words. Every function here only removes words or adds an ellipsis or an
 * acronym's expansion, so a bullet never says what the source did not.
 */
import { escapeRegExp } from '../shared/index.js'

/** Discourse connectives that open a sentence and carry no content on a slide. */
const leadingConnectives = [
  'additionally',
  'as a result',
  'consequently',
  'finally',
  'first',
  'fortunately',
  'furthermore',
  'however',
  'importantly',
  'in addition',
  'in other words',
  'indeed',
  'instead',
  'meanwhile',
  'moreover',
  'nevertheless',
  'nonetheless',
  'notably',
  'of course',
  'overall',
  'put simply',
  'second',
  'still',
  'therefore',
  'third',
  'thus',
  'ultimately',
  'yet',
]

/** Words a shortened bullet must not end on: they promise a continuation the cut removed. */
const danglingWords = new Set([
  'a',
  'an',
  'and',
  'as',
  'at',
  'but',
  'by',
  'especially',
  'for',
  'from',
  'however',
  'in',
  'including',
  'instead',
  'its',
  'of',
  'on',
  'or',
  'particularly',
  'such',
  'that',
  'the',
  'their',
  'to',
  'which',
  'while',
  'who',
  'with',
  'yet',
])

const clauseEnd = /[,;:]$/
const dash = /^[—–-]$/
const trailingPunctuation = /[\s,;:—–(-]+$/

/**
 * Fits a sentence into `limit` words: drops an opening connective, then cuts
 * at the last clause boundary that keeps at least half the limit, else after
 * the last whole word that fits. A cut sentence ends with an ellipsis.
 */
export function shortenToWords(text: string, limit: number): string {
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`word limit must be a positive integer, got ${limit}`)
  const sentence = collapseWhitespace(text)
  const words = sentence.split(' ')
  if (words.length <= limit) return sentence
  const trimmed = withoutLeadingConnective(sentence).split(' ')
  if (trimmed.length <= limit) return trimmed.join(' ')
  const cut = lastClauseBoundary(trimmed, limit) ?? trimmed.length
  const kept = trimmed.slice(0, Math.min(cut, limit))
  while (kept.length > 1 && danglingWords.has(bare(kept[kept.length - 1]!))) kept.pop()
  return `${kept.join(' ').replace(trailingPunctuation, '')}…`
}

/**
 * A clause the extractor cut from its sentence (`even if it may diminish in
 * specific locales,`) reads as a bullet once it starts with a capital and
 * loses the comma that tied it to the rest.
 */
export function asBullet(text: string): string {
  const clause = collapseWhitespace(text).replace(/[\s,;]+$/u, '')
  return clause.charAt(0).toUpperCase() + clause.slice(1)
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/** Word count as `shortenToWords` counts it. */
export function countWords(text: string): number {
  const collapsed = collapseWhitespace(text)
  return collapsed === '' ? 0 : collapsed.split(' ').length
}

function withoutLeadingConnective(sentence: string): string {
  const lower = sentence.toLowerCase()
  const connective = leadingConnectives.find((candidate) => lower.startsWith(`${candidate}, `))
  if (!connective) return sentence
  const rest = sentence.slice(connective.length + 2)
  return rest.charAt(0).toUpperCase() + rest.slice(1)
}

/** Number of words before the last clause boundary within the limit, if it keeps at least half of it. */
function lastClauseBoundary(words: readonly string[], limit: number): number | undefined {
  const minimum = Math.max(4, Math.ceil(limit / 2))
  for (let count = Math.min(limit, words.length - 1); count >= minimum; count--) {
    const before = words[count - 1]!
    const after = words[count]!
    if (clauseEnd.test(before) || dash.test(after) || after.startsWith('(')) return count
  }
  return undefined
}

function bare(word: string): string {
  return word.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')
}

/** The quoted words of a sentence that quotes someone (the longest quotation), or the sentence itself. */
export function quotedPart(text: string): string {
  const quotations = [...text.matchAll(/[“"]([^”"]+)[”"]/gu)].map((match) => match[1]!.trim().replace(/[,;:]$/u, ''))
  const longest = quotations.reduce<string | undefined>(
    (best, next) => (!best || next.length > best.length ? next : best),
    undefined,
  )
  return longest && countWords(longest) >= 3 ? longest : collapseWhitespace(text)
}

export interface AcronymExpansion {
  readonly acronym: string
  readonly expansion: string
}

/**
 * Rewrites texts (in reading order) so that each acronym's first use reads
 * `Expansion (ACRONYM)`, unless the expansion is already written there.
 * Returns the texts with the acronyms introduced so far carried along.
 */
export function spellOutFirstUse(texts: readonly string[], expansions: readonly AcronymExpansion[]): string[] {
  const pending = new Map(expansions.map((entry) => [entry.acronym, entry]))
  return texts.map((text) => {
    let result = text
    for (const [acronym, entry] of pending) {
      const use = acronymPattern(acronym).exec(result)
      if (!use) continue
      pending.delete(acronym)
      if (comparableText(result).includes(comparableText(entry.expansion))) continue
      result = `${result.slice(0, use.index)}${entry.expansion} (${acronym})${result.slice(use.index + acronym.length)}`
    }
    return result
  })
}

function acronymPattern(acronym: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(acronym)}(?![\\p{L}\\p{N}])`, 'u')
}

/** Case and apostrophe style differ between a glossary and a text; neither changes the words. */
export function comparableText(text: string): string {
  return text.toLowerCase().replace(/[’‘]/gu, "'")
}
