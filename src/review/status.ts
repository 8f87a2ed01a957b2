import type {
  Approval,
  CommentThread,
  DeckPlan,
  DeckReview,
  ReviewState,
  SlidePlan,
  SlideReview,
} from '../model/index.js'
import { slideContentHash } from './hash.js'

/**
 * Where each slide of the deck stands: approvals of its current content,
 * reviewers still awaited, open threads. With no required reviewers named,
 * a slide still needs one approval from anyone: a deck nobody approved is a
 * draft, whatever the brief forgot to say.
 */
export function reviewDeck(plan: DeckPlan, state: ReviewState, requiredReviewers: readonly string[]): DeckReview {
  const threadsBySlide = placeThreads(
    plan,
    state.threads.filter((thread) => thread.audience === plan.audience),
  )
  const slides = plan.slides.map((slide, index) =>
    reviewSlide(slide, index + 1, state, plan.audience, requiredReviewers, threadsBySlide.get(slide.id) ?? []),
  )
  const strayThreads = threadsBySlide.get(stray) ?? []
  const openStray = strayThreads.filter((thread) => !thread.resolved).length
  const outstanding = slides.reduce(
    (sum, slide) => sum + (slide.approved ? 0 : 1) + slide.openThreads + (slide.changedSinceApproval ? 1 : 0),
    openStray,
  )
  return {
    audience: plan.audience,
    requiredReviewers,
    draft: slides.length === 0 || !slides.every((slide) => slide.approved),
    slides,
    strayThreads,
    outstanding,
  }
}

/** The review step of the pipeline: a deck stops being a draft once every slide's current content is approved. */
export function applyReview(plan: DeckPlan, state: ReviewState, requiredReviewers: readonly string[]): DeckPlan {
  return { ...plan, draft: reviewDeck(plan, state, requiredReviewers).draft }
}

function reviewSlide(
  slide: SlidePlan,
  number: number,
  state: ReviewState,
  audience: string,
  requiredReviewers: readonly string[],
  threads: readonly CommentThread[],
): SlideReview {
  const contentHash = slideContentHash(slide)
  const mine = state.approvals.filter((approval) => approval.audience === audience && approval.slideId === slide.id)
  const approvals = mine
    .filter(counts)
    .map((approval) => ({ ...approval, current: approval.contentHash === contentHash }))
  const { awaiting, approved } = approvalOf(contentHash, approvals, requiredReviewers)
  return {
    slideId: slide.id,
    number,
    title: slide.title,
    contentHash,
    approvals,
    untrusted: mine.filter((approval) => !counts(approval)),
    awaiting,
    approved,
    changedSinceApproval: approvals.some((approval) => !approval.current),
    threads,
    openThreads: threads.filter((thread) => !thread.resolved).length,
  }
}

/** Only an approval whose signature verified is the author's. */
const counts = (approval: Approval) => approval.trust === 'verified'

function approvalOf(
  contentHash: string,
  approvals: readonly Approval[],
  requiredReviewers: readonly string[],
): { awaiting: string[]; approved: boolean } {
  const currentApprovers = new Set(
    approvals
      .filter((approval) => counts(approval) && approval.contentHash === contentHash)
      .map(({ author }) => author),
  )
  const awaiting = requiredReviewers.filter((reviewer) => !currentApprovers.has(reviewer))
  return { awaiting, approved: requiredReviewers.length > 0 ? awaiting.length === 0 : currentApprovers.size > 0 }
}

/**
 * Whether the deck is still a draft, from its audience's approvals alone:
 * what the review server asks after every approval, without placing every
 * comment thread as a full `reviewDeck` does.
 */
export function isDraft(plan: DeckPlan, approvals: readonly Approval[], requiredReviewers: readonly string[]): boolean {
  const bySlide = new Map<string, Approval[]>()
  for (const approval of approvals)
    if (approval.audience === plan.audience)
      bySlide.set(approval.slideId, [...(bySlide.get(approval.slideId) ?? []), approval])
  return (
    plan.slides.length === 0 ||
    !plan.slides.every(
      (slide) => approvalOf(slideContentHash(slide), bySlide.get(slide.id) ?? [], requiredReviewers).approved,
    )
  )
}

const stray = Symbol('stray')

/**
 * A thread follows the blocks it was written about: it sits on the slide
 * that now holds most of them, else on the slide with its recorded id (title
 * and cover slides have no blocks), else it is stray.
 */
function placeThreads(plan: DeckPlan, threads: readonly CommentThread[]): Map<string | typeof stray, CommentThread[]> {
  const placed = new Map<string | typeof stray, CommentThread[]>()
  for (const thread of threads) {
    const slideId =
      slideHoldingBlocks(plan, thread) ?? plan.slides.find((slide) => slide.id === thread.slideId)?.id ?? stray
    placed.set(slideId, [...(placed.get(slideId) ?? []), thread])
  }
  return placed
}

function slideHoldingBlocks(plan: DeckPlan, thread: CommentThread): string | undefined {
  let best: { id: string; shared: number } | undefined
  for (const slide of plan.slides) {
    const shared = thread.blockIds.filter((id) => slide.blockIds.includes(id)).length
    const better =
      shared > (best?.shared ?? 0) || (shared > 0 && shared === best?.shared && slide.id === thread.slideId)
    if (better) best = { id: slide.id, shared }
  }
  return best?.id
}
