// Both decks of the shipped brief, built by `slidev build` and walked slide by
// slide in Chromium: the DOM hooks other stages rely on, nothing spilling out
// of a slide, WCAG AA contrast, and no request leaving the machine.
import axe from 'axe-core'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBrief, type BuildResult } from '../../src/pipeline/index.js'
import { launchBrowser } from '../../src/export/index.js'
import { bannerText } from '../../src/model/index.js'
import { buildSlidevSite, serveSite } from '../fixtures/briefs/slidev-site.js'

const briefPath = fileURLToPath(new URL('../../briefs/pacific-alliances.brief.yaml', import.meta.url))

interface SlideReport {
  id: string | null
  banners: string[]
  draftMarks: number
  /** Elements of the slide body that reach outside it. */
  overflowing: string[]
  contrastViolations: string[]
  /** Text elements axe checked, so that a pass means something. */
  contrastChecked: number
}

let workDir: string
let build: BuildResult
let browser: Browser
const reports = new Map<string, SlideReport[]>()
const externalRequests: string[] = []

beforeAll(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'briefdeck-slidev-'))
  build = await buildBrief(briefPath, { outDir: join(workDir, 'out') })
  browser = await launchBrowser()
  for (const deck of build.decks) {
    const dist = join(workDir, 'dist', deck.audience)
    await buildSlidevSite(deck.dir, dist)
    const site = await serveSite(dist)
    const page = await browser.newPage({ viewport: { width: 980, height: 552 } })
    page.on('request', (request) => {
      if (!request.url().startsWith(site.origin) && !request.url().startsWith('data:'))
        externalRequests.push(request.url())
    })
    try {
      reports.set(deck.audience, await walkSlides(page, site.origin, deck.plan.slides.length))
    } finally {
      await page.close()
      await site.close()
    }
  }
})

afterAll(async () => {
  await browser?.close()
  await rm(workDir, { recursive: true, force: true })
})

async function walkSlides(page: Page, origin: string, count: number): Promise<SlideReport[]> {
  const slides: SlideReport[] = []
  for (let number = 1; number <= count; number++) {
    await page.goto(`${origin}/${number}`)
    await page.locator(`.slidev-page-${number} [data-slide-id]`).waitFor()
    await page.addScriptTag({ content: axe.source })
    slides.push(
      await page.evaluate(async (number) => {
        const slide = document.querySelector(`.slidev-page-${number} [data-slide-id]`)!
        const body = slide.querySelector('.slide-body')!.getBoundingClientRect()
        const overflowing = [
          ...slide.querySelectorAll(
            '.slide-body h1, .slide-body p, .slide-body li, .slide-body blockquote, .slide-body dl > div',
          ),
        ]
          .filter((element) => {
            const box = element.getBoundingClientRect()
            return box.bottom > body.bottom + 1 || box.right > body.right + 1 || box.left < body.left - 1
          })
          .map((element) => `${element.tagName.toLowerCase()} "${element.textContent!.slice(0, 40)}"`)
        const contrast = await (window as unknown as { axe: typeof axe }).axe.run(slide, {
          runOnly: { type: 'rule', values: ['color-contrast'] },
        })
        return {
          id: slide.getAttribute('data-slide-id'),
          banners: [...slide.querySelectorAll('.marking-banner')].map(
            (banner) => `${banner.getAttribute('data-position')}: ${banner.textContent}`,
          ),
          draftMarks: slide.querySelectorAll('[data-draft-mark]').length,
          overflowing,
          contrastViolations: contrast.violations.flatMap((violation) =>
            violation.nodes.map((node) => node.failureSummary ?? violation.id),
          ),
          contrastChecked: contrast.passes.reduce((count, rule) => count + rule.nodes.length, 0),
        }
      }, number),
    )
  }
  return slides
}

describe.each(['congressional-staff', 'allied-ministry'])('the built %s deck', (audience) => {
  const deck = () => build.decks.find((each) => each.audience === audience)!
  const slides = () => reports.get(audience)!

  it('shows every planned slide, in order, each carrying its id', () => {
    expect(slides().map((slide) => slide.id)).toEqual(deck().plan.slides.map((slide) => slide.id))
  })

  it('puts the banner at the top and the bottom of every slide, and the draft mark on each', () => {
    const banner = bannerText(deck().plan.marking)
    for (const slide of slides()) {
      expect(slide.banners, slide.id!).toEqual([`top: ${banner}`, `bottom: ${banner}`])
      expect(slide.draftMarks, slide.id!).toBe(1)
    }
  })

  it('keeps every element inside its slide', () => {
    expect(slides().filter((slide) => slide.overflowing.length > 0)).toEqual([])
  })

  it('passes WCAG AA colour contrast', () => {
    expect(slides().flatMap((slide) => slide.contrastViolations)).toEqual([])
    for (const slide of slides()) expect(slide.contrastChecked, slide.id!).toBeGreaterThan(3)
  })
})

it('asks nothing of the network', () => {
  expect(externalRequests).toEqual([])
})
