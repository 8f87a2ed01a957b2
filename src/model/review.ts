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
/**
 * An armored SSH signature (`ssh-keygen -Y sign`) of the approval's message
 * (see `approvalMessage`), made with the reviewer's key or, through the
 * review server, with the server's key.
 */
export const ApprovalSignature = z
  .string()
  .max(8192)
  .regex(
    /^-----BEGIN SSH SIGNATURE-----\n[A-Za-z0-9+/=\n]+-----END SSH SIGNATURE-----\n?$/,
    'expected an SSH signature',
  )

/**
 * Counts only while the slide's content hash still equals `contentHash`, and
 * only when its signature verifies against a key that the brief's
 * allowed-signers file lists for the author.
 */
export const ApproveEvent = EventBase.extend({
  type: z.literal('approve'),
  contentHash: ContentHash,
  signature: ApprovalSignature.optional(),
})
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

/**
 * Whether an approval is the author's: `verified` when its signature checks
 * out against a key the allowed-signers file lists for the author; `unsigned`
 * and `forged` (a signature that does not verify) never count; `unchecked`
 * until the signature has been checked.
 */
export type ApprovalTrust = 'verified' | 'unsigned' | 'forged' | 'unchecked'

/**
 * A reviewer's approval of one slide since their last revoke: the latest
 * verified one stands; approvals after it that do not verify are kept so
 * that they can be shown as what they are.
 */
export interface Approval {
  readonly eventId: string
  readonly audience: string
  readonly slideId: string
  readonly author: string
  readonly at: string
  readonly contentHash: string
  readonly signature: string | null
  readonly trust: ApprovalTrust
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
  /** Approvals that do not count because they are unsigned or their signature does not verify. */
  readonly untrusted: readonly Approval[]
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
