// Dated events: the dates a text mentions, resolved against the article's
// own date (`last December` in an April 2015 article is December 2014).
import * as chrono from 'chrono-node/en'
import { isoDate, statedPrecision } from '../ingest/index.js'
import type { Sentence, SourceDocument, TimelineEvent } from '../model/index.js'
import { eras } from './data/eras.js'

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
  /\d|\b(January|February|March|April|May|June|July|August|September|October|November|December)\b|\b(last|next|this|past)\s+(year|month)\b|\b[Ww]ar\b/
const eraPattern = new RegExp(`\\b(${Object.keys(eras).join('|')})\\b`, 'g')
/** A year standing alone: `by 2027`, `the 2009 joint declaration`. */
const bareYear =
  /(?<=\b(?:in|by|since|until|till|before|after|from|to|through|of|the|early|late|around|circa|between|and|during)\s+|\bmid-)(1[6-9]\d\d|20\d\d)(?!\s*(?:%|percent|per cent|[-–]\d)|\d|\.\d)\b/gi

export function timelineOf(document: SourceDocument): TimelineEvent[] {
  const reference = referenceDate(document.metadata.date)
  const events = document.sentences.flatMap((sentence) =>
    mayHoldDate.test(sentence.text)
      ? dateMentions(sentence.text, reference).map((mention) => toEvent(sentence, mention))
      : [],
  )
  return events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.start - b.start))
}

/** The article's date as a reference for relative expressions; none when the article is undated. */
function referenceDate(date: string | null): Date | undefined {
  const parts = date?.split('-').map(Number)
  if (!parts || parts.some(Number.isNaN)) return undefined
  return new Date(Date.UTC(parts[0]!, (parts[1] ?? 7) - 1, parts[2] ?? 1, 12))
}

export function dateMentions(text: string, reference: Date | undefined): DateMention[] {
  const mentions = [...calendarDates(text, reference), ...eraMentions(text)]
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

function eraMentions(text: string): DateMention[] {
  return [...text.matchAll(eraPattern)].map((match) => ({
    start: match.index,
    end: match.index + match[0].length,
    date: eras[match[0]]!,
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
