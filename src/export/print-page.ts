// Opens a deck's print site in Chromium with no network: the site's files are
// answered from disk, and every other request is blocked and remembered, so
// that exports stay offline and the check can report each attempt.
import { extname, join, normalize, sep } from 'node:path'
import type { Browser, Page, Route } from 'playwright-core'
import { printCatalogue } from '../model/index.js'
import { isFile } from '../shared/index.js'
import type { SlideSize } from './deck-info.js'
import type { PrintSite } from './print-site.js'

/** A made-up loopback origin: Chromium treats `*.localhost` as this machine, and nothing here ever reaches a network. */
export const deckOrigin = 'http://deck.localhost'

/**
 * Console errors that are not the page's own: every Slidev 52 deck logs the
 * first (its twoslash popups fail to patch their floating-vue version, which
 * changes nothing on a slide); Chromium echoes every failed request as the
 * second, and those are reported with their address instead.
 */
const consoleErrorsReportedElsewhere = [/^Failed to patch FloatingVue/, /^Failed to load resource:/]

/** The deck's /print page, every slide drawn, with what happened while it loaded. */
export interface PrintPage {
  readonly page: Page
  readonly slideCount: number
  /** Requests to anywhere but the deck's own files, blocked. */
  readonly blockedRequests: readonly string[]
  /** Addresses on the deck's own origin that its build does not have. */
  readonly missingFiles: readonly string[]
  /** Console errors and uncaught exceptions, in order. */
  readonly pageErrors: readonly string[]
  /** Shows other texts for the same print slides (model `printCatalogue`) in place, once every slide has drawn them. */
  showTexts(texts: readonly string[]): Promise<void>
  close(): Promise<void>
}

export interface OpenOptions {
  readonly timeoutMs?: number
  /** The deck's print texts, for a site built from its print slides (model `printCatalogue`): set on the page before its scripts run. */
  readonly texts?: readonly string[]
  /** Script files to run in the page before its own scripts, for work on the page once it is drawn (the check's axe-core). */
  readonly initScripts?: readonly string[]
}

/**
 * The site may still be building: the page (and the renderer process behind
 * it, a third of a second to start) is made ready meanwhile. The window is one
 * slide tall, unlike Slidev's exporter's deck-tall one: that is drawn into
 * shared memory that Chromium's browser and renderer processes both hold,
 * about 150 MB for a 14-slide deck, and nothing needs it (the PDF is laid out
 * for paper, the pictures are taken a slide at a time, and axe-core judges the
 * contrast of slides out of view as of those in it).
 */
export async function openPrintPage(
  browser: Browser,
  site: PrintSite | Promise<PrintSite>,
  size: SlideSize,
  options: OpenOptions = {},
): Promise<PrintPage> {
  const oneSlide = { width: size.width, height: size.height }
  const context = await browser.newContext({
    viewport: oneSlide,
    // The slides' own look, not the printer's: Slidev's exporter does the same.
    colorScheme: 'light',
  })
  const blockedRequests: string[] = []
  const missingFiles: string[] = []
  const pageErrors: string[] = []
  try {
    if (options.texts)
      await context.addInitScript(({ name, texts }) => Object.assign(globalThis, { [name]: texts }), {
        name: printCatalogue.pageVariable,
        texts: options.texts,
      })
    for (const path of options.initScripts ?? []) await context.addInitScript({ path })
    const page = await context.newPage()
    page.on('console', (message) => {
      if (message.type() === 'error' && !isReportedElsewhere(message.text())) pageErrors.push(message.text())
    })
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`))
    const { dir: siteDir, range } = await site
    await context.route('**/*', (route) =>
      answerFromSite(route, siteDir, { blocked: blockedRequests, missing: missingFiles }),
    )
    // A site shared by several decks (shared-print-site.ts) shows only this deck's slides.
    const query = new URLSearchParams({ print: 'true', ...(range ? { range } : {}) })
    await page.goto(`${deckOrigin}/print?${query.toString()}`, {
      waitUntil: 'load',
      timeout: options.timeoutMs ?? 60_000,
    })
    await page.emulateMedia({ media: 'screen' })
    const slideCount = await waitUntilDrawn(page, options.timeoutMs ?? 60_000)
    return {
      page,
      slideCount,
      blockedRequests,
      missingFiles,
      pageErrors,
      showTexts: (texts) => showTexts(page, texts),
      close: () => context.close(),
    }
  } catch (error) {
    await context.close()
    throw error
  }
}

function isReportedElsewhere(text: string): boolean {
  return consoleErrorsReportedElsewhere.some((pattern) => pattern.test(text))
}

async function answerFromSite(
  route: Route,
  siteDir: string,
  log: { blocked: string[]; missing: string[] },
): Promise<void> {
  const url = new URL(route.request().url())
  if (url.origin !== deckOrigin) {
    log.blocked.push(url.href)
    return route.abort('blockedbyclient')
  }
  const file = siteFile(siteDir, decodeURIComponent(url.pathname))
  if (file && (await isFile(file))) return route.fulfill({ path: file })
  // Slidev routes (/print, /3) are pages of a single-page app; a missing asset is a real 404.
  if (extname(url.pathname) === '') return route.fulfill({ path: join(siteDir, 'index.html') })
  log.missing.push(url.href)
  return route.fulfill({ status: 404, body: 'not found' })
}

/** The file a URL path names inside the site, or undefined when the path climbs out of it. */
export function siteFile(siteDir: string, pathname: string): string | undefined {
  const file = normalize(join(siteDir, pathname))
  return file === siteDir || file.startsWith(siteDir.endsWith(sep) ? siteDir : siteDir + sep) ? file : undefined
}

/**
 * Mermaid's scratch area prints as a blank extra page, and Monaco's
 * screen-reader helper is off-slide text. Without containment, what overflows
 * a slide is laid out onto the next PDF page, over the next slide (the
 * check reports the overflow; the PDF should still show each slide as drawn).
 */
const printFixes = `
  #mermaid-rendering-container, .monaco-aria-container { display: none !important; }
  .print-slide-container { contain: strict; }
`

/** Waits for every slide, image and font, and hides Slidev's off-slide helpers; returns the number of slides. */
async function waitUntilDrawn(page: Page, timeout: number): Promise<number> {
  // Slides are async components: a container first holds nothing or a
  // loading placeholder, so "no placeholder" alone is not "drawn".
  await page.waitForFunction(
    () => {
      const slides = [...document.querySelectorAll('.print-slide-container [data-slidev-no]')]
      return (
        slides.length > 0 &&
        slides.every((slide) => slide.querySelector(':scope > :not(.slidev-slide-loading)') !== null) &&
        document.querySelector('.slidev-slide-loading') === null &&
        [...document.images].every((image) => image.complete)
      )
    },
    undefined,
    { timeout, polling: 'raf' },
  )
  await page.evaluate(() => document.fonts.ready)
  await page.addStyleTag({ content: printFixes })
  return page.locator('.print-slide-container').count()
}

async function showTexts(page: Page, texts: readonly string[]): Promise<void> {
  await page.evaluate(
    async ({ setter, texts }) => {
      const show = (globalThis as Record<string, unknown>)[setter]
      if (typeof show !== 'function') throw new Error('briefdeck: this print page takes no other texts')
      show(texts)
      // Vue draws the change before the next frame; the second is drawn with it.
      await new Promise((drawn) => requestAnimationFrame(() => requestAnimationFrame(drawn)))
      await document.fonts.ready
    },
    { setter: printCatalogue.pageSetter, texts },
  )
}
