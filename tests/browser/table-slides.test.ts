// Table slides through a real build and export: a long table continued over
// two slides and a wide one of five columns, each of whose rows wraps, fit their
// slides (no overflow, nothing clipped), and every cell, escaped as text,
// is in the PDF as the plan has it.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { inspectPrintedDeck } from '../../src/check/index.js'
import { compose } from '../../src/compose/index.js'
import { exportDecks } from '../../src/export/index.js'
import { renderingCheckRules, type DeckCheck, type DeckPlan, type Table } from '../../src/model/index.js'
import { bundledTemplatesRoot, loadAudienceProfile, loadTemplates, render, writeDeck } from '../../src/render/index.js'
import { energyReport, gridBrief, reportFixture } from '../compose/energy-fixture.js'

const wrapping =
  'Requests for large new loads were filed by utilities, developers and data center operators across the region'
const long: Table = {
  index: 0,
  caption: 'Table 1. Interconnection Requests by Year',
  rows: [
    ['Year', 'Requests', 'What was asked'],
    ...Array.from({ length: 24 }, (_, row) => [
      `${2001 + row}`,
      `${(row + 1) * 15} GW`,
      row % 4 === 0 ? wrapping : `<b>${row}</b> {{ load }} | queue`,
    ]),
  ],
  sectionPath: ['Background'],
}
const wide: Table = {
  index: 1,
  caption: 'Table 2. Grid Operators Compared',
  rows: [
    ['Operator', 'Region served', 'Peak demand', 'Reserve margin', 'Largest new load'],
    ...['North', 'South', 'East', 'West'].map((name) => [
      `${name} Interconnection Authority`,
      `${name}ern states and the provinces beyond them`,
      '85 GW in summer 2025',
      '14% above the forecast peak',
      'A data center campus of 1.2 GW',
    ]),
  ],
  sectionPath: ['Background'],
}

let workDir: string
let plan: DeckPlan
let check: DeckCheck
let slideText: string

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'briefdeck-tables-'))
  const { extraction, document } = reportFixture('grid-2026', energyReport)
  const audience = await loadAudienceProfile(bundledTemplatesRoot, 'congressional-staff')
  plan = compose({
    extractions: [extraction],
    documents: [{ ...document, tables: [long, wide] }],
    brief: gridBrief,
    audience,
  })
  const dir = join(workDir, 'out', 'grid', 'congressional-staff')
  await writeDeck(dir, render(plan, await loadTemplates(bundledTemplatesRoot)), { outDir: join(workDir, 'out') })
  await exportDecks([{ audience: plan.audience, dir, slidesPath: join(dir, 'slides.md'), plan }], {
    quiet: true,
    inspect: async (printed, progress) => {
      check = await inspectPrintedDeck(printed, progress)
      slideText = await printed.page.page
        .locator('.slidev-page')
        .evaluateAll((pages) => pages.map((page) => (page as HTMLElement).innerText).join('\n'))
    },
  })
}, 180_000)

afterAll(() => rm(workDir, { recursive: true, force: true }))

describe('table slides in a built deck', () => {
  it('are planned: each table on as many slides as its rows need', () => {
    const tables = plan.slides.filter((slide) => slide.layout === 'table')
    expect(tables.map((slide) => slide.title)).toEqual([
      'Interconnection Requests by Year',
      'Interconnection Requests by Year (cont.)',
      'Grid Operators Compared',
    ])
  })

  it('fit their slides and lose no cell on the way to the PDF', () => {
    const rendering = check.findings.filter((finding) =>
      (renderingCheckRules as readonly string[]).includes(finding.rule),
    )
    expect(rendering.map((finding) => finding.message)).toEqual([])
  })

  it('show cells as the source writes them, markup and braces as text', () => {
    expect(slideText).toContain('<b>1</b> {{ load }} | queue')
    expect(slideText).toContain(wrapping)
    expect(slideText).toContain('Source: Lovelace 2026, Table 2')
  })
})
