import { mostRestrictive, type Bullet, type Citation, type Marking, type SlideLayout } from '../model/index.js'
import { compressSentence } from './compress.js'
import { isFragment } from './fragments.js'
import { hasTag } from './tags.js'
import { blockCitation, blockNote } from './notes.js'
import type { PoolBlock } from './pool.js'
import { asBullet, collapseWhitespace, comparableText, countWords, quotedPart } from './wording.js'

/** A bullet with what travels with it onto its slide: notes, citations, marking. */
export interface PlannedBullet {
  readonly bullet: Bullet
  readonly notes: string[]
  readonly citations: Citation[]
  readonly marking: Marking
}

/**
 * The sentences already on the deck, so that none is shown twice: the same
 * sentence, or one that says nearly the same (a report's summary repeats its
 * body): four in five of their words shared.
 */
export class ShownSentences {
  readonly #keys = new Set<string>()
  readonly #words: Set<string>[] = []

  has(sentence: string): boolean {
    if (this.#keys.has(sentenceKey(sentence))) return true
    const words = wordSet(sentence)
    return words.size >= 5 && this.#words.some((shown) => overlap(words, shown) >= 0.8)
  }

  add(sentence: string): void {
    this.#keys.add(sentenceKey(sentence))
    this.#words.push(wordSet(sentence))
  }
}

function wordSet(sentence: string): Set<string> {
  return new Set(
    sentenceKey(sentence)
      .split(' ')
      .filter((word) => word.length > 2),
  )
}

/** Shared words over the smaller set's size: a sentence inside a longer one counts as repeated. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const word of a) if (b.has(word)) shared++
  return shared / Math.min(a.size, b.size)
}

/** Two renderings of one sentence (spacing, quotes, case, a trailing stop) compare equal. */
export function sentenceKey(sentence: string): string {
  return comparableText(sentence)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
}

/** Layouts whose bullets are numbered items (an option, a quote): a split sentence would read as two. */
const unsplitLayouts: ReadonlySet<SlideLayout> = new Set(['options', 'quote'])

/**
 * A block's slide wording: the brief's `short` if it gives one, else the
 * block (a quote's quoted words) compressed to the limit. Returns one
 * bullet per part where the layout allows splitting, each naming the block.
 */
export function blockWording(
  entry: PoolBlock,
  limit: number,
  layout: SlideLayout,
): { text: string; long: boolean; wording: 'source' | 'brief' }[] {
  if (entry.override?.short) {
    const text = collapseWhitespace(entry.override.short)
    return [{ text, long: countWords(text) > limit, wording: 'brief' }]
  }
  const source = entry.block.kind === 'quote' ? quotedPart(entry.block.text) : bulletSource(entry)
  const { parts, long } = compressSentence(source, limit)
  if (unsplitLayouts.has(layout) || entry.block.kind === 'quote') {
    const text = parts.join(' ')
    return [{ text, long: long || countWords(text) > limit, wording: 'source' }]
  }
  return parts.map((text) => ({ text, long: countWords(text) > limit, wording: 'source' }))
}

const standing = new WeakMap<PoolBlock, boolean>()

/** Whether the block can be a bullet at all: its wording (clause or sentence) reads as a sentence. */
export function standsAlone(entry: PoolBlock): boolean {
  const known = standing.get(entry)
  if (known !== undefined) return known
  const stands = Boolean(entry.override?.short) || entry.block.kind === 'quote' || !isFragment(bulletSource(entry))
  standing.set(entry, stands)
  return stands
}

/** The block's own clause when it stands as a sentence, else its whole sentence; without a heading the page glued to it. */
function bulletSource(entry: PoolBlock): string {
  const clause = asSentence(asBullet(withoutGluedHeading(entry.block.text)))
  return isFragment(clause) ? asSentence(withoutGluedHeading(collapseWhitespace(entry.sentence))) : clause
}

/**
 * `UNCLOS and the Seabed Authority UNCLOS was adopted in 1982.`: a heading set in body type reads
 * into the sentence after it. Its shape: a run of capitalised words without a verb, then the
 * run's own first word again opening a sentence that stands alone; the sentence is what remains.
 */
export function withoutGluedHeading(text: string): string {
  const first = /^([\p{Lu}][\p{L}\p{N}.-]+)\s/u.exec(text)?.[1]
  if (!first) return text
  const again = text.indexOf(` ${first} `, first.length)
  if (again === -1) return text
  const heading = text.slice(0, again)
  const rest = text.slice(again + 1)
  const titleCase = heading
    .split(/\s+/u)
    .every((word) => /^[\p{Lu}\p{N}(]/u.test(word) || /^(and|of|the|for|in|on|to|a|an)$/u.test(word))
  return countWords(heading) >= 2 && titleCase && !hasTag(heading, 'Verb') && !isFragment(rest) ? rest : text
}

/** A clause that ends on a word gets its full stop; any other ending is left as the source wrote it. */
function asSentence(text: string): string {
  return /[\p{L}\p{N})]$/u.test(text) ? `${text}.` : text
}

/** The bullets of one block (several when its sentence was split), with its note, citation and marking on each. */
export function plannedBullets(
  entry: PoolBlock,
  limit: number,
  layout: SlideLayout,
  extra: Partial<Pick<Bullet, 'label' | 'detail'>> & { partner?: PoolBlock } = {},
): PlannedBullet[] {
  const entries = extra.partner ? [entry, extra.partner] : [entry]
  const sentence = collapseWhitespace(entry.sentence)
  return blockWording(entry, limit, layout).map((wording, index) => {
    const bullet: Bullet = { text: wording.text, blockIds: entries.map((each) => each.block.id) }
    if (index === 0 && extra.label) bullet.label = extra.label
    if (index === 0 && extra.detail) bullet.detail = extra.detail
    if (wording.text !== sentence) bullet.fullText = sentence
    if (wording.long) bullet.long = true
    if (wording.wording === 'brief') bullet.wording = 'brief'
    return {
      bullet,
      notes: entries.map(blockNote),
      citations: entries.map(blockCitation),
      marking: mostRestrictive(entries.map((each) => each.marking)),
    }
  })
}
