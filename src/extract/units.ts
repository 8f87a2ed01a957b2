// The units that become blocks: one per sentence, or two when a sentence
// grants a point in one clause and argues in the other (`Although X, Y`,
// `Of course X, but Y`, `Y, even if X`).
import type { Sentence } from '../model/index.js'
import {
  clauseContinuation,
  concessionOpener,
  hedge,
  leadingConcession,
  tentativeConcessionOpener,
  trailingConcession,
} from './cues.js'

export interface Unit {
  start: number
  end: number
  text: string
  sentence: Sentence
  /** `conceded` for the granted clause of a split sentence, `main` for the rest, `whole` otherwise. */
  part: 'whole' | 'conceded' | 'main'
  /** For a conceded clause: the words that mark it. */
  cue?: string
}

export function unitsOf(sentences: readonly Sentence[]): Unit[] {
  return sentences.flatMap(splitSentence)
}

interface Split {
  /** Offset (into the sentence text) where the second clause begins. */
  at: number
  concededFirst: boolean
  cue: string
}

function splitSentence(sentence: Sentence): Unit[] {
  const split =
    leadingConcessionSplit(sentence.text) ??
    trailingConcessionSplit(sentence.text) ??
    grantedThenButSplit(sentence.text)
  if (!split) return [{ start: sentence.start, end: sentence.end, text: sentence.text, sentence, part: 'whole' }]
  const first = unit(sentence, 0, split.at, split.concededFirst ? 'conceded' : 'main')
  const second = unit(sentence, split.at, sentence.text.length, split.concededFirst ? 'main' : 'conceded')
  const conceded = split.concededFirst ? first : second
  conceded.cue = split.cue
  return [first, second].filter((part) => /[\p{L}\p{N}]/u.test(part.text))
}

function unit(sentence: Sentence, from: number, to: number, part: Unit['part']): Unit {
  const raw = sentence.text.slice(from, to)
  const start = from + raw.length - raw.trimStart().length
  const end = Math.max(start, to - (raw.length - raw.trimEnd().length))
  return {
    start: sentence.start + start,
    end: sentence.start + end,
    text: sentence.text.slice(start, end),
    sentence,
    part,
  }
}

/**
 * `Although X, Y`: the main clause starts after the first comma that is not
 * followed by words continuing the conceded clause (`which …`, `and …`).
 */
function leadingConcessionSplit(text: string): Split | undefined {
  const cue = leadingConcession.exec(text)?.[0]
  if (!cue) return undefined
  for (const comma of text.matchAll(/,\s*/g)) {
    const rest = text.slice(comma.index + comma[0].length)
    if (comma.index > cue.length && !clauseContinuation.test(rest) && /\s/.test(rest)) {
      return { at: comma.index + 1, concededFirst: true, cue }
    }
  }
  return undefined
}

/** `Y, although X` / `Y, even if X`. */
function trailingConcessionSplit(text: string): Split | undefined {
  const match = trailingConcession.exec(text)
  if (!match || match.index === 0) return undefined
  const at = match.index + match[0].length - match[1]!.length
  return { at, concededFirst: false, cue: match[1]! }
}

/** `Of course X, but Y` / `Landlords may want X, but Y`: the clause before `but` is granted. */
function grantedThenButSplit(text: string): Split | undefined {
  const but = /(?:,|;|\s[–—-])\s*(but|yet)\s/i.exec(text)
  if (!but) return undefined
  const before = text.slice(0, but.index)
  const opener = concessionOpener.exec(before)?.[0] ?? tentativeConcessionOpener.exec(before)?.[0]
  const granted = opener ?? hedge.exec(before)?.[0]
  if (!granted) return undefined
  return { at: but.index + but[0].length - but[1]!.length - 1, concededFirst: true, cue: `${granted} … ${but[1]}` }
}
