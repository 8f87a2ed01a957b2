import type { z } from 'zod'
import {
  describeIssues,
  safeParseInOwnWords,
  UsageError,
  type Brief,
  type DeckPlan,
  type ReviewState,
  type SlidePlan,
  type Warning,
} from '../../model/index.js'
import { findSlide, formatReviewReport, isOutstanding, reviewDeck, type ReviewReport } from '../../review/index.js'
import { ExitCode, printWarnings } from '../exit.js'
import { planBrief, type PlanOptions } from '../../pipeline/index.js'

export interface ReviewOptions {
  readonly strict?: boolean
  readonly json?: boolean
}

/** `briefdeck review BRIEF [--strict] [--json]`: a table per audience; with --strict, exit 1 while anything is outstanding. */
export async function run(briefPath: string, options: ReviewOptions): Promise<number> {
  const { brief, warnings, decks, state } = await loadReview(briefPath)
  const report: ReviewReport = {
    decks: decks.map((plan) => reviewDeck(plan, state, requiredReviewers(brief, plan.audience))),
    orphans: warnings.filter((warning) => warning.ruleId === 'orphaned-override'),
    conflicts: warnings.filter((warning) => warning.ruleId === 'review-duplicate-id'),
  }
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReviewReport(report))
  return options.strict && isOutstanding(report) ? ExitCode.findings : ExitCode.ok
}

export interface LoadedReview {
  readonly brief: Brief
  readonly warnings: readonly Warning[]
  readonly decks: readonly DeckPlan[]
  readonly state: ReviewState
}

/**
 * The deck plans as the brief makes them now, and the review state beside
 * the brief: what every review command starts from. Nothing is written.
 * Problems with the review log are printed; orphaned overrides are the
 * caller's to report.
 */
export async function loadReview(briefPath: string, options: PlanOptions = {}): Promise<LoadedReview> {
  const planned = await planBrief(briefPath, options)
  printWarnings(planned.warnings.filter((warning) => warning.ruleId !== 'orphaned-override'))
  return { brief: planned.brief, warnings: planned.warnings, decks: planned.decks, state: planned.review }
}

export function requiredReviewers(brief: Brief, audience: string): string[] {
  return brief.reviewers[audience] ?? []
}

/**
 * An option the command cannot do without. cac parses numbers, so values
 * come back as text; a missing one is a usage error (exit 2, see --help).
 */
export function requireOption(value: unknown, flag: string): string {
  const text = value === undefined || value === null || value === true ? '' : String(value).trim()
  if (text === '') throw new UsageError('required', flag)
  return text
}

/** What a person typed on the command line, validated with the review log's own schema so the CLI never writes a line the log would refuse. */
export function checked<T>(schema: z.ZodType<T>, value: string, option: string): T {
  const result = safeParseInOwnWords(schema, value)
  if (result.success) return result.data
  throw new UsageError(describeIssues(result.error), option)
}

/** The plan of the audience's deck among those just planned (planned for that audience alone, so it is there). */
export function deckPlanOf(decks: readonly DeckPlan[], audience: string): DeckPlan {
  const plan = decks.find((deck) => deck.audience === audience)
  if (!plan) throw new UsageError(`the brief has no deck for '${audience}'`, '--audience')
  return plan
}

/** A slide by number or id, or a usage error that says how many slides the deck has. */
export function slideOf(plan: DeckPlan, ref: string): SlidePlan {
  const slide = findSlide(plan, ref)
  if (!slide)
    throw new UsageError(
      `the ${plan.audience} deck has no slide ${ref.trim()} (it has ${plan.slides.length})`,
      '--slide',
    )
  return slide
}
