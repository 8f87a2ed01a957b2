// Render: DeckPlan -> Slidev deck files through Handlebars templates (pure); loading templates/ and writing decks (fs).
export { render } from './render.js'
export { slideKeys } from './slide-keys.js'
export { escapeSlideText } from './escape.js'
export type { Templates } from './templates.js'
export { loadTemplates, loadAudienceProfile, availableAudiences, bundledTemplatesRoot } from './load.js'
export { writeDeck, stageDeck, updateDeckInPlace, type StagedDeck, type WriteDeckOptions } from './write.js'
