import { z } from 'zod'
import { BlockId } from './block.js'
import { SlidePlan } from './deck.js'

/**
 * Review state: one JSON event per line in `briefs/<name>.review.jsonl`,
 * append-only so that git can merge concurrent appends with `merge=union`.
 * Events are facts (who said or approved what, when, where); the current
 * state is a fold over them, never stored.
 */

/** Random, short enough to type in `briefdeck resolve BRIEF ID`. */
export const ReviewEventId = z.string().regex(/^[a-z0-9]{6,32}$/, 'expected an event id such as k7qm3xw2ra')
export type ReviewEventId = z.infer<typeof ReviewEventId>

/** A reviewer's name as the brief lists it under `reviewers`. */
export const ReviewerName = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\r\n\t]+$/, 'a reviewer name is one line of text')
export type ReviewerName = z.infer<typeof ReviewerName>

export const AudienceId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'expected an audience id such as allied-ministry')

/** Hex digest of what a reader sees on a slide (see `slideContentHash`). */
export const ContentHash = z.string().regex(/^[0-9a-f]{16}$/, 'expected 16 hex digits')
export type ContentHash = z.infer<typeof ContentHash>

export const maxCommentLength = 10_000
export const CommentText = z.string().trim().min(1, 'a comment needs some text').max(maxCommentLength)

/** Where an event points: the slide and the stable ids of the blocks on it, so a thread can follow its blocks when slides move. */
const EventBase = z.object({
  id: ReviewEventId,
  at: z.iso.datetime({ offset: true }),
  author: ReviewerName,
  audience: AudienceId,
  slideId: SlidePlan.shape.id,
  blockIds: z.array(BlockId),
})

export const CommentEvent = EventBase.extend({ type: z.literal('comment'), text: CommentText })
/** Answers a thread; a reply after a resolution reopens it, so an objection is never buried. */
export const ReplyEvent = EventBase.extend({ type: z.literal('reply'), replyTo: ReviewEventId, text: CommentText })
export const ResolveEvent = EventBase.extend({ type: z.literal('resolve'), commentId: ReviewEventId })
/** Counts only while the slide's content hash still equals `contentHash`. */
export const ApproveEvent = EventBase.extend({ type: z.literal('approve'), contentHash: ContentHash })
/** Withdraws the author's own approval of the slide. */
export const RevokeEvent = EventBase.extend({ type: z.literal('revoke') })

export const ReviewEvent = z.discriminatedUnion('type', [
  CommentEvent,
  ReplyEvent,
  ResolveEvent,
  ApproveEvent,
  RevokeEvent,
])
export type ReviewEvent = z.infer<typeof ReviewEvent>
export type ReviewEventType = ReviewEvent['type']

/** An event before it gets its id and time; what the CLI and the server build from a request. */
export type ReviewEventDraft = WithoutStamp<ReviewEvent>
type WithoutStamp<E> = E extends ReviewEvent ? Omit<E, 'id' | 'at'> : never

// The folded state. Plain data, so the server sends it as JSON and the
// review command prints it; derived from the events, never written back.

export interface ReviewMessage {
  readonly id: string
  readonly author: string
  readonly at: string
  readonly text: string
}

export interface CommentThread extends ReviewMessage {
  readonly audience: string
  readonly slideId: string
  readonly blockIds: readonly string[]
  readonly replies: readonly ReviewMessage[]
  /** Who resolved the thread last, unless a later reply reopened it. */
  readonly resolved: { readonly by: string; readonly at: string } | null
}

/** A reviewer's standing approval of one slide (their latest approve not followed by a revoke). */
export interface Approval {
  readonly eventId: string
  readonly audience: string
  readonly slideId: string
  readonly author: string
  readonly at: string
  readonly contentHash: string
}

export interface ReviewState {
  /** In the order the threads were opened. */
  readonly threads: readonly CommentThread[]
  readonly approvals: readonly Approval[]
}

/** One slide's review as the `review` command and the review panel show it. */
export interface SlideReview {
  readonly slideId: string
  /** 1-based position in the deck, as the presenter and `--slide N` count. */
  readonly number: number
  readonly title: string
  readonly contentHash: string
  readonly approvals: readonly (Approval & { readonly current: boolean })[]
  /** Required reviewers without an approval of the current content. */
  readonly awaiting: readonly string[]
  readonly approved: boolean
  /** Someone approved this slide, then its content changed. */
  readonly changedSinceApproval: boolean
  readonly threads: readonly CommentThread[]
  readonly openThreads: number
}

export interface DeckReview {
  readonly audience: string
  readonly requiredReviewers: readonly string[]
  readonly draft: boolean
  readonly slides: readonly SlideReview[]
  /** Threads whose slide and blocks are no longer in the deck; still shown so that nothing anyone wrote disappears. */
  readonly strayThreads: readonly CommentThread[]
  /** Slides not approved, open threads (stray ones included) and slides changed since approval. */
  readonly outstanding: number
}
