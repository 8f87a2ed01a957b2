// The stages that decide what the decks say, in order and writing nothing:
// brief -> sources -> extract -> overrides -> compose -> review.
import { applyOverrides, repositoryRoot, sourcePath } from '../brief/index.js'
import { checkPinnedSections, compose } from '../compose/index.js'
import { extract, readKnowledge } from '../extract/index.js'
import { readSource } from '../ingest/index.js'
import { dirname, resolve } from 'node:path'
import {
  type AudienceProfile,
  type Brief,
  type DeckPlan,
  type DeckStatus,
  type ReviewState,
  type Warning,
} from '../model/index.js'
import { applyReview, readReviewState, reviewDeck } from '../review/index.js'
import { readBriefInputs, selectAudiences, type BriefInputs, type InputOptions } from './inputs.js'

export interface PlanOptions extends InputOptions {
  /** Only these of the brief's audiences; all of them when absent. */
  readonly audiences?: readonly string[]
}

export interface BriefPlan {
  readonly brief: Brief
  /** Orphaned overrides and unreadable review lines: the plan went on, but someone should look. */
  readonly warnings: Warning[]
  readonly decks: DeckPlan[]
  /** The review log as it stood when the decks were planned. */
  readonly review: ReviewState
}

/** The deck plans of a brief's audiences as its files say now. Reads the brief, its sources, templates and review log; writes nothing. */
export async function planBrief(briefPath: string, options: PlanOptions = {}): Promise<BriefPlan> {
  const inputs = await readBriefInputs(briefPath, options)
  return planDecks(inputs, selectAudiences(inputs, options.audiences))
}

/** Extraction runs once for all the audiences asked for; the review state decides each deck's DRAFT mark. */
export async function planDecks(inputs: BriefInputs, audiences: readonly AudienceProfile[]): Promise<BriefPlan> {
  const { brief } = inputs
  checkPinnedSections(brief, inputs.profiles)
  // The bundled knowledge, and the brief repository's own in knowledge/*.json.
  const knowledge = await readKnowledge([inputs.knowledgeDir])
  // Sources are checked on the opened file to lie inside the repository (no link swapped meanwhile leads out).
  const root = await repositoryRoot(dirname(resolve(brief.file)))
  const documents = await Promise.all(
    brief.sources.map((source) => readSource(sourcePath(brief, source), { sourceId: source.id, root })),
  )
  const extractions = documents.map((document) => extract(document, knowledge))
  const { extractions: corrected, orphans } = applyOverrides(extractions, brief)
  const review = await readReviewState(brief.file)
  const decks = audiences.map((audience) =>
    applyReview(
      compose({ extractions: corrected, documents, brief, audience, knowledge }),
      review.state,
      brief.reviewers[audience.id] ?? [],
    ),
  )
  return { brief, warnings: [...inputs.notices, ...orphans, ...review.warnings], decks, review: review.state }
}

/** A deck's standing for the library page: a draft, or approved by whom and when. */
export function deckStatus(brief: Brief, plan: DeckPlan, review: ReviewState): DeckStatus {
  const status = { title: plan.title, slides: plan.slides.length, draft: plan.draft }
  if (plan.draft) return { ...status, approvedBy: [], approvedAt: null }
  const approvals = reviewDeck(plan, review, brief.reviewers[plan.audience] ?? []).slides.flatMap((slide) =>
    slide.approvals.filter((approval) => approval.current),
  )
  const approvedBy = [...new Set(approvals.map((approval) => approval.author))].sort()
  const approvedAt =
    approvals
      .map((approval) => approval.at)
      .sort()
      .at(-1) ?? null
  return { ...status, approvedBy, approvedAt }
}
