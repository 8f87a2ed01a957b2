import { mostRestrictive, type Bullet, type Extraction, type TimelineEvent } from '../model/index.js'
import type { PlannedBullet } from './bullets.js'
import { isFragment } from './fragments.js'
import { compressSentence } from './compress.js'
import { formatIsoDate } from '../shared/index.js'
import { furnitureReason } from './furniture.js'
import { sourceCitation, sourceLabel } from './notes.js'
import { exclusionPatterns, matchesAny, type PoolBlock } from './pool.js'
import { byCodeUnits, wordLimit, type SectionContext, type SectionOf } from './section-context.js'
import { sentencesOfBlocks } from './sentences.js'
import { collapseWhitespace, countWords } from './wording.js'

interface DatedEvent {
  readonly event: TimelineEvent
  readonly extraction: Extraction
  readonly sourceIndex: number
  /** The whole sentence the date sits in. */
  readonly sentence: string
}

/**
 * Dated events whose sentence is not already on the deck, one per
 * sentence; the most recent when there are more than the limit, shown in
 * date order.
 */
export function timelineBullets(section: SectionOf<'timeline'>, context: SectionContext): PlannedBullet[] {
  const exclusions = exclusionPatterns(context.profile)
  const limit = wordLimit(section, context.profile)
  const inPool = new Set(context.pool.map((entry) => entry.block.id))
  const seen = new Set<string>()
  const events = context.extractions
    .flatMap((extraction, sourceIndex) => datedEvents(extraction, sourceIndex, context))
    .filter(
      (dated) =>
        !matchesAny([dated.sentence], exclusions) &&
        !furnitureReason(dated.sentence) &&
        // A sentence the page or a quotation cut off has no full stop to end on.
        /[.?!”’"]$/u.test(dated.sentence.trim()) &&
        !isFragment(dated.sentence) &&
        !context.shown.has(dated.sentence) &&
        sentenceReachesDeck(dated, inPool),
    )
    .map((dated) => ({ ...dated, blocks: overlappingBlocks(dated.event, dated.extraction, context.pool) }))
    // Every bullet names its blocks: a date in a sentence no block holds has nothing to point to.
    .filter((dated) => dated.blocks.length > 0)
    // A timeline is read at a glance: a sentence far over the limit even when compressed is left to the notes.
    .filter((dated) => countWords(compressSentence(dated.sentence, limit).parts.join(' ')) <= 2 * limit)
    .sort(
      (a, b) =>
        byCodeUnits(a.event.date, b.event.date) || a.sourceIndex - b.sourceIndex || a.event.start - b.event.start,
    )
    .filter((dated) => !seen.has(dated.sentence) && Boolean(seen.add(dated.sentence)))
  const kept = section.limit === undefined ? events : events.slice(-section.limit)
  if (kept.length < (section.minBullets ?? 1)) return []
  return kept.map(({ event, extraction, sentence, blocks }) => {
    context.shown.add(sentence)
    const text = compressSentence(sentence, limit).parts.join(' ')
    const bullet: Bullet = { label: formatIsoDate(event.date), text, blockIds: blocks.map((entry) => entry.block.id) }
    if (text !== sentence) bullet.fullText = sentence
    if (countWords(text) > limit) bullet.long = true
    return {
      bullet,
      notes: [timelineNote(event, sentence, extraction, blocks)],
      citations: [sourceCitation(extraction.source)],
      marking: mostRestrictive([context.brief.marking, ...blocks.map((entry) => entry.marking)]),
    }
  })
}

/** Each event with its whole sentence: from the source as ingest read it, else from the blocks, else as extracted. */
function datedEvents(extraction: Extraction, sourceIndex: number, context: SectionContext): DatedEvent[] {
  const document = context.documents.get(extraction.source.id)
  const fromBlocks = sentencesOfBlocks(extraction, context.brief)
  const blockSentence = (index: number) => {
    const block = extraction.blocks.find((candidate) => candidate.sentence === index)
    return block ? fromBlocks.get(block.id) : undefined
  }
  return extraction.timeline.flatMap((event): DatedEvent[] => {
    const whole =
      document?.sentences.find((candidate) => candidate.index === event.sentence)?.text ??
      blockSentence(event.sentence) ??
      (event.text.includes('…') ? undefined : event.text)
    return whole ? [{ event, extraction, sourceIndex, sentence: collapseWhitespace(whole) }] : []
  })
}

function timelineNote(
  event: TimelineEvent,
  sentence: string,
  extraction: Extraction,
  blocks: readonly PoolBlock[],
): string {
  const ids =
    blocks.length > 0
      ? `; ${blocks.length === 1 ? 'block' : 'blocks'} ${blocks.map((entry) => entry.block.id).join(', ')}`
      : ''
  return `“${sentence}” — ${sourceLabel(extraction.source)}; the date comes from “${event.expression}”${ids}.`
}

/** An event is shown only if no block of its sentence was kept from this audience. */
function sentenceReachesDeck(dated: DatedEvent, inPool: ReadonlySet<string>): boolean {
  return dated.extraction.blocks
    .filter((block) => block.sentence === dated.event.sentence)
    .every((block) => inPool.has(block.id))
}

/** The blocks of the event's sentence that this audience may see. */
function overlappingBlocks(event: TimelineEvent, extraction: Extraction, pool: readonly PoolBlock[]): PoolBlock[] {
  return pool.filter((entry) => entry.source.id === extraction.source.id && entry.block.sentence === event.sentence)
}
