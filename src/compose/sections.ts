// The bullets of a deck's sections: blocks chosen by the profile's picks
// here; levers, the timeline and the references in modules of their own.
import { textPatterns, type BlockPick, type PairRule } from '../model/index.js'
import { plannedBullets, type PlannedBullet } from './bullets.js'
import { compressSentence } from './compress.js'
import { leverBullets } from './levers.js'
import {
  byConfidence,
  byReadingOrder,
  canBeBullet,
  freeBlocks,
  markShown,
  wordLimit,
  type BulletSection,
  type SectionContext,
  type SectionOf,
} from './section-context.js'
import { matchesAny, type PoolBlock } from './pool.js'
import { glossaryBullets, sourceBullets } from './references.js'
import { timelineBullets } from './timeline.js'
import { countWords } from './wording.js'

/** The bullets of one section of the profile, in the order they will be shown; none when nothing fits it. */
export function sectionBullets(section: BulletSection, context: SectionContext): PlannedBullet[] {
  switch (section.from) {
    case 'blocks':
      return blockBullets(section, context)
    case 'levers':
      return leverBullets(section, context)
    case 'timeline':
      return timelineBullets(section, context)
    case 'terms':
      return glossaryBullets(section, context)
    case 'sources':
      return sourceBullets(context)
  }
}

// Blocks ---------------------------------------------------------------------

function blockBullets(section: SectionOf<'blocks'>, context: SectionContext): PlannedBullet[] {
  const free = freeBlocks(context)
  const selectable = free.filter((entry) => entry.pinned === undefined)
  const limit = wordLimit(section, context.profile)
  const chosen = new Map<string, PoolBlock>()
  const sentences = new Set<string>()
  const take = (entry: PoolBlock) => {
    // Two clauses of one sentence are one bullet's worth.
    if (chosen.has(entry.block.id) || sentences.has(entry.sentence)) return
    chosen.set(entry.block.id, entry)
    sentences.add(entry.sentence)
  }
  for (const pick of section.select) {
    if (pick.ifNoneOf && [...chosen.values()].some((entry) => pick.ifNoneOf!.includes(entry.block.kind))) continue
    for (const entry of applyPick(pick, selectable, limit)) take(entry)
  }
  // Pinned blocks come after the profile's picks: the brief adds to a section, it does not reorder it.
  for (const entry of free.filter((candidate) => candidate.pinned === section.id && canBeBullet(candidate))) take(entry)

  const picked = [...chosen.values()]
  // Too little for a slide of its own, the section is left out, unless the brief pinned a block to it.
  if (picked.length < (section.minBullets ?? 1) && !picked.some((entry) => entry.pinned === section.id)) return []
  markShown(context, picked)
  const partners = section.pair ? pairUp(picked, freeBlocks(context), section.pair) : new Map<string, PoolBlock>()
  markShown(context, [...partners.values()])
  return picked.flatMap((entry) => {
    const partner = partners.get(entry.block.id)
    const detail =
      entry.block.kind === 'quote'
        ? entry.block.speaker
        : partner && section.pair
          ? `${section.pair.label}: ${compressSentence(partner.sentence, limit).parts.join(' ')}`
          : undefined
    return plannedBullets(entry, limit, section.layout, {
      ...(detail ? { detail } : {}),
      ...(partner ? { partner } : {}),
    })
  })
}

/**
 * The pick's blocks: the most confident within its limits, shown in reading
 * order; a sentence that would stay far over the word limit even when
 * compressed, or one that leans on the sentence before it, comes only
 * after those that fit and stand on their own.
 */
function applyPick(pick: BlockPick, candidates: readonly PoolBlock[], wordLimit: number): PoolBlock[] {
  const [match, also, exclude, headings] = [pick.match, pick.alsoMatch, pick.exclude, pick.headings].map((list) =>
    list ? textPatterns(list) : undefined,
  )
  const matching = candidates.filter(
    (entry) =>
      pick.kinds.includes(entry.block.kind) &&
      (!match || matchesAny([entry.sentence], match)) &&
      (!also || matchesAny([entry.sentence], also)) &&
      (!exclude || !matchesAny([entry.sentence], exclude)) &&
      (!headings || matchesAny([entry.heading ?? undefined], headings)) &&
      canBeBullet(entry),
  )
  const fitsSlide = (entry: PoolBlock) => countWords(entry.override?.short ?? entry.sentence) <= 2 * wordLimit
  const ranked = [...matching].sort(
    (a, b) =>
      Number(fitsSlide(b)) - Number(fitsSlide(a)) ||
      Number(standsOnItsOwn(b)) - Number(standsOnItsOwn(a)) ||
      byConfidence(a, b),
  )
  const perSource = new Map<number, number>()
  const kept = ranked.filter((entry) => {
    const count = perSource.get(entry.sourceIndex) ?? 0
    if (pick.perSource !== undefined && count >= pick.perSource) return false
    perSource.set(entry.sourceIndex, count + 1)
    return true
  })
  return kept.slice(0, pick.limit ?? kept.length).sort(byReadingOrder)
}

/** `He authorized…`, `This action appears…`: a sentence whose subject is in the sentence before it, which no slide shows. */
function standsOnItsOwn(entry: PoolBlock): boolean {
  return (
    entry.override?.short !== undefined ||
    !/^(this|these|those|that|such|it|its|they|their|he|his|she|her)\b/iu.test(entry.sentence)
  )
}

/**
 * Gives each picked block the block of the rule's kinds that answers it:
 * from the same source, a whole other sentence, sharing the most
 * distinctive words with it (at least three: fewer is chance), each used
 * once. No partner is better than one that does not answer the option.
 */
function pairUp(picked: readonly PoolBlock[], free: readonly PoolBlock[], rule: PairRule): Map<string, PoolBlock> {
  const pickedIds = new Set(picked.map((entry) => entry.block.id))
  const available = free.filter(
    (entry) =>
      rule.kinds.includes(entry.block.kind) &&
      entry.pinned === undefined &&
      !pickedIds.has(entry.block.id) &&
      canBeBullet(entry),
  )
  const taken = new Set<string>()
  const partners = new Map<string, PoolBlock>()
  const common = commonWords(free)
  const distinctive = (text: string) => new Set([...contentWords(text)].filter((word) => !common.has(word)))
  for (const entry of picked) {
    const words = distinctive(entry.sentence)
    const scored = available
      .filter(
        (other) =>
          !taken.has(other.sentence) &&
          other.sourceIndex === entry.sourceIndex &&
          other.sentence !== entry.sentence &&
          (rule.maxDistance === undefined ||
            Math.abs(other.block.paragraph - entry.block.paragraph) <= rule.maxDistance),
      )
      .map((other) => ({ other, shared: sharedCount(words, distinctive(other.sentence)) }))
      .filter(({ shared }) => shared >= 3)
      .sort((a, b) => b.shared - a.shared || byReadingOrder(a.other, b.other))
    const best = scored[0]?.other
    if (!best) continue
    partners.set(entry.block.id, best)
    taken.add(best.sentence)
  }
  return partners
}

const stopWords = new Set(
  'a an and are as at be been but by can could for from had has have he her his if in into is it its may might more most must not of on or our should such than that the their them there these they this those to was we were which while who will with would'.split(
    ' ',
  ),
)

/** Lower-cased words of four letters or more that are not function words, crudely stemmed. */
function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'-]+/gu) ?? []
  return new Set(
    words
      .filter((word) => word.length >= 4 && !stopWords.has(word))
      .map((word) => word.replace(/(ies|es|s|ing|ed)$/u, '')),
  )
}

/** Words in more than a fifth of the sentences (a report's own subject, `united`, `states`) say nothing about a pair. */
function commonWords(entries: readonly PoolBlock[]): Set<string> {
  const sentences = [...new Set(entries.map((entry) => entry.sentence))]
  const counts = new Map<string, number>()
  for (const sentence of sentences)
    for (const word of contentWords(sentence)) counts.set(word, (counts.get(word) ?? 0) + 1)
  return new Set([...counts].filter(([, count]) => count > Math.max(2, sentences.length / 5)).map(([word]) => word))
}

function sharedCount(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let count = 0
  for (const word of a) if (b.has(word)) count++
  return count
}
