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
import { isError, type BuiltDeck, type CheckReport, type DeckCheck, type ExportedDeck } from '../model/index.js'
import { contentFindings } from './content.js'
import { measure } from './measure.js'
import { pdfPageTexts } from './pdf-text.js'
import { deckFindings } from './rules.js'

export type CheckOptions = PrintingOptions

export async function checkDecks(decks: readonly BuiltDeck[], options: CheckOptions = {}): Promise<CheckReport> {
  return reportOf(await withPrintedDecks(decks, options, checkDeck))
}

/** Export and check in one pass: the check measures the very page each PDF was printed from. */
export async function exportAndCheckDecks(
  decks: readonly BuiltDeck[],
  options: ExportOptions = {},
): Promise<{ exported: ExportedDeck[]; report: CheckReport }> {
  const checks = new Map<BuiltDeck, DeckCheck>()
  const exported = await exportDecks(decks, {
    ...options,
    inspect: async (printed, progress) => {
      checks.set(printed.deck, await inspectPrintedDeck(printed, progress))
    },
  })
  return { exported, report: reportOf(decks.map((deck) => checks.get(deck) as DeckCheck)) }
}

async function checkDeck(printed: PrintedDeck, progress: Progress): Promise<DeckCheck> {
  const check = await inspectPrintedDeck(printed, progress)
  progress.done(printed.deck.audience)
  return check
}

export async function inspectPrintedDeck(printed: PrintedDeck, progress: Progress): Promise<DeckCheck> {
  const { deck, page, pdf } = printed
  progress.step(deck.audience, 'checking', page.slideCount)
  const [slides, pdfPages] = await Promise.all([
    page.withEverySlideInView(() => measure(page.page)),
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
  findings.push(...(deck.contentFindings ?? contentFindings(deck.plan)))
  return {
    audience: deck.audience,
    slidesPath: deck.slidesPath,
    slides: slides.length,
    planned: deck.plan.slides.length,
    findings,
  }
}

function reportOf(decks: readonly DeckCheck[]): CheckReport {
  return { ok: decks.every((deck) => !deck.findings.some(isError)), decks: [...decks] }
}
