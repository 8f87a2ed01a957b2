import { z } from 'zod'
import { BlockKind } from './block.js'
import { Slug } from './brief.js'
import { SlideLayout } from './deck.js'
import { Trigraph } from './marking.js'

/** A regular expression written in a profile, matched case-insensitively against a block's text. */
export const TextPattern = z.string().min(1).refine(isRegExp, 'not a valid regular expression')

function isRegExp(source: string): boolean {
  try {
    new RegExp(source, 'iu')
    return true
  } catch {
    return false
  }
}

/** Compiles a profile's patterns the one way every stage matches them. */
export function textPatterns(sources: readonly string[]): RegExp[] {
  return sources.map((source) => new RegExp(source, 'iu'))
}

const positive = z.number().int().positive()

/** One rule of a section: blocks of these kinds, optionally matching one of the patterns. */
export const BlockPick = z.strictObject({
  kinds: z.array(BlockKind).min(1),
  match: z.array(TextPattern).min(1).optional().describe('Keep only blocks whose text matches one of these patterns.'),
  limit: positive.optional().describe('At most this many blocks, the most confident first.'),
  perSource: positive.optional().describe('At most this many blocks from each source.'),
})
export type BlockPick = z.infer<typeof BlockPick>

/** Pairs each selected block with a nearby block of another kind, shown as its detail (e.g. a trade-off). */
export const PairRule = z.strictObject({
  kinds: z.array(BlockKind).min(1),
  label: z.string().min(1).describe('Printed before the paired text, e.g. `Trade-off`.'),
  maxDistance: z.number().int().nonnegative().default(2).describe('How many paragraphs apart the two may be.'),
})
export type PairRule = z.infer<typeof PairRule>

/** A standing question the audience asks (e.g. appropriations), answered by the first block that matches it. */
export const Hook = z.strictObject({
  label: z.string().min(1),
  text: z.string().min(1),
  kinds: z.array(BlockKind).min(1),
  match: z.array(TextPattern).min(1),
})
export type Hook = z.infer<typeof Hook>

const sectionBase = {
  id: Slug,
  title: z.string().min(1),
  /** A framing line shown above the bullets. */
  lead: z.string().min(1).optional(),
  layout: SlideLayout,
  /** Handlebars template under `templates/slides/`, without `.md.hbs`; the layout's name by default. */
  template: Slug.optional(),
  bulletWords: positive.optional().describe("Overrides the profile's word limit for this section."),
  bulletsPerSlide: positive.optional().describe("Overrides the profile's bullet limit for this section."),
}

export const AudienceSection = z.discriminatedUnion('from', [
  z.strictObject({
    ...sectionBase,
    from: z.literal('blocks'),
    select: z.array(BlockPick).min(1),
    /** Whether blocks shown here are kept out of later sections (a BLUF repeats what follows, so it is not). */
    exclusive: z.boolean().default(true),
    pair: PairRule.optional(),
  }),
  z.strictObject({ ...sectionBase, from: z.literal('hooks'), hooks: z.array(Hook).min(1) }),
  z.strictObject({ ...sectionBase, from: z.literal('timeline'), limit: positive.optional() }),
  z.strictObject({
    ...sectionBase,
    from: z.literal('terms'),
    actorTypes: z.array(z.enum(['country', 'organisation', 'person'])).default(['person', 'organisation']),
  }),
  z.strictObject({ ...sectionBase, from: z.literal('sources') }),
])
export type AudienceSection = z.infer<typeof AudienceSection>

/** Content the audience must not get, e.g. US domestic politics for an allied ministry. */
export const ExclusionRule = z.strictObject({
  reason: z.string().min(1),
  patterns: z.array(TextPattern).min(1),
})
export type ExclusionRule = z.infer<typeof ExclusionRule>

/** An audience profile: `templates/audiences/<id>.yaml`. Data only, so users add audiences without code. */
export const AudienceProfile = z
  .strictObject({
    id: Slug,
    name: z.string().min(1).describe('Who the deck is for, e.g. `Congressional staff`.'),
    coverLine: z
      .string()
      .min(1)
      .describe('The line under the title on the cover, e.g. `Briefing for congressional staff`.'),
    recipients: z
      .array(Trigraph)
      .min(1)
      .describe('Countries the deck goes to; every block on it must be releasable to all of them.'),
    limits: z.strictObject({
      bulletWords: positive.describe('Longer bullets are shortened; the full sentence stays in the notes.'),
      bulletsPerSlide: positive.describe('More bullets continue on a next slide.'),
    }),
    wording: z.strictObject({
      spellOutAcronyms: z.boolean().describe('Write `Expansion (ACRONYM)` where an acronym first appears on a slide.'),
    }),
    exclude: z.array(ExclusionRule).default([]),
    sections: z.array(AudienceSection).min(1),
  })
  .superRefine((profile, context) => {
    profile.sections.forEach((section, index) => {
      if (profile.sections.findIndex((other) => other.id === section.id) !== index) {
        context.addIssue({
          code: 'custom',
          path: ['sections', index, 'id'],
          message: `section id '${section.id}' appears twice`,
        })
      }
    })
  })
export type AudienceProfile = z.infer<typeof AudienceProfile>
