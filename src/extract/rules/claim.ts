import type { Finding, Rule } from './types.js'

const claim: Finding = { kind: 'claim', confidence: 0.4, rule: 'plain-claim' }

/** Whatever no other rule takes is a claim: a judgment or assertion the text makes. */
export const plainClaim: Rule = () => claim
