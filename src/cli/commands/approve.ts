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
import { plural } from '../../shared/index.js'
import { ExitCode } from '../exit.js'
import { checked, deckPlanOf, loadReview, requiredReviewers, requireOption, slideOf } from './review.js'

export interface ApproveOptions {
  readonly audience?: string
  readonly slide?: string | number
  readonly as?: string
  /** The SSH key to sign with; git's `user.signingKey` when absent. */
  readonly key?: string
}

/**
 * `briefdeck approve BRIEF --audience ID [--slide N,ID,...] --as NAME [--key FILE]`, signed with the reviewer's SSH key:
 * records the content hash of each slide as it is now (every slide of the
 * deck unless --slide is given) in the review log, and writes nothing else:
 * the review log is part of what a deck is built from, so the next build
 * brings the DRAFT mark in step.
 */
export async function run(briefPath: string, options: ApproveOptions): Promise<number> {
  const author = checked(ReviewerName, requireOption(options.as, '--as'), '--as')
  const audience = requireOption(options.audience, '--audience')
  const { brief, decks } = await loadReview(briefPath, { audiences: [audience] })
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
  console.log(`${author} approved ${slides.length} ${plural(slides.length, 'slide')} of the ${audience} deck`)

  const required = requiredReviewers(brief, audience)
  if (required.length > 0 && !required.includes(author)) {
    console.log(
      `note: the brief asks ${required.join(', ')} to approve this deck; ${author}'s approval is recorded but does not count`,
    )
  }
  const { state } = await readReviewState(briefPath)
  const review = reviewDeck(plan, state, required)
  const awaiting = review.slides.filter((slide) => !slide.approved).length
  console.log(
    review.draft
      ? `the deck stays a DRAFT: ${awaiting} ${plural(awaiting, 'slide')} still await approval`
      : 'every slide is approved: the next build drops its DRAFT mark',
  )
  return ExitCode.ok
}
