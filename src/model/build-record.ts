import { z } from 'zod'
import { CheckedContrast, DeckCheck } from './rendering.js'

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/)

/** What the last export of a deck wrote, with paths relative to the deck's folder (the folder may move whole). */
export const ExportRecord = z.object({
  /** The hash of the deck's files (`DeckBuildRecord.content`) that were exported. */
  content: Sha256,
  /** The hash of the export's settings (handout layout, paper, PNG scale, PPTX, check). */
  settings: Sha256,
  pdf: z.object({ path: z.string(), pages: z.number().int().nonnegative() }),
  handout: z.object({ path: z.string(), pages: z.number().int().nonnegative() }),
  slideImages: z.array(z.string()),
  contactSheet: z.string(),
  pptx: z.string().optional(),
  blockedRequests: z.array(z.string()),
  /** The version of the Chromium that drew the PDFs and PNGs. */
  browser: z.string().optional(),
  /** The render check of the exported deck, when the export ran one. */
  check: DeckCheck.optional(),
  /** With the check: what it found of contrast on each slide, for a later check of the slides drawn the same. */
  contrast: CheckedContrast.optional(),
})
export type ExportRecord = z.infer<typeof ExportRecord>

/**
 * The record each deck folder keeps of the build that made it
 * (`.briefdeck-build.json`), so that a later build can tell what changed.
 * It is written last, once everything it describes is on disk.
 */
/** What the library page shows of a deck without reading the review log again. */
export const DeckStatus = z.object({
  title: z.string(),
  slides: z.number().int().nonnegative(),
  draft: z.boolean(),
  /** When no longer a draft: who approved its slides, and the latest approval's time. */
  approvedBy: z.array(z.string()),
  approvedAt: z.string().nullable(),
})
export type DeckStatus = z.infer<typeof DeckStatus>

export const DeckBuildRecord = z.object({
  /** A hash of everything the deck is made from: brief, sources, profiles, templates and theme, knowledge, review log, audience, briefdeck's version. */
  inputs: Sha256,
  /** A hash of the deck's own files as rendered (slides, plan, theme). */
  content: Sha256,
  /** A key per slide of those files, of what the slide is drawn from (render/slide-keys.ts). */
  slides: z.array(Sha256).optional(),
  status: DeckStatus,
  export: ExportRecord.optional(),
})
export type DeckBuildRecord = z.infer<typeof DeckBuildRecord>
