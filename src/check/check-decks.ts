// The render check: every slide of every deck opened in Chromium, measured,
// and compared with the PDF printed from the same page.
import { readFile } from 'node:fs/promises'
import type { Browser } from 'playwright-core'
import {
  createProgress,
  deckInfo,
  ensurePrintSites,
  exportDecks,
  findChromium,
  launchBrowser,
  openPrintPage,
  printPdf,
  settleAll,
  type ExportOptions,
  type PrintedDeck,
  type Progress,
} from '../export/index.js'
import type { BuiltDeck, CheckReport, DeckCheck, ExportedDeck } from '../model/index.js'
import { measure } from './measure.js'
import { pdfPageTexts } from './pdf-text.js'
import { deckFindings } from './rules.js'

export interface CheckOptions {
  readonly quiet?: boolean
  /** A browser to share with other work; without one, the check launches Chromium and closes it after. */
  readonly browser?: Browser
}

export async function checkDecks(decks: readonly BuiltDeck[], options: CheckOptions = {}): Promise<CheckReport> {
  const chromiumPath = findChromium()
  const progress = createProgress(options)
  // The sites go to the builder before the browser starts: their build is the longer wait.
  const sites = await ensurePrintSites(decks)
  const browser = options.browser ?? (await launchBrowser(chromiumPath))
  try {
    decks.forEach((deck) => progress.step(deck.audience, 'building', deck.plan.slides.length))
    const checks = await settleAll(decks.map((deck, index) => checkDeck(deck, sites[index] as Promise<string>, browser, progress)))
    return reportOf(checks)
  } finally {
    progress.stop()
    if (!options.browser) await browser.close()
  }
}

/** Export and check in one pass: the check measures the very page each PDF was printed from. */
export async function exportAndCheckDecks(decks: readonly BuiltDeck[], options: ExportOptions = {}): Promise<{ exported: ExportedDeck[]; report: CheckReport }> {
  const checks = new Map<BuiltDeck, DeckCheck>()
  const exported = await exportDecks(decks, {
    ...options,
    inspect: async (printed, progress) => {
      checks.set(printed.deck, await inspectPrintedDeck(printed, progress))
    },
  })
  return { exported, report: reportOf(decks.map((deck) => checks.get(deck) as DeckCheck)) }
}

async function checkDeck(deck: BuiltDeck, site: Promise<string>, browser: Browser, progress: Progress): Promise<DeckCheck> {
  const info = deckInfo(await readFile(deck.slidesPath, 'utf8'), deck.slidesPath, deck.plan)
  const page = await openPrintPage(browser, site, info, { expectedSlides: deck.plan.slides.length })
  try {
    progress.step(deck.audience, 'printing', page.slideCount)
    const pdf = await printPdf(page.page, { width: `${info.width}px`, height: `${info.height}px`, preferCSSPageSize: true }, info)
    const check = await inspectPrintedDeck({ deck, info, page, pdf }, progress)
    progress.done(deck.audience)
    return check
  } finally {
    await page.close()
  }
}

export async function inspectPrintedDeck(printed: PrintedDeck, progress: Progress): Promise<DeckCheck> {
  const { deck, page, pdf } = printed
  progress.step(deck.audience, 'checking', page.slideCount)
  const [slides, pdfPages] = await Promise.all([measure(page.page), pdfPageTexts(pdf.bytes)])
  const findings = deckFindings({ plan: deck.plan, slides, pageErrors: page.pageErrors, blockedRequests: page.blockedRequests, missingFiles: page.missingFiles, pdfPages })
  return { audience: deck.audience, slidesPath: deck.slidesPath, slides: slides.length, planned: deck.plan.slides.length, findings }
}

function reportOf(decks: readonly DeckCheck[]): CheckReport {
  return { ok: decks.every((deck) => deck.findings.length === 0), decks: [...decks] }
}
