// Recommendations: what the author says someone should do, and the options
// a report lays before its reader.
import { adviceHeading } from '../features.js'
import { imperative, necessity, proposal, question, strongNormative } from '../cues.js'
import type { UnitSite } from '../site.js'
import { cueOf, type Finding, type Rule } from './types.js'

/** Those a recommendation is addressed to: `Congress`, `policymakers`, `the United States`, `allies`, `we`. */
const policymaker =
  /\b(congress|lawmakers|legislators|policymakers|policy makers|members of congress|the committee|the (u\.s\.|us|federal) government|the government|the administration|the united states|washington|u\.s\. (policy|foreign policy|allies|partners)|allies|partners|we|our)\b/i

/**
 * Whether a unit may advise at all. An op-ed advises throughout; a report
 * (a text in sections) describes, and its `must` is mostly the law's
 * (`the child must be a citizen`): there only a sentence under a heading
 * such as `Issues for Congress`, or one addressed to policymakers, advises.
 */
export function advises(site: UnitSite): boolean {
  return !site.text.sectioned || adviceHeading(site) === 1 || policymaker.test(site.unit.text)
}

/** `Allies should expect …`, `Washington must …`, `… ought to …`. */
export const obligation: Rule = (site) =>
  question.test(site.unit.text) || !advises(site)
    ? undefined
    : recommendation('obligation', 0.75, cueOf(strongNormative, site.unit.text))

/** `It is critical for U.S. policy to …`, `Progress toward such an agreement is crucial`. */
export const necessityClaim: Rule = (site) =>
  advises(site) ? recommendation('necessity', 0.65, cueOf(necessity, site.unit.text)) : undefined

/** `… need a reset toward shared funding`, `… could include joint patrols`. */
export const proposalWording: Rule = (site) =>
  advises(site) ? recommendation('proposal', 0.55, cueOf(proposal, site.unit.text)) : undefined

/** `Expand joint exercises and shared logistics.`: an option written as an order. */
export const imperativeOption: Rule = ({ unit }) => recommendation('imperative', 0.6, cueOf(imperative, unit.text))

/**
 * A course of action a report puts to its reader: `Congress may consider …`,
 * `Policymakers could …`, `Options include …`, `… whether to …`.
 */
const optionWording =
  /\b((congress|lawmakers|legislators|policymakers|policy makers|members|the committee|the administration|the government|the (house|senate))\s+(may|might|could|can|would)\s+(also\s+)?(wish|want|choose|decide|consider|opt|seek|act|require|direct|pass|amend|enact|provide|establish|prohibit|limit|expand|increase|reduce|extend|repeal|codify|clarify|authori[sz]e|appropriate|fund|examine|evaluate|conduct|hold|ask|request)\b|\b(options?|alternatives?|approaches)\s+(for\s+\w+\s+)?(include|could include|may include|are|range)\b|\bone\s+(option|approach|alternative)\b|\bconsider(ing)?\s+(legislation|whether|options|ways))/i

/** `… whether to …`: a question put to the reader when it is addressed to policymakers or sits under advice. */
const openChoice = /\bwhether\s+(and\s+how\s+)?to\b/i

export const policyOption: Rule = (site) => {
  if (question.test(site.unit.text)) return undefined
  const cue =
    cueOf(optionWording, site.unit.text) ??
    (site.text.sectioned && !advises(site) ? undefined : cueOf(openChoice, site.unit.text))
  return recommendation('policy-option', 0.7, cue)
}

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
