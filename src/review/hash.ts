import { createHash } from 'node:crypto'
import { bannerText, type SlidePlan } from '../model/index.js'

export interface VisibleContent {
  readonly layout: string
  readonly title: string
  readonly lead: string | null
  readonly bullets: readonly { readonly label: string | null; readonly text: string; readonly detail: string | null }[]
  readonly citations: readonly string[]
  readonly banner: string
}

/**
 * What a reader sees on the slide: layout, title, lead line, bullets with
 * their labels and details, citations and the marking banner. Speaker notes, block ids and full source
 * sentences are left out on purpose: re-wording the notes or re-extracting a
 * source must not void an approval of an unchanged slide.
 */
export function visibleContent(slide: SlidePlan): VisibleContent {
  return {
    layout: slide.layout,
    title: slide.title,
    lead: slide.lead ?? null,
    bullets: slide.bullets.map((bullet) => ({
      label: bullet.label ?? null,
      text: bullet.text,
      detail: bullet.detail ?? null,
    })),
    citations: slide.citations.map((citation) =>
      [
        citation.title,
        citation.author,
        citation.date,
        citation.url,
        citation.paragraph === undefined ? null : `paragraph ${citation.paragraph}`,
      ]
        .filter(Boolean)
        .join(', '),
    ),
    banner: bannerText(slide.marking),
  }
}

/** 16 hex digits of a SHA-256 of the visible content: approvals record it, and lapse when it changes. */
export function slideContentHash(slide: SlidePlan): string {
  return createHash('sha256')
    .update(JSON.stringify(visibleContent(slide)))
    .digest('hex')
    .slice(0, 16)
}
