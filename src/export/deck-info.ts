// What the export needs to know about a deck before opening it: the slide
// size and the document properties, read from slides.md the way Slidev reads it.
import { parseSync, resolveConfig } from '@slidev/parser/core'
import { bannerText, type DeckPlan } from '../model/index.js'

/** Slide size in CSS pixels (Slidev's canvas). */
export interface SlideSize {
  readonly width: number
  readonly height: number
}

export interface DeckInfo extends SlideSize {
  readonly title: string
  readonly author: string | undefined
  readonly subject: string
  readonly keywords: readonly string[]
}

export function deckInfo(markdown: string, slidesPath: string, plan: DeckPlan): DeckInfo {
  const headmatter = parseSync(markdown, slidesPath).slides[0]?.frontmatter ?? {}
  const author =
    typeof headmatter['author'] === 'string' && headmatter['author'].trim() ? headmatter['author'].trim() : undefined
  return {
    ...sizeOf(headmatter, slidesPath),
    title: plan.title,
    author,
    subject: `Briefing for ${plan.audience} — ${bannerText(plan.marking)}`,
    keywords: [plan.brief, plan.audience, bannerText(plan.marking)],
  }
}

export function slideSize(markdown: string, slidesPath: string): SlideSize {
  return sizeOf(parseSync(markdown, slidesPath).slides[0]?.frontmatter ?? {}, slidesPath)
}

function sizeOf(headmatter: Record<string, unknown>, slidesPath: string): SlideSize {
  const config = resolveConfig(headmatter, {}, slidesPath)
  // The height rounded up, as Slidev's client sizes a slide and its print page.
  return { width: config.canvasWidth, height: Math.ceil(config.canvasWidth / config.aspectRatio) }
}
