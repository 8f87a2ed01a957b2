import { z } from 'zod'
import { BlockKind } from './block.js'
import { Slug } from './brief.js'
import { SlideLayout } from './deck.js'
import { Trigraph } from './marking.js'

/**
 * A regular expression written in a profile, matched case-insensitively
 * against a block's text. `{leaders:USA}` in it stands for any name the
 * knowledge gives a leader of that country, so that a profile names no
 * person itself and a brief repository's knowledge extends the list.
 */
export const TextPattern = z.string().min(1).refine(isRegExp, 'not a valid regular expression')

/** `{leaders:USA}` in a pattern (see `TextPattern`); compose puts the names in (compose/knowledge-names.ts). */
export const leadersPlaceholder = /\{leaders:([A-Z]{3})\}/g

function isRegExp(source: string): boolean {
  try {
    new RegExp(source.replace(leadersPlaceholder, '(?!)'), 'iu')
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

const patterns = z.array(TextPattern).min(1)

/** One rule of a section: blocks of these kinds, optionally matching one of the patterns. */
export const BlockPick = z.strictObject({
  kinds: z
    .array(BlockKind)
    .min(1)
    .describe('Block kinds to take: thesis, claim, evidence, recommendation, counterargument, quote.'),
  match: patterns.optional().describe('Keep only blocks whose sentence matches one of these patterns.'),
  alsoMatch: patterns
    .optional()
    .describe('And also one of these (e.g. `match` names the United States, `alsoMatch` an interest).'),
  exclude: patterns.optional().describe('Leave out blocks whose sentence matches one of these.'),
  headings: patterns
    .optional()
    .describe("Keep only blocks under a source heading that matches one of these (e.g. 'background')."),
  ifNoneOf: z
    .array(BlockKind)
    .min(1)
    .optional()
    .describe('Apply this pick only when the picks before it in the section found no block of these kinds.'),
  limit: positive.optional().describe('At most this many blocks, the most confident first.'),
  perSource: positive.optional().describe('At most this many blocks from each source.'),
})
export type BlockPick = z.infer<typeof BlockPick>

/**
 * Pairs each selected block with the block of another kind that answers it
 * (e.g. a recommendation with the risk the text raises against it), found
 * anywhere in the same source by the words the two share; never a clause of
 * the same sentence.
 */
export const PairRule = z.strictObject({
  kinds: z.array(BlockKind).min(1),
  label: z.string().min(1).describe('Printed before the paired text, e.g. `Trade-off`.'),
  maxDistance: z
    .number()
    .int()
    .nonnegative()
    .optional()
    .describe('How many paragraphs apart the two may be; anywhere in the source when absent.'),
})
export type PairRule = z.infer<typeof PairRule>

/** A lever of the audience (e.g. appropriations): shown only for a source sentence that speaks to it. */
export const Lever = z.strictObject({
  label: z.string().min(1).describe('Printed before the source sentence, e.g. `Appropriations`.'),
  match: patterns.describe('The sentence must match one of these to show the lever.'),
})
export type Lever = z.infer<typeof Lever>

/** What makes a sentence the source's own word on the audience's levers: a heading it sits under, or its own words. */
export const LeverSupport = z.strictObject({
  headings: patterns.optional().describe("Source headings such as 'issues for congress'."),
  match: patterns.optional().describe("Words in the sentence itself, such as '\\bCongress\\b'."),
})
export type LeverSupport = z.infer<typeof LeverSupport>

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
  minBullets: positive
    .optional()
    .describe(
      'Blocks, levers and timeline sections: with fewer bullets than this the section is left out (unless the brief pins a block to it), and its blocks stay free for later sections.',
    ),
}

export const AudienceSection = z.discriminatedUnion('from', [
  z.strictObject({
    ...sectionBase,
    from: z.literal('blocks'),
    select: z.array(BlockPick).min(1),
    pair: PairRule.optional(),
  }),
  z.strictObject({
    ...sectionBase,
    from: z.literal('levers'),
    kinds: z.array(BlockKind).min(1).describe('Block kinds that may speak to a lever.'),
    support: LeverSupport,
    levers: z.array(Lever).min(1),
  }),
  z.strictObject({
    ...sectionBase,
    from: z.literal('timeline'),
    limit: positive.optional().describe('At most this many events: the most recent, shown in date order.'),
  }),
  z.strictObject({
    ...sectionBase,
    from: z.literal('terms'),
    actorTypes: z.array(z.enum(['country', 'organisation', 'person'])).default(['person', 'organisation']),
  }),
  z.strictObject({
    ...sectionBase,
    from: z.literal('tables'),
    limit: positive.optional().describe('At most this many tables, in reading order; every fitting one when absent.'),
    match: patterns.optional().describe('Keep only tables whose caption matches one of these.'),
    maxColumns: positive
      .default(5)
      .describe('A table with more columns than this does not fit a slide and is left out.'),
    cellWords: positive
      .default(30)
      .describe('A table with a cell longer than this is left out: cells are shown whole, never cut.'),
    rowLines: positive
      .default(12)
      .describe('Lines of rows a slide holds (a long cell takes several); more rows continue on a next slide.'),
    slidesPerTable: positive
      .default(2)
      .describe('Slides one table may take; rows beyond them are left for the source, and the slide says so.'),
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
      .optional()
      .describe(
        "Countries the deck goes to when the brief's `recipients` does not say; every block on it must be releasable to all of them.",
      ),
    limits: z.strictObject({
      bulletWords: positive.describe(
        'Longer sentences are compressed or split; one that cannot be is shown whole in a smaller style. The full sentence stays in the notes.',
      ),
      bulletsPerSlide: positive.describe('More bullets continue on a next slide.'),
      readingGrade: z
        .number()
        .positive()
        .optional()
        .describe('Flesch–Kincaid grade a slide should not exceed; the content check warns above it.'),
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
