import {
  BriefdeckProblem,
  bannerText,
  briefPlace,
  isReleasableTo,
  mostRestrictive,
  textPatterns,
  type ArgumentBlock,
  type AudienceProfile,
  type Brief,
  type Extraction,
  type Marking,
  type Override,
  type SourceDocument,
  type SourceMetadata,
} from '../model/index.js'
import { documentTalkReason } from './document-talk.js'
import { furnitureReason } from './furniture.js'
import { sentencesOfBlocks } from './sentences.js'

/** A block that may go on this audience's deck, with what the brief says about it. */
export interface PoolBlock {
  readonly block: ArgumentBlock
  readonly source: SourceMetadata
  /** Position of the block's source in the brief; with `block.start`, the reading order. */
  readonly sourceIndex: number
  readonly override: Override | undefined
  /** The section of this audience's profile the brief pins the block to. */
  readonly pinned: string | undefined
  /** The brief puts the block on this deck explicitly (a pin or an `audiences` list). */
  readonly forced: boolean
  /** The brief's marking combined with the block's own. */
  readonly marking: Marking
  /** The whole sentence the block is (part of), for notes and exclusion rules. */
  readonly sentence: string
  /** The heading of the source section the block sits under, when the source has headings. */
  readonly heading: string | null
}

/**
 * The audience's countries: the brief's list for it, else the profile's,
 * else the partners the brief's marking releases it to (the countries
 * besides the USA); a deck with none of these has no addressee.
 */
export function recipientsOf(brief: Brief, profile: AudienceProfile): string[] {
  const partners = brief.marking.releasableTo?.filter((country) => country !== 'USA')
  const recipients = brief.recipients?.[profile.id] ?? profile.recipients ?? (partners?.length ? partners : undefined)
  if (recipients) return recipients
  throw new BriefdeckProblem(
    `the brief must say which countries the ${profile.id} deck goes to: recipients: { ${profile.id}: [AUS, ...] }`,
    briefPlace(brief, 'recipients'),
    'recipients',
  )
}

/**
 * Every block this audience may see. Blocks limited to other audiences, not
 * releasable to the audience's countries, or caught by the profile's
 * exclusion rules stay out — unless the brief forces them in, which for
 * releasability is an error rather than a leak.
 */
export function blockPool(
  extractions: readonly Extraction[],
  documents: ReadonlyMap<string, SourceDocument>,
  brief: Brief,
  profile: AudienceProfile,
): PoolBlock[] {
  const recipients = recipientsOf(brief, profile)
  const exclusions = exclusionPatterns(profile)
  const sectionIds = new Set(profile.sections.map((section) => section.id))
  return extractions.flatMap((extraction, sourceIndex) => {
    const sentences = sentencesOfBlocks(extraction, brief)
    const paragraphs = documents.get(extraction.source.id)?.paragraphs ?? []
    return extraction.blocks.flatMap((block): PoolBlock[] => {
      const sentence = sentences.get(block.id)!
      const override = brief.overrides[block.id]
      if (override?.audiences && !override.audiences.includes(profile.id)) return []
      const pinned = override?.section && sectionIds.has(override.section) ? override.section : undefined
      const forced = Boolean(pinned) || Boolean(override?.audiences?.includes(profile.id))
      const marking = mostRestrictive(block.marking ? [brief.marking, block.marking] : [brief.marking])
      if (!isReleasableTo(marking, recipients)) {
        if (forced) throw unreleasableProblem(brief, profile, block, override, marking, recipients)
        return []
      }
      // The whole sentence is checked: a harmless clause can share one with the politics it must not carry.
      if (!forced && matchesAny([sentence, override?.short], exclusions)) return []
      // Page furniture that ingest let through is no argument, whatever the extractor called it.
      if (!forced && !override?.short && furnitureReason(sentence)) return []
      // "This report discusses…", "Table 1 compares…": the source's signposts point at nothing on a slide.
      if (!forced && !override?.short && documentTalkReason(sentence)) return []
      const heading = headingPath(paragraphs[block.paragraph])
      return [{ block, source: extraction.source, sourceIndex, override, pinned, forced, marking, sentence, heading }]
    })
  })
}

/** `Issues for Congress / Oversight`: every heading above the paragraph, so a rule may match any level. */
function headingPath(paragraph: SourceDocument['paragraphs'][number] | undefined): string | null {
  if (!paragraph) return null
  return paragraph.sectionPath.length > 0 ? paragraph.sectionPath.join(' / ') : paragraph.section
}

export function exclusionPatterns(profile: AudienceProfile): RegExp[] {
  return profile.exclude.flatMap((rule) => textPatterns(rule.patterns))
}

export function matchesAny(texts: readonly (string | undefined)[], patterns: readonly RegExp[]): boolean {
  return texts.some((text) => text !== undefined && patterns.some((pattern) => pattern.test(text)))
}

/** The brief's own marking must allow the deck to exist at all. */
export function checkDeckReleasable(brief: Brief, profile: AudienceProfile): void {
  const recipients = recipientsOf(brief, profile)
  if (isReleasableTo(brief.marking, recipients)) return
  throw new BriefdeckProblem(
    `the brief is marked ${bannerText(brief.marking)}, so no deck can go to ${profile.id} (${recipients.join(', ')})`,
    briefPlace(brief, 'marking'),
    'releasability',
  )
}

function unreleasableProblem(
  brief: Brief,
  profile: AudienceProfile,
  block: ArgumentBlock,
  override: Override | undefined,
  marking: Marking,
  recipients: readonly string[],
): BriefdeckProblem {
  const field = override?.audiences?.includes(profile.id) ? 'audiences' : 'section'
  return new BriefdeckProblem(
    `block '${block.id}' is marked ${bannerText(marking)} but this override puts it on the ${profile.id} deck, which goes to ${recipients.join(', ')}`,
    briefPlace(brief, 'overrides', block.id, field),
    'releasability',
  )
}
