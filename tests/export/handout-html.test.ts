import { readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { handoutSheet, slidesPerSheet, type HandoutSlide } from '../../src/export/handout-html.js'
import { DeckPlan, handoutLayouts } from '../../src/model/index.js'

const plan = DeckPlan.parse(
  JSON.parse(await readFile(new URL('../fixtures/decks/sample/plan.json', import.meta.url), 'utf8')),
)
const slides: HandoutSlide[] = plan.slides.map((slide, index) => ({ number: index + 1, plan: slide, drawn: true }))

describe('handoutSheet', () => {
  it.each(handoutLayouts)('lays out the %s handout as the golden file shows', async (layout) => {
    const golden = new URL(`./golden/handout-${layout}.html`, import.meta.url)
    const { css, html } = handoutSheet(slides, layout)
    const page = `<style>${css}</style>\n${html}\n`
    if (process.env['UPDATE']) await writeFile(golden, page)
    expect(page).toBe(await readFile(golden, 'utf8'))
  })

  it.each(handoutLayouts)(
    'puts %s slides on sheets of the layout’s size, each slide with its notes and sources',
    (layout) => {
      const { html } = handoutSheet(slides, layout)
      expect(html.match(/<section class="sheet">/g)).toHaveLength(Math.ceil(slides.length / slidesPerSheet(layout)))
      expect(html.match(/<article class="slide">/g)).toHaveLength(slides.length)
      expect(html.match(/data-slide-slot="\d+"/g)).toEqual(slides.map((slide) => `data-slide-slot="${slide.number}"`))
      expect(html).toContain('<p>The bottom line comes first so that a busy reader can stop here.</p>')
      expect(html).toContain(
        '<li>A. Analyst, “The reassurance dilemma”, (2015-04-02), ¶4, https://example.org/reassurance</li>',
      )
    },
  )

  it('escapes every text from sources and briefs', () => {
    const hostile = {
      ...slides[1]!,
      plan: { ...slides[1]!.plan, title: '<img src=x onerror=alert(1)>', notes: ['</p><script>alert(1)</script>'] },
    }
    const { html } = handoutSheet([hostile], '1up')
    expect(html).not.toMatch(/<script|<img src=x/)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('aria-label="Slide 2: &lt;img src=x onerror=alert(1)&gt;"')
  })

  it('says when a planned slide was not drawn', () => {
    expect(handoutSheet([{ ...slides[0]!, drawn: false }], '1up').html).toContain('Slide 1 was not drawn.')
  })
})
