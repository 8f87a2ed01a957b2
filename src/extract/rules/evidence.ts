// Evidence: sentences that report facts, figures, findings or what someone
// said, as opposed to the author's own judgments.
import { evidential, findingVerb, happeningVerb, judgmentMarker, question, statementVerbs } from '../cues.js'
import type { UnitSite } from '../site.js'
import { cueOf, type Finding, type Rule } from './types.js'

/**
 * A statement the text attributes to someone: `According to the director, …`,
 * `The minister said …`, `Officials warned that …`. A subject before the verb
 * of saying, or `according to`, tells reported speech from the author's own.
 */
const attribution = new RegExp(
  `\\b[Aa]ccording\\s+to\\b|(?:\\b[A-Z][\\w.’'-]*|\\b(?:officials?|spokes(?:man|woman|person)|minister|secretary|director|president|agency|department|administration|government|report|study|analysts?|experts?|he|she|they))(?:,[^,]{1,120},)?\\s+(?:\\w+ly\\s+)?(?:${statementVerbs})\\b`,
)

export const attributedStatement: Rule = ({ unit }) =>
  evidence('attributed-statement', 0.7, cueOf(attribution, unit.text))

/** A full date anywhere in the sentence: `during her May 2019 visit`, `on March 9, 2026`. */
const calendarDate =
  /\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+(?:\d{1,2},\s+)?(?:1[6-9]|20)\d\d\b/

/** Figures, dates, studies and findings: `Budgets grew by 20 percent`, `The survey found that …`, `In March 2025, …`. */
const factMarker = new RegExp(
  `${evidential.source}|${findingVerb.source}|${calendarDate.source}|\\b(?:in|on|by|since|during|from|until)\\s+(?:(?:early|late|mid-?)\\s*)?(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\\s+(?:\\d{1,2},\\s+)?)?(?:1[6-9]|20)\\d\\d\\b`,
  'i',
)

export const reportedFact: Rule = (site: UnitSite) => {
  const cue = cueOf(factMarker, site.unit.text)
  return evidence('reported-fact', /\d/.test(cue ?? '') ? 0.7 : 0.55, cue)
}

function evidence(rule: string, confidence: number, cue: string | undefined): Finding | undefined {
  return cue ? { kind: 'evidence', confidence, rule, cue } : undefined
}

/**
 * A happening told without judgment: `Norway has expanded its coast
 * guard`, `Chile is reviewing its priorities`, `the United States
 * set up a network of depots`. A modal, an appraisal or a
 * necessity makes the sentence the writer's judgment instead.
 */
export const reportedHappening: Rule = ({ unit }) =>
  judgmentMarker.test(unit.text) || question.test(unit.text)
    ? undefined
    : evidence('reported-happening', 0.5, cueOf(happeningVerb, unit.text))
