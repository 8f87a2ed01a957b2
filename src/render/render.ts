import { parseSync } from '@slidev/parser/core'
import { BriefdeckProblem, type DeckPlan, type RenderedDeck, type SlidePlan } from '../model/index.js'
import { slideFrontmatter } from './frontmatter.js'
import { compileTemplates, type CompiledTemplates, type Templates } from './templates.js'
import { deckView, slideView, type DeckView } from './view.js'

/**
 * Turns a deck plan into a standalone Slidev deck: `slides.md`, the plan it
 * came from as `deck-plan.json`, and the theme. Pure: the same plan and
 * templates always give the same bytes.
 */
export function render(plan: DeckPlan, templates: Templates): RenderedDeck {
  const compiled = compileTemplates(templates)
  const deck = deckView(plan)
  const markdown = plan.slides.map((slide, index) => renderSlide(plan, slide, index, deck, compiled)).join('\n')
  checkSlideCount(markdown, plan, compiled)
  const theme = Object.fromEntries(Object.entries(templates.theme).map(([path, text]) => [`theme/${path}`, text]))
  return { files: { 'slides.md': markdown, 'deck-plan.json': `${JSON.stringify(plan, null, 2)}\n`, ...theme } }
}

function renderSlide(
  plan: DeckPlan,
  slide: SlidePlan,
  index: number,
  deck: DeckView,
  compiled: CompiledTemplates,
): string {
  const context = { deck, slide: slideView(plan, index) }
  const body = compiled.slide(templateName(slide))(context).trim()
  const notes = compiled.notes(context).trim()
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
