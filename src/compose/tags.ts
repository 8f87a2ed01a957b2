// Parts of speech from compromise, as plain data and remembered: compose asks
// about the same sentences and segments many times, and tagging is its
// costliest step.
import nlp from 'compromise'

export interface TaggedTerm {
  readonly text: string
  readonly tags: ReadonlySet<string>
}

const remembered = new Map<string, TaggedTerm[]>()
const rememberedLimit = 20000

/** The words of a text with compromise's tags (`Verb`, `Gerund`, `ProperNoun`, ...). */
export function taggedTerms(text: string): readonly TaggedTerm[] {
  const known = remembered.get(text)
  if (known) return known
  const sentences = nlp(text).json() as { terms: { text: string; tags: string[] }[] }[]
  const terms = sentences.flatMap((sentence) =>
    sentence.terms.map((term) => ({ text: term.text, tags: new Set(term.tags) })),
  )
  if (remembered.size >= rememberedLimit) remembered.clear()
  remembered.set(text, terms)
  return terms
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
