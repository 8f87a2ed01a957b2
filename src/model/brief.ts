import { z } from 'zod'
import { BlockId, BlockKind } from './block.js'
import { Marking, Trigraph, unclassified } from './marking.js'
import type { Place } from './problem.js'

/** Lowercase id used for sources, audiences and sections, e.g. `allied-ministry`. */
export const Slug = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'expected lowercase letters, digits and hyphens, e.g. allied-ministry')

/** A marking written in a file: unknown keys are typos, not extensions. */
export const StrictMarking = Marking.strict()

export const BriefSource = z.strictObject({
  id: Slug.describe('Source id; block ids start with it, e.g. `reassurance-dilemma-2015:4f9a2c1b`.'),
  path: z.string().min(1).describe('The source text, relative to the brief file; it must stay inside the repository.'),
})
export type BriefSource = z.infer<typeof BriefSource>

export const Contributor = z.strictObject({
  name: z.string().min(1),
  role: z.string().min(1).optional(),
})
export type Contributor = z.infer<typeof Contributor>

/** A regional expert's correction of one block, kept in the brief so that it survives regeneration. */
export const Override = z
  .strictObject({
    text: z.string().min(1).optional().describe("Replaces the block's text everywhere, notes included."),
    short: z.string().min(1).optional().describe('Slide wording; the notes keep the full sentence.'),
    kind: BlockKind.optional().describe('Corrects the kind the extraction chose.'),
    drop: z.literal(true).optional().describe('Leaves the block out of every deck.'),
    section: Slug.optional().describe('Pins the block to this section of every audience profile that has it.'),
    audiences: z.array(Slug).min(1).optional().describe('Only these audiences get the block (and they always get it).'),
    marking: StrictMarking.optional().describe("A stricter marking for this block than the brief's."),
    reason: z.string().min(1).optional().describe('Why the correction was made, for the next reader.'),
  })
  .refine(
    (override) => Object.keys(override).some((key) => key !== 'reason'),
    'an override must change something: text, short, kind, drop, section, audiences or marking',
  )
export type Override = z.infer<typeof Override>

/** What a `*.brief.yaml` file holds. */
export const BriefFile = z
  .strictObject({
    title: z.string().min(1),
    subtitle: z.string().min(1).optional(),
    date: z.iso.date().optional().describe('Date shown on the cover, YYYY-MM-DD.'),
    sources: z.array(BriefSource).min(1),
    audiences: z.array(Slug).min(1).describe('Audience profile ids: templates/audiences/<id>.yaml.'),
    marking: StrictMarking.default(unclassified).describe(
      'Banner and releasability of every deck built from this brief.',
    ),
    recipients: z
      .record(Slug, z.array(Trigraph).min(1))
      .optional()
      .describe("Countries each audience's deck goes to, instead of the profile's own list."),
    contributors: z.array(Contributor).default([]),
    reviewers: z
      .record(Slug, z.array(z.string().min(1)))
      .default({})
      .describe("Names whose approval each audience's deck needs before it stops being a draft."),
    overrides: z.record(BlockId, Override).default({}).describe('Corrections keyed by stable block id.'),
  })
  .superRefine((brief, context) => {
    const audiences = new Set(brief.audiences)
    const unknownAudience = (path: PropertyKey[], id: string) =>
      context.addIssue({
        code: 'custom',
        path,
        message: `'${id}' is not one of the brief's audiences (${brief.audiences.join(', ')})`,
      })
    reportDuplicates(
      brief.sources.map((source) => source.id),
      (index, id) =>
        context.addIssue({
          code: 'custom',
          path: ['sources', index, 'id'],
          message: `source id '${id}' appears twice`,
        }),
    )
    reportDuplicates(brief.audiences, (index, id) =>
      context.addIssue({ code: 'custom', path: ['audiences', index], message: `audience '${id}' appears twice` }),
    )
    for (const id of Object.keys(brief.reviewers)) if (!audiences.has(id)) unknownAudience(['reviewers', id], id)
    for (const id of Object.keys(brief.recipients ?? {}))
      if (!audiences.has(id)) unknownAudience(['recipients', id], id)
    for (const [blockId, override] of Object.entries(brief.overrides)) {
      override.audiences?.forEach((id, index) => {
        if (!audiences.has(id)) unknownAudience(['overrides', blockId, 'audiences', index], id)
      })
    }
  })
export type BriefFile = z.infer<typeof BriefFile>

function reportDuplicates(values: readonly string[], report: (index: number, value: string) => void): void {
  values.forEach((value, index) => {
    if (values.indexOf(value) !== index) report(index, value)
  })
}

/** Line and column (1-based) of a value in a file. */
export interface Position {
  readonly line: number
  readonly column: number
}

/** A validated brief, with where each of its values was written. */
export interface Brief extends BriefFile {
  /** The brief file's path as given. */
  readonly file: string
  /** The file's base name without `.brief.yaml`: names the output folder and the decks. */
  readonly name: string
  /** Position of every value, keyed by its JSON pointer, e.g. `/overrides/reassurance-dilemma-2015:4f9a2c1b/section`. */
  readonly places: Readonly<Record<string, Position>>
}

/** JSON pointer (RFC 6901) of a path into a document. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

/** Where a value of the brief was written; the nearest enclosing value when that one has no position. */
export function briefPlace(brief: Pick<Brief, 'file' | 'places'>, ...path: PropertyKey[]): Place {
  for (let length = path.length; length >= 0; length--) {
    const position = brief.places[jsonPointer(path.slice(0, length))]
    if (position) return { file: brief.file, ...position }
  }
  return { file: brief.file }
}
