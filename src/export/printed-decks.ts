// What export and the check share: every deck's print site built, each deck
// opened in the one shared Chromium and printed to PDF, then handed to the
// caller's work while its page is still open.
import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import type { BuiltDeck } from '../model/index.js'
import { findChromium, launchBrowser } from './browser.js'
import { deckInfo, type DeckInfo } from './deck-info.js'
import type { EarlyPage } from './early-page.js'
import { printPdf, type PrintedPdf } from './pdf.js'
import { openPrintPage, type PrintPage } from './print-page.js'
import { ensurePrintSites, releaseSites, type PrintSite } from './print-site.js'
import { printSource } from './print-source.js'
import { createProgress, type Progress } from './progress.js'
import { settleAll } from './settle.js'

/** A deck open in the browser with its PDF printed. */
export interface PrintedDeck {
  readonly deck: BuiltDeck
  readonly info: DeckInfo
  readonly page: PrintPage
  readonly pdf: PrintedPdf
}

export interface PrintingOptions {
  readonly quiet?: boolean
  /** A browser to share with other work; without one, Chromium is launched and closed after. */
  readonly browser?: Browser
  /** Each deck's print site, already on its way (see `ensurePrintSites`); without them, they are built here. */
  readonly sites?: readonly Promise<PrintSite>[]
  /** A deck's page opened ahead (early-page.ts), to take when the deck prints from the site it shows. */
  readonly earlyPage?: (deck: BuiltDeck) => EarlyPage | undefined
  /** Where the decks' progress goes; without it, to bars on the terminal unless `quiet`. */
  readonly progress?: Progress
  /** Script files each deck's page runs before its own (print-page.ts). */
  readonly initScripts?: readonly string[]
}

/** Runs `work` on every deck once it is printed; the deck's page closes when its work is done. */
export async function withPrintedDecks<T>(
  decks: readonly BuiltDeck[],
  options: PrintingOptions,
  work: (printed: PrintedDeck, progress: Progress) => Promise<T>,
): Promise<T[]> {
  const chromiumPath = findChromium()
  const progress = options.progress ?? createProgress(options)
  // The sites go to the builder before the browser starts: their build is the longer wait.
  const sites = options.sites ?? (await ensurePrintSites(decks))
  const browser = options.browser ?? (await launchBrowser(chromiumPath))
  try {
    decks.forEach((deck) => progress.step(deck.audience, 'building', deck.plan.slides.length))
    // Each deck loads as soon as its own site is built: the builder works on
    // about one core, so the first deck prints on the other while the next
    // builds. Only the first deck's page is made ready ahead of its site (a
    // third of a second saved): a page waiting beside the builder and an open
    // deck would be a renderer's memory, about 110 MB, at the build's peak.
    return await settleAll(
      decks.map(async (deck, index) => {
        const site = index === 0 ? sites[0]! : await sites[index]!
        // Released once the page has closed: a shared site goes when the last of its decks is done.
        const early = options.earlyPage?.(deck)
        const toPrint = { deck, site, early, initScripts: options.initScripts ?? [] }
        return printDeck(toPrint, browser, progress, work).finally(() => releaseSites([sites[index]!]))
      }),
    )
  } finally {
    progress.stop()
    if (!options.browser) await browser.close()
    if (!options.sites) await releaseSites(sites)
  }
}

interface DeckToPrint {
  readonly deck: BuiltDeck
  readonly site: PrintSite | Promise<PrintSite>
  readonly early: EarlyPage | undefined
  readonly initScripts: readonly string[]
}

async function printDeck<T>(
  { deck, site, early, initScripts }: DeckToPrint,
  browser: Browser,
  progress: Progress,
  work: (printed: PrintedDeck, progress: Progress) => Promise<T>,
): Promise<T> {
  const info = deckInfo(await readFile(deck.slidesPath, 'utf8'), deck.slidesPath, deck.plan)
  const { texts } = await printSource(deck.slidesPath)
  // A page opened early waits for the site, which is at once when it is the deck's own and fresh.
  const page =
    (early && (await early.take(await site, texts))) ??
    (await openPrintPage(browser, site, info, { initScripts, ...(texts ? { texts } : {}) }))
  try {
    progress.step(deck.audience, 'printing', page.slideCount)
    const pdf = await printPdf(
      page.page,
      { width: `${info.width}px`, height: `${info.height}px`, preferCSSPageSize: true },
      info,
    )
    return await work({ deck, info, page, pdf }, progress)
  } finally {
    await page.close()
  }
}
