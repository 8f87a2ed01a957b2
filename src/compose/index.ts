// Compose: choose, order and trim blocks for one audience into a DeckPlan. Pure.
export { compose, checkPinnedSections, type ComposeInput } from './compose.js'
export { compressSentence, splitClauses, type Compressed } from './compress.js'
export { documentTalkReason } from './document-talk.js'
export { furnitureReason } from './furniture.js'
export { sentenceKey } from './bullets.js'
export { isFragment } from './fragments.js'
export { withKnowledgeNames } from './knowledge-names.js'
export { countWords, quotedPart, spellOutFirstUse } from './wording.js'
