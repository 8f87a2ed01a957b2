import { z } from 'zod'
import { Marking } from './marking.js'

/** Layouts of the local Slidev theme (`templates/theme/layouts`). */
export const SlideLayout = z.enum([
  'cover',
  'bluf',
  'bullets',
  'options',
  'quote',
  'timeline',
  'glossary',
  'table',
  'sources',
])
export type SlideLayout = z.infer<typeof SlideLayout>

export const Bullet = z.object({
  /** The slide-length text shown on the slide. */
  text: z.string(),
  /** The full source sentence(s) when `text` was shortened; goes to the speaker notes. */
  fullText: z.string().optional(),
  blockIds: z.array(z.string()),
  /** Optional second line, e.g. a trade-off on an options slide or a quote's speaker. */
  detail: z.string().optional(),
  /** Optional lead-in shown before the text, e.g. a date on a timeline or `Appropriations` on the Congress slide. */
  label: z.string().optional(),
  /** A whole sentence longer than the word limit that could not be shortened without losing its point: shown smaller. */
  long: z.boolean().optional(),
  /** `brief`: the slide wording is the brief's own (an override's `short`), not the source's words. */
  wording: z.enum(['source', 'brief']).optional(),
})
export type Bullet = z.infer<typeof Bullet>

export const Citation = z.object({
  sourceId: z.string(),
  title: z.string(),
  date: z.string().nullable(),
  author: z.string().nullable(),
  url: z.string().nullable(),
  /** The paragraph index as `ArgumentBlock.paragraph` has it (0-based); absent when the whole source is meant. */
  paragraph: z.number().int().nonnegative().optional(),
})
export type Citation = z.infer<typeof Citation>

/** A table of a source on a slide: its cells as the source writes them, whole, a page of its rows at a time. */
export const SlideTable = z.object({
  /** The source's number for it, e.g. `Table 1`; null when the source numbers none. */
  label: z.string().nullable(),
  /** The caption as the source writes it, or the heading the table sits under. */
  caption: z.string(),
  header: z.array(z.string()),
  rows: z.array(z.array(z.string())),
  /** Rows after these that no slide shows: the slide says the table continues in the source. */
  rowsLeft: z.number().int().nonnegative(),
})
export type SlideTable = z.infer<typeof SlideTable>

export const SlidePlan = z.object({
  /** Stable across regenerations: the section id plus a continuation number, e.g. `key-points-2`. */
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  section: z.string(),
  layout: SlideLayout,
  /** The Handlebars template under `templates/slides/` when it is not the layout's own. */
  template: z.string().optional(),
  title: z.string(),
  /** A framing line shown above the bullets, from the audience profile. */
  lead: z.string().optional(),
  bullets: z.array(Bullet),
  /** Speaker-notes paragraphs: full sentences, source, paragraph, block ids. */
  notes: z.array(z.string()),
  blockIds: z.array(z.string()),
  citations: z.array(Citation),
  /** The most restrictive marking of what is on this slide. */
  marking: Marking,
  /** The word limit its bullets were composed to, for the content check. */
  bulletWords: z.number().int().positive().optional(),
  /** A table slide's table; its citation is the slide's. */
  table: SlideTable.optional(),
})
export type SlidePlan = z.infer<typeof SlidePlan>

export const DeckPlan = z.object({
  /** Brief name: the brief file's base name without `.brief.yaml`. */
  brief: z.string(),
  audience: z.string(),
  title: z.string(),
  subtitle: z.string().optional(),
  /** The audience's name, e.g. `Congressional staff`. */
  audienceName: z.string().optional(),
  /** The line under the title on the cover. */
  coverLine: z.string().optional(),
  /** The brief's date, `YYYY-MM-DD`. */
  date: z.string().optional(),
  contributors: z.array(z.string()).optional(),
  /** Countries the deck goes to; every block on it is releasable to all of them. */
  recipients: z.array(z.string()).optional(),
  /** The audience's target reading grade (Flesch–Kincaid), for the content check. */
  readingGrade: z.number().positive().optional(),
  /** The deck's banner: the most restrictive marking on any slide or the brief's, whichever is stricter. */
  marking: Marking,
  /** True until every slide is approved by the reviewers the brief names for this audience. */
  draft: z.boolean(),
  slides: z.array(SlidePlan),
})
export type DeckPlan = z.infer<typeof DeckPlan>

/**
 * A deck's slides for printing, in two parts (render/text-catalogue.ts): the
 * slides with each text a Vue interpolation of `textFunction(n)`, and the
 * texts as a JSON array. Written beside slides.md, as Slidev resolves the
 * theme from the entry's folder; a deck without them prints from slides.md.
 */
export const printCatalogue = {
  slides: 'print-slides.md',
  texts: 'print-texts.json',
  textFunction: 'briefdeckText',
  /** Where the print page holds the texts for that function, set before the page's scripts run. */
  pageVariable: '__briefdeckTexts',
  /** A function of the print page's that shows other texts in place: a deck whose words alone changed, on a page opened early. */
  pageSetter: '__briefdeckShowTexts',
} as const

/**
 * The print texts' file: one text per number, and a hash (SHA-256, hex) of
 * the slides.md rendered with them. A slides.md edited since (by hand, say)
 * prints from itself.
 */
export const PrintTexts = z.object({ slides: z.string(), texts: z.array(z.string()) })
export type PrintTexts = z.infer<typeof PrintTexts>

/** A rendered deck: file contents keyed by their path inside the deck's folder. */
export interface RenderedDeck {
  readonly files: Readonly<Record<string, string>>
}
