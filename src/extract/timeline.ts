// Dated events: the dates a text mentions for things that happened or will,
// resolved against the document's own date (`last December` in an April
// 2015 article is December 2014; without a date, relative ones are left
// out). Names of acts, citations and publication dates are not events, and
// an event the text tells twice is one entry.
import * as chrono from 'chrono-node/en'
import { isoDate, normaliseText, statedPrecision } from '../ingest/index.js'
import type { Era, Knowledge, Sentence, SourceDocument, TimelineEvent } from '../model/index.js'
import { nameAlternation } from '../shared/index.js'
import { contentWords } from './site.js'

/** A date expression inside a sentence, before it becomes an event. */
interface DateMention {
  /** Offsets into the sentence text. */
  start: number
  end: number
  date: string
  rule: string
}

/**
 * Sentences without a digit, a month name, a relative year or an era hold
 * no date, and chrono is skipped for them. Month names count only when
 * capitalised, since `may` and `march` are also verbs.
 */
const mayHoldDate =
  /\d|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b|\b([Ll]ast|[Nn]ext|[Tt]his|[Pp]ast)\s+(year|month)\b|\b[Ww]ar\b/
/** A year standing alone: `by 2027`, `the 2011 framework agreement`. */
const bareYear =
  /(?<=\b(?:in|by|since|until|till|before|after|from|to|through|of|the|early|late|around|circa|between|and|during)\s+|\bmid-)(1[6-9]\d\d|20\d\d)(?!\s*(?:%|percent|per cent|[-–]\d)|\d|\.\d)\b/gi

/** `the Trade Act of 1974`, `Pub. L. 117-58`, `Executive Order 14347 dated …`: a date that names a law, not an event. */
const namesALaw =
  /\b(Act|Acts|Law|Code|Amendments?|Resolution|Appropriations|Authorization|Reauthorization)(\s+of)?(\s+the)?\s*$|\b(Pub\.\s*L\.|P\.L\.|Stat\.|U\.S\.C\.|Fed\.\s*Reg\.|Executive Order\s+\d+\s+(dated|of)|No\.)\s*$/
/** An instrument named by its year: `1994 Agreement`, `2018 Farm Bill`, `the 1945 act`. */
const namedInstrumentAfter =
  /^\s+((?:[A-Z][A-Za-z]+\s+){0,3}(Act|Agreement|Treaty|Convention|Protocol|Accords?|Law|Declaration|Bill|Amendments?|Rule|Report)|(?:[A-Z]{2,}\s+|final\s+)?(act|law|statute|rules?|amendments?|regulations?|proclamation))\b/
/** Words around a date that make it the date of a document rather than of a happening. */
const publicationWords =
  /\b(updated|published|publication date|accessed|retrieved|last modified|as of|dated|posted|released on|copyright|©)\s*$/i
/** Lines that carry sources, notes and citations, not the narrative. */
const citationLine = /^(sources?|notes?|see|cf\.|available at|for more|citation)\b|\|/i

export function timelineOf(document: SourceDocument, knowledge: Knowledge): TimelineEvent[] {
  const reference = referenceDate(document.metadata.date)
  const eras = erasOf(knowledge)
  const events = document.sentences.flatMap((sentence) =>
    mayHoldDate.test(sentence.text) && !citationLine.test(sentence.text)
      ? dateMentions(sentence.text, reference, eras)
          .filter((mention) => isEventDate(sentence.text, mention))
          .map((mention) => toEvent(sentence, mention))
      : [],
  )
  return withoutRetellings(events).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start - b.start))
}

/** A date inside a law's name, a citation in parentheses or a publication note is not an event's. */
function isEventDate(text: string, mention: DateMention): boolean {
  const before = text.slice(Math.max(0, mention.start - 40), mention.start)
  if (namesALaw.test(before) || publicationWords.test(before)) return false
  // `the 1994 Agreement`, `the 2018 Farm Bill`: a named instrument; `post-World War II`: a period, not the event.
  if (namedInstrumentAfter.test(text.slice(mention.end, mention.end + 30)) || /\b(post|pre)-$/i.test(before))
    return false
  // `(2019)`, `(Smith, 2019)`: a citation.
  return !/\([^()]{0,40}$/.test(before) || !/^[^()]{0,6}\)/.test(text.slice(mention.end, mention.end + 7))
}

/** The same date told again in words that mostly repeat the first telling: one event. */
function withoutRetellings(events: readonly TimelineEvent[]): TimelineEvent[] {
  const kept: Array<{ event: TimelineEvent; words: Set<string> }> = []
  for (const event of events) {
    const words = new Set(contentWords(event.text))
    const retold = kept.some(
      (other) =>
        other.event.date === event.date &&
        (other.event.sentence === event.sentence || overlapShare(words, other.words) >= 0.5),
    )
    if (!retold) kept.push({ event, words })
  }
  return kept.map(({ event }) => event)
}

function overlapShare(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0
  for (const word of a) if (b.has(word)) shared++
  return shared / Math.max(1, Math.min(a.size, b.size))
}

/** Each era's names with the years it spans, and one pattern for them all. */
export interface Eras {
  span: ReadonlyMap<string, string>
  pattern: RegExp | undefined
}

const compiledEras = new WeakMap<Knowledge, Eras>()

export function erasOf(knowledge: Knowledge): Eras {
  const known = compiledEras.get(knowledge)
  if (known) return known
  const span = new Map(
    knowledge.eras.flatMap((era: Era) =>
      [era.name, ...era.aliases].map((name) => [normaliseText(name), era.span] as const),
    ),
  )
  const names = knowledge.eras.flatMap((era) => [era.name, ...era.aliases])
  const eras = { span, pattern: names.length ? new RegExp(`\\b(${nameAlternation(names)})\\b`, 'g') : undefined }
  compiledEras.set(knowledge, eras)
  return eras
}

/** The article's date as a reference for relative expressions; none when the article is undated. */
function referenceDate(date: string | null): Date | undefined {
  const parts = date?.split('-').map(Number)
  if (!parts || parts.some(Number.isNaN)) return undefined
  return new Date(Date.UTC(parts[0]!, (parts[1] ?? 7) - 1, parts[2] ?? 1, 12))
}

export function dateMentions(text: string, reference: Date | undefined, eras: Eras): DateMention[] {
  const mentions = [...calendarDates(text, reference), ...eraMentions(text, eras)]
  const taken = (start: number, end: number) => mentions.some((mention) => start < mention.end && end > mention.start)
  for (const year of yearMentions(text)) if (!taken(year.start, year.end)) mentions.push(year)
  return mentions.sort((a, b) => a.start - b.start)
}

/**
 * Dates chrono finds, with the precision the text gives. Without a
 * reference, only dates that name their year are kept, so that the result
 * never depends on the day briefdeck runs.
 */
function calendarDates(text: string, reference: Date | undefined): DateMention[] {
  const results = chrono.casual.parse(text, reference ?? new Date(Date.UTC(2000, 0, 1)), { forwardDate: false })
  return results.flatMap((result): DateMention[] => {
    const tags = result.tags()
    if (tags.has('casualReference/today') || [...tags].some((tag) => tag.startsWith('parser/ENCasual'))) return []
    const precision = statedPrecision(result.start)
    if (!precision) return []
    const relative = relativeMonth(text, result.index, result.start.get('month'))
    const expression = result.text.replace(/\s+of$/i, '')
    if (relative) {
      if (!reference) return []
      return [
        {
          start: relative.start,
          end: result.index + expression.length,
          date: relative.resolve(reference),
          rule: 'relative-month',
        },
      ]
    }
    if (tags.has('result/relativeDate') && (!reference || !/^(last|next|this|past)\s+(year|month)$/i.test(expression)))
      return []
    // Without the document's date, `this year` or `in May` would be read against an arbitrary year.
    if (!reference && (/^(last|next|this|past)\b/i.test(expression) || !result.start.isCertain('year'))) return []
    if (!reference && !result.start.isCertain('year')) return []
    return [
      {
        start: result.index,
        end: result.index + expression.length,
        date: isoDate(result.start, precision),
        rule: 'calendar-date',
      },
    ]
  })
}

/** `last December`: chrono reads the month; the word before says which one. */
function relativeMonth(
  text: string,
  index: number,
  month: number | null,
): { start: number; resolve: (reference: Date) => string } | undefined {
  const modifier = /\b(last|next|this)\s+$/i.exec(text.slice(Math.max(0, index - 6), index))
  if (!modifier || month === null) return undefined
  const word = modifier[1]!.toLowerCase()
  return {
    start: index - modifier[0].length,
    resolve: (reference) => {
      const year = reference.getUTCFullYear()
      const current = reference.getUTCMonth() + 1
      const resolved =
        word === 'last'
          ? month < current
            ? year
            : year - 1
          : word === 'next'
            ? month > current
              ? year
              : year + 1
            : year
      return `${resolved}-${String(month).padStart(2, '0')}`
    },
  }
}

function eraMentions(text: string, eras: Eras): DateMention[] {
  if (!eras.pattern) return []
  return [...text.matchAll(eras.pattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    date: eras.span.get(normaliseText(match[0]))!,
    rule: 'named-era',
  }))
}

function yearMentions(text: string): DateMention[] {
  return [...text.matchAll(bareYear)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    date: match[0],
    rule: 'bare-year',
  }))
}

/** Events keep their sentence, shortened around the date for a timeline slide. */
function toEvent(sentence: Sentence, mention: DateMention): TimelineEvent {
  return {
    start: sentence.start + mention.start,
    end: sentence.start + mention.end,
    date: mention.date,
    expression: sentence.text.slice(mention.start, mention.end),
    text: excerpt(sentence.text, mention.start, mention.end),
    sentence: sentence.index,
    rule: mention.rule,
  }
}

const excerptLength = 200

function excerpt(text: string, start: number, end: number): string {
  if (text.length <= excerptLength) return text
  const middle = (start + end) / 2
  let from = Math.max(0, Math.min(Math.round(middle - excerptLength / 2), text.length - excerptLength))
  let to = Math.min(text.length, from + excerptLength)
  if (from > 0) from = text.indexOf(' ', from) + 1
  if (to < text.length) to = text.lastIndexOf(' ', to)
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`
}
