// The rules for the kinds that their wording defines, each a small named
// function that can be tested alone, and the order they are tried in.
import { documentRemark, plainClaim } from './claim.js'
import { attributedStatement, reportedFact, reportedHappening } from './evidence.js'
import { recommendationRules } from './recommendation.js'
import type { Finding, Rule } from './types.js'
import type { UnitSite } from '../site.js'

export * from './types.js'
export * from './recommendation.js'
export * from './evidence.js'
export * from './claim.js'
export * from './quote.js'
export * from './rebuttal.js'

/**
 * A statement someone is reported to have made is evidence even when it
 * says `should`; what the author says should be done is a recommendation;
 * a sentence about the document itself is the weakest claim; facts with
 * figures, dates and sources, and happenings told without judgment, are
 * evidence; the rest are claims.
 */
const plainRules: readonly Rule[] = [
  attributedStatement,
  ...recommendationRules,
  documentRemark,
  reportedFact,
  reportedHappening,
  plainClaim,
]

export function plainKind(site: UnitSite): Finding {
  for (const rule of plainRules) {
    const found = rule(site)
    if (found) return found
  }
  return plainClaim(site)!
}
