import { z } from 'zod'
import { Marking } from './marking.js'
import { SourceMetadata, Span } from './source.js'

export const blockKinds = ['thesis', 'claim', 'evidence', 'recommendation', 'counterargument', 'quote'] as const
export const BlockKind = z.enum(blockKinds)
export type BlockKind = z.infer<typeof BlockKind>

/** `<source id>:<8 hex of a hash of the normalised sentence text>`, stable across edits elsewhere in the source. */
export const BlockId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*:[0-9a-f]{8}$/, 'expected a block id such as reassurance-dilemma-2015:4f9a2c1b')
export type BlockId = z.infer<typeof BlockId>

export const ArgumentBlock = Span.extend({
  id: BlockId,
  kind: BlockKind,
  /** Exactly `source.text.slice(start, end)`. */
  text: z.string(),
  sourceId: z.string(),
  paragraph: z.number().int().nonnegative(),
  sentence: z.number().int().nonnegative(),
  confidence: z.number().min(0).max(1),
  /** Name of the extraction rule that fired. */
  rule: z.string(),
  /** The cue words that made the rule fire, when there are any. */
  cue: z.string().optional(),
  /** For quotes: who said it, as the text names them. */
  speaker: z.string().optional(),
  /** For quotes: the speaker's role where the text gives one, e.g. `Secretary of Commerce`. */
  speakerRole: z.string().optional(),
  /** A stricter marking than the brief's, set by a brief override. */
  marking: Marking.optional(),
})
export type ArgumentBlock = z.infer<typeof ArgumentBlock>

export const ActorType = z.enum(['country', 'organisation', 'person'])
export type ActorType = z.infer<typeof ActorType>

export const Actor = z.object({
  name: z.string(),
  type: ActorType,
  /** Other names found for the same actor in the text (e.g. `President Smith`). */
  aliases: z.array(z.string()),
  mentions: z.array(Span),
  /** A role the text gives, e.g. `CIA Director`. */
  role: z.string().optional(),
})
export type Actor = z.infer<typeof Actor>

export const TimelineEvent = Span.extend({
  /** ISO `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; for eras such as World War II the years they span. */
  date: z.string(),
  /** The date expression as the text has it, e.g. `last December`. */
  expression: z.string(),
  /** The sentence the date sits in, trimmed for a timeline slide. */
  text: z.string(),
  sentence: z.number().int().nonnegative(),
  rule: z.string(),
})
export type TimelineEvent = z.infer<typeof TimelineEvent>

export const Term = z.object({
  acronym: z.string(),
  expansion: z.string().nullable(),
  /** Where the expansion came from: the source itself or the bundled glossary. */
  origin: z.enum(['text', 'glossary', 'unknown']),
  mentions: z.array(Span),
})
export type Term = z.infer<typeof Term>

/** One file's extraction: the `briefdeck extract --json` contract. */
export const Extraction = z.object({
  file: z.string().describe('The path as given on the command line'),
  source: SourceMetadata,
  blocks: z.array(ArgumentBlock),
  actors: z.array(Actor),
  timeline: z.array(TimelineEvent),
  terms: z.array(Term),
})
export type Extraction = z.infer<typeof Extraction>

/** What `briefdeck extract --json FILE...` prints: one extraction per file, in the order given. */
export const ExtractionOutput = z.array(Extraction).meta({
  title: 'briefdeck extract --json',
  description: 'One extraction per source file, in the order the files were given.',
})
export type ExtractionOutput = z.infer<typeof ExtractionOutput>
