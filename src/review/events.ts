import { randomBytes } from 'node:crypto'
import type { CommentThread, DeckPlan, ReviewEvent, ReviewEventDraft, SlidePlan } from '../model/index.js'
import { ReviewEvent as ReviewEventSchema } from '../model/index.js'
import { slideContentHash } from './hash.js'

/** Gives a draft its id and time; ids are random so that two people appending on two branches never collide. */
export function stampEvent(draft: ReviewEventDraft, now: Date = new Date()): ReviewEvent {
  return ReviewEventSchema.parse({ ...draft, id: newEventId(), at: now.toISOString() })
}

const letters = 'abcdefghjkmnpqrstuvwxyz'
const idAlphabet = `${letters}23456789`

/** Ten characters without look-alikes (l/1, o/0), starting with a letter so that no command line parses one as a number. */
function newEventId(): string {
  return [...randomBytes(10)]
    .map((byte, index) => {
      const alphabet = index === 0 ? letters : idAlphabet
      return alphabet[byte % alphabet.length]
    })
    .join('')
}

interface Target {
  readonly plan: DeckPlan
  readonly slide: SlidePlan
  readonly author: string
}

const where = ({ plan, slide, author }: Target) => ({
  author,
  audience: plan.audience,
  slideId: slide.id,
  blockIds: [...slide.blockIds],
})

export function commentDraft(target: Target, text: string): ReviewEventDraft {
  return { ...where(target), type: 'comment', text }
}

/** Replies and resolutions are filed where their thread is, so they read in place in the log. */
export function replyDraft(thread: CommentThread, author: string, text: string): ReviewEventDraft {
  return { ...threadPlace(thread, author), type: 'reply', replyTo: thread.id, text }
}

/** Records the hash of the slide as it is now: the approval lapses as soon as what a reader sees changes. */
export function approveDraft(target: Target): ReviewEventDraft {
  return { ...where(target), type: 'approve', contentHash: slideContentHash(target.slide) }
}

export function revokeDraft(target: Target): ReviewEventDraft {
  return { ...where(target), type: 'revoke' }
}

export function resolveDraft(thread: CommentThread, author: string): ReviewEventDraft {
  return { ...threadPlace(thread, author), type: 'resolve', commentId: thread.id }
}

const threadPlace = ({ audience, slideId, blockIds }: CommentThread, author: string) => ({
  author,
  audience,
  slideId,
  blockIds: [...blockIds],
})
