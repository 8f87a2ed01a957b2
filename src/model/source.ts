import { z } from 'zod'

/** A half-open span `[start, end)` in UTF-16 code units of the source text as JavaScript reads it. */
const offsetNote =
  'in UTF-16 code units of the source text as JavaScript reads it, counted after a leading byte-order mark is removed (a file that starts with a BOM has its offsets one less than the raw decoded string)'

export const Span = z.object({
  start: z.number().int().nonnegative().describe(`First character, ${offsetNote}`),
  end: z.number().int().nonnegative().describe(`One past the last character, ${offsetNote}`),
})
export type Span = z.infer<typeof Span>

export const SourceMetadata = z.object({
  /** Source id used in block ids, e.g. `reassurance-dilemma-2015` (the file's base name). */
  id: z.string().min(1),
  title: z.string().nullable(),
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when that is all the text gives). */
  date: z.string().nullable(),
  author: z.string().nullable(),
  publication: z.string().nullable(),
  url: z.string().nullable(),
  topic: z.string().nullable(),
  region: z.string().nullable(),
})
export type SourceMetadata = z.infer<typeof SourceMetadata>

/** Lines that are page furniture rather than argument. */
export const NoiseKind = z.enum([
  'weekday',
  'dateline',
  'repeated-title',
  'title',
  'image-credit',
  'byline',
  'pull-quote',
  'heading',
])
export type NoiseKind = z.infer<typeof NoiseKind>

export const NoiseLine = Span.extend({
  kind: NoiseKind,
  text: z.string(),
})
export type NoiseLine = z.infer<typeof NoiseLine>

export const Paragraph = Span.extend({
  index: z.number().int().nonnegative(),
  text: z.string(),
  /** The heading of the section the paragraph sits under, if the source has headings. */
  section: z.string().nullable(),
})
export type Paragraph = z.infer<typeof Paragraph>

export const Sentence = Span.extend({
  index: z.number().int().nonnegative(),
  paragraph: z.number().int().nonnegative(),
  text: z.string(),
})
export type Sentence = z.infer<typeof Sentence>

export const SourceDocument = z.object({
  /** The path as the user gave it. */
  file: z.string(),
  /** The decoded text (BOM removed) that every offset points into. */
  text: z.string(),
  metadata: SourceMetadata,
  paragraphs: z.array(Paragraph),
  sentences: z.array(Sentence),
  noise: z.array(NoiseLine),
})
export type SourceDocument = z.infer<typeof SourceDocument>
