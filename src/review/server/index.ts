// The review server: static decks, the review API, live updates and reviewer tokens.
export { startReviewServer, type ReviewServer, type ReviewServerOptions } from './server.js'
export type { ServedDeck } from './api.js'
export { addReviewer, allowServerToSignFor, readReviewers, reviewersPath, parseReviewers } from './reviewers.js'
export { reviewerForToken, reviewerEntry, newToken, type ReviewerEntry } from './tokens.js'
