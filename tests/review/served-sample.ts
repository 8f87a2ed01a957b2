// The review server's tests share one setting: a brief folder with reviewers
// and their tokens, a server key allowed to sign for the required reviewer,
// and the sample deck served from the fixture site, rebuilt by applying the
// review log to its plan (standing in for render + Slidev build).
import { mkdir, mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { DeckPlan } from '../../src/model/index.js'
import { applyReview, readReviewState } from '../../src/review/index.js'
import {
  addReviewer,
  allowServerToSignFor,
  type ReviewServerOptions,
  type ServedDeck,
} from '../../src/review/server/index.js'
import { newKey } from './keys.js'
import { samplePlan } from './plans.js'

export interface ServedSample<Name extends string = string> {
  readonly dir: string
  readonly briefPath: string
  readonly serverKey: string
  /** Each reviewer's bearer token. */
  readonly tokens: Readonly<Record<Name, string>>
  /** The deck as first served: a draft that `requiredReviewer` must approve. */
  readonly deck: ServedDeck
}

export const requiredReviewer = 'bob'

/** A fresh folder (under a name starting with `prefix`) with the given reviewers added, serving `plan`. */
export async function servedSample<Name extends string>(
  prefix: string,
  reviewers: readonly Name[],
  plan: DeckPlan = samplePlan(),
): Promise<ServedSample<Name>> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  await mkdir(join(dir, 'briefs'))
  const briefPath = join(dir, 'briefs', 'sample.brief.yaml')
  const tokens = {} as Record<Name, string>
  for (const name of reviewers) tokens[name] = (await addReviewer(briefPath, name)).token
  const serverKey = await newKey(join(dir, 'keys'), 'server')
  await allowServerToSignFor(briefPath, `${serverKey}.pub`, requiredReviewer)
  const deck: ServedDeck = {
    plan,
    requiredReviewers: [requiredReviewer],
    siteDir: resolve('tests/fixtures/review/site'),
  }
  return { dir, briefPath, serverKey, tokens, deck }
}

/** The sample deck with the review log as it is now applied: what a rebuild publishes. */
export async function reviewedDeck(sample: ServedSample): Promise<ServedDeck> {
  const { state } = await readReviewState(sample.briefPath)
  return { ...sample.deck, plan: applyReview(sample.deck.plan, state, sample.deck.requiredReviewers) }
}

/** Server options for the sample on a free port; `changes` replace any of them. */
export function sampleServerOptions(
  sample: ServedSample,
  changes: Partial<ReviewServerOptions> = {},
): ReviewServerOptions {
  return {
    briefPath: sample.briefPath,
    host: '127.0.0.1',
    port: 0,
    decks: [sample.deck],
    signingKey: sample.serverKey,
    republish: () => reviewedDeck(sample),
    ...changes,
  }
}
