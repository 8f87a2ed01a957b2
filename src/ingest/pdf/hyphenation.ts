// Words broken across lines. A line that ends in a hyphen after a letter and is followed by a line
// that starts in lower case is one word broken in two, unless the hyphen belongs to the word: the
// document itself is the first witness (does it write the word with the hyphen, or without it,
// elsewhere?); failing that, a hyphen after an acronym, a digit or a common compounding prefix stays.

/** Prefixes that form hyphenated compounds in English (`non-binding`, `self-funded`, `well-known`). */
const compoundingPrefixes = new Set([
  'all',
  'anti',
  'co',
  'counter',
  'cross',
  'ex',
  'full',
  'half',
  'high',
  'inter',
  'long',
  'low',
  'mid',
  'multi',
  'near',
  'non',
  'off',
  'on',
  'one',
  'over',
  'part',
  'post',
  'pre',
  'pro',
  'quasi',
  're',
  'self',
  'semi',
  'short',
  'so',
  'sub',
  'super',
  'third',
  'two',
  'well',
  'wide',
  'year',
])

/** The words of a document, to tell `decision-making` from `govern-ment` by the rest of the text. */
export class Vocabulary {
  private readonly words = new Set<string>()

  add(text: string): void {
    for (const word of text.toLowerCase().match(/[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu) ?? []) this.words.add(word)
  }

  has(word: string): boolean {
    return this.words.has(word.toLowerCase())
  }
}

/** `previous` and `next` lines as one text: a space between them, or a broken word mended. */
export function joinLines(previous: string, next: string, vocabulary: Vocabulary): { text: string; removed: number } {
  const broken = /([\p{L}]+)[-\u00AD]$/u.exec(previous)
  const continuation = /^([\p{Ll}][\p{L}]*)/u.exec(next)
  if (previous.endsWith('\u00AD')) return { text: previous.slice(0, -1) + next, removed: 1 }
  if (!broken || !continuation) {
    // A line ending in a dash or a slash (`FY2007-`, `and/`) runs on without a space.
    const glued = /[\p{N}\p{Lu}][-–—/]$/u.test(previous) || /[–—/]$/.test(previous)
    return { text: previous + (glued ? '' : ' ') + next, removed: 0 }
  }
  const [head, tail] = [broken[1]!, continuation[1]!]
  if (keepsHyphen(head, tail, vocabulary)) return { text: previous + next, removed: 0 }
  return { text: previous.slice(0, -1) + next, removed: 1 }
}

function keepsHyphen(head: string, tail: string, vocabulary: Vocabulary): boolean {
  if (vocabulary.has(`${head}-${tail}`)) return true
  if (vocabulary.has(`${head}${tail}`)) return false
  if (/^\p{Lu}+$/u.test(head)) return true
  return compoundingPrefixes.has(head.toLowerCase())
}
