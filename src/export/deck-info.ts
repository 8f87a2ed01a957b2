// What the export needs to know about a deck before opening it: the slide
// size and the document properties, read from slides.md the way Slidev reads it.
import { parseSync, resolveConfig } from '@slidev/parser/core'
import { bannerText, type DeckPlan } from '../model/index.js'

export interface DeckInfo {
  /** Slide size in CSS pixels (Slidev's canvas). */
  readonly width: number
  readonly height: number
  readonly title: string
  readonly author: string | undefined
  readonly subject: string
  readonly keywords: readonly string[]
}

export function deckInfo(markdown: string, slidesPath: string, plan: DeckPlan): DeckInfo {
  const headmatter = parseSync(markdown, slidesPath).slides[0]?.frontmatter ?? {}
  const config = resolveConfig(headmatter, {}, slidesPath)
  const author =
    typeof headmatter['author'] === 'string' && headmatter['author'].trim() ? headmatter['author'].trim() : undefined
  return {
    width: config.canvasWidth,
    // Rounded up, as Slidev's client sizes a slide and its print page.
    height: Math.ceil(config.canvasWidth / config.aspectRatio),
    title: plan.title,
    author,
    subject: `Briefing for ${plan.audience} — ${bannerText(plan.marking)}`,
    keywords: [plan.brief, plan.audience, bannerText(plan.marking)],
  }
}
