import type { DeckPlan, ReviewEvent, ReviewEventDraft, ReviewState } from '../../src/model/index.js'
import { approveDraft, commentDraft, findSlide, foldReviewEvents, stampEvent } from '../../src/review/index.js'

let clock = Date.parse('2025-06-01T09:00:00Z')

/** Stamps drafts with a clock that ticks a minute per event, so logs read in order. */
export function stamp(draft: ReviewEventDraft): ReviewEvent {
  clock += 60_000
  return stampEvent(draft, new Date(clock))
}

export function approveAll(plan: DeckPlan, author: string): ReviewEvent[] {
  return plan.slides.map((slide) => stamp(approveDraft({ plan, slide, author })))
}

export function commentOn(plan: DeckPlan, slideRef: string, author: string, text: string): ReviewEvent {
  const slide = findSlide(plan, slideRef)
  if (!slide) throw new TypeError(`no slide ${slideRef}`)
  return stamp(commentDraft({ plan, slide, author }, text))
}

/** The fold with every approval taken as verified: for tests of what approvals mean, not of signatures. */
export function verifiedFold(events: readonly ReviewEvent[]): ReviewState {
  return foldReviewEvents(events, { trust: () => 'verified' })
}
