import type { Approval } from '../../model/index.js'
import { isDraft } from '../status.js'
import type { ServedDeck } from './api.js'

export interface Publisher {
  readonly decks: () => readonly ServedDeck[]
  /**
   * Whether the deck's published site may be shown: not while it lacks a
   * DRAFT mark that the approvals now call for (a revoke came in) and its
   * draft rebuild is under way.
   */
  readonly showable: (audience: string) => boolean
  /** Checks one audience's deck against the approvals and rebuilds it when its draft mark is out of date. */
  readonly refresh: (audience: string) => void
  /** Resolves when no rebuild is running or queued. */
  readonly idle: () => Promise<void>
}

export interface PublisherOptions {
  /** The standing approvals of one audience. */
  readonly approvals: (audience: string) => readonly Approval[]
  /** Renders and builds one audience's deck again, with the review state applied. */
  readonly republish: (audience: string) => Promise<ServedDeck>
  readonly onPublished: (deck: ServedDeck) => void
  /** A deck lost its approval: it is withheld until its draft rebuild is published. */
  readonly onWithheld: (deck: ServedDeck) => void
  readonly onError: (error: unknown) => void
}

/**
 * Keeps each published deck's DRAFT mark in step with the approvals. A
 * rebuild takes seconds, so it runs only when the mark must change, one at a
 * time per audience; approvals that arrive meanwhile are judged again once it
 * is done. The old site stays served while a deck gains its approval; a deck
 * that loses it is withheld at once, and a rebuild without the mark that
 * finishes after a revoke is never published, so the mark never drops while
 * the approvals call for it.
 */
/** A build that disagrees with the approvals this often in a row is a bug, not a race: stop rebuilding. */
const maxRefusedRebuilds = 3

export function createPublisher(initial: readonly ServedDeck[], options: PublisherOptions): Publisher {
  const decks = new Map(initial.map((deck) => [deck.plan.audience, deck]))
  const running = new Map<string, Promise<void>>()
  const pending = new Set<string>()
  const refusedInARow = new Map<string, number>()

  const shouldBeDraft = (deck: ServedDeck) =>
    isDraft(deck.plan, options.approvals(deck.plan.audience), deck.requiredReviewers)
  const isStale = (deck: ServedDeck) => shouldBeDraft(deck) !== deck.plan.draft

  function refresh(audience: string): void {
    const deck = decks.get(audience)
    if (!deck) return
    if (!deck.plan.draft && shouldBeDraft(deck)) options.onWithheld(deck)
    if (running.has(audience)) {
      pending.add(audience)
      return
    }
    if (!isStale(deck)) return
    const rebuild = options
      .republish(audience)
      .then((published) => {
        // Built while the approvals stood, published after one was withdrawn: not shown, built again.
        if (!published.plan.draft && shouldBeDraft(published)) {
          const refused = (refusedInARow.get(audience) ?? 0) + 1
          refusedInARow.set(audience, refused)
          if (refused < maxRefusedRebuilds) pending.add(audience)
          else
            options.onError(new Error(`the ${audience} deck keeps building without its DRAFT mark; it stays withheld`))
          return
        }
        refusedInARow.delete(audience)
        decks.set(audience, published)
        options.onPublished(published)
      }, options.onError)
      .finally(() => {
        running.delete(audience)
        if (pending.delete(audience)) refresh(audience)
      })
    running.set(audience, rebuild)
  }

  function showable(audience: string): boolean {
    const deck = decks.get(audience)
    return deck === undefined || deck.plan.draft || !shouldBeDraft(deck)
  }

  async function idle(): Promise<void> {
    while (running.size > 0) await Promise.all(running.values())
  }

  return { decks: () => [...decks.values()], showable, refresh, idle }
}
