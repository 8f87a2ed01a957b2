// Counterarguments: what the author grants to, or reports from, the other
// side before answering it.
import {
  attributedObjection,
  authorVoice,
  citedSupport,
  concessionOpener,
  concessiveReturn,
  contrastOpener,
  earlyHowever,
  objectionSubject,
  supportOpener,
  tentativeConcessionOpener,
} from '../cues.js'
import type { Unit } from '../units.js'
import { cueOf, type Finding, type Rule, type UnitContext } from './types.js'

/** The granted clause of `Although X, Y`, `Of course X, but Y`, `Y, even if X`. */
export const concededClause: Rule = ({ unit }) =>
  unit.part === 'conceded' ? counter('conceded-clause', 0.8, unit.cue) : undefined

/** `Of course …`, `Admittedly …`, `It is true that …`. */
export const concessionOpening: Rule = ({ unit }) =>
  unit.part !== 'main' ? found('concession-opening', 0.8, cueOf(concessionOpener, unit.text)) : undefined

/** `Critics point out …`, `Some may say …`, `One could argue …`. */
export const reportedObjection: Rule = ({ unit }) =>
  unit.part !== 'main' ? found('reported-objection', 0.75, cueOf(attributedObjection, unit.text)) : undefined

/** `Skepticism regarding … exists`, `This reluctance stems from …`. */
export const objectionAsSubject: Rule = ({ unit }) =>
  unit.part !== 'main' ? found('objection-as-subject', 0.7, cueOf(objectionSubject, unit.text)) : undefined

/** `Sure, …` / `Indeed …` followed by a sentence that turns back. */
export const tentativeConcession: Rule = ({ unit, next }) => {
  const cue = cueOf(tentativeConcessionOpener, unit.text)
  return cue && next && turnsAgainst(next)
    ? counter('tentative-concession', 0.65, `${cue} … ${cueOf(contrastOpener, next.text) ?? 'however'}`)
    : undefined
}

/** The rules that need no knowledge of the thesis, strongest first. */
export const explicitCounterRules: readonly Rule[] = [
  concededClause,
  concessionOpening,
  reportedObjection,
  objectionAsSubject,
  tentativeConcession,
]

/**
 * A statement the next sentence turns against (`… . But …`), unless this one
 * argues for the thesis, in which case it is the next one that objects
 * (see `objectionAfterSupport`).
 */
export function contrastedByNext({ unit, next }: UnitContext, thesis: Unit | undefined): Finding | undefined {
  if (
    !next ||
    !turnsAgainst(next) ||
    arguesForThesis(unit, thesis) ||
    authorVoice.test(unit.text) ||
    citedSupport.test(unit.text)
  )
    return undefined
  return counter('contrasted-by-next', 0.55, cueOf(contrastOpener, next.text) ?? 'however')
}

/**
 * `It is an asset for the economy. The noise, however, is considerable.`: a
 * turn that follows the thesis or a reason for it is the other side's point.
 */
export function objectionAfterSupport({ unit, previous }: UnitContext, thesis: Unit | undefined): Finding | undefined {
  if (
    !previous ||
    unit === thesis ||
    !turnsAgainst(unit) ||
    concessiveReturn.test(unit.text) ||
    !arguesForThesis(previous, thesis)
  )
    return undefined
  return counter('objection-after-support', 0.5, cueOf(contrastOpener, unit.text) ?? 'however')
}

/** Whether a unit opens by turning against what precedes it. */
function turnsAgainst(unit: Unit): boolean {
  return unit.part !== 'conceded' && (contrastOpener.test(unit.text) || earlyHowever.test(unit.text))
}

/** The thesis, a reason opened as one (`Besides …`), or itself a turn. */
function arguesForThesis(unit: Unit, thesis: Unit | undefined): boolean {
  return unit === thesis || supportOpener.test(unit.text) || turnsAgainst(unit)
}

function found(rule: string, confidence: number, cue: string | undefined): Finding | undefined {
  return cue ? counter(rule, confidence, cue) : undefined
}

function counter(rule: string, confidence: number, cue: string | undefined): Finding {
  return { kind: 'counterargument', confidence, rule, ...(cue ? { cue } : {}) }
}
