import type { Approval, CommentThread, ReviewEvent, ReviewMessage, ReviewState } from '../model/index.js'

interface MutableThread extends Omit<CommentThread, 'replies' | 'resolved'> {
  replies: ReviewMessage[]
  resolved: CommentThread['resolved']
}

/**
 * The current review state from the log's events, in file order. Idempotent
 * on duplicate event ids, which a union merge of two branches that both
 * carried the same line can produce.
 */
export function foldReviewEvents(events: readonly ReviewEvent[]): ReviewState {
  const unique = uniqueById(events)
  const threads = openThreads(unique)
  for (const event of unique) {
    if (event.type === 'reply') replyTo(threads, event)
    else if (event.type === 'resolve') resolve(threads, event)
  }
  return { threads: [...threads.values()], approvals: standingApprovals(unique) }
}

function uniqueById(events: readonly ReviewEvent[]): ReviewEvent[] {
  const seen = new Set<string>()
  return events.filter((event) => !seen.has(event.id) && seen.add(event.id))
}

/**
 * Threads are opened before replies are attached, so that a reply whose
 * comment comes later in the file (lines of two merged branches) still lands
 * in its thread.
 */
function openThreads(events: readonly ReviewEvent[]): Map<string, MutableThread> {
  const threads = new Map<string, MutableThread>()
  for (const event of events) {
    if (event.type !== 'comment') continue
    const { id, author, at, text, audience, slideId, blockIds } = event
    threads.set(id, { id, author, at, text, audience, slideId, blockIds, replies: [], resolved: null })
  }
  return threads
}

function replyTo(threads: Map<string, MutableThread>, event: Extract<ReviewEvent, { type: 'reply' }>): void {
  const message = { id: event.id, author: event.author, at: event.at, text: event.text }
  const thread = threads.get(event.replyTo) ?? threadContaining(threads, event.replyTo)
  if (!thread) {
    // The comment it answers is not in this log (e.g. lost in a bad merge): keep the words as a thread of their own.
    const { audience, slideId, blockIds } = event
    threads.set(event.id, { ...message, audience, slideId, blockIds, replies: [], resolved: null })
    return
  }
  thread.replies.push(message)
  thread.resolved = null
}

function resolve(threads: Map<string, MutableThread>, event: Extract<ReviewEvent, { type: 'resolve' }>): void {
  const thread = threads.get(event.commentId) ?? threadContaining(threads, event.commentId)
  if (thread) thread.resolved = { by: event.author, at: event.at }
}

function threadContaining(threads: Map<string, MutableThread>, replyId: string): MutableThread | undefined {
  for (const thread of threads.values()) {
    if (thread.replies.some((reply) => reply.id === replyId)) return thread
  }
  return undefined
}

/** Each reviewer's latest approve or revoke per slide decides; a revoke leaves no approval. */
function standingApprovals(events: readonly ReviewEvent[]): Approval[] {
  const latest = new Map<string, Approval | null>()
  for (const event of events) {
    if (event.type !== 'approve' && event.type !== 'revoke') continue
    const key = JSON.stringify([event.audience, event.slideId, event.author])
    latest.delete(key) // re-insert so that the map keeps the order of the latest decisions
    latest.set(
      key,
      event.type === 'approve'
        ? {
            eventId: event.id,
            audience: event.audience,
            slideId: event.slideId,
            author: event.author,
            at: event.at,
            contentHash: event.contentHash,
          }
        : null,
    )
  }
  return [...latest.values()].filter((approval): approval is Approval => approval !== null)
}
