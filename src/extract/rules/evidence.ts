// Evidence: sentences that report sources, figures or findings.
import { evidential } from '../cues.js'
import { cueOf, type Rule } from './types.js'

/** `According to CIA Director William Burns …`, `… budget … signals a transformation`, `40 percent`. */
export const reportedFact: Rule = ({ unit }) => {
  const cue = cueOf(evidential, unit.text)
  return cue
    ? {
        kind: 'evidence',
        confidence: /according to|for (example|instance)|\d/i.test(cue) ? 0.7 : 0.55,
        rule: 'reported-fact',
        cue,
      }
    : undefined
}

export const evidenceRules: readonly Rule[] = [reportedFact]
