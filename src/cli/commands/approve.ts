import { ReviewerName } from '../../model/index.js'
import {
  appendReviewEvent,
  approveDraft,
  readReviewState,
  reviewDeck,
  reviewLogPath,
  signedApproval,
  signingKey,
  stampEvent,
} from '../../review/index.js'
import { ExitCode } from '../exit.js'
import { buildBrief } from '../pipeline.js'
import { checked, deckPlanOf, loadReview, requiredReviewers, requireOption, slideOf } from './review.js'

export interface ApproveOptions {
  readonly audience?: string
  readonly slide?: string | number
  readonly as?: string
  /** The SSH key to sign with; git's `user.signingKey` when absent. */
  readonly key?: string
  readonly out: string
}

/**
 * `briefdeck approve BRIEF --audience ID [--slide N,ID,...] --as NAME [--key FILE]`:
 * records the content hash of each slide as it is now (every slide of the
 * deck unless --slide is given), signed with the reviewer's SSH key, then
 * builds the deck again so that its DRAFT mark follows the approvals.
 */
export async function run(briefPath: string, options: ApproveOptions): Promise<number> {
  const author = checked(ReviewerName, requireOption(options.as, '--as'), '--as')
  const audience = requireOption(options.audience, '--audience')
  const { brief, decks } = await loadReview(briefPath, { audiences: [audience], outDir: options.out })
  const plan = deckPlanOf(decks, audience)
  const slides =
    options.slide === undefined
      ? plan.slides
      : String(options.slide)
          .split(',')
          .map((ref) => slideOf(plan, ref))
  const key = await signingKey(options.key, briefPath)
  // Every approval is signed (and the first checked against allowed_signers) before any is written.
  const signed = []
  for (const slide of slides)
    signed.push(
      await signedApproval(stampEvent(approveDraft({ plan, slide, author })), brief, key, signed.length === 0),
    )
  for (const event of signed) await appendReviewEvent(reviewLogPath(briefPath), event)
  console.log(`${author} approved ${slides.length} slide${slides.length === 1 ? '' : 's'} of the ${audience} deck`)

  const required = requiredReviewers(brief, audience)
  if (required.length > 0 && !required.includes(author)) {
    console.log(
      `note: the brief asks ${required.join(', ')} to approve this deck; ${author}'s approval is recorded but does not count`,
    )
  }
  const [{ state }] = await Promise.all([
    readReviewState(briefPath),
    buildBrief(briefPath, { audiences: [audience], outDir: options.out }),
  ])
  const review = reviewDeck(plan, state, required)
  const awaiting = review.slides.filter((slide) => !slide.approved).length
  console.log(
    review.draft
      ? `the deck stays a DRAFT: ${awaiting} slide${awaiting === 1 ? '' : 's'} still await approval`
      : 'every slide is approved: the deck is no longer a draft',
  )
  return ExitCode.ok
}
