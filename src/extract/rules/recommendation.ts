// Recommendations: what the author says someone should do, and the options
// a report lays before its reader.
import { adviceHeading } from '../features.js'
import { imperative, necessity, proposal, question, strongNormative } from '../cues.js'
import type { UnitSite } from '../site.js'
import { cueOf, type Finding, type Rule } from './types.js'

/** `Allies should expect …`, `Washington must …`, `… ought to …`. */
export const obligation: Rule = ({ unit }) =>
  question.test(unit.text) ? undefined : recommendation('obligation', 0.75, cueOf(strongNormative, unit.text))

/** `It is critical for U.S. policy to …`, `Progress toward such an agreement is crucial`. */
export const necessityClaim: Rule = ({ unit }) => recommendation('necessity', 0.65, cueOf(necessity, unit.text))

/** `… need a recalibration toward greater reciprocity`, `… could include intelligence sharing`. */
export const proposalWording: Rule = ({ unit }) => recommendation('proposal', 0.55, cueOf(proposal, unit.text))

/** `Expand joint exercises and shared logistics.`: an option written as an order. */
export const imperativeOption: Rule = ({ unit }) => recommendation('imperative', 0.6, cueOf(imperative, unit.text))

/**
 * A course of action a report puts to its reader: `Congress may consider …`,
 * `Policymakers could …`, `Options include …`, `… whether to …`.
 */
const optionWording =
  /\b((congress|lawmakers|legislators|policymakers|policy makers|members|the committee|the administration|the government|the (house|senate))\s+(may|might|could|can|would)\s+(also\s+)?(wish|want|choose|decide|consider|opt|seek|act|require|direct|pass|amend|enact|provide|establish|prohibit|limit|expand|increase|reduce|extend|repeal|codify|clarify|authori[sz]e|appropriate|fund|examine|evaluate|conduct|hold|ask|request)\b|\b(options?|alternatives?|approaches)\s+(for\s+\w+\s+)?(include|could include|may include|are|range)\b|\bwhether\s+(and\s+how\s+)?to\b|\bone\s+(option|approach|alternative)\b|\bconsider(ing)?\s+(legislation|whether|options|ways))/i

export const policyOption: Rule = ({ unit }) =>
  question.test(unit.text) ? undefined : recommendation('policy-option', 0.7, cueOf(optionWording, unit.text))

/** A sentence with a modal under a heading such as `Issues for Congress`, `Options`, `Recommendations`. */
export const underAdviceHeading: Rule = (site: UnitSite) =>
  adviceHeading(site) === 1 && /\b(should|could|may|might|would|must|can)\b/i.test(site.unit.text)
    ? recommendation('advice-section', 0.6, site.heading)
    : undefined

export const recommendationRules: readonly Rule[] = [
  policyOption,
  obligation,
  necessityClaim,
  imperativeOption,
  proposalWording,
  underAdviceHeading,
]

function recommendation(rule: string, confidence: number, cue: string | undefined): Finding | undefined {
  return cue ? { kind: 'recommendation', confidence, rule, cue } : undefined
}
