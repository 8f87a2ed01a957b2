import { CommentText, UsageError, ReviewerName, type ReviewEventDraft } from '../../model/index.js'
import {
  appendReviewEvent,
  commentDraft,
  readReviewState,
  replyDraft,
  reviewLogPath,
  stampEvent,
} from '../../review/index.js'
import { ExitCode, printWarnings } from '../exit.js'
import { checked, deckPlanOf, loadReview, requireOption, slideOf } from './review.js'

export interface CommentOptions {
  readonly audience?: string
  readonly slide?: string | number
  readonly as?: string
  readonly replyTo?: string
}

/**
 * `briefdeck comment BRIEF --audience ID --slide N|ID --as NAME "text"`, or
 * `--reply-to COMMENT_ID` to answer a thread. The slide is looked up in the
 * deck as the brief builds it now, to record its stable id and block ids.
 */
export async function run(briefPath: string, text: string, options: CommentOptions): Promise<number> {
  const author = checked(ReviewerName, requireOption(options.as, '--as'), '--as')
  const body = checked(CommentText, String(text), 'the comment')
  const draft = options.replyTo
    ? await replyTo(briefPath, String(options.replyTo), author, body)
    : await commentOn(briefPath, options, author, body)
  const event = stampEvent(draft)
  await appendReviewEvent(reviewLogPath(briefPath), event)
  console.log(
    `${event.type === 'reply' ? 'replied' : 'commented'} on ${event.audience} slide ${event.slideId} as ${author}: ${event.id}`,
  )
  return ExitCode.ok
}

async function commentOn(
  briefPath: string,
  options: CommentOptions,
  author: string,
  text: string,
): Promise<ReviewEventDraft> {
  const audience = requireOption(options.audience, '--audience')
  const ref = requireOption(options.slide, '--slide')
  const { decks } = await loadReview(briefPath, { audiences: [audience] })
  const plan = deckPlanOf(decks, audience)
  return commentDraft({ plan, slide: slideOf(plan, ref), author }, text)
}

async function replyTo(briefPath: string, threadId: string, author: string, text: string): Promise<ReviewEventDraft> {
  const { state, warnings } = await readReviewState(briefPath)
  printWarnings(warnings)
  const thread = state.threads.find((candidate) => candidate.id === threadId)
  if (!thread) throw new UsageError(`no such comment in ${reviewLogPath(briefPath)}`, '--reply-to')
  return replyDraft(thread, author, text)
}
