import { ReviewerName, UsageError } from '../../model/index.js'
import { appendReviewEvent, readReviewState, resolveDraft, reviewLogPath, stampEvent } from '../../review/index.js'
import { ExitCode, printWarnings } from '../exit.js'
import { checked, requireOption } from './review.js'

export interface ResolveOptions {
  readonly as?: string
}

/** `briefdeck resolve BRIEF COMMENT_ID --as NAME`: the id is the one `briefdeck review` lists beside each open comment. */
export async function run(briefPath: string, commentId: string, options: ResolveOptions): Promise<number> {
  const author = checked(ReviewerName, requireOption(options.as, '--as'), '--as')
  const { state, warnings } = await readReviewState(briefPath)
  printWarnings(warnings)
  const thread = state.threads.find((candidate) => candidate.id === String(commentId))
  if (!thread)
    throw new UsageError(
      `no such comment in ${reviewLogPath(briefPath)} (briefdeck review lists the open ones)`,
      String(commentId),
    )
  if (thread.resolved) {
    console.log(`comment ${thread.id} was already resolved by ${thread.resolved.by}`)
    return ExitCode.ok
  }
  const event = stampEvent(resolveDraft(thread, author))
  await appendReviewEvent(reviewLogPath(briefPath), event)
  console.log(`resolved comment ${thread.id} on ${thread.audience} slide ${thread.slideId} as ${author}`)
  return ExitCode.ok
}
