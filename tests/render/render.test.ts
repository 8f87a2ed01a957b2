import { parseSync } from '@slidev/parser/core'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyOverrides, parseBrief } from '../../src/brief/index.js'
import { compose } from '../../src/compose/index.js'
import { BriefdeckProblem, type DeckPlan } from '../../src/model/index.js'
import {
  bundledTemplatesRoot,
  loadAudienceProfile,
  loadTemplates,
  render,
  type Templates,
} from '../../src/render/index.js'
import { sampleExtractions } from '../fixtures/briefs/extractions.js'
import { hostileBrief, hostileExtraction, hostileParagraphs, hostileProfile } from '../fixtures/briefs/hostile.js'

const templates = await loadTemplates(bundledTemplatesRoot)
const profiles = await Promise.all(
  ['congressional-staff', 'allied-ministry'].map((id) => loadAudienceProfile(bundledTemplatesRoot, id)),
)
const briefFile = 'tests/fixtures/briefs/sample.brief.yaml'
const brief = parseBrief(readFileSync(briefFile, 'utf8'), briefFile)
const { extractions } = applyOverrides(sampleExtractions, brief)
const samplePlans = profiles.map((audience) => compose({ extractions, brief, audience }))
const hostilePlans = [hostileProfile, ...profiles].map((audience) =>
  compose({ extractions: [hostileExtraction], brief: hostileBrief, audience }),
)

const markdownOf = (plan: DeckPlan, using: Templates = templates) => render(plan, using).files['slides.md']!
const slidesOf = (plan: DeckPlan) => parseSync(markdownOf(plan), 'slides.md').slides

function problemOf(run: () => unknown): BriefdeckProblem {
  try {
    run()
  } catch (error) {
    if (error instanceof BriefdeckProblem) return error
    throw error
  }
  throw new Error('expected a BriefdeckProblem')
}

describe('render', () => {
  it.each([...samplePlans, ...hostilePlans].map((plan) => [plan.audience, plan.brief, plan] as const))(
    'gives Slidev exactly the planned slides, each with its layout and id (%s, %s)',
    (_, __, plan) => {
      const slides = slidesOf(plan)
      expect(slides).toHaveLength(plan.slides.length)
      expect(slides.map((slide) => [slide.frontmatter['layout'], slide.frontmatter['slideId']])).toEqual(
        plan.slides.map((slide) => [slide.layout, slide.id]),
      )
    },
  )

  it('writes the deck configuration into the first slide: local theme, no web fonts, local favicon, banner, draft', () => {
    const [first] = slidesOf(samplePlans[1]!)
    expect(first!.frontmatter).toMatchObject({
      theme: './theme',
      fonts: { provider: 'none' },
      briefdeck: {
        brief: 'sample',
        audience: 'allied-ministry',
        banner: 'UNCLASSIFIED//REL TO USA, AUS, JPN, PHL',
        classification: 'UNCLASSIFIED',
        draft: true,
      },
    })
    expect(first!.frontmatter['favicon']).toMatch(/^data:image\/svg\+xml,/)
  })

  it('puts the speaker notes of every content slide where Slidev finds them', () => {
    const plan = samplePlans[0]!
    slidesOf(plan).forEach((slide, index) => {
      const planned = plan.slides[index]!
      for (const id of planned.blockIds) expect(slide.note, planned.id).toContain(id)
      if (planned.layout !== 'cover') expect(slide.note, planned.id).toBeTruthy()
    })
  })

  it('ships the theme with every deck, so that each deck folder builds on its own', () => {
    const files = render(samplePlans[0]!, templates).files
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'slides.md',
        'deck-plan.json',
        'theme/layouts/bluf.vue',
        'theme/components/SlideFrame.vue',
        'theme/styles/index.css',
      ]),
    )
    expect(JSON.parse(files['deck-plan.json']!)).toEqual(samplePlans[0])
  })

  it('renders the same bytes from the same plan', () => {
    expect(markdownOf(samplePlans[0]!)).toBe(markdownOf(samplePlans[0]!))
  })
})

describe('escaping what sources and briefs say', () => {
  const markdown = hostilePlans.map((plan) => markdownOf(plan)).join('\n')
  // The deck configuration holds raw text on purpose: the theme shows it as Vue text, never as markup.
  const contentAndNotes = hostilePlans
    .flatMap((plan) => slidesOf(plan).flatMap((slide) => [slide.content, slide.note ?? '']))
    .join('\n')

  it('puts every hostile paragraph on the deck that shows everything', () => {
    const shown = hostilePlans[0]!.slides.flatMap((slide) => slide.notes).join('\n')
    for (const paragraph of hostileParagraphs) expect(shown).toContain(paragraph.replace(/\s+/g, ' '))
  })

  it('lets no tag, interpolation, comment, math or slide break through', () => {
    for (const raw of [
      '<script',
      '<img',
      '<style',
      '<div v-html',
      '<b>',
      '<i>',
      '{{',
      '<!-- an',
      '$$',
      '$y$',
      '`backticks`',
      '-->',
      '::right::',
      '[a link](',
    ]) {
      expect(contentAndNotes).not.toContain(raw)
    }
    const frontmatterFences = hostilePlans.reduce((count, plan) => count + 2 * plan.slides.length, 0)
    expect(markdown.split('\n').filter((line) => line.startsWith('---'))).toHaveLength(frontmatterFences)
  })

  it('keeps the brief title literal in the deck configuration and the heading', () => {
    const [first] = slidesOf(hostilePlans[0]!)
    expect(first!.frontmatter['briefdeck'].title).toBe(
      'Hostile {{ brief }} <script>window.__pwned = 5</script> --- deck',
    )
    expect(first!.frontmatter['title']).not.toContain('<script')
  })
})

describe('template problems', () => {
  const plan = samplePlans[0]!
  const withSlides = (slides: Record<string, string>): Templates => ({
    ...templates,
    slides: { ...templates.slides, ...slides },
  })

  it('names the missing template file', () => {
    const { options: _, ...slides } = templates.slides
    const problem = problemOf(() => render(plan, { ...templates, slides }))
    expect(problem.toString()).toBe(
      `${bundledTemplatesRoot}/slides/options.md.hbs: missing template for 'options' slides`,
    )
  })

  it('names the file and line of a template syntax error', () => {
    const problem = problemOf(() =>
      render(plan, withSlides({ bullets: '# {{slide.title}}\n\n{{#each slide.bullets}}\n- {{text}\n{{/each}}\n' })),
    )
    expect(problem.place).toEqual({ file: `${bundledTemplatesRoot}/slides/bullets.md.hbs`, line: 4 })
    expect(problem.message).toMatch(/^template syntax error/)
  })

  it('names the template that reads a field the view does not have', () => {
    const problem = problemOf(() => render(plan, withSlides({ bullets: '# {{slide.title}}\n\n{{slide.subtitle}}\n' })))
    expect(problem.toString()).toMatch(
      new RegExp(`^${bundledTemplatesRoot}/slides/bullets.md.hbs:3:\\d+: template error: "subtitle" not defined`),
    )
  })

  it('refuses a template whose output would split a slide in two', () => {
    const problem = problemOf(() => render(plan, withSlides({ quote: '# {{slide.title}}\n\n---\n\nmore\n' })))
    expect(problem.place.file).toBe(`${bundledTemplatesRoot}/slides/quote.md.hbs`)
    expect(problem.message).toMatch(/splits the slide 'quotes-1': Slidev reads \d+ slides where the plan has \d+/)
  })
})

describe('the print catalogue', () => {
  const catalogueOf = (plan: DeckPlan, using: Templates = templates) => {
    const files = render(plan, using).files
    return { slides: files['print-slides.md'], texts: files['print-texts.json'] }
  }

  it('holds every text of the slides apart from their make-up, so decks that differ in words alone print alike', () => {
    const [staff] = samplePlans
    const reworded = {
      ...staff!,
      slides: staff!.slides.map((slide) => ({ ...slide, title: `${slide.title} again` })),
    }
    const [first, second] = [catalogueOf(staff!), catalogueOf(reworded)]
    expect(first.slides).toBeDefined()
    expect(second.slides).toBe(first.slides)
    expect(second.texts).not.toBe(first.texts)
    const { texts } = JSON.parse(first.texts!) as { texts: string[] }
    for (const slide of staff!.slides) expect(texts).toContain(slide.title)
    expect(first.slides).not.toContain(staff!.slides[1]!.title)
  })

  it('is left out when a template puts a text where Vue shows it as written', () => {
    const attribute = { ...templates, partials: { ...templates.partials, bullet: '- <span title="{{text}}">x</span>' } }
    for (const plan of samplePlans)
      expect(catalogueOf(plan, attribute)).toEqual({ slides: undefined, texts: undefined })
  })
})
