import { z } from 'zod'
import type { DeckPlan } from './deck.js'

/** One audience's generated deck on disk, as the build hands it to export, check and present. */
export interface BuiltDeck {
  readonly audience: string
  /** The folder holding `slides.md`, the local theme and every export of this deck. */
  readonly dir: string
  readonly slidesPath: string
  readonly plan: DeckPlan
  /** The content check's findings of the plan (check/content.ts), when the build found them as it planned. */
  readonly contentFindings?: readonly CheckFinding[]
}

export const handoutLayouts = ['1up', '2up', '3up', 'notes'] as const
export const HandoutLayout = z.enum(handoutLayouts)
export type HandoutLayout = z.infer<typeof HandoutLayout>

export const paperSizes = ['A4', 'Letter'] as const
export const PaperSize = z.enum(paperSizes)
export type PaperSize = z.infer<typeof PaperSize>

/** What the export wrote for one deck; paths are absolute. */
export interface ExportedDeck {
  readonly audience: string
  readonly pdf: { readonly path: string; readonly pages: number }
  readonly handout: { readonly path: string; readonly pages: number }
  /** One PNG per slide, in slide order. */
  readonly slideImages: readonly string[]
  readonly contactSheet: string
  readonly pptx?: string
  /** Requests to other machines that the export blocked while the deck loaded. */
  readonly blockedRequests: readonly string[]
}

/** What the check finds by opening the deck in Chromium and reading its PDF. */
export const renderingCheckRules = [
  'outside-slide',
  'text-clipped',
  'image-failed',
  'page-error',
  'external-request',
  'slide-count',
  'text-missing-from-pdf',
  'banner-missing',
  'banner-wrong',
  'draft-mark-missing',
  'draft-mark-shown',
  'contrast',
] as const
/** What the check finds by reading the deck plan's content. */
export const contentCheckRules = [
  'cut-bullet',
  'over-long',
  'fragment',
  'duplicate',
  'furniture',
  'document-talk',
  'unsourced',
  'canned-text',
  'thin-slide',
  'reading-grade',
  'citation-incomplete',
] as const
export const checkRules = [...renderingCheckRules, ...contentCheckRules] as const
export const CheckRule = z.enum(checkRules)
export type CheckRule = z.infer<typeof CheckRule>

/** An error fails the check and the build; a warning is reported and the build goes on. */
export const FindingSeverity = z.enum(['error', 'warning'])
export type FindingSeverity = z.infer<typeof FindingSeverity>

/** An element on a slide, named so that a person can find it: a short selector and the start of its text. */
export const ElementNote = z.object({ element: z.string(), detail: z.string() })
export type ElementNote = z.infer<typeof ElementNote>

/**
 * What a check found of contrast on each slide of a deck (an empty list:
 * nothing below AA), and the method it measured by (check/measure.ts): notes
 * that another method found are measured again.
 */
export const CheckedContrast = z.object({ method: z.string(), slides: z.array(z.array(ElementNote)) })
export type CheckedContrast = z.infer<typeof CheckedContrast>

/** A check's contrast taken over for the slides drawn the same since; nothing for the slides to be measured. */
export interface KnownContrast {
  readonly method: string
  readonly slides: readonly (readonly ElementNote[] | undefined)[]
}

/** One rendering or content problem: `briefdeck check --json` prints these. */
export const CheckFinding = z.object({
  rule: CheckRule,
  /** Absent means `error`: every rendering problem is one. */
  severity: FindingSeverity.optional(),
  /** 1-based slide number, or null for problems of the whole deck (slide count, a request made before any slide drew). */
  slide: z.number().int().positive().nullable(),
  /** The slide's stable id (`data-slide-id`), when the slide has one. */
  slideId: z.string().nullable(),
  /** The element at fault as a short selector with its text, e.g. `li:nth-of-type(14) "Forward posture…"`. */
  element: z.string().nullable(),
  /** For content problems of one bullet: its 1-based position on the slide. */
  bullet: z.number().int().positive().optional(),
  message: z.string(),
})
export type CheckFinding = z.infer<typeof CheckFinding>

export const DeckCheck = z.object({
  audience: z.string(),
  slidesPath: z.string(),
  /** Slides the browser drew. */
  slides: z.number().int().nonnegative(),
  /** Slides the deck plan has. */
  planned: z.number().int().nonnegative(),
  findings: z.array(CheckFinding),
})
export type DeckCheck = z.infer<typeof DeckCheck>

/** Whether a finding fails the check. */
export function isError(finding: CheckFinding): boolean {
  return finding.severity !== 'warning'
}

export const CheckReport = z.object({
  /** No finding is an error (warnings may remain). */
  ok: z.boolean(),
  decks: z.array(DeckCheck),
})
export type CheckReport = z.infer<typeof CheckReport>
