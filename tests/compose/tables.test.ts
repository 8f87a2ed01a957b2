// Table slides: a source's table with its caption and citation, cells whole
// and escaped, long tables continued by rows, tables whose columns were not
// recovered left out.
import { describe, expect, it } from 'vitest'
import { compose } from '../../src/compose/index.js'
import type { AudienceProfile, DeckPlan, SlidePlan, Table } from '../../src/model/index.js'
import { bundledTemplatesRoot, loadAudienceProfile, loadTemplates, render } from '../../src/render/index.js'
import { energyReport, gridBrief, reportFixture } from './energy-fixture.js'

const staff = await loadAudienceProfile(bundledTemplatesRoot, 'congressional-staff')
const allied = await loadAudienceProfile(bundledTemplatesRoot, 'allied-ministry')
const brief = gridBrief

const capacity: Table = {
  index: 0,
  caption: 'Table 1. Peak Demand by Region, 2024-2026',
  rows: [
    ['Region', '2024', '2026'],
    ['Texas', '85 GW', '92 GW'],
    ['Mid-Atlantic', '150 GW', '158 GW'],
  ],
  sectionPath: ['Background'],
}

function deck(tables: readonly Table[], audience: AudienceProfile = staff): DeckPlan {
  const { extraction, document } = reportFixture('grid-2026', energyReport)
  return compose({ extractions: [extraction], documents: [{ ...document, tables: [...tables] }], brief, audience })
}

const tableSlides = (plan: DeckPlan): SlidePlan[] => plan.slides.filter((slide) => slide.layout === 'table')

function longTable(rows: number): Table {
  return {
    index: 0,
    caption: 'Table 2. Interconnection Requests by Year',
    rows: [['Year', 'Requests'], ...Array.from({ length: rows }, (_, row) => [`${2000 + row}`, `${row * 10} GW`])],
    sectionPath: [],
  }
}

describe('table slides', () => {
  it('show a source table under its caption, with its number and the source cited', () => {
    const [slide, ...others] = tableSlides(deck([capacity]))
    expect(others).toEqual([])
    expect(slide!.title).toBe('Peak Demand by Region, 2024-2026')
    expect(slide!.table).toEqual({
      label: 'Table 1',
      caption: 'Table 1. Peak Demand by Region, 2024-2026',
      header: ['Region', '2024', '2026'],
      rows: [
        ['Texas', '85 GW', '92 GW'],
        ['Mid-Atlantic', '150 GW', '158 GW'],
      ],
      rowsLeft: 0,
    })
    expect(slide!.citations).toEqual([expect.objectContaining({ sourceId: 'grid-2026', date: '2026-03-02' })])
    expect(slide!.notes.join(' ')).toContain('Table 1. Peak Demand by Region, 2024-2026 — Ada Lovelace')
  })

  it('continue a long table by whole rows, and say what is left for the source', () => {
    const slides = tableSlides(deck([longTable(30)]))
    expect(slides.map((slide) => slide.title)).toEqual([
      'Interconnection Requests by Year',
      'Interconnection Requests by Year (cont.)',
    ])
    expect(slides.map((slide) => slide.table!.header)).toEqual([
      ['Year', 'Requests'],
      ['Year', 'Requests'],
    ])
    const shown = slides.flatMap((slide) => slide.table!.rows)
    expect(shown).toEqual(longTable(30).rows.slice(1, 1 + shown.length))
    expect(slides.map((slide) => slide.table!.rowsLeft)).toEqual([0, 30 - shown.length])
    expect(shown.length).toBeGreaterThan(10)
  })

  it('fill the slides of a table evenly, never leaving a lone row on the last', () => {
    const slides = tableSlides(deck([longTable(12)]))
    expect(slides.map((slide) => slide.table!.rows.length)).toEqual([6, 6])
  })

  it('leave a list of abbreviations to the glossary', () => {
    const abbreviations: Table = {
      ...capacity,
      caption: 'Table A-1. Common Abbreviations',
      rows: [
        ['Abbreviation', 'Full Name'],
        ['DOE', 'Department of Energy'],
        ['FERC', 'Federal Energy Regulatory Commission'],
        ['RTOs', 'Regional transmission organizations'],
      ],
    }
    expect(tableSlides(deck([abbreviations]))).toEqual([])
  })

  it('give a row with a long cell the lines it needs, never cutting the cell', () => {
    const wordy =
      'Requests for large loads were filed by utilities, developers and data center operators in most regions'
    const table = {
      ...longTable(12),
      rows: [['Year', 'Requests'], ...Array.from({ length: 12 }, () => ['2025', wordy])],
    }
    const slides = tableSlides(deck([table]))
    expect(slides.flatMap((slide) => slide.table!.rows).every(([, cell]) => cell === wordy)).toBe(true)
    expect(slides[0]!.table!.rows.length).toBeLessThan(9)
  })

  it('join a table the page broke in two under one caption', () => {
    const first = { ...capacity, rows: capacity.rows.slice(0, 2) }
    const second = { ...capacity, index: 1, rows: [capacity.rows[0]!, capacity.rows[2]!] }
    expect(tableSlides(deck([first, second]))[0]!.table!.rows).toEqual(capacity.rows.slice(1))
  })

  it('leave out a table whose cells do not line up with its header, or that is too wide or wordy for a slide', () => {
    const misaligned = { ...capacity, rows: [...capacity.rows, ['Commerce Secretary initiates']] }
    const wide = { ...capacity, rows: capacity.rows.map((row) => [...row, ...row]) }
    const wordy = { ...capacity, rows: [...capacity.rows, ['West', 'x '.repeat(31).trim(), '1 GW']] }
    expect(tableSlides(deck([misaligned, wide, wordy]))).toEqual([])
  })

  it('keep what the audience must not get off the partners’ deck, as bullets do', () => {
    const appropriations: Table = {
      ...capacity,
      caption: 'Table 3. Appropriations Enacted by Congress',
      rows: [
        ['Account', 'FY2026'],
        ['Grid research', '$120 million'],
      ],
    }
    expect(tableSlides(deck([appropriations], allied))).toEqual([])
    expect(tableSlides(deck([appropriations], staff))).toHaveLength(1)
  })

  it('render cells as literal text, never markup, with the source and table number below', async () => {
    const hostile: Table = {
      ...capacity,
      rows: [
        ['Region', 'Note'],
        ['<script>alert(1)</script>', '{{ $slidev }} | *not bold*'],
      ],
    }
    const markdown = render(deck([hostile]), await loadTemplates(bundledTemplatesRoot)).files['slides.md']!
    const slide = markdown.slice(markdown.indexOf('layout: "table"'))
    expect(slide).toContain('<th>Region</th><th>Note</th>')
    expect(slide).toContain('<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>')
    expect(slide).not.toContain('{{')
    expect(slide).toContain('&#124;')
    expect(slide).toContain('Source: Lovelace 2026, Table 1')
  })
})
