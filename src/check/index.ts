// Check: every slide opened in Chromium and measured (overflow, clipping, images, errors, requests, banners, contrast, PDF text).
export { checkDecks, exportAndCheckDecks, inspectPrintedDeck, type CheckOptions } from './check-decks.js'
export { deckFindings, appearsOnPage, type DeckObservation } from './rules.js'
export { formatReport, findingLine } from './report.js'
export type { SlideMeasurement, ElementNote } from './measure.js'
