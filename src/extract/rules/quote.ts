// Quotes: words in quotation marks that the text attributes to a speaker.
import type { Sentence } from '../../model/index.js'

export interface QuoteSpan {
  start: number
  end: number
  speaker: string
  cue: string
}

const quoted = /["“]([^"“”]{2,}?)["”]/g
const speechVerbs =
  'put it|puts it|said|says|noted|notes|argued|argues|wrote|writes|observed|observes|stated|states|declared|declares|warned|warns|remarked|told|explained|explains|insisted|insists|added|called it|described it'
// A name starts where a word starts: tried inside a long run of letters, it would be quadratic.
const name = "(?<![\\w.’'-])(?:[A-Z][\\w.’'-]*\\s+){0,5}[A-Z][\\w’'-]*"
/** `As President Obama put it`, `as David Shear, U.S. Assistant Secretary …, recently put it`. */
const asSpeakerPutIt = new RegExp(`\\b[Aa]s\\s+(${name})(?:,[^,]{1,140},)?\\s+(?:\\w+ly\\s+)?(${speechVerbs})\\b`)
/** `Obama said`, `the minister, Ms Wong, said`. */
const speakerSaid = new RegExp(`(${name})(?:,[^,]{1,140},)?\\s+(?:\\w+ly\\s+)?(${speechVerbs})\\b`)
/** `according to CIA Director William Burns`. */
const accordingTo = new RegExp(`\\baccording\\s+to\\s+(${name})`)

/** The quoted words of a sentence (without the marks) with the speaker the sentence names; unattributed quotes are left out. */
export function quotesIn(sentence: Sentence): QuoteSpan[] {
  const speaker = speakerOf(sentence.text)
  if (!speaker) return []
  return [...sentence.text.matchAll(quoted)].flatMap((match) => {
    const inner = match[1]!
    const trimmed = inner.replace(/[\s,;:]+$/, '').replace(/^\s+/, '')
    if (trimmed.split(/\s+/).length < 2 && !/[.!?]$/.test(trimmed)) return []
    const start = sentence.start + match.index + 1 + (inner.length - inner.trimStart().length)
    return [{ start, end: start + trimmed.length, speaker: speaker.name, cue: speaker.cue }]
  })
}

function speakerOf(text: string): { name: string; cue: string } | undefined {
  for (const pattern of [asSpeakerPutIt, accordingTo, speakerSaid]) {
    const match = pattern.exec(text)
    const speaker = match?.[1] && withoutLeadingArticle(match[1])
    if (match && speaker) return { name: speaker, cue: match[0].replace(/\s+/g, ' ') }
  }
  return undefined
}

/** Sentence-initial words caught by the name pattern: `As`, `The`, `But`. */
function withoutLeadingArticle(name: string): string | undefined {
  const cleaned = name.replace(/^(As|The|But|And|Then|When|While|So)\s+/, '').trim()
  return /^[A-Z]/.test(cleaned) ? cleaned : undefined
}
