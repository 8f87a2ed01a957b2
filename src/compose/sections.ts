import {
  mostRestrictive,
  textPatterns,
  type AudienceProfile,
  type AudienceSection,
  type BlockPick,
  type Brief,
  type Bullet,
  type Citation,
  type Extraction,
  type Marking,
  type PairRule,
  type TimelineEvent,
} from '../model/index.js'
import { formatIsoDate } from '../shared/index.js'
import { blockCitation, blockNote, referenceText, sourceCitation, sourceLabel } from './notes.js'
import { exclusionPatterns, matchesAny, type PoolBlock } from './pool.js'
import { asBullet, collapseWhitespace, comparableText, quotedPart, shortenToWords } from './wording.js'

/** A bullet with what travels with it onto its slide: notes, citations, marking. */
export interface PlannedBullet {
  readonly bullet: Bullet
  readonly notes: string[]
  readonly citations: Citation[]
  readonly marking: Marking
}

export interface SectionContext {
  readonly brief: Brief
  readonly profile: AudienceProfile
  readonly extractions: readonly Extraction[]
  readonly pool: readonly PoolBlock[]
  /** Blocks already shown by an exclusive section; later sections skip them. */
  readonly used: Set<string>
}

type SectionOf<From extends AudienceSection['from']> = Extract<AudienceSection, { from: From }>

/** The bullets of one section of the profile, in the order they will be shown. */
export function sectionBullets(section: AudienceSection, context: SectionContext): PlannedBullet[] {
  switch (section.from) {
    case 'blocks':
      return blockBullets(section, context)
    case 'hooks':
      return hookBullets(section, context)
    case 'timeline':
      return timelineBullets(section, context)
    case 'terms':
      return glossaryBullets(section, context)
    case 'sources':
      return sourceBullets(context)
  }
}

function wordLimit(section: AudienceSection, profile: AudienceProfile): number {
  return section.bulletWords ?? profile.limits.bulletWords
}

function byReadingOrder(a: PoolBlock, b: PoolBlock): number {
  return a.sourceIndex - b.sourceIndex || a.block.start - b.block.start
}

/** A comparison that does not depend on the machine's locale, so decks do not either. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

function byConfidence(a: PoolBlock, b: PoolBlock): number {
  return b.block.confidence - a.block.confidence || byReadingOrder(a, b)
}

// Blocks ---------------------------------------------------------------------

function blockBullets(section: SectionOf<'blocks'>, context: SectionContext): PlannedBullet[] {
  const free = context.pool.filter((entry) => !context.used.has(entry.block.id))
  const selectable = free.filter((entry) => entry.pinned === undefined)
  const chosen = new Map<string, PoolBlock>()
  for (const pick of section.select) for (const entry of applyPick(pick, selectable)) chosen.set(entry.block.id, entry)
  // Pinned blocks come after the profile's picks: the brief adds to a section, it does not reorder it.
  for (const entry of free.filter((candidate) => candidate.pinned === section.id)) chosen.set(entry.block.id, entry)

  const picked = [...chosen.values()]
  if (section.exclusive) for (const entry of picked) context.used.add(entry.block.id)
  const partners = section.pair ? pairUp(picked, free, section.pair, context.used) : new Map<string, PoolBlock>()
  const limit = wordLimit(section, context.profile)
  return picked.map((entry) => blockBullet(entry, limit, section.pair, partners.get(entry.block.id)))
}

/** The pick's blocks: the most confident within its limits, shown in reading order. */
function applyPick(pick: BlockPick, candidates: readonly PoolBlock[]): PoolBlock[] {
  const patterns = pick.match ? textPatterns(pick.match) : []
  const matching = candidates.filter(
    (entry) =>
      pick.kinds.includes(entry.block.kind) && (patterns.length === 0 || matchesAny([entry.block.text], patterns)),
  )
  const perSource = new Map<number, number>()
  const kept = [...matching].sort(byConfidence).filter((entry) => {
    const count = perSource.get(entry.sourceIndex) ?? 0
    if (pick.perSource !== undefined && count >= pick.perSource) return false
    perSource.set(entry.sourceIndex, count + 1)
    return true
  })
  return kept.slice(0, pick.limit ?? kept.length).sort(byReadingOrder)
}

/** Gives each picked block the nearest unused block of the rule's kinds from the same source, if close enough. */
function pairUp(
  picked: readonly PoolBlock[],
  free: readonly PoolBlock[],
  rule: PairRule,
  used: Set<string>,
): Map<string, PoolBlock> {
  const pickedIds = new Set(picked.map((entry) => entry.block.id))
  const available = free.filter(
    (entry) => rule.kinds.includes(entry.block.kind) && entry.pinned === undefined && !pickedIds.has(entry.block.id),
  )
  const partners = new Map<string, PoolBlock>()
  for (const entry of picked) {
    const distance = (other: PoolBlock) => Math.abs(other.block.paragraph - entry.block.paragraph)
    const nearest = available
      .filter(
        (other) =>
          !used.has(other.block.id) && other.sourceIndex === entry.sourceIndex && distance(other) <= rule.maxDistance,
      )
      .sort((a, b) => distance(a) - distance(b) || byReadingOrder(a, b))[0]
    if (!nearest) continue
    partners.set(entry.block.id, nearest)
    used.add(nearest.block.id)
  }
  return partners
}

function blockBullet(
  entry: PoolBlock,
  limit: number,
  rule: PairRule | undefined,
  partner: PoolBlock | undefined,
): PlannedBullet {
  const { block } = entry
  const isQuote = block.kind === 'quote'
  const text = slideWording(entry, limit)
  const detail = isQuote
    ? block.speaker
    : partner && rule
      ? `${rule.label}: ${slideWording(partner, limit)}`
      : undefined
  const bullet: Bullet = { text, blockIds: partner ? [block.id, partner.block.id] : [block.id] }
  if (text !== collapseWhitespace(entry.sentence)) bullet.fullText = entry.sentence
  if (detail) bullet.detail = detail
  const entries = partner ? [entry, partner] : [entry]
  return {
    bullet,
    notes: entries.map(blockNote),
    citations: entries.map(blockCitation),
    marking: mostRestrictive(entries.map((each) => each.marking)),
  }
}

/** The brief's slide wording if it gives one, else the block (a quote's quoted words) as a bullet, cut to the limit. */
function slideWording(entry: PoolBlock, limit: number): string {
  if (entry.override?.short) return collapseWhitespace(entry.override.short)
  const text = entry.block.kind === 'quote' ? quotedPart(entry.block.text) : asBullet(entry.block.text)
  return shortenToWords(text, limit)
}

// Hooks: the audience's standing questions, each tied to the block that speaks to it.

function hookBullets(section: SectionOf<'hooks'>, context: SectionContext): PlannedBullet[] {
  const limit = wordLimit(section, context.profile)
  return section.hooks.map((hook) => {
    const patterns = textPatterns(hook.match)
    const answer = context.pool
      .filter((entry) => hook.kinds.includes(entry.block.kind) && matchesAny([entry.block.text], patterns))
      .sort(byConfidence)[0]
    const bullet: Bullet = { label: hook.label, text: hook.text, blockIds: answer ? [answer.block.id] : [] }
    if (answer) bullet.detail = `In the sources: ${slideWording(answer, limit)}`
    return {
      bullet,
      notes: [`${hook.label}: ${hook.text}`, ...(answer ? [blockNote(answer)] : [])],
      citations: answer ? [blockCitation(answer)] : [],
      marking: answer ? answer.marking : context.brief.marking,
    }
  })
}

// Timeline -------------------------------------------------------------------

interface DatedEvent {
  readonly event: TimelineEvent
  readonly extraction: Extraction
  readonly sourceIndex: number
}

function timelineBullets(section: SectionOf<'timeline'>, context: SectionContext): PlannedBullet[] {
  const exclusions = exclusionPatterns(context.profile)
  const inPool = new Set(context.pool.map((entry) => entry.block.id))
  const seen = new Set<string>()
  const events = context.extractions
    .flatMap((extraction, sourceIndex) =>
      extraction.timeline.map((event): DatedEvent => ({ event, extraction, sourceIndex })),
    )
    .filter((dated) => !matchesAny([dated.event.text], exclusions) && sentenceReachesDeck(dated, inPool))
    .sort(
      (a, b) =>
        byCodeUnits(a.event.date, b.event.date) || a.sourceIndex - b.sourceIndex || a.event.start - b.event.start,
    )
    .filter((dated) => {
      const key = `${dated.event.date}|${dated.event.text}`
      return !seen.has(key) && Boolean(seen.add(key))
    })
  const limit = wordLimit(section, context.profile)
  return events.slice(0, section.limit ?? events.length).map(({ event, extraction }) => {
    const blocks = overlappingBlocks(event, extraction, context.pool)
    const text = shortenToWords(event.text, limit)
    const bullet: Bullet = { label: formatIsoDate(event.date), text, blockIds: blocks.map((entry) => entry.block.id) }
    if (text !== collapseWhitespace(event.text)) bullet.fullText = event.text
    return {
      bullet,
      notes: [timelineNote(event, extraction, blocks)],
      citations: [sourceCitation(extraction.source)],
      marking: mostRestrictive([context.brief.marking, ...blocks.map((entry) => entry.marking)]),
    }
  })
}

function timelineNote(event: TimelineEvent, extraction: Extraction, blocks: readonly PoolBlock[]): string {
  const ids =
    blocks.length > 0
      ? `; ${blocks.length === 1 ? 'block' : 'blocks'} ${blocks.map((entry) => entry.block.id).join(', ')}`
      : ''
  return `“${collapseWhitespace(event.text)}” — ${sourceLabel(extraction.source)}; the date comes from “${event.expression}”${ids}.`
}

/** An event is shown only if no block of its sentence was kept from this audience. */
function sentenceReachesDeck(dated: DatedEvent, inPool: ReadonlySet<string>): boolean {
  return dated.extraction.blocks.filter((block) => overlaps(block, dated.event)).every((block) => inPool.has(block.id))
}

function overlappingBlocks(event: TimelineEvent, extraction: Extraction, pool: readonly PoolBlock[]): PoolBlock[] {
  return pool.filter((entry) => entry.source.id === extraction.source.id && overlaps(entry.block, event))
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end
}

// Glossary: acronyms, then the people and organisations they do not already name.

function glossaryBullets(section: SectionOf<'terms'>, context: SectionContext): PlannedBullet[] {
  const exclusions = exclusionPatterns(context.profile)
  const terms = mergedTerms(context.extractions)
  const covered = (name: string) =>
    terms.some(
      (term) =>
        name.includes(term.acronym) ||
        (term.expansion !== null && comparableText(name) === comparableText(term.expansion)),
    )
  const actors = new Map<string, { role: string; type: string }>()
  for (const extraction of context.extractions) {
    for (const actor of extraction.actors) {
      if (!section.actorTypes.includes(actor.type) || covered(actor.name) || actors.has(actor.name)) continue
      actors.set(actor.name, { role: actor.role ?? '', type: actor.type })
    }
  }
  const entries = [
    ...terms.map((term) => ({
      label: term.acronym,
      text: term.expansion ?? 'not spelled out in the sources',
      note: `${term.acronym}: ${term.expansion ?? 'no expansion found'} (${term.origin === 'glossary' ? 'from the bundled glossary' : 'as the source writes it'}).`,
    })),
    ...[...actors]
      .sort(([a], [b]) => byCodeUnits(a, b))
      .map(([name, actor]) => ({
        label: name,
        text: actor.role || capitalise(actor.type),
        note: `${name}: ${actor.role || actor.type}.`,
      })),
  ]
  return entries
    .filter((entry) => !matchesAny([entry.label, entry.text], exclusions))
    .map((entry) => ({
      bullet: { label: entry.label, text: entry.text, blockIds: [] },
      notes: [entry.note],
      citations: [],
      marking: context.brief.marking,
    }))
}

/** One entry per acronym across sources, preferring an expansion the text itself gives. */
export function mergedTerms(extractions: readonly Extraction[]): Extraction['terms'] {
  const rank = { text: 0, glossary: 1, unknown: 2 } as const
  const byAcronym = new Map<string, Extraction['terms'][number]>()
  for (const term of extractions.flatMap((extraction) => extraction.terms)) {
    const known = byAcronym.get(term.acronym)
    if (!known || rank[term.origin] < rank[known.origin]) byAcronym.set(term.acronym, term)
  }
  return [...byAcronym.values()].sort((a, b) => byCodeUnits(a.acronym, b.acronym))
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}

// Sources --------------------------------------------------------------------

/** The path as the brief writes it: where the repository is checked out must not change the deck. */
function briefSourcePath(context: SectionContext, sourceId: string): string {
  return context.brief.sources.find((source) => source.id === sourceId)?.path ?? sourceId
}

function sourceBullets(context: SectionContext): PlannedBullet[] {
  return context.extractions.map((extraction) => {
    const bullet: Bullet = { text: referenceText(extraction.source), blockIds: [] }
    if (extraction.source.url) bullet.detail = extraction.source.url
    return {
      bullet,
      notes: [
        `${sourceLabel(extraction.source)}: source '${extraction.source.id}', file ${briefSourcePath(context, extraction.source.id)}.`,
      ],
      citations: [sourceCitation(extraction.source)],
      marking: context.brief.marking,
    }
  })
}
