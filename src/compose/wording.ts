/**
 * Slide wording helpers. Every function here only removes words or adds an
 * acronym's expansion, so a bullet never says what the source did not
 * (compress.ts shortens sentences the same way).
 */
import { escapeRegExp } from '../shared/index.js'

/**
 * A clause the extractor cut from its sentence (`even if it may slow in
 * some regions,`) reads as a bullet once it starts with a capital and
 * loses the comma that tied it to the rest.
 */
export function asBullet(text: string): string {
  const clause = collapseWhitespace(text).replace(/[\s,;]+$/u, '')
  return clause.charAt(0).toUpperCase() + clause.slice(1)
}

export function collapseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

/** Words as slides count them: runs of non-space. */
export function countWords(text: string): number {
  const collapsed = collapseWhitespace(text)
  return collapsed === '' ? 0 : collapsed.split(' ').length
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
      if (alreadySpelledOut(result, use.index, acronym, entry.expansion)) continue
      result = `${result.slice(0, use.index)}${entry.expansion} (${acronym})${result.slice(use.index + acronym.length)}`
    }
    return result
  })
}

/** The text writes the expansion itself (`proof-of-stake`, hyphens or not), or this use is the parenthesis that defines it. */
function alreadySpelledOut(text: string, index: number, acronym: string, expansion: string): boolean {
  const words = (value: string) => comparableText(value).replace(/[-‐–]/gu, ' ')
  if (words(text).includes(words(expansion))) return true
  return text.charAt(index - 1) === '(' && text.charAt(index + acronym.length) === ')'
}

/** The acronym as a word of its own: in `COVID-19`, `USA-4` or `TMC USA` it is part of a name, which an expansion would break. */
function acronymPattern(acronym: string): RegExp {
  return new RegExp(
    `(?<![\\p{L}\\p{N}]|[\\p{L}\\p{N}]-|\\p{Lu}{2,} )${escapeRegExp(acronym)}(?![\\p{L}\\p{N}]|-[\\p{L}\\p{N}])`,
    'u',
  )
}

/** Case and apostrophe style differ between a glossary and a text; neither changes the words. */
export function comparableText(text: string): string {
  return text.toLowerCase().replace(/[’‘]/gu, "'")
}
