// Check: every slide opened in Chromium and measured (overflow, clipping, images, errors, requests, banners, contrast,
// PDF text), and every deck plan read for content a presenter would have to fix (cut, duplicate, unsourced bullets, ...).
export {
  checkDecks,
  exportAndCheckDecks,
  inspectPrintedDeck,
  type CheckOptions,
  type InspectedDeck,
} from './check-decks.js'
export { contentFindings, readingGrade } from './content.js'
export { deckFindings, appearsOnPage, type DeckObservation } from './rules.js'
export { formatReport, findingLine } from './report.js'
export { measureScripts, type SlideMeasurement } from './measure.js'
