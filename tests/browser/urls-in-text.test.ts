// Addresses in source text through a real export: on the slide, in the PDF
// and in the handout they read as written, with no escape showing and no
// link made (markdown-it's link detection would make one after briefdeck's
// escaping, with the escapes inside it). The check compares the PDF with
// the plan's own text, so a leaked escape would be reported, and text that
// starts with `{{` is found where it is.
import { execFileSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBrief } from '../../src/brief/index.js'
import { inspectPrintedDeck } from '../../src/check/index.js'
import { compose } from '../../src/compose/index.js'
import { exportDecks } from '../../src/export/index.js'
import type { BlockKind, DeckCheck, ExportedDeck, Extraction } from '../../src/model/index.js'
import { bundledTemplatesRoot, loadTemplates, render, writeDeck } from '../../src/render/index.js'
import { hostileProfile } from '../fixtures/briefs/hostile.js'
import { blockId, sourceMetadata } from '../fixtures/briefs/extractions.js'

const addresses = [
  'https://example.org/defense_budget/2025#table-3',
  'https://example.org/data?region=asia&year=2024',
  'state.gov',
  'press@example.org',
]
const sentences: [BlockKind, string][] = [
  ['thesis', `The alliance should publish its plan at ${addresses[0]} this year.`],
  ['claim', `The figures at ${addresses[1]} show that spending rose.`],
  ['evidence', `The department, at ${addresses[2]}, reported higher costs.`],
  ['claim', `{{ Budget }} lines should rise, and questions go to ${addresses[3]} now.`],
]

const sourceId = 'addresses'
const extraction: Extraction = {
  file: 'addresses.txt',
  source: sourceMetadata({ id: sourceId, title: 'Addresses in text', date: '2025-01-01', authors: ['A. Writer'] }),
  blocks: sentences.map(([kind, text], index) => ({
    id: blockId(sourceId, text),
    kind,
    text,
    sourceId,
    start: index * 200,
    end: index * 200 + text.length,
    paragraph: index,
    sentence: index,
    confidence: 0.9,
    rule: 'fixture',
  })),
  actors: [],
  timeline: [],
  terms: [],
}

let workDir: string
let exported: ExportedDeck
let check: DeckCheck
let links: string[]
let slideText: string

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'briefdeck-addresses-'))
  // Every block is put on the deck by an override, as the hostile brief does, so that compose's
  // furniture filters (a sentence with an address can look like a link line) hide none from this test.
  const overrides = extraction.blocks.map((block) => `  ${block.id}:\n    audiences: [congressional-staff]\n`).join('')
  const brief = parseBrief(
    `title: Addresses\nsources:\n  - id: ${sourceId}\n    path: addresses.txt\naudiences: [congressional-staff]\noverrides:\n${overrides}`,
    join(workDir, 'addresses.brief.yaml'),
  )
  const plan = compose({ extractions: [extraction], brief, audience: hostileProfile })
  const dir = join(workDir, 'out', 'addresses', 'congressional-staff')
  await writeDeck(dir, render(plan, await loadTemplates(bundledTemplatesRoot)), { outDir: join(workDir, 'out') })
  const deck = { audience: plan.audience, dir, slidesPath: join(dir, 'slides.md'), plan }
  const decks = await exportDecks([deck], {
    quiet: true,
    inspect: async (printed, progress) => {
      check = await inspectPrintedDeck(printed, progress)
      links = await printed.page.page
        .locator('.slidev-page a[href]')
        .evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href))
      slideText = await printed.page.page
        .locator('.slidev-page')
        .evaluateAll((pages) => pages.map((page) => (page as HTMLElement).innerText).join('\n'))
    },
  })
  exported = decks[0]!
})

afterAll(() => rm(workDir, { recursive: true, force: true }))

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })
/** pdftotext may break a long address across lines; the characters in order are what counts. */
const squeezed = (text: string) => text.replace(/\s+/g, '')

describe('addresses in slide text', () => {
  it('read as written on the slide, and make no link', () => {
    for (const address of addresses) expect(slideText).toContain(address)
    expect(slideText).not.toMatch(/&#\d+;|&amp;/)
    expect(links).toEqual([])
  })

  it('read as written in the PDF and in the handout, with no link in either', () => {
    for (const path of [exported.pdf.path, exported.handout.path]) {
      const text = squeezed(pdfText(path))
      for (const address of addresses) expect(text, path).toContain(squeezed(address))
      expect(text, path).not.toMatch(/&#\d+;|&amp;/)
      const annotations = execFileSync('pdfinfo', ['-url', path], { encoding: 'utf8' })
      expect(
        annotations.split('\n').filter((line) => /https?:|mailto:/.test(line)),
        path,
      ).toEqual([])
    }
  })

  it('leave the check with nothing to report missing from the PDF, text that starts with {{ included', () => {
    expect(slideText).toContain('{{ Budget }} lines should rise')
    expect(check.findings.filter((finding) => finding.rule === 'text-missing-from-pdf').map((f) => f.message)).toEqual(
      [],
    )
  })
})
