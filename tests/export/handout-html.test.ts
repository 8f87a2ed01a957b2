import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { handoutSheet, slidesPerSheet, type HandoutSlide } from '../../src/export/handout-html.js'
import { DeckPlan, HandoutLayout, handoutLayouts } from '../../src/model/index.js'
import { expectGolden, goldenCases } from '../golden.js'

const plan = DeckPlan.parse(
  JSON.parse(await readFile(new URL('../fixtures/decks/sample/plan.json', import.meta.url), 'utf8')),
)
const slides: HandoutSlide[] = plan.slides.map((slide, index) => ({ number: index + 1, plan: slide, drawn: true }))

describe('handoutSheet', () => {
  // A folder per layout under golden/, named by the layout, holding the handout it lays out.
  const cases = goldenCases(new URL('./golden/', import.meta.url))

  it('has a golden handout for every layout', () => {
    expect(cases.map((each) => each.name)).toEqual([...handoutLayouts].sort())
  })

  it.each(cases)('lays out the $name handout as the golden file shows', (golden) => {
    const { css, html } = handoutSheet(slides, HandoutLayout.parse(golden.name))
    expectGolden(`<style>${css}</style>\n${html}\n`, golden.file('handout.html'))
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
