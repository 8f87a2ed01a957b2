// The shared types and their runtime schemas: the only module every stage may import.
export * from './problem.js'
export * from './marking.js'
export * from './source.js'
export * from './block.js'
export * from './deck.js'
