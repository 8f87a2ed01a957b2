import { parseSync } from '@slidev/parser/core'
import {
  BriefdeckProblem,
  printCatalogue,
  type DeckPlan,
  type PrintTexts,
  type RenderedDeck,
  type SlidePlan,
} from '../model/index.js'
import { sha256 } from '../shared/index.js'
import { slideFrontmatter } from './frontmatter.js'
import { escapeSlideText } from './escape.js'
import { compileTemplates, type CompiledTemplates, type Templates } from './templates.js'
import { interpolatesEveryText, textCollector } from './text-catalogue.js'
import { deckView, slideView, type DeckView, type SlideText } from './view.js'

/**
 * Turns a deck plan into a standalone Slidev deck: `slides.md`, the plan it
 * came from as `deck-plan.json`, the slides' text catalogue for printing
 * (text-catalogue.ts), and the theme. Pure: the same plan and templates
 * always give the same bytes.
 */
export function render(plan: DeckPlan, templates: Templates): RenderedDeck {
  const compiled = compileTemplates(templates)
  const markdown = renderSlides(plan, compiled, escapeSlideText, { notes: true })
  checkSlideCount(markdown, plan, compiled)
  const theme = Object.fromEntries(Object.entries(templates.theme).map(([path, text]) => [`theme/${path}`, text]))
  return {
    files: {
      'slides.md': markdown,
      'deck-plan.json': `${JSON.stringify(plan, null, 2)}\n`,
      ...printFiles(plan, compiled, markdown),
      ...theme,
    },
  }
}

/**
 * The slides once more with their texts taken out, when every text lands
 * where the print page can put it back. Speaker notes stay out: a print
 * page never shows them.
 */
function printFiles(plan: DeckPlan, compiled: CompiledTemplates, markdown: string): Record<string, string> {
  const collector = textCollector()
  const skeleton = renderSlides(plan, compiled, collector.take, { notes: false })
  if (!interpolatesEveryText(skeleton)) return {}
  const texts: PrintTexts = { slides: sha256(markdown), texts: collector.texts }
  return { [printCatalogue.slides]: skeleton, [printCatalogue.texts]: `${JSON.stringify(texts)}\n` }
}

function renderSlides(
  plan: DeckPlan,
  compiled: CompiledTemplates,
  slideText: SlideText,
  include: { readonly notes: boolean },
): string {
  const deck = deckView(plan, slideText)
  return plan.slides
    .map((slide, index) => renderSlide(plan, slide, index, { deck, slideText, notes: include.notes }, compiled))
    .join('\n')
}

interface SlideRendering {
  readonly deck: DeckView
  readonly slideText: SlideText
  readonly notes: boolean
}

function renderSlide(
  plan: DeckPlan,
  slide: SlidePlan,
  index: number,
  rendering: SlideRendering,
  compiled: CompiledTemplates,
): string {
  const context = { deck: rendering.deck, slide: slideView(plan, index, rendering.slideText) }
  const body = compiled.slide(templateName(slide))(context).trim()
  const notes = rendering.notes ? compiled.notes(context).trim() : ''
  const parts = [slideFrontmatter(plan, slide, index), body, notes && `<!--\n${notes}\n-->`]
  return `${parts.filter(Boolean).join('\n')}\n`
}

function templateName(slide: SlidePlan): string {
  return slide.template ?? slide.layout
}

/**
 * Slidev splits slides on lines of its own syntax; a template that writes
 * one (a `---` line, say) would silently shift every later slide. Parsing
 * the result as Slidev will catches that before anyone presents it.
 */
function checkSlideCount(markdown: string, plan: DeckPlan, compiled: CompiledTemplates): void {
  const parsed = parseSync(markdown, 'slides.md').slides
  const strayIndex = plan.slides.findIndex((slide, index) => parsed[index]?.frontmatter['slideId'] !== slide.id)
  if (strayIndex === -1 && parsed.length === plan.slides.length) return
  const culprit = plan.slides[Math.max(0, (strayIndex === -1 ? plan.slides.length : strayIndex) - 1)]!
  throw new BriefdeckProblem(
    `the template's output splits the slide '${culprit.id}': Slidev reads ${parsed.length} slides where the plan has ${plan.slides.length}`,
    { file: compiled.slideFile(templateName(culprit)) },
    'slide-count',
  )
}
