import type { ReviewState } from '../../model/index.js'
import { reviewDeck } from '../status.js'
import type { ServedDeck } from './api.js'

export interface Publisher {
  readonly decks: () => readonly ServedDeck[]
  /** Checks one audience's deck against the review state and rebuilds it when its draft mark is out of date. */
  readonly refresh: (audience: string) => void
  /** Resolves when no rebuild is running or queued. */
  readonly idle: () => Promise<void>
}

export interface PublisherOptions {
  readonly state: () => ReviewState
  /** Renders and builds one audience's deck again, with the review state applied. */
  readonly republish: (audience: string) => Promise<ServedDeck>
  readonly onPublished: (deck: ServedDeck) => void
  readonly onError: (error: unknown) => void
}

/**
 * Keeps each published deck's DRAFT mark in step with the approvals. A
 * rebuild takes seconds, so it runs only when the mark must change, one at a
 * time per audience; approvals that arrive meanwhile are judged again once it
 * is done, and the old site stays served until the new one is complete.
 */
export function createPublisher(initial: readonly ServedDeck[], options: PublisherOptions): Publisher {
  const decks = new Map(initial.map((deck) => [deck.plan.audience, deck]))
  const running = new Map<string, Promise<void>>()
  const pending = new Set<string>()

  const isStale = (deck: ServedDeck) =>
    reviewDeck(deck.plan, options.state(), deck.requiredReviewers).draft !== deck.plan.draft

  function refresh(audience: string): void {
    const deck = decks.get(audience)
    if (!deck) return
    if (running.has(audience)) {
      pending.add(audience)
      return
    }
    if (!isStale(deck)) return
    const rebuild = options
      .republish(audience)
      .then((published) => {
        decks.set(audience, published)
        options.onPublished(published)
      }, options.onError)
      .finally(() => {
        running.delete(audience)
        if (pending.delete(audience)) refresh(audience)
      })
    running.set(audience, rebuild)
  }

  async function idle(): Promise<void> {
    while (running.size > 0) await Promise.all(running.values())
  }

  return { decks: () => [...decks.values()], refresh, idle }
}
