// The sample brief exported as a user gets it: both audiences' PDFs,
// handouts, slide PNGs and contact sheets, checked by what a recipient's
// tools see (poppler, pdf-lib), and the render check passing on both decks.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportAndCheckDecks } from '../../src/check/index.js'
import { buildBrief } from '../../src/pipeline/index.js'
import { launchBrowser } from '../../src/export/index.js'
import type { BuiltDeck, CheckReport, ExportedDeck } from '../../src/model/index.js'
import { filesHolding, outlineTitles, pdfInfo, pdfPages, pngSize } from '../export/pdf-probe.js'

const sampleBrief = new URL('../../briefs/pacific-alliances.brief.yaml', import.meta.url).pathname

let root: string
let browser: Browser
let decks: BuiltDeck[]
let exported: ExportedDeck[]
let report: CheckReport

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefdeck-export-'))
  ;({ decks } = await buildBrief(sampleBrief, { outDir: root }))
  browser = await launchBrowser()
  ;({ exported, report } = await exportAndCheckDecks(decks, { browser, quiet: true, pngScale: 2 }))
})

afterAll(async () => {
  await browser?.close()
  await rm(root, { recursive: true, force: true })
})

/** Typographic apostrophes and quotes as the plan writes them: the deck's markdown curls them. */
const straight = (text: string) => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"')
const words = (text: string) => straight(text).toLowerCase().split(/\s+/).filter(Boolean)

describe.each(['congressional-staff', 'allied-ministry'])('the %s deck', (audience) => {
  const deck = () => decks.find((candidate) => candidate.audience === audience)!
  const files = () => exported.find((candidate) => candidate.audience === audience)!
  const slides = () => deck().plan.slides

  it('renders every planned slide cleanly: banners, nothing outside or clipped, no error, nothing off the machine', () => {
    // Content warnings (reading grade, a long sentence kept whole) are advice; an error of any kind fails.
    const check = report.decks.find((candidate) => candidate.audience === audience)!
    expect({ ...check, findings: check.findings.filter((finding) => finding.severity !== 'warning') }).toEqual({
      audience,
      slidesPath: deck().slidesPath,
      slides: slides().length,
      planned: slides().length,
      findings: [],
    })
    expect(files().blockedRequests).toEqual([])
  })

  it('prints one tagged page per slide, with the title, author and an outline of slide titles', async () => {
    const info = pdfInfo(files().pdf.path)
    expect(info).toMatchObject({ Pages: String(slides().length), Tagged: 'yes', Title: deck().plan.title })
    expect(info['Author']).toMatch(/\S/)
    expect(files().pdf.pages).toBe(slides().length)
    expect((await outlineTitles(files().pdf.path)).map(straight)).toEqual(slides().map((slide) => slide.title))
  })

  it('has each slide title on its own PDF page', () => {
    const pages = pdfPages(files().pdf.path).map(words)
    slides().forEach((slide, index) => expect(pages[index]?.join(' ')).toContain(words(slide.title).join(' ')))
  })

  it('hands out every slide with its notes and sources', () => {
    const info = pdfInfo(files().handout.path)
    expect(info).toMatchObject({ Tagged: 'yes', Pages: String(files().handout.pages) })
    expect(files().handout.pages).toBeGreaterThanOrEqual(slides().length)
    const text = words(pdfPages(files().handout.path).join(' ')).join(' ')
    for (const slide of slides()) {
      expect(text).toContain(words(slide.title).join(' '))
      for (const note of slide.notes.slice(0, 1)) expect(text).toContain(words(note).slice(0, 6).join(' '))
      for (const citation of slide.citations) expect(text).toContain(words(citation.title).slice(0, 4).join(' '))
    }
  })

  it('numbers the slides of its own deck and names its own audience in every footer, printed from a site the decks share', () => {
    // Both decks came from one build, made apart from the deck folders and gone once they printed.
    expect(existsSync(join(deck().dir, 'print-site'))).toBe(false)
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([])
    const other = decks.find((candidate) => candidate !== deck())!
    expect(filesHolding(deck().dir, other.plan.audienceName!)).toEqual([])
    pdfPages(files().pdf.path).forEach((page, index) => {
      expect(page).toContain(`${index + 1} / ${slides().length}`)
      expect(page).toContain(`${deck().plan.title} · ${deck().plan.audienceName ?? audience}`)
    })
  })

  it('writes a distinct PNG of each slide and a contact sheet', () => {
    expect(files().slideImages).toHaveLength(slides().length)
    const hashes = files().slideImages.map((path) => createHash('sha256').update(readFileSync(path)).digest('hex'))
    expect(new Set(hashes).size).toBe(hashes.length)
    expect(pngSize(files().slideImages[0]!)).toEqual({ width: 1960, height: 1104 })
    expect(existsSync(files().contactSheet)).toBe(true)
    expect(pngSize(files().contactSheet).height).toBeLessThan(pngSize(files().contactSheet).width)
  })
})
