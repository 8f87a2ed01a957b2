// Presenting: Slidev's dev server shows the built deck, its presenter view
// shows the notes, and an edit to the brief reaches the open browser.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest'
import type { DeckPlan } from '../../src/model/index.js'
import { buildBrief } from '../../src/pipeline/index.js'
import { launchBrowser } from '../../src/export/index.js'
import { serveDeck, type ServedDeck } from '../../src/present/index.js'
import { rebuildOnChange, type RebuildWatcher } from '../../src/shared/rebuild-on-change.js'

const fixtureBrief = new URL('../fixtures/briefs/sample.brief.yaml', import.meta.url)
const sources = ['pacific-defense-pact-2025.txt', 'reassurance-dilemma-2015.txt']
const port = 14030

let root: string
let briefPath: string
let browser: Browser
let page: Page
let served: ServedDeck
let watcher: RebuildWatcher
let deckPlan: DeckPlan
const rebuildErrors: unknown[] = []
/** What the open page logged (Vite's hot updates among it), printed when a test fails. */
const pageLog: string[] = []

/** What Slidev's dev server puts on the page for its own controls. */
interface SlidevWindow {
  __slidev__: { nav: { enterPresenter(): void; exitPresenter(): void } }
}

/** The sample brief in a folder of its own, its sources beside it. */
async function copyBrief(into: string): Promise<string> {
  await mkdir(join(into, 'sources'))
  for (const source of sources)
    await copyFile(new URL(`../../briefs/sources/${source}`, import.meta.url), join(into, 'sources', source))
  const text = (await readFile(fixtureBrief, 'utf8')).replaceAll('../../../briefs/sources/', 'sources/')
  const path = join(into, 'sample.brief.yaml')
  await writeFile(path, text)
  return path
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefdeck-present-'))
  briefPath = await copyBrief(root)
  const build = () =>
    buildBrief(briefPath, { audiences: ['congressional-staff'], outDir: join(root, 'out'), inPlace: true })
  const { decks } = await build()
  deckPlan = decks[0]!.plan
  served = serveDeck(decks[0]!, { port, open: false, attached: false })
  watcher = rebuildOnChange(
    [briefPath, join(root, 'sources', sources[0]!)],
    async () => void (await build()),
    (error) => rebuildErrors.push(error),
  )
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  page.on('console', (message) => pageLog.push(`${message.type()}: ${message.text()}`))
  page.on('load', () => pageLog.push('(page loaded)'))
  await served.ready
})

afterAll(async () => {
  await browser?.close()
  served?.close()
  await served?.closed
  await watcher?.close()
  await rm(root, { recursive: true, force: true })
})

describe('briefdeck present', () => {
  it('serves the deck with its banners', async () => {
    await page.goto(`${served.url}1`)
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 120_000 }).toBe('Pacific alliances')
    await expect(page.locator('.marking-banner[data-position="top"]').first().textContent()).resolves.toContain(
      'UNCLASSIFIED',
    )
  })

  it('has a presenter view with the speaker notes', async () => {
    const presenter = await browser.newPage()
    await presenter.goto(`${served.url}presenter/1`)
    await expect
      .poll(() => presenter.locator('.slidev-note').first().textContent(), { timeout: 120_000 })
      .toContain('Briefing for congressional staff')
    await presenter.close()
  })

  it('updates the open slide when the brief title changes, on the same slide, and the page title follows', async () => {
    onTestFailed(() => console.log(`the page's log:\n${pageLog.join('\n')}\nrebuild errors: ${String(rebuildErrors)}`))
    let loads = 0
    page.on('framenavigated', (frame) => void (frame === page.mainFrame() && loads++))
    const brief = await readFile(briefPath, 'utf8')
    await writeFile(briefPath, brief.replace('title: Pacific alliances', 'title: Pacific alliances revisited'))
    await expect
      .poll(() => page.locator('h1').first().textContent(), { timeout: 120_000, interval: 100 })
      .toBe('Pacific alliances revisited')
    await expect.poll(() => page.title(), { timeout: 30_000 }).toContain('Pacific alliances revisited')
    // The footer reads the title from Slidev's configs, which change without a reload.
    await expect
      .poll(() => page.locator('.deck-name').first().textContent(), { timeout: 30_000 })
      .toContain('Pacific alliances revisited')
    // The title is Slidev's configuration (headmatter `title`), for which Slidev alone would reload the page;
    // the theme takes the update in place.
    await new Promise((settle) => setTimeout(settle, 2000))
    expect(loads).toBe(0)
    expect(new URL(page.url()).pathname).toBe('/1')
    expect(rebuildErrors).toEqual([])
  })

  it('keeps the new title in the page title when the page changes its head (presenter view and back, in the same tab)', async () => {
    // Each of Slidev's views sets its title from the title the deck started with; leaving one redraws the head.
    const nav = (to: 'enterPresenter' | 'exitPresenter') =>
      page.evaluate((name) => (window as unknown as SlidevWindow).__slidev__.nav[name](), to)
    await nav('enterPresenter')
    await expect.poll(() => page.title(), { timeout: 30_000 }).toContain('Presenter - Pacific alliances revisited')
    await nav('exitPresenter')
    await expect.poll(() => new URL(page.url()).pathname, { timeout: 30_000 }).toBe('/1')
    await expect.poll(() => page.title(), { timeout: 30_000 }).toMatch(/^Pacific alliances revisited/)
  })

  it('updates a slide in place when a source changes', async () => {
    // The first slide whose bullets quote the sentence (where it falls depends on the extraction).
    const number =
      deckPlan.slides.findIndex((each) => JSON.stringify(each.bullets).includes('ambitions remain clear')) + 1
    expect(number).toBeGreaterThan(0)
    const slide = await browser.newPage({ viewport: { width: 1280, height: 720 } })
    await slide.goto(`${served.url}${number}`)
    await expect.poll(() => slide.locator('body').innerText(), { timeout: 120_000 }).toContain('ambitions remain clear')
    let loads = 0
    slide.on('framenavigated', (frame) => void (frame === slide.mainFrame() && loads++))
    const sourceFile = join(root, 'sources', 'pacific-defense-pact-2025.txt')
    const text = await readFile(sourceFile, 'utf8')
    await writeFile(sourceFile, text.replace('ambitions remain clear', 'ambitions remain plain'))
    await expect.poll(() => slide.locator('body').innerText(), { timeout: 30_000 }).toContain('ambitions remain plain')
    expect(loads).toBe(0)
    expect(new URL(slide.url()).pathname).toBe(`/${number}`)
    await slide.close()
  })
})
