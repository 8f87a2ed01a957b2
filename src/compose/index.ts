// Compose: choose, order and trim blocks for one audience into a DeckPlan. Pure.
export { compose, checkPinnedSections, type ComposeInput } from './compose.js'
export { shortenToWords, countWords, quotedPart, spellOutFirstUse } from './wording.js'
