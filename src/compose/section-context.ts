// What every section builder shares (sections.ts for blocks, levers.ts,
// timeline.ts, references.ts, tables.ts): the deck being composed, and the
// orders and tests that decide which blocks a section takes.
import type { AudienceProfile, AudienceSection, Brief, Extraction, SourceDocument } from '../model/index.js'
import { standsAlone, type ShownSentences } from './bullets.js'
import type { PoolBlock } from './pool.js'

export interface SectionContext {
  readonly brief: Brief
  readonly profile: AudienceProfile
  readonly extractions: readonly Extraction[]
  /** The sources as ingest read them, by source id: headings and whole sentences. */
  readonly documents: ReadonlyMap<string, SourceDocument>
  readonly pool: readonly PoolBlock[]
  /** Blocks already on the deck; later sections skip them. */
  readonly used: Set<string>
  /** Sentences already on the deck: no sentence is shown twice, the timeline's included. */
  readonly shown: ShownSentences
}

export type SectionOf<From extends AudienceSection['from']> = Extract<AudienceSection, { from: From }>
/** The sections whose slides are bullets; a tables section has slides of its own kind (tables.ts). */
export type BulletSection = Exclude<AudienceSection, { from: 'tables' }>

export function wordLimit(section: AudienceSection, profile: AudienceProfile): number {
  return section.bulletWords ?? profile.limits.bulletWords
}

export function byReadingOrder(a: PoolBlock, b: PoolBlock): number {
  return a.sourceIndex - b.sourceIndex || a.block.start - b.block.start
}

/** A comparison that does not depend on the machine's locale, so decks do not either. */
export function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0
}

export function byConfidence(a: PoolBlock, b: PoolBlock): number {
  return b.block.confidence - a.block.confidence || byReadingOrder(a, b)
}

/** Blocks not yet on the deck: unused, their sentence unshown. */
export function freeBlocks(context: SectionContext): PoolBlock[] {
  return context.pool.filter((entry) => !context.used.has(entry.block.id) && !context.shown.has(entry.sentence))
}

/**
 * Whether a block can be a bullet: the brief forced it, or it reads as a
 * sentence. Asked only of the blocks a section wants, since tagging parts of
 * speech is compose's costliest step.
 */
export function canBeBullet(entry: PoolBlock): boolean {
  return entry.forced || standsAlone(entry)
}

/** Puts blocks on the deck: later sections and the timeline skip them and their sentences. */
export function markShown(context: SectionContext, entries: readonly PoolBlock[]): void {
  for (const entry of entries) {
    context.used.add(entry.block.id)
    context.shown.add(entry.sentence)
  }
}
