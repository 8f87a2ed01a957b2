// The other side's case, told as a whole paragraph that the next one sets
// aside: `… Planners feared that density ruined neighbourhoods.` then
// `Today the evidence is different.` A paragraph that opens by declaring
// what came before outdated rebuts it whole. Only texts of several paragraphs have such a
// turn, so the fitted counterargument model (which learnt from texts of one
// paragraph) never sees it.
import type { UnitSite } from '../site.js'
import { cueOf } from './types.js'

/** A present set against the past: `Today the situation is different`, `Times have changed`, `That is no longer true`. */
export const presentAgainstPast = new RegExp(
  [
    `^(?:(?:but|yet|however|still),?\\s+)?(?:today|now|nowadays|these days|at present|this time)\\b[^.!?]{0,60}?\\b(?:different|changed|no longer|not the same|another matter)\\b`,
    `^(?:(?:but|yet|however),?\\s+)?(?:times|things|circumstances|conditions|the situation|the world)\\s+(?:have|has)\\s+(?:\\w+\\s+)?changed\\b`,
    `^(?:(?:but|yet|however),?\\s+)?(?:that|this|it|none of this|such reasoning)\\s+(?:is|was)\\s+no longer\\s+(?:true|the case|so)\\b`,
  ].join('|'),
  'i',
)

/**
 * The paragraphs (by their ordinal among the paragraphs that hold units)
 * that the next paragraph's opening declares outdated, with the words that
 * do it.
 */
export function rebuttedParagraphs(sites: readonly UnitSite[]): Map<number, string> {
  const rebutted = new Map<number, string>()
  for (const site of sites) {
    if (site.inParagraph !== 0 || site.paragraph === 0) continue
    const cue = cueOf(presentAgainstPast, site.unit.text)
    if (cue) rebutted.set(site.paragraph - 1, cue)
  }
  return rebutted
}
