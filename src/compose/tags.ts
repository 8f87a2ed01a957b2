// Parts of speech from compromise, as plain data and remembered: compose asks
// about the same sentences and segments many times, and tagging is its
// costliest step. What one run tagged can be handed to the next
// (`taggingWith`): a brief edit then tags only the texts it changed, and
// compromise, a third of a second to load, loads only for those.
import { createRequire } from 'node:module'
import type nlpType from 'compromise'

export interface TaggedTerm {
  readonly text: string
  readonly tags: ReadonlySet<string>
}

/** A text and its words with their tags, as plain data to keep between runs. */
export type TagRecord = readonly [text: string, terms: readonly (readonly [word: string, tags: readonly string[]])[]]

const remembered = new Map<string, TaggedTerm[]>()
const rememberedLimit = 20000
/** The texts asked about during `taggingWith`. */
let asked: Set<string> | undefined

let nlp: typeof nlpType | undefined
// Its one-file CommonJS build: loaded on demand, synchronously, and quicker than its many ES modules.
const compromise = () => (nlp ??= createRequire(import.meta.url)('compromise') as typeof nlpType)

/** The words of a text with compromise's tags (`Verb`, `Gerund`, `ProperNoun`, ...). */
export function taggedTerms(text: string): readonly TaggedTerm[] {
  asked?.add(text)
  const known = remembered.get(text)
  if (known) return known
  const sentences = compromise()(text).json() as { terms: { text: string; tags: string[] }[] }[]
  return remember(
    text,
    sentences.flatMap((sentence) => sentence.terms.map((term) => ({ text: term.text, tags: new Set(term.tags) }))),
  )
}

/**
 * Runs `work` (synchronous compose work) with the tags of an earlier run
 * taken as if tagged now, and returns with its result what it asked about,
 * for the next run.
 */
export function taggingWith<T>(recalled: Iterable<TagRecord>, work: () => T): { result: T; asked: TagRecord[] } {
  for (const [text, terms] of recalled)
    remember(
      text,
      terms.map(([word, tags]) => ({ text: word, tags: new Set(tags) })),
    )
  asked = new Set()
  try {
    const result = work()
    return { result, asked: [...asked].flatMap((text) => recordOf(text)) }
  } finally {
    asked = undefined
  }
}

function remember(text: string, terms: TaggedTerm[]): TaggedTerm[] {
  if (remembered.size >= rememberedLimit) remembered.clear()
  remembered.set(text, terms)
  return terms
}

/** None when the text was forgotten since (past `rememberedLimit`). */
function recordOf(text: string): TagRecord[] {
  const terms = remembered.get(text)
  return terms ? [[text, terms.map((term) => [term.text, [...term.tags]] as const)]] : []
}

/** Whether any word of the text carries one of the tags. */
export function hasTag(text: string, ...tags: string[]): boolean {
  return taggedTerms(text).some((term) => tags.some((tag) => term.tags.has(tag)))
}

/** Whether the text's first word carries one of the tags. */
export function startsWithTag(text: string, ...tags: string[]): boolean {
  const first = taggedTerms(text)[0]
  return first !== undefined && tags.some((tag) => first.tags.has(tag))
}
