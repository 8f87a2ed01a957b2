// Section fit, the Congress slide's support rule, duplicates and the shipped
// profiles on a topic far from the samples (an energy-policy report).
import { describe, expect, it } from 'vitest'
import { parseBrief } from '../../src/brief/index.js'
import { compose, countWords, sentenceKey } from '../../src/compose/index.js'
import type { AudienceProfile, DeckPlan, Extraction, SourceDocument } from '../../src/model/index.js'
import { bundledTemplatesRoot, loadAudienceProfile } from '../../src/render/index.js'
import { energyReport, gridBrief, reportFixture } from './energy-fixture.js'

const staff = await loadAudienceProfile(bundledTemplatesRoot, 'congressional-staff')
const allied = await loadAudienceProfile(bundledTemplatesRoot, 'allied-ministry')

const brief = gridBrief

const report = reportFixture('grid-2026', energyReport)

function deck(
  audience: AudienceProfile,
  { extraction, document }: { extraction: Extraction; document: SourceDocument } = report,
): DeckPlan {
  return compose({ extractions: [extraction], documents: [document], brief, audience })
}

const bullets = (plan: DeckPlan, section: string) =>
  plan.slides.filter((slide) => slide.section === section).flatMap((slide) => slide.bullets)
const textOf = (plan: DeckPlan) =>
  plan.slides.flatMap((slide) => [
    slide.title,
    slide.lead ?? '',
    ...slide.bullets.map((b) => `${b.text} ${b.detail ?? ''}`),
  ])

describe('the Congress slide', () => {
  it('shows a lever only with the source’s own sentence under its Issues for Congress heading', () => {
    const congress = bullets(deck(staff), 'congress')
    expect(congress.map((bullet) => bullet.label)).toEqual(['Appropriations', 'Oversight'])
    expect(congress[0]!.text).toBe(
      'Lawmakers may weigh whether to fund grid research through the annual energy and water appropriations bill.',
    )
    for (const bullet of congress) expect(bullet.blockIds).toHaveLength(1)
  })

  it('is left out when no sentence of the source speaks to Congress', () => {
    const unsupported = energyReport.map((spec) =>
      spec.heading === 'Issues for Congress'
        ? {
            heading: 'Outlook',
            sentences: [['claim', 'Grid research funding remains uncertain as budgets tighten.']] as const,
          }
        : spec,
    )
    const plan = deck(staff, reportFixture('grid-2026', unsupported))
    expect(plan.slides.some((slide) => slide.section === 'congress')).toBe(false)
    // No profile wording reaches the deck in its place.
    expect(textOf(plan).join('\n')).not.toMatch(/NDAA|advice and consent|Testimony from/)
  })
})

describe('section fit', () => {
  const plan = deck(staff)

  it('opens with the thesis and the top recommendation', () => {
    const bluf = plan.slides.find((slide) => slide.section === 'bluf')!
    expect(bluf.bullets.map((bullet) => bullet.text)).toEqual([
      'Electricity demand from data centers is rising faster than new generation can be built, straining regional grids.',
      'Regulators should require large new loads to pay for the transmission upgrades they need.',
    ])
  })

  it('gives a report without recommendations its main finding and its issue for Congress', () => {
    const findingsOnly = energyReport.filter((spec) => spec.heading !== 'Options')
    const bluf = deck(staff, reportFixture('grid-2026', findingsOnly)).slides.find((slide) => slide.section === 'bluf')!
    expect(bluf.bullets.map((bullet) => bullet.text)).toEqual([
      'Electricity demand from data centers is rising faster than new generation can be built, straining regional grids.',
      'Lawmakers may weigh whether to fund grid research through the annual energy and water appropriations bill.',
    ])
  })

  it('puts only recommendations among the options, each trade-off a risk raised elsewhere against it', () => {
    const options = bullets(plan, 'options')
    // The top recommendation is on the BLUF: no sentence twice.
    expect(options.map((bullet) => bullet.text)).toEqual([
      'Utilities could offer lower rates to data centers that cut demand during peak hours.',
    ])
    expect(options[0]!.detail).toBe(
      'Trade-off: Lower rates for data centers that cut demand in peak hours could shift grid costs onto households.',
    )
    expect(options[0]!.blockIds).toHaveLength(2)
  })

  it('draws the background slide from the source’s Background section', () => {
    expect(bullets(plan, 'background').map((bullet) => bullet.text)).toEqual([
      'Grid operators plan capacity years ahead of demand.',
      'Interconnection queues held 2,600 gigawatts of proposed projects at the end of 2024.',
    ])
  })

  it('leaves a section with nothing that fits it out instead of filling it', () => {
    expect(plan.slides.some((slide) => slide.section === 'quotes')).toBe(false)
    expect(plan.slides.some((slide) => slide.section === 'risks')).toBe(false)
  })
})

describe('no sentence twice', () => {
  it('shows a sentence two sources share once, the timeline included', () => {
    const again = reportFixture('grid-copy', energyReport, { title: 'A second report' })
    const plan = compose({
      extractions: [report.extraction, again.extraction],
      documents: [report.document, again.document],
      brief: parseBrief(
        `title: Grid\nsources:\n  - id: grid-2026\n    path: a.md\n  - id: grid-copy\n    path: b.md\naudiences: [congressional-staff]\n`,
        'briefs/grid.brief.yaml',
      ),
      audience: staff,
    })
    const shown = plan.slides
      .filter((slide) => !['sources', 'glossary', 'cover'].includes(slide.layout))
      .flatMap((slide) => slide.bullets.map((bullet) => sentenceKey(bullet.text)))
    expect(new Set(shown).size).toBe(shown.length)
  })
})

describe('the shipped profiles on an energy-policy report', () => {
  for (const audience of [staff, allied]) {
    it(`${audience.id}: every bullet is the source’s words, never the profile’s`, () => {
      const plan = deck(audience)
      const sourceWords = new Set(report.document.text.toLowerCase().match(/[\p{L}\p{N}]+/gu))
      for (const slide of plan.slides.filter((each) => !['cover', 'sources', 'glossary'].includes(each.layout))) {
        for (const bullet of slide.bullets) {
          const words = `${bullet.text} ${bullet.detail?.replace(/^Trade-off: /, '') ?? ''}`.toLowerCase()
          for (const word of words.match(/[\p{L}\p{N}]+/gu) ?? [])
            expect(sourceWords, `${word} in ${bullet.text}`).toContain(word)
          expect(bullet.text).not.toMatch(/…/)
        }
      }
    })
  }

  it('drops a heading set in body type that the page read into the sentence after it, and only such a heading', () => {
    const glued =
      'Transmission Costs and the Regional Tariffs Transmission owners recover their costs through regulated rates.'
    const kept = 'NATO and its allies met in Vilnius, and NATO leaders agreed on 2% of GDP in 2023.'
    const { extraction, document } = reportFixture('grid-2026', [
      {
        heading: 'Summary',
        sentences: [
          ['claim', glued],
          ['claim', kept],
        ],
      },
      ...energyReport,
    ])
    const plan = compose({ extractions: [extraction], documents: [document], brief, audience: staff })
    const shown = plan.slides.flatMap((slide) => slide.bullets.map((bullet) => bullet.text))
    expect(shown).toContain('Transmission owners recover their costs through regulated rates.')
    expect(shown).toContain(kept)
  })

  it('shows a sentence that no longer fits once its acronym is spelled out whole, in the smaller style', () => {
    const sentence =
      'The FERC approved 4 new transmission lines for the region in 2024, and grid operators expect those lines to carry power from wind farms to cities by 2030.'
    const { extraction, document } = reportFixture('grid-2026', [
      { heading: 'Summary', sentences: [['thesis', sentence]] },
      ...energyReport.slice(1),
    ])
    const terms = [
      {
        acronym: 'FERC',
        expansion: 'Federal Energy Regulatory Commission of the United States',
        origin: 'text' as const,
        mentions: [],
      },
    ]
    const plan = compose({ extractions: [{ ...extraction, terms }], documents: [document], brief, audience: allied })
    const bluf = plan.slides.find((slide) => slide.section === 'bluf')!
    const spelled = bluf.bullets.find((bullet) => bullet.text.includes('(FERC)'))!
    expect(countWords(spelled.text)).toBeGreaterThan(bluf.bulletWords!)
    expect(spelled.long).toBe(true)
  })

  it('sends the allied deck to the brief’s recipients, without Congress’s business', () => {
    const plan = deck(allied)
    expect(plan.recipients).toEqual(['CAN', 'GBR'])
    const text = [...textOf(plan), ...plan.slides.flatMap((slide) => slide.notes)].join('\n')
    expect(text).not.toMatch(/\bCongress\b|\bLawmakers\b|appropriations/)
    expect(plan.slides.some((slide) => slide.section === 'bluf')).toBe(true)
  })
})
