// The export of a build's decks: each deck's print site is built, opened once
// in the one shared Chromium, and everything is taken from that page: the
// PDF, the slide PNGs, the handout and the contact sheet. A caller may look
// at the open page too (the check does) before it moves on.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { bannerText, type BuiltDeck, type ExportedDeck, type HandoutLayout, type PaperSize } from '../model/index.js'
import { replaceDirectory, temporarySibling, writeFileAtomic } from './atomic.js'
import { findChromium, launchBrowser } from './browser.js'
import { contactSheet, renderContactSheet } from './contact-sheet.js'
import { deckInfo, type DeckInfo } from './deck-info.js'
import { handoutSheet, type HandoutSlide } from './handout-html.js'
import { printHandout } from './handout.js'
import { deckOutputs, slideImageName } from './outputs.js'
import { printPdf, type PrintedPdf } from './pdf.js'
import { openPrintPage, type PrintPage } from './print-page.js'
import { ensurePrintSites } from './print-site.js'
import { exportPptx } from './pptx.js'
import { createProgress, type Progress } from './progress.js'
import { captureSlides } from './slide-images.js'
import { awaitedLater, settleAll } from './settle.js'

/** A deck open in the browser with its PDF printed: what a caller's `inspect` sees. */
export interface PrintedDeck {
  readonly deck: BuiltDeck
  readonly info: DeckInfo
  readonly page: PrintPage
  readonly pdf: PrintedPdf
}

export interface ExportOptions {
  readonly quiet?: boolean
  readonly handoutLayout?: HandoutLayout
  readonly paper?: PaperSize
  /**
   * Slide PNGs at this many times the canvas size (980 × 552 for most
   * decks). 1 by default: 2, as Slidev's exporter makes them, is sharper on
   * high-density screens and costs about 50 ms more a slide.
   */
  readonly pngScale?: number
  readonly pptx?: boolean
  /** A browser to share with other work; without one, export launches Chromium and closes it after. */
  readonly browser?: Browser
  /** Each deck's print site, already on its way (see `ensurePrintSites`); without them, export builds them. */
  readonly sites?: readonly Promise<string>[]
  /** Called for each deck while its page is still open, e.g. to check it. */
  readonly inspect?: (printed: PrintedDeck, progress: Progress) => Promise<void>
}

export async function exportDecks(decks: readonly BuiltDeck[], options: ExportOptions = {}): Promise<ExportedDeck[]> {
  const chromiumPath = findChromium()
  const progress = createProgress(options)
  // The sites go to the builder before the browser starts: their build is the longer wait.
  const sites = options.sites ?? (await ensurePrintSites(decks))
  const browser = options.browser ?? (await launchBrowser(chromiumPath))
  try {
    decks.forEach((deck) => progress.step(deck.audience, 'building', deck.plan.slides.length))
    // Decks load once every site is built: the builder and an open deck are
    // most of the peak memory, and the builds go faster without decks
    // competing for the CPU.
    const built = awaitedLater(settleAll(sites))
    return await settleAll(decks.map((deck, index) => exportDeck(deck, awaitedLater(built.then((dirs) => dirs[index] as string)), browser, chromiumPath, progress, options)))
  } finally {
    progress.stop()
    if (!options.browser) await browser.close()
  }
}

async function exportDeck(
  deck: BuiltDeck,
  site: Promise<string>,
  browser: Browser,
  chromiumPath: string,
  progress: Progress,
  options: ExportOptions,
): Promise<ExportedDeck> {
  const outputs = deckOutputs(deck)
  const info = deckInfo(await readFile(deck.slidesPath, 'utf8'), deck.slidesPath, deck.plan)
  const page = await openPrintPage(browser, site, info, { expectedSlides: deck.plan.slides.length })
  const printed = await printFromPage(deck, info, page, progress, options).finally(() => page.close())
  await writeFileAtomic(outputs.pdf, printed.pdf.bytes)
  await writeFileAtomic(outputs.handout, printed.handout.bytes)
  const slideImages = await writeSlideImages(outputs.slideImagesDir, printed.images)
  await writeFileAtomic(outputs.contactSheet, printed.contactSheet)
  if (options.pptx) {
    progress.step(deck.audience, 'pptx', page.slideCount)
    await exportPptx(deck, outputs.pptx, chromiumPath)
  }
  progress.done(deck.audience)
  return {
    audience: deck.audience,
    pdf: { path: outputs.pdf, pages: printed.pdf.pages },
    handout: { path: outputs.handout, pages: printed.handout.pages },
    slideImages,
    contactSheet: outputs.contactSheet,
    ...(options.pptx ? { pptx: outputs.pptx } : {}),
    blockedRequests: page.blockedRequests,
  }
}

/**
 * Everything from one page, in turn: the PDF, a caller's inspection and the
 * slide pictures while it shows the deck, then the handout and the contact
 * sheet laid over it. One page per deck keeps Chromium to one renderer
 * process per deck, which is most of its memory.
 */
async function printFromPage(deck: BuiltDeck, info: DeckInfo, page: PrintPage, progress: Progress, options: ExportOptions) {
  progress.step(deck.audience, 'printing', page.slideCount)
  const pdf = await printPdf(page.page, { width: `${info.width}px`, height: `${info.height}px`, preferCSSPageSize: true }, info)
  await options.inspect?.({ deck, info, page, pdf }, progress)
  progress.step(deck.audience, 'slide images', page.slideCount)
  const images = await captureSlides(page.page, options.pngScale ?? 1, () => progress.slide(deck.audience))
  progress.step(deck.audience, 'handout', page.slideCount)
  const handout = await printHandout(page.page, {
    sheet: handoutSheet(handoutSlides(deck, page.slideCount), options.handoutLayout ?? '1up'),
    layout: options.handoutLayout ?? '1up',
    paper: options.paper ?? 'A4',
    marking: bannerText(deck.plan.marking),
    properties: { ...info, title: `${info.title} — handout` },
  })
  const sheet = await renderContactSheet(page.page, contactSheet(info.title, thumbnails(deck, page.slideCount)))
  return { pdf, images, handout, contactSheet: sheet }
}

function handoutSlides(deck: BuiltDeck, drawnSlides: number): HandoutSlide[] {
  return deck.plan.slides.map((plan, index) => ({ number: index + 1, plan, drawn: index < drawnSlides }))
}

function thumbnails(deck: BuiltDeck, drawnSlides: number) {
  return Array.from({ length: drawnSlides }, (_, index) => ({ number: index + 1, title: deck.plan.slides[index]?.title ?? '' }))
}

/** All slide PNGs appear together, replacing the last export's set (which may have had more slides). */
async function writeSlideImages(dir: string, images: readonly Buffer[]): Promise<string[]> {
  const building = temporarySibling(dir)
  await mkdir(building, { recursive: true })
  const names = images.map((_, index) => slideImageName(index + 1, images.length))
  await Promise.all(images.map((image, index) => writeFile(join(building, names[index] as string), image)))
  await replaceDirectory(building, dir)
  return names.map((name) => join(dir, name))
}
