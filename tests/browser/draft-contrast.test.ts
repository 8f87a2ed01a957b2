// The contrast check on draft decks, whose body slides lie under the DRAFT
// watermark (a pseudo-element of the theme): text too pale to read there is
// found on every slide that has it. axe-core gives up on text under a
// pseudo-element unless told to leave them out, and the check saw nothing.
import { appendFile, cp, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportAndCheckDecks } from '../../src/check/index.js'
import { launchBrowser } from '../../src/export/index.js'
import type { BuiltDeck, CheckReport } from '../../src/model/index.js'
import { buildBrief } from '../../src/pipeline/index.js'

const sampleBrief = new URL('../../briefs/pacific-alliances.brief.yaml', import.meta.url).pathname

let root: string
let browser: Browser
let decks: BuiltDeck[]
let report: CheckReport

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefdeck-draft-contrast-'))
  // briefdeck's own templates and theme, with the text of every slide but the cover made pale.
  const templatesDir = join(root, 'templates')
  await cp(new URL('../../templates', import.meta.url).pathname, templatesDir, { recursive: true })
  await appendFile(
    join(templatesDir, 'theme', 'styles', 'index.css'),
    '\n.briefdeck:not(.layout-cover) .slide-body * { color: #d4d4d4; }\n',
  )
  ;({ decks } = await buildBrief(sampleBrief, { outDir: join(root, 'out'), templatesDir, quiet: true }))
  browser = await launchBrowser()
  ;({ report } = await exportAndCheckDecks(decks, { browser, quiet: true }))
})

afterAll(async () => {
  await browser?.close()
  await rm(root, { recursive: true, force: true })
})

describe('the contrast check on a draft deck', () => {
  it.each(['congressional-staff', 'allied-ministry'])(
    'finds the pale text on every body slide of the %s deck',
    (audience) => {
      const deck = decks.find((candidate) => candidate.audience === audience)!
      expect(deck.plan.draft).toBe(true)
      const pale = report.decks
        .find((check) => check.audience === audience)!
        .findings.filter((finding) => finding.rule === 'contrast')
      const bodySlides = deck.plan.slides.flatMap((slide, index) => (slide.layout === 'cover' ? [] : [index + 1]))
      expect(new Set(pale.map((finding) => finding.slide))).toEqual(new Set(bodySlides))
      for (const finding of pale)
        expect(finding.message).toMatch(/: contrast \d\.\d+:1, needs (4\.5|3):1 \(#d4d4d4 on #/)
    },
  )
})
