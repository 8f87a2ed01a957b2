// A deck made from a source written to break decks, built by Slidev and
// opened in Chromium: every hostile construct must show as the characters
// it is made of, and none may run.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { compose } from '../../src/compose/index.js'
import { launchBrowser } from '../../src/export/index.js'
import type { DeckPlan } from '../../src/model/index.js'
import { bundledTemplatesRoot, loadTemplates, render, writeDeck } from '../../src/render/index.js'
import { hostileBrief, hostileExtraction, hostileProfile } from '../fixtures/briefs/hostile.js'
import { buildSlidevSite, serveSite, type StaticSite } from '../fixtures/briefs/slidev-site.js'

let workDir: string
let site: StaticSite
let browser: Browser
let page: Page
let plan: DeckPlan
const slideTexts: string[] = []
const slideIds: (string | null)[] = []

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'briefdeck-escaping-'))
  plan = compose({ extractions: [hostileExtraction], brief: hostileBrief, audience: hostileProfile })
  await writeDeck(join(workDir, 'deck'), render(plan, await loadTemplates(bundledTemplatesRoot)), { outDir: workDir })
  await buildSlidevSite(join(workDir, 'deck'), join(workDir, 'dist'))
  site = await serveSite(join(workDir, 'dist'))
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 980, height: 552 } })
  for (const number of plan.slides.keys()) {
    await page.goto(`${site.origin}/${number + 1}`)
    const slide = page.locator(`.slidev-page-${number + 1} [data-slide-id]`)
    await slide.waitFor()
    slideIds.push(await slide.getAttribute('data-slide-id'))
    slideTexts.push(await slide.innerText())
  }
})

afterAll(async () => {
  await browser?.close()
  await site?.close()
  await rm(workDir, { recursive: true, force: true })
})

describe('hostile text in a built deck', () => {
  it('shows every slide of the plan, in order', () => {
    expect(slideIds).toEqual(plan.slides.map((slide) => slide.id))
  })

  it('shows each construct as the characters it is made of', () => {
    const shown = slideTexts.join('\n').replace(/\s+/g, ' ')
    for (const literal of [
      '{{ $slidev.nav.next() }}',
      '{{ 7 * 191 }}',
      '<script>window.__pwned = 1</script>',
      '<img src=x onerror="window.__pwned = 2">',
      '<style>.slidev-layout { display: none }</style>',
      '<!-- an unclosed comment',
      '`backticks`',
      '$$ x^2 $$',
      '$y$',
      '::: containers',
      `<div v-html="'<b>bold</b>'" @click="window.__pwned = 3" :title="danger">Vue directives</div>`,
      '::right::',
      '- a list marker, # a heading, > a quote, [a link](javascript:alert(1)) [^1] [ ] [!NOTE]',
      '**bold** _em_ ~~strike~~ | pipe | \\ backslash & ampersand &amp; entity',
      'Typography stays literal: (c) (tm) +- wait... what?!?! ,, -- and --- too.',
      '1. Ordered markers --> and closing comments must stay text.',
      'Hostile {{ brief }} <script>window.__pwned = 5</script> --- deck',
      'Lead {{ lead }}',
      'Lever {{ a }} <i>x</i>',
      'Cross-site {{ scripting }} <b>attack</b>',
    ]) {
      expect(shown).toContain(literal)
    }
  })

  it('runs nothing and draws nothing it was not meant to', async () => {
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined()
    expect(await page.locator('img[src="x"], [v-html], b:text("bold")').count()).toBe(0)
    await expect(page.locator(`.slidev-page-${plan.slides.length} .slidev-layout`).isVisible()).resolves.toBe(true)
  })
})
