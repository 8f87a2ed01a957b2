// Every rule, by kind. Each is a small named function that can be tested alone.
export * from './types.js'
export * from './counterargument.js'
export * from './thesis.js'
export * from './recommendation.js'
export * from './evidence.js'
export * from './claim.js'
export * from './quote.js'
