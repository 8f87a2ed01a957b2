// The export of a build's decks: each deck's print site is built, opened once
// in the one shared Chromium, and everything is taken from that page: the
// PDF, the slide PNGs, the handout and the contact sheet. A caller may look
// at the open page too (the check does) before it moves on.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  bannerText,
  type BuiltDeck,
  type ExportedDeck,
  type HandoutLayout,
  type KnownContrast,
  type PaperSize,
} from '../model/index.js'
import { replaceDirectory, temporarySibling, writeFileAtomic } from '../shared/index.js'
import { findChromium } from './browser.js'
import { contactSheet, renderContactSheet } from './contact-sheet.js'
import { handoutSheet, type HandoutSlide } from './handout-html.js'
import { printHandout } from './handout.js'
import { deckOutputs, slideImageName } from './outputs.js'
import type { PrintPage } from './print-page.js'
import { withPrintedDecks, type PrintedDeck, type PrintingOptions } from './printed-decks.js'
import { exportPptx } from './pptx.js'
import type { Progress } from './progress.js'
import { captureSlides } from './slide-images.js'

export interface ExportOptions extends PrintingOptions {
  readonly handoutLayout?: HandoutLayout
  readonly paper?: PaperSize
  /**
   * Slide PNGs at this many times the canvas size (980 × 552 for most
   * decks). 1 by default: 2, as Slidev's exporter makes them, is sharper on
   * high-density screens and costs about 50 ms more a slide.
   */
  readonly pngScale?: number
  readonly pptx?: boolean
  /**
   * Called for each deck while its page is still open, e.g. to check it;
   * with what an earlier check found of contrast on each slide drawn the same since.
   */
  readonly inspect?: (
    printed: PrintedDeck,
    progress: Progress,
    knownContrast: KnownContrast | undefined,
  ) => Promise<void>
  /** What an earlier export of a deck left, to take over for the slides drawn the same since. */
  readonly earlier?: (deck: BuiltDeck) => EarlierExport | undefined
}

/** What an earlier export made of the slides that are drawn from the same since. */
export interface EarlierExport {
  /** The version of the Chromium that drew them: another one may draw otherwise, and everything is made again. */
  readonly browser: string
  /** One per slide of the deck now: the earlier picture's file, when the slide is drawn from the same as then. */
  readonly files: readonly (string | undefined)[]
  /** With a check then: one per slide of the deck now, as `files`. */
  readonly contrast?: KnownContrast
}

export function exportDecks(decks: readonly BuiltDeck[], options: ExportOptions = {}): Promise<ExportedDeck[]> {
  return withPrintedDecks(decks, options, (printed, progress) => exportDeck(printed, progress, options))
}

async function exportDeck(printed: PrintedDeck, progress: Progress, options: ExportOptions): Promise<ExportedDeck> {
  const { deck, page } = printed
  const outputs = deckOutputs(deck)
  // The page goes before the files are written and PPTX starts a browser of its own.
  const taken = await takeFromPage(printed, progress, options).finally(() => page.close())
  const pdf = printed.pdf.finished
  const handout = taken.handout.finished
  await writeFileAtomic(outputs.pdf, pdf.bytes)
  await writeFileAtomic(outputs.handout, handout.bytes)
  const slideImages = await writeSlideImages(outputs.slideImagesDir, taken.images)
  await writeFileAtomic(outputs.contactSheet, taken.contactSheet)
  if (options.pptx) {
    progress.step(deck.audience, 'pptx', page.slideCount)
    await exportPptx(deck, outputs.pptx, findChromium())
  }
  progress.done(deck.audience)
  return {
    audience: deck.audience,
    pdf: { path: outputs.pdf, pages: pdf.pages },
    handout: { path: outputs.handout, pages: handout.pages },
    slideImages,
    contactSheet: outputs.contactSheet,
    ...(options.pptx ? { pptx: outputs.pptx } : {}),
    blockedRequests: page.blockedRequests,
  }
}

/**
 * Everything else from the printed page, in turn: a caller's inspection and
 * the slide pictures while it shows the deck, then the handout and the
 * contact sheet laid over it. One page per deck keeps Chromium to one
 * renderer process per deck, which is most of its memory.
 */
async function takeFromPage(printed: PrintedDeck, progress: Progress, options: ExportOptions) {
  const { deck, info, page } = printed
  const earlier = usableEarlier(options.earlier?.(deck), page)
  await options.inspect?.(printed, progress, earlier?.contrast)
  progress.step(deck.audience, 'slide images', page.slideCount)
  const images = await captureSlides(
    page.page,
    options.pngScale ?? 1,
    () => progress.slide(deck.audience),
    earlierImage(earlier?.files ?? []),
  )
  progress.step(deck.audience, 'handout', page.slideCount)
  const handout = await printHandout(page.page, {
    sheet: handoutSheet(handoutSlides(deck, page.slideCount), options.handoutLayout ?? '1up'),
    layout: options.handoutLayout ?? '1up',
    paper: options.paper ?? 'A4',
    marking: bannerText(deck.plan.marking),
    properties: { ...info, title: `${info.title} — handout` },
  })
  const sheet = await renderContactSheet(page.page, contactSheet(info.title, thumbnails(deck, page.slideCount)))
  return { images, handout, contactSheet: sheet }
}

/** The earlier export, when the same Chromium made it and the page shows the slides its keys were made for. */
function usableEarlier(earlier: EarlierExport | undefined, page: PrintPage): EarlierExport | undefined {
  return earlier &&
    earlier.browser === page.page.context().browser()?.version() &&
    earlier.files.length === page.slideCount
    ? earlier
    : undefined
}

function earlierImage(files: readonly (string | undefined)[]) {
  return async (index: number): Promise<Buffer | undefined> => {
    const file = files[index]
    return file === undefined ? undefined : readFile(file).catch(() => undefined)
  }
}

function handoutSlides(deck: BuiltDeck, drawnSlides: number): HandoutSlide[] {
  return deck.plan.slides.map((plan, index) => ({ number: index + 1, plan, drawn: index < drawnSlides }))
}

function thumbnails(deck: BuiltDeck, drawnSlides: number) {
  return Array.from({ length: drawnSlides }, (_, index) => ({
    number: index + 1,
    title: deck.plan.slides[index]?.title ?? '',
  }))
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
