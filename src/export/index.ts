// Export: print sites of the decks, PDFs, handouts, slide PNGs, contact sheets and PPTX, from one Chromium.
export { exportDecks, type EarlierExport, type ExportOptions } from './export-decks.js'
export { withPrintedDecks, type PrintedDeck, type PrintingOptions } from './printed-decks.js'
export {
  findChromium,
  launchBrowser,
  chromiumArgs,
  chromiumCandidates,
  chromiumEnvironmentVariable,
} from './browser.js'
export { ensurePrintSites } from './print-site.js'
export { startPrintSiteBuilder, type PrintSiteBuilder } from './site-builder.js'
export { deckOutputs, type DeckOutputs } from './outputs.js'
export { type Progress } from './progress.js'
export { exportSummary } from './summary.js'
export { buildReviewSite } from './review-site.js'
