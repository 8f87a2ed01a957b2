// The features the fitted models read: general properties of argumentative
// and expository prose, each a small named function of a unit's site with a
// value in [0, 1]. None names a word of any corpus; the word classes come
// from grammar and discourse (modals, connectives, verbs of saying).
import {
  attributedObjection,
  authorVoice,
  concessionOpener,
  concessiveReturn,
  conclusionOpener,
  contrastOpener,
  earlyHowever,
  evaluative,
  evidential,
  exampleOpener,
  findingVerb,
  inferenceWord,
  necessity,
  possibility,
  question,
  reportDescription,
  reportingVerb,
  strongNormative,
  supportOpener,
  tentativeConcessionOpener,
  weakNormative,
} from './cues.js'
import { statesObligation, type UnitSite } from './site.js'

export type Feature = (site: UnitSite) => number

const flag = (value: boolean): number => (value ? 1 : 0)

// Position in the text and in the paragraph. A short text opens or closes
// with its point; a long one (four paragraphs or more) opens with a hook, so
// its first and last sentences are not singled out.
const short = (site: UnitSite) => site.paragraphs < 4
export const firstInText: Feature = (site) => flag(short(site) && site.index === 0)
export const lastInText: Feature = (site) => flag(short(site) && site.index === site.count - 1)
export const relativePosition: Feature = (site) => (site.count > 1 ? site.index / (site.count - 1) : 0)
export const firstInParagraph: Feature = (site) => flag(site.inParagraph === 0)
export const lastInParagraph: Feature = (site) => flag(site.inParagraph === site.paragraphSize - 1)
export const inFirstParagraph: Feature = (site) => flag(site.paragraph === 0)
export const inLastParagraph: Feature = (site) => flag(site.paragraphs > 1 && site.paragraph === site.paragraphs - 1)
/** In the first fifth of a text of many paragraphs, where reports and op-eds state their point. */
export const inIntroduction: Feature = (site) =>
  flag(site.paragraphs >= 4 && site.paragraph < Math.max(2, Math.ceil(site.paragraphs / 5)))

// Shape of the unit.
/** Length in words, saturating at 40. */
export const length: Feature = (site) => Math.min(1, site.unit.text.split(/\s+/).length / 40)
export const fragment: Feature = (site) => flag(site.unit.text.split(/\s+/).length < 5)
export const isQuestion: Feature = (site) => flag(question.test(site.unit.text))
export const exclamation: Feature = (site) => flag(/![”"’']?$/.test(site.unit.text))
/** The granted clause of a sentence split at a concession (`Although X, …`). */
export const concededClause: Feature = (site) => flag(site.unit.part === 'conceded')
/** The main clause of such a sentence. */
export const mainClause: Feature = (site) => flag(site.unit.part === 'main')

// Section heading.
/**
 * Under a heading that announces the main point and nothing else: `Summary`,
 * `Introduction`, `Key findings`, `Conclusion`. A heading that names a topic
 * (`Overview of the Balance of Payments`) opens a section of the body.
 */
export const summaryHeading: Feature = (site) =>
  flag(
    /^(executive\s+)?(summary|introduction|overview|key (takeaways?|findings|points)|conclusions?|bottom line|in brief|at a glance)(\s+and\s+(summary|introduction|overview|conclusions?))?[.:]?$/.test(
      site.heading.trim(),
    ),
  )
/** Under a heading that announces what to do: options, recommendations, issues or considerations for Congress. */
export const adviceHeading: Feature = (site) =>
  flag(
    /\b(recommendations?|options?|policy (considerations|implications|issues)|issues for congress|considerations for congress|next steps|the way forward|what (congress|policymakers) (can|could|should) do)\b/.test(
      site.heading,
    ),
  )
export const backgroundHeading: Feature = (site) => flag(/\b(background|history|context)\b/.test(site.heading))

// Discourse markers.
export const opensWithContrast: Feature = (site) =>
  flag(contrastOpener.test(site.unit.text) || earlyHowever.test(site.unit.text))
export const opensWithReturn: Feature = (site) => flag(concessiveReturn.test(site.unit.text))
export const opensWithSupport: Feature = (site) => flag(supportOpener.test(site.unit.text))
export const opensWithConclusion: Feature = (site) => flag(conclusionOpener.test(site.unit.text))
/** `For example, …`: an illustration of a point made elsewhere. */
export const opensWithExample: Feature = (site) => flag(exampleOpener.test(site.unit.text))
export const inference: Feature = (site) => flag(inferenceWord.test(site.unit.text))
export const opensWithConcession: Feature = (site) => flag(concessionOpener.test(site.unit.text))
export const tentativeOpening: Feature = (site) => flag(tentativeConcessionOpener.test(site.unit.text))
/** The next unit of the paragraph turns against this one (`… . But …`). */
export const nextTurns: Feature = (site) => flag(site.next !== undefined && turns(site.next.text))
/** The unit before, in the paragraph, was itself a turn or a concession. */
export const previousTurns: Feature = (site) => flag(site.previous !== undefined && turns(site.previous.text))
/** The next unit of the paragraph gives a reason or adds one (`Besides, …`, `Because …`): this one is being argued for. */
export const nextSupports: Feature = (site) =>
  flag(site.next !== undefined && supportOpener.test(site.next.text) && !conclusionOpener.test(site.next.text))
/** A conclusion drawn after reasons: the unit before, in the paragraph, was itself a reason. */
export const previousSupports: Feature = (site) =>
  flag(
    site.previous !== undefined && supportOpener.test(site.previous.text) && !conclusionOpener.test(site.previous.text),
  )
/** The next unit opens a list of reasons (`For one thing, …`, `Firstly, …`): this one is what they argue for. */
export const nextOpensReasons: Feature = (site) => flag(site.next !== undefined && reasonsOpener.test(site.next.text))
/** The last unit of the text that draws a conclusion (`So …`, `… therefore …`): where an argument lands. */
export const lastConclusion: Feature = (site) => flag(site.text.conclusions.at(-1) === site.index)
/** `…, though.`: a point granted in passing. */
export const trailingThough: Feature = (site) => flag(/,\s*though[.!]?$/i.test(site.unit.text))
export const previousConcedes: Feature = (site) =>
  flag(
    site.previous !== undefined &&
      (site.previous.part === 'conceded' ||
        concessionOpener.test(site.previous.text) ||
        tentativeConcessionOpener.test(site.previous.text)),
  )

// Modality and stance.
/** `X should …`, stated rather than asked. */
export const obligation: Feature = (site) => flag(statesObligation(site.unit.text))
export const weakObligation: Feature = (site) => flag(weakNormative.test(site.unit.text))
export const possibilityModal: Feature = (site) => flag(possibility.test(site.unit.text))
export const necessityAdjective: Feature = (site) => flag(necessity.test(site.unit.text))
export const evaluation: Feature = (site) => flag(evaluative.test(site.unit.text))
export const firstPersonStance: Feature = (site) => flag(authorVoice.test(site.unit.text))
/** `We urgently need …`, `The state needs …`: necessity stated with the verb. */
export const needStatement: Feature = (site) => flag(/\bneeds?\s+(?!to\b)\w+/i.test(site.unit.text))
/** `X is not to be supported`, `cannot be desired`, `is to be rejected`: a verdict in the passive. */
export const deonticPassive: Feature = (site) =>
  flag(
    /\b(is|are|cannot|can\s*not|must\s+not)\s+(\w+\s+){0,2}(to\s+)?be\s+(\w+ed|accepted|tolerated)\b/i.test(
      site.unit.text,
    ) && !/\b(was|were|has been|have been)\b/i.test(site.unit.text),
  )
/** A conclusion that is also a judgment or an obligation: `That's why X should …`, `X is therefore unfair`. */
export const concludedJudgment: Feature = (site) =>
  flag(
    (conclusionOpener.test(site.unit.text) || inferenceWord.test(site.unit.text)) &&
      (strongNormative.test(site.unit.text) ||
        evaluative.test(site.unit.text) ||
        needStatement(site) === 1 ||
        deonticPassive(site) === 1),
  )
/** The first unit of the text that says `should` or `must`, and the last one. */
export const firstObligation: Feature = (site) => flag(site.text.obligations[0] === site.index)
export const lastObligation: Feature = (site) => flag(site.text.obligations.at(-1) === site.index)
export const negation: Feature = (site) => flag(/\b(not|no|never|n['’]t|nobody|nothing)\b/i.test(site.unit.text))

// Reported speech and the other side's voice.
/** `Critics say`, `Some may argue`, `It is often claimed`. */
export const otherSideSpeaks: Feature = (site) => flag(attributedObjection.test(site.unit.text))
/** A verb of saying with a named or described speaker: `the minister said`, `according to`. */
export const reportedSpeech: Feature = (site) => flag(reportingVerb.test(site.unit.text))
export const quotationMarks: Feature = (site) => flag(/["“”]/.test(site.unit.text))
/** `The study found that`, `data show`. */
export const reportedFinding: Feature = (site) =>
  flag(findingVerb.test(site.unit.text) || evidential.test(site.unit.text))
/** `This report discusses …`: a sentence about the document, not a finding. */
export const describesDocument: Feature = (site) => flag(reportDescription.test(site.unit.text))

// Numbers and dates.
export const number: Feature = (site) => flag(/\d/.test(site.unit.text))
export const year: Feature = (site) => flag(/\b(1[6-9]|20)\d\d\b/.test(site.unit.text))
export const quantity: Feature = (site) =>
  flag(
    /\d\s*(%|percent|per cent)|[$€£¥]\s?\d|\b\d[\d,.]*\s*(thousand|million|billion|trillion)\b/i.test(site.unit.text),
  )

// Similarity to the title and to the rest of the text.
/** The share of the title's content words that the unit uses. */
export const titleOverlap: Feature = (site) => site.titleShare
/** Centrality (shared vocabulary with the rest of the text), scaled by the text's most central unit. */
export const centrality: Feature = (site) =>
  site.text.maxCentrality > 0 ? site.centrality / site.text.maxCentrality : 0

// Relation to the thesis, once it is chosen (counterarguments only).
export const isThesis: Feature = (site) => flag(site.thesis === site.index)
export const beforeThesis: Feature = (site) => flag(site.thesis !== undefined && site.index < site.thesis)
/** Right after the thesis, or right after it in the same sentence. */
export const followsThesis: Feature = (site) => flag(site.thesis !== undefined && site.index === site.thesis + 1)

/** Opens the first of several reasons. */
const reasonsOpener = /^(for one thing|first(ly)?|first of all|to begin with|to start with|on the one hand)\b/i

function turns(text: string): boolean {
  return contrastOpener.test(text) || earlyHowever.test(text)
}

/** The features of each model, by the names the weights file uses. */
export const thesisFeatures: Readonly<Record<string, Feature>> = {
  firstInText,
  lastInText,
  relativePosition,
  firstInParagraph,
  lastInParagraph,
  inFirstParagraph,
  inLastParagraph,
  inIntroduction,
  length,
  fragment,
  isQuestion,
  exclamation,
  concededClause,
  mainClause,
  summaryHeading,
  adviceHeading,
  backgroundHeading,
  opensWithContrast,
  opensWithReturn,
  opensWithSupport,
  opensWithConclusion,
  opensWithExample,
  inference,
  opensWithConcession,
  tentativeOpening,
  nextTurns,
  previousTurns,
  previousConcedes,
  nextSupports,
  previousSupports,
  nextOpensReasons,
  lastConclusion,
  trailingThough,
  obligation,
  weakObligation,
  possibilityModal,
  necessityAdjective,
  evaluation,
  firstPersonStance,
  needStatement,
  deonticPassive,
  concludedJudgment,
  firstObligation,
  lastObligation,
  negation,
  otherSideSpeaks,
  reportedSpeech,
  quotationMarks,
  reportedFinding,
  describesDocument,
  number,
  year,
  quantity,
  titleOverlap,
  centrality,
}

export const counterFeatures: Readonly<Record<string, Feature>> = {
  ...thesisFeatures,
  isThesis,
  beforeThesis,
  followsThesis,
}

/** The values of `features` for one site, in the order of their names. */
export function featureVector(features: Readonly<Record<string, Feature>>, site: UnitSite): number[] {
  return Object.values(features).map((feature) => feature(site))
}
