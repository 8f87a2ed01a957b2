// The render check: every slide of every deck opened in Chromium, measured,
// and compared with the PDF printed from the same page.
import {
  exportDecks,
  withPrintedDecks,
  type ExportOptions,
  type PrintedDeck,
  type PrintingOptions,
  type Progress,
} from '../export/index.js'
import {
  isError,
  type BuiltDeck,
  type CheckReport,
  type CheckedContrast,
  type DeckCheck,
  type ExportedDeck,
  type KnownContrast,
} from '../model/index.js'
import { deckContentFindings } from './content.js'
import { contrastMethod, measure, measureScripts } from './measure.js'
import { pdfPageTexts } from './pdf-text.js'
import { deckFindings } from './rules.js'

export type CheckOptions = PrintingOptions

export async function checkDecks(decks: readonly BuiltDeck[], options: CheckOptions = {}): Promise<CheckReport> {
  return reportOf(await withPrintedDecks(decks, measuredPages(options), checkDeck))
}

/** The pages open with what the measurement runs in them. */
function measuredPages<T extends PrintingOptions>(options: T): T {
  return { ...options, initScripts: [...(options.initScripts ?? []), ...measureScripts] }
}

/** A deck's check, and what it found of contrast on each slide (for a later check of the slides drawn the same). */
export interface InspectedDeck {
  readonly check: DeckCheck
  readonly contrast: CheckedContrast
}

/** Export and check in one pass: the check measures the very page each PDF was printed from. */
export async function exportAndCheckDecks(
  decks: readonly BuiltDeck[],
  options: ExportOptions = {},
): Promise<{ exported: ExportedDeck[]; report: CheckReport; inspected: InspectedDeck[] }> {
  const inspected = new Map<BuiltDeck, InspectedDeck>()
  const exported = await exportDecks(decks, {
    ...measuredPages(options),
    inspect: async (printed, progress, knownContrast) => {
      inspected.set(printed.deck, await inspectDeck(printed, progress, knownContrast))
    },
  })
  const results = decks.map((deck) => inspected.get(deck) as InspectedDeck)
  return { exported, report: reportOf(results.map((result) => result.check)), inspected: results }
}

async function checkDeck(printed: PrintedDeck, progress: Progress): Promise<DeckCheck> {
  const check = await inspectPrintedDeck(printed, progress)
  progress.done(printed.deck.audience)
  return check
}

export async function inspectPrintedDeck(printed: PrintedDeck, progress: Progress): Promise<DeckCheck> {
  return (await inspectDeck(printed, progress, undefined)).check
}

async function inspectDeck(
  printed: PrintedDeck,
  progress: Progress,
  known: KnownContrast | undefined,
): Promise<InspectedDeck> {
  const { deck, page, pdf } = printed
  progress.step(deck.audience, 'checking', page.slideCount)
  const knownSlides = known?.method === contrastMethod ? known.slides : []
  const [slides, pdfPages] = await Promise.all([
    measure(page.page, page.slideCount, knownSlides),
    pdfPageTexts(pdf.printed),
  ])
  const findings = deckFindings({
    plan: deck.plan,
    slides,
    pageErrors: page.pageErrors,
    blockedRequests: page.blockedRequests,
    missingFiles: page.missingFiles,
    pdfPages,
  })
  findings.push(...deckContentFindings(deck))
  const check = {
    audience: deck.audience,
    slidesPath: deck.slidesPath,
    slides: slides.length,
    planned: deck.plan.slides.length,
    findings,
  }
  return { check, contrast: { method: contrastMethod, slides: slides.map((slide) => [...slide.lowContrast]) } }
}

function reportOf(decks: readonly DeckCheck[]): CheckReport {
  return { ok: decks.every((deck) => !deck.findings.some(isError)), decks: [...decks] }
}
