import { isDeepStrictEqual } from 'node:util'
import type { Approval, ApprovalTrust, CommentThread, ReviewEvent, ReviewMessage, ReviewState } from '../model/index.js'

interface MutableThread extends Omit<CommentThread, 'replies' | 'resolved'> {
  replies: ReviewMessage[]
  resolved: CommentThread['resolved']
}

type ThreadEvent = Extract<ReviewEvent, { type: 'reply' | 'resolve' }>
type DecisionEvent = Extract<ReviewEvent, { type: 'approve' | 'revoke' }>

/** What `apply` did with an event. */
export type FoldOutcome = 'applied' | 'repeated' | 'conflicting'

export interface FoldOptions {
  /** The trust of an approval before its signature is checked; by default `unsigned` without one, else `unchecked`. */
  readonly trust?: (approval: Approval) => ApprovalTrust
}

/**
 * The review state, kept up to date one event at a time, so that the
 * thousandth event costs what the first did (the review server applies each
 * new line of the log as it comes). Events are taken in file order.
 *
 * An event id names one event: a line that repeats an event exactly (a
 * union merge of two branches that both carried it) is skipped; a line that
 * reuses an id for something else is refused (`conflicting`), never allowed
 * to replace or hide the event that had the id first.
 */
export class ReviewFold {
  private readonly seen = new Map<string, ReviewEvent>()
  private readonly threads = new Map<string, MutableThread>()
  /** Thread of every comment and reply id, for replies and resolutions that name a reply. */
  private readonly threadOf = new Map<string, MutableThread>()
  /** Replies and resolutions whose comment is not in the log yet (lines of two merged branches), by the id they name. */
  private readonly waiting = new Map<string, ThreadEvent[]>()
  /** Per audience, slide and author: approvals since the author's last revoke, oldest first. */
  private readonly decisions = new Map<string, Approval[]>()
  private readonly decisionOf = new Map<string, string>()
  private snapshot: ReviewState | null = null

  constructor(private readonly options: FoldOptions = {}) {}

  apply(event: ReviewEvent): FoldOutcome {
    const known = this.seen.get(event.id)
    if (known) return isDeepStrictEqual(known, event) ? 'repeated' : 'conflicting'
    this.seen.set(event.id, event)
    this.snapshot = null
    if (event.type === 'comment') this.open(event)
    else if (event.type === 'reply' || event.type === 'resolve') this.attach(event)
    else this.decide(event)
    return 'applied'
  }

  /** Records the outcome of checking an approval's signature. */
  setTrust(eventId: string, trust: ApprovalTrust): void {
    const key = this.decisionOf.get(eventId)
    const approvals = key === undefined ? undefined : this.decisions.get(key)
    const index = approvals?.findIndex((approval) => approval.eventId === eventId) ?? -1
    if (!approvals || index === -1) return
    this.decisions.set(key!, approvals.with(index, { ...approvals[index]!, trust }))
    this.snapshot = null
  }

  /** Approvals whose signature has not been checked yet, newest first (the newest verified one is all that counts). */
  unchecked(): Approval[] {
    return [...this.decisions.values()].flatMap((approvals) =>
      approvals.filter((approval) => approval.trust === 'unchecked').reverse(),
    )
  }

  /** Whether an event with this id has been applied. */
  has(id: string): boolean {
    return this.seen.has(id)
  }

  thread(id: string): CommentThread | undefined {
    return this.threads.get(id)
  }

  state(): ReviewState {
    this.snapshot ??= {
      threads: [...this.threads.values()].map((thread) => ({ ...thread, replies: [...thread.replies] })),
      approvals: [...this.decisions.values()].flatMap(standing),
    }
    return this.snapshot
  }

  /** The standing approvals of one audience only: what its DRAFT mark depends on. */
  approvalsOf(audience: string): Approval[] {
    return [...this.decisions.values()].flatMap((approvals) =>
      approvals[0]?.audience === audience ? standing(approvals) : [],
    )
  }

  private open(event: Extract<ReviewEvent, { type: 'comment' }>): void {
    const { id, author, at, text, audience, slideId, blockIds } = event
    const thread: MutableThread = { id, author, at, text, audience, slideId, blockIds, replies: [], resolved: null }
    this.threads.set(id, thread)
    this.threadOf.set(id, thread)
    this.adoptWaiting(id)
  }

  private attach(event: ThreadEvent): void {
    const target = event.type === 'reply' ? event.replyTo : event.commentId
    const thread = this.threadOf.get(target)
    if (!thread) {
      this.waiting.set(target, [...(this.waiting.get(target) ?? []), event])
      if (event.type === 'reply') this.openStray(event)
      return
    }
    this.applyTo(thread, event)
  }

  private applyTo(thread: MutableThread, event: ThreadEvent): void {
    if (event.type === 'resolve') {
      thread.resolved = { by: event.author, at: event.at }
      return
    }
    const stray = this.threads.get(event.id)
    if (stray && stray !== thread) this.threads.delete(event.id)
    thread.replies.push({ id: event.id, author: event.author, at: event.at, text: event.text })
    thread.resolved = null
    this.threadOf.set(event.id, thread)
    this.adoptWaiting(event.id)
  }

  /** Until its comment turns up, a reply is shown as a thread of its own, so that nobody's words disappear. */
  private openStray(event: Extract<ReviewEvent, { type: 'reply' }>): void {
    const { id, author, at, text, audience, slideId, blockIds } = event
    this.threads.set(id, { id, author, at, text, audience, slideId, blockIds, replies: [], resolved: null })
  }

  private adoptWaiting(id: string): void {
    const waiting = this.waiting.get(id)
    if (!waiting) return
    this.waiting.delete(id)
    const thread = this.threadOf.get(id)!
    for (const event of waiting) this.applyTo(thread, event)
  }

  /** A revoke clears the author's approvals of the slide; an approve adds one. */
  private decide(event: DecisionEvent): void {
    const key = JSON.stringify([event.audience, event.slideId, event.author])
    const earlier = this.decisions.get(key) ?? []
    this.decisions.delete(key) // re-inserted, so that the map keeps the order of the latest decisions
    if (event.type === 'revoke') return
    const approval: Approval = {
      eventId: event.id,
      audience: event.audience,
      slideId: event.slideId,
      author: event.author,
      at: event.at,
      contentHash: event.contentHash,
      signature: event.signature ?? null,
      trust: event.signature ? 'unchecked' : 'unsigned',
    }
    const trusted = { ...approval, trust: this.options.trust?.(approval) ?? approval.trust }
    // Only the newest verified approval and what came after it can matter.
    const kept = earlier.slice(
      Math.max(
        0,
        earlier.findLastIndex((each) => each.trust === 'verified'),
      ),
    )
    this.decisions.set(key, [...kept, trusted])
    this.decisionOf.set(event.id, key)
  }
}

/** The author's newest verified approval, and any later ones that did not verify, to be shown as such. */
function standing(approvals: readonly Approval[]): Approval[] {
  const verified = approvals.findLastIndex((approval) => approval.trust === 'verified')
  return verified === -1 ? [...approvals] : approvals.slice(verified)
}

/** The review state of a whole log, in file order. */
export function foldReviewEvents(events: readonly ReviewEvent[], options: FoldOptions = {}): ReviewState {
  const fold = new ReviewFold(options)
  for (const event of events) fold.apply(event)
  return fold.state()
}
