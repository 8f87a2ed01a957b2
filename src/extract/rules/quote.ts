// Quotes: words in quotation marks that the text attributes to a speaker, in
// the common forms of attribution:
//   “…,” said X, title of Y      “…,” X said      X said: “…”      X said, “…”
//   As X put it, “…”             according to X, “…”
// A pronoun (`he said`) is resolved to the last speaker or titled person the
// text named. Fragments of a few words are not quote blocks.
import { statementVerbs } from '../cues.js'

export interface QuoteSpan {
  start: number
  end: number
  speaker: string
  /** The speaker's role, where the text gives one: `U.S. Assistant Secretary of Defense`. */
  role?: string
  cue: string
  rule: string
}

/**
 * A quote block is a passage, not a phrase in quotation marks: ten words, or
 * a sentence of five or more (a capital first, punctuation closing it inside
 * the marks, as in `“We will not accept it,” she said`).
 */
function isPassage(quotation: string): boolean {
  const words = quotation.trim().split(/\s+/).length
  return words >= 10 || (words >= 5 && /^\s*[\p{Lu}]/u.test(quotation) && /[.!?,]\s*$/.test(quotation))
}

const quoted = /["“]([^"“”]{2,}?)["”]/g
const verbs = `(?:${statementVerbs})`
/** A name, a title and a name, or a body: `John Roe`, `Secretary-General of the ISA`, `the Commerce Department`, `officials`. */
const speakerName =
  "(?:(?:the\\s+)?[A-Z][\\w.’'-]*(?:\\s+(?:of\\s+(?:the\\s+)?)?[A-Z][\\w.’'-]*){0,5}|(?:U\\.S\\.\\s+)?(?:officials|analysts|experts|critics|[Tt]he\\s+(?:agency|department|ministry|administration|government|committee|court|report|study|company|minister|secretary|president|chair(?:man|woman)?|director|spokes(?:man|woman|person)|official|governor|senator))|he|she|they)"
/** `, title of Y,` after a name. */
const role = '(?:,\\s+([^,“”"]{3,140}?),)?'
const attributions: ReadonlyArray<{ rule: string; pattern: RegExp; after: boolean }> = [
  // `“…,” said X, title of Y` and `“…,” X said`: the speaker after the closing mark.
  {
    rule: 'quote-said-after',
    after: true,
    pattern: new RegExp(`^[,\\s]*(?:${verbs})\\s+(${speakerName})(?:,\\s+([^,.“”"]{3,140}))?`),
  },
  {
    rule: 'quote-speaker-after',
    after: true,
    pattern: new RegExp(`^[,\\s]*(${speakerName})${role}\\s+(?:\\w+ly\\s+)?(?:${verbs})\\b`),
  },
  // `As X put it, “…”`, `according to X, “…”`, `X said: “…”`: the speaker before the opening mark.
  {
    rule: 'quote-as-put-it',
    after: false,
    pattern: new RegExp(
      `\\b[Aa]s\\s+(${speakerName})${role}\\s+(?:\\w+\\s+){0,3}?(?:put it|puts it|said|noted|wrote|observed|stated)\\b[^“”"]{0,90}$`,
    ),
  },
  {
    rule: 'quote-according-to',
    after: false,
    pattern: new RegExp(`\\b[Aa]ccording\\s+to\\s+(${speakerName})${role}[^“”"]{0,40}$`),
  },
  {
    rule: 'quote-speaker-before',
    after: false,
    pattern: new RegExp(`(?:^|[^\\w])(${speakerName})${role}\\s+(?:\\w+ly\\s+)?(?:${verbs})(?:\\s+that)?[,:]?\\s*$`),
  },
]

/** Sentence-initial words the name pattern can take for a name: `Previously`, `However`, `In`. */
const notAName =
  /^(?:As|The|But|And|Then|When|While|So|However|Previously|Later|Earlier|Meanwhile|Still|Yet|In|On|At|For|If|This|That|These|Those|It|Its|There|Here|Some|Many|Most|Such)$/

/** Where quotes are looked for: a sentence or a paragraph, with its offset in the document. */
export interface QuoteScope {
  start: number
  text: string
}

/**
 * The quotes of a sentence or paragraph with their speakers. `lastSpeaker`
 * is the speaker a pronoun refers to: the last one named before. `lead` is
 * the paragraph before, which introduces a block quote (`The minister said:`).
 */
export function quotesIn(sentence: QuoteScope, lastSpeaker?: string, lead?: string): QuoteSpan[] {
  const found: QuoteSpan[] = []
  let previous = lastSpeaker
  for (const match of sentence.text.matchAll(quoted)) {
    const inner = match[1]!
    const trimmed = inner.replace(/[\s,;:]+$/, '').replace(/^\s+/, '')
    if (!isPassage(inner)) continue
    const attribution =
      attributionOf(sentence.text, match.index, match.index + match[0].length, previous) ??
      blockQuoteAttribution(sentence.text, match.index, lead, previous)
    if (!attribution) continue
    previous = attribution.speaker
    const start = sentence.start + match.index + 1 + (inner.length - inner.trimStart().length)
    found.push({ start, end: start + trimmed.length, ...attribution })
  }
  return found
}

function attributionOf(
  text: string,
  open: number,
  close: number,
  lastSpeaker: string | undefined,
): Omit<QuoteSpan, 'start' | 'end'> | undefined {
  for (const { rule, pattern, after } of attributions) {
    const match = pattern.exec(after ? text.slice(close) : text.slice(0, open))
    if (!match) continue
    const speaker = resolveSpeaker(match[1]!, lastSpeaker)
    if (!speaker) continue
    const speakerRole = match[2]?.trim()
    return {
      speaker,
      ...(speakerRole && /^[\p{Lu}a-z]/u.test(speakerRole) && !/\b(said|says)\b/.test(speakerRole)
        ? { role: speakerRole }
        : {}),
      cue: match[0].trim().replace(/\s+/g, ' '),
      rule,
    }
  }
  return undefined
}

/** A quotation that opens its paragraph, introduced by the paragraph before (`As the report put it:`). */
function blockQuoteAttribution(
  text: string,
  open: number,
  lead: string | undefined,
  lastSpeaker: string | undefined,
): Omit<QuoteSpan, 'start' | 'end'> | undefined {
  if (!lead || !/:\s*$/.test(lead) || text.slice(0, open).trim() !== '') return undefined
  const attribution = attributionOf(
    `${lead.trimEnd()} `,
    lead.trimEnd().length + 1,
    lead.trimEnd().length + 1,
    lastSpeaker,
  )
  return attribution && { ...attribution, rule: 'block-quote' }
}

/** The speaker as the text names them; a pronoun becomes the last speaker named, or nothing. */
function resolveSpeaker(raw: string, lastSpeaker: string | undefined): string | undefined {
  const name = raw.trim().replace(/[’']s$/, '')
  if (/^(he|she|they)$/i.test(name)) return lastSpeaker
  // `The minister`, `the agency`: a body or an office described, kept as the text has it.
  if (/^the\s+[a-z]/i.test(name)) return name
  const words = name.split(/\s+/)
  if (notAName.test(words[0]!)) {
    const rest = words.slice(1).join(' ')
    return rest && /^[A-Z]/.test(rest) ? resolveSpeaker(rest, lastSpeaker) : undefined
  }
  return name
}
