// Present: one audience's deck on Slidev's dev server, rebuilt from the brief as it changes.
export { serveDeck, canOpenBrowser, type ServeOptions, type ServedDeck } from './serve.js'
