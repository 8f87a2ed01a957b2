// The thesis: the one claim the whole text argues for. Every unit gets a
// score from general features of argumentative prose; the best one wins.
import { normaliseText } from '../../ingest/index.js'
import {
  conclusionOpener,
  contrastOpener,
  framingClaim,
  inferenceWord,
  necessity,
  normative,
  positionStatement,
  question,
  stance,
  strongNormative,
  supportOpener,
} from '../cues.js'
import type { Unit } from '../units.js'
import type { Finding } from './types.js'

export interface ThesisCandidate {
  unit: Unit
  score: number
  cues: string[]
}

interface Feature {
  name: string
  weight: number
  /** 1 when the feature is present, 0 when absent, or a share in between. */
  value: (unit: Unit, position: Position) => number | boolean
}

/** Where a unit sits in the text, and the title it can echo. */
interface Position {
  index: number
  count: number
  long: boolean
  titleWords: ReadonlySet<string>
}

/** From this many paragraphs on, a text states its thesis in the introduction (and restates it at the end). */
const longText = 4

const features: readonly Feature[] = [
  { name: 'obligation', weight: 2, value: (unit) => strongNormative.test(unit.text) },
  {
    name: 'weak-obligation',
    weight: 1,
    value: (unit) => !strongNormative.test(unit.text) && normative.test(unit.text),
  },
  {
    name: 'stance',
    weight: 1.5,
    value: (unit) =>
      stance.test(unit.text) ||
      positionStatement.test(unit.text) ||
      framingClaim.test(unit.text) ||
      necessity.test(unit.text),
  },
  { name: 'conclusion', weight: 2, value: (unit) => conclusionOpener.test(unit.text) },
  {
    name: 'inference',
    weight: 1.5,
    value: (unit) => !conclusionOpener.test(unit.text) && inferenceWord.test(unit.text),
  },
  // Short texts open or close with their claim; a long one opens with a hook.
  { name: 'first', weight: 1, value: (_, at) => !at.long && at.index === 0 },
  { name: 'last', weight: 0.5, value: (_, at) => !at.long && at.index === at.count - 1 },
  { name: 'title-words', weight: 2, value: (unit, at) => titleShare(unit, at.titleWords) },
  { name: 'reason', weight: -2, value: (unit) => supportOpener.test(unit.text) && !conclusionOpener.test(unit.text) },
  {
    name: 'turn',
    weight: -0.5,
    value: (unit) => contrastOpener.test(unit.text) && !/^(nevertheless|nonetheless|still)\b/i.test(unit.text),
  },
  { name: 'question', weight: -3, value: (unit) => question.test(unit.text) },
  { name: 'fragment', weight: -1, value: (unit) => unit.text.split(/\s+/).length < 5 },
]

/**
 * Scores the units not already taken as counterarguments (in a long text,
 * those of its introduction) and returns the best; nothing for an empty text.
 */
export function pickThesis(
  units: readonly Unit[],
  excluded: ReadonlySet<Unit>,
  title: string | null,
): ThesisCandidate | undefined {
  const titleWords = contentWords(title ?? '')
  const paragraphs = [...new Set(units.map((unit) => unit.sentence.paragraph))]
  const long = paragraphs.length >= longText
  // The first fifth of the paragraphs (at least two) of a long text.
  const introduction = new Set(long ? paragraphs.slice(0, Math.max(2, Math.ceil(paragraphs.length / 5))) : paragraphs)
  let best: ThesisCandidate | undefined
  units.forEach((unit, index) => {
    if (excluded.has(unit) || !introduction.has(unit.sentence.paragraph)) return
    const position = { index, count: units.length, long, titleWords }
    const values = features.map((feature) => Number(feature.value(unit, position)))
    const fired = features.filter((_, i) => values[i]! > 0)
    const score = features.reduce((sum, feature, i) => sum + feature.weight * values[i]!, 0)
    // On a tie the later unit wins: texts build up to their conclusion.
    if (!best || score >= best.score)
      best = { unit, score, cues: fired.filter((feature) => feature.weight > 0).map((feature) => feature.name) }
  })
  return best
}

export function thesisFinding(candidate: ThesisCandidate): Finding {
  // A logistic squash of the score: 0.5 for a bare pick, towards 1 as cues add up.
  const confidence = Math.round((1 / (1 + Math.exp(-candidate.score / 2))) * 100) / 100
  return {
    kind: 'thesis',
    confidence,
    rule: 'thesis-score',
    ...(candidate.cues.length ? { cue: candidate.cues.join(', ') } : {}),
  }
}

const stopWords = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'on',
  'for',
  'to',
  'and',
  'or',
  'is',
  'are',
  'its',
  'with',
  'at',
  'by',
  'from',
  'as',
  'how',
  'why',
  'what',
  'real',
])

function contentWords(text: string): Set<string> {
  return new Set(
    normaliseText(text)
      .split(/[^a-z0-9]+/)
      .filter((word) => word.length > 2 && !stopWords.has(word))
      .map(stem),
  )
}

/** Crude stemming, enough to match `reassurance` with `reassuring`. */
function stem(word: string): string {
  return word.slice(0, 6)
}

/** The share of the title's content words that the unit uses. */
function titleShare(unit: Unit, titleWords: ReadonlySet<string>): number {
  if (titleWords.size === 0) return 0
  const words = contentWords(unit.text)
  let shared = 0
  for (const word of titleWords) if (words.has(word)) shared++
  return shared / titleWords.size
}
