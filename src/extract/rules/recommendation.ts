// Recommendations: what the author says someone should do.
import { imperative, necessity, normative, proposal, question } from '../cues.js'
import { cueOf, type Rule } from './types.js'

/** `Allies should expect …`, `Washington must …`, `… ought to …`. */
export const obligation: Rule = ({ unit }) => {
  const cue = question.test(unit.text) ? undefined : cueOf(normative, unit.text)
  return cue ? { kind: 'recommendation', confidence: 0.75, rule: 'obligation', cue } : undefined
}

/** `It is critical for U.S. policy to …`, `Progress toward such an agreement is crucial`. */
export const necessityClaim: Rule = ({ unit }) => {
  const cue = cueOf(necessity, unit.text)
  return cue ? { kind: 'recommendation', confidence: 0.65, rule: 'necessity', cue } : undefined
}

/** `… need a recalibration toward greater reciprocity`, `… could include intelligence sharing`. */
export const proposalWording: Rule = ({ unit }) => {
  const cue = cueOf(proposal, unit.text)
  return cue ? { kind: 'recommendation', confidence: 0.55, rule: 'proposal', cue } : undefined
}

/** `Expand joint exercises and shared logistics.`: an option written as an order. */
export const imperativeOption: Rule = ({ unit }) => {
  const cue = cueOf(imperative, unit.text)
  return cue ? { kind: 'recommendation', confidence: 0.6, rule: 'imperative', cue } : undefined
}

export const recommendationRules: readonly Rule[] = [obligation, necessityClaim, imperativeOption, proposalWording]
