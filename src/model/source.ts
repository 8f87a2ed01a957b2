import { z } from 'zod'

/** A half-open span `[start, end)` in UTF-16 code units of the source text as JavaScript reads it. */
const offsetNote =
  'in UTF-16 code units of the source text as JavaScript reads it, counted after a leading byte-order mark is removed (a file that starts with a BOM has its offsets one less than the raw decoded string)'

export const Span = z.object({
  start: z.number().int().nonnegative().describe(`First character, ${offsetNote}`),
  end: z.number().int().nonnegative().describe(`One past the last character, ${offsetNote}`),
})
export type Span = z.infer<typeof Span>

/** What a file is, found from its content (magic bytes, markup) before its name. */
export const SourceFormat = z.enum(['text', 'markdown', 'html', 'docx', 'pdf'])
export type SourceFormat = z.infer<typeof SourceFormat>

export const SourceMetadata = z.object({
  /** Source id used in block ids, e.g. `reassurance-dilemma-2015` (the file's base name). */
  id: z.string().min(1),
  title: z.string().nullable(),
  subtitle: z.string().nullable(),
  /** ISO date `YYYY-MM-DD` (or `YYYY-MM`, `YYYY` when that is all the text gives). */
  date: z.string().nullable(),
  /** People (or an organisation) who wrote it, in the order the source names them. */
  authors: z.array(z.string()),
  /** The publisher or publication, e.g. `Congressional Research Service`, a newspaper. */
  publisher: z.string().nullable(),
  url: z.string().nullable(),
  /** A report number or similar, e.g. `IF10491`, `R46729`. */
  identifier: z.string().nullable(),
  /** For example `In Focus`, `Reports`, `Article`. */
  documentType: z.string().nullable(),
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
  'subtitle',
  'image-credit',
  'byline',
  'pull-quote',
  'heading',
  'navigation',
  'metadata',
  'download',
  'table-of-contents',
  'disclaimer',
  'caption',
  'running-header',
  'running-footer',
  'page-number',
  'cover',
  'contact',
  'boilerplate',
  'share',
  'related',
  'cookie-banner',
  'advertisement',
  'comments',
  'other',
])
export type NoiseKind = z.infer<typeof NoiseKind>

export const NoiseLine = z.object({
  kind: NoiseKind,
  text: z.string(),
  /** Where the line sits in `text`; absent for derived formats, whose `text` holds the body only. */
  start: z.number().int().nonnegative().optional(),
  end: z.number().int().nonnegative().optional(),
})
export type NoiseLine = z.infer<typeof NoiseLine>

export const Section = z.object({
  index: z.number().int().nonnegative(),
  heading: z.string(),
  /** 1 for the top level. */
  depth: z.number().int().positive(),
  /** The headings from the top of the tree down to this one. */
  path: z.array(z.string()),
  /** The index of the enclosing section, or null at the top. */
  parent: z.number().int().nonnegative().nullable(),
})
export type Section = z.infer<typeof Section>

export const Paragraph = Span.extend({
  index: z.number().int().nonnegative(),
  text: z.string(),
  /** The heading of the section the paragraph sits under, if the source has headings. */
  section: z.string().nullable(),
  /** Every heading above the paragraph, outermost first (empty before the first heading). */
  sectionPath: z.array(z.string()),
})
export type Paragraph = z.infer<typeof Paragraph>

export const Sentence = Span.extend({
  index: z.number().int().nonnegative(),
  paragraph: z.number().int().nonnegative(),
  text: z.string(),
})
export type Sentence = z.infer<typeof Sentence>

export const Table = z.object({
  index: z.number().int().nonnegative(),
  caption: z.string().nullable(),
  /** Rows of cell texts; the first row is the header when the source marks one. */
  rows: z.array(z.array(z.string())),
  sectionPath: z.array(z.string()),
})
export type Table = z.infer<typeof Table>

/** A note the text cites: a citation or an aside, never prose of the argument. */
export const Footnote = z.object({
  label: z.string(),
  text: z.string(),
  /** The paragraph and sentence whose reference mark cites it, when the mark was found. */
  paragraph: z.number().int().nonnegative().nullable(),
  sentence: z.number().int().nonnegative().nullable(),
  /** Offset in `text` where the reference mark stood. */
  offset: z.number().int().nonnegative().nullable(),
})
export type Footnote = z.infer<typeof Footnote>

export const SourceDocument = z.object({
  /** The path as the user gave it. */
  file: z.string(),
  format: SourceFormat,
  /**
   * The text every offset points into: the decoded file (BOM removed) for text and markdown
   * without inline markup; for PDF, HTML, Word and marked-up markdown the body text, paragraphs
   * separated by blank lines.
   */
  text: z.string(),
  metadata: SourceMetadata,
  sections: z.array(Section),
  paragraphs: z.array(Paragraph),
  sentences: z.array(Sentence),
  tables: z.array(Table),
  footnotes: z.array(Footnote),
  noise: z.array(NoiseLine),
})
export type SourceDocument = z.infer<typeof SourceDocument>

/** One file of `briefdeck ingest --json` (the contract `score-sources.mjs` reads). */
export const IngestedSource = z.object({
  file: z.string().describe('The path as given on the command line'),
  format: SourceFormat,
  source: SourceMetadata,
  text: z
    .string()
    .describe(
      'The body text without furniture, headings and paragraphs separated by blank lines; for PDF, HTML, Word and marked-up markdown the text that extract offsets point into',
    ),
  sections: z.array(Section),
  paragraphs: z.array(Paragraph),
  tables: z.array(Table),
  footnotes: z.array(Footnote),
  noise: z.array(NoiseLine),
})
export type IngestedSource = z.infer<typeof IngestedSource>

export const IngestOutput = z.array(IngestedSource).meta({
  title: 'briefdeck ingest --json',
  description: 'One document per file that could be read, in the order the files were given.',
})
export type IngestOutput = z.infer<typeof IngestOutput>
