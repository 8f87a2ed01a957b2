// Page furniture: the lines that copied articles carry around the argument
// (weekday, dateline, title, credits, byline, pull quote). Each recogniser
// looks at one line and says what it is and what metadata it gives.
import * as chrono from 'chrono-node/en'
import type { NoiseKind } from '../model/index.js'
import type { MetadataFields } from './blocks.js'
import { isoDate, statedPrecision } from './dates.js'
import { dateValue } from './labels.js'
import { normaliseText } from './normalise.js'

export interface Furniture {
  kind: NoiseKind
  metadata: MetadataFields
}

const weekday = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)[,.]?$/i

export function weekdayLine(line: string): Furniture | undefined {
  return weekday.test(line) ? { kind: 'weekday', metadata: {} } : undefined
}

/** Labels of the `Label: value` fields that sites print beside the date. */
const fieldLabels = {
  topic: 'topic',
  topics: 'topic',
  region: 'region',
  section: 'topic',
  category: 'topic',
  publication: 'publisher',
  source: 'publisher',
} as const satisfies Record<string, keyof MetadataFields>

const fieldPattern = new RegExp(`\\b(${Object.keys(fieldLabels).join('|')})\\s*:\\s*`, 'gi')
const issueNumber = /^(vol(ume)?|no|issue|number)\.?\s*\d+$/i

const maxDatelineLength = 200

/**
 * `11-02-2024 Vol 1842`, `June 3, 2019 Topic: Trade Region: Europe`,
 * `Monday, June 3, 2019`: a date at the start of the line and nothing after
 * it but issue numbers and labelled fields.
 */
export function datelineLine(line: string): Furniture | undefined {
  // A dateline is a short line; a long one is prose, and a date parser over all of it is slow work for nothing.
  if (line.length > maxDatelineLength) return undefined
  const [first] = chrono.casual.parse(line, new Date(Date.UTC(2000, 0, 1)))
  const dated = first && first.index <= 12 && /^[\p{L}\s,.]*$/u.test(line.slice(0, first.index)) ? first : undefined
  const precision = dated ? statedPrecision(dated.start) : null
  if (dated && precision !== 'day' && precision !== 'month') return undefined
  const rest = dated ? line.slice(dated.index + dated.text.length) : line
  const fields = labelledFields(rest)
  if (!fields) return undefined
  if (!dated && Object.keys(fields.metadata).length === 0) return undefined
  return {
    kind: 'dateline',
    metadata: dated && precision ? { ...fields.metadata, date: isoDate(dated.start, precision) } : fields.metadata,
  }
}

const separator = /[\s,|·•–—-]/u

/**
 * The text without separators at either end. A scan, since the obvious
 * `/[…]+$/` retries from every character of a long run and is quadratic.
 */
function trimSeparators(text: string): string {
  let start = 0
  let end = text.length
  while (start < end && separator.test(text[start]!)) start++
  while (end > start && separator.test(text[end - 1]!)) end--
  return text.slice(start, end)
}

/** The `Label: value` fields of a line, or nothing when the line holds anything else. */
function labelledFields(rest: string): { metadata: MetadataFields } | undefined {
  const labels = [...rest.matchAll(fieldPattern)]
  const lead = trimSeparators(rest.slice(0, labels[0]?.index ?? rest.length))
  // The look-behinds let a run of white space be tried once, from its start, rather than from each of its characters.
  if (
    lead !== '' &&
    !lead.split(/(?<!\s)\s*[,|·•]\s*|(?<!\s)\s+(?=vol|no|issue)/i).every((part) => issueNumber.test(part))
  )
    return undefined
  const metadata: MetadataFields = {}
  labels.forEach((label, i) => {
    const valueStart = label.index + label[0].length
    const value = rest
      .slice(valueStart, labels[i + 1]?.index ?? rest.length)
      .trim()
      .replace(/[,|·•]$/, '')
      .trim()
    const field = fieldLabels[label[1]!.toLowerCase() as keyof typeof fieldLabels]
    if (value !== '' && metadata[field] == null) metadata[field] = value
  })
  return { metadata }
}

const credit = /^(image|photo|photograph|picture|illustration)\s*(source|credit)?s?\s*(from)?\s*:?\s*/i
const url = /https?:\/\/\S+/

/** `image source from:https://…`: the credit gives the article's original address. */
export function imageCreditLine(line: string): Furniture | undefined {
  if (!credit.test(line) || !/(source|credit|from|:)/i.test(line.slice(0, 40))) return undefined
  const address = url.exec(line)?.[0]
  return { kind: 'image-credit', metadata: address ? { url: address } : {} }
}

const personName = /^[\p{Lu}][\p{L}'’.-]*(\s+((de|da|del|der|van|von|la|le|al|bin)\s+)?[\p{Lu}][\p{L}'’.-]*){1,3}$/u

/** `By Jane Doe`, or (at the end of the text) a name on its own line. */
export function bylineLine(line: string, options: { nameAlone: boolean }): Furniture | undefined {
  const byName = /^by\s+(.+)$/i.exec(line)?.[1]
  const candidate = byName ?? (options.nameAlone ? line : undefined)
  if (candidate === undefined || candidate.length > 60) return undefined
  const names = candidate.split(/\s*(?:,|\band\b|&)\s*/).filter(Boolean)
  if (names.length === 0 || !names.every((name) => personName.test(name))) return undefined
  return { kind: 'byline', metadata: { authors: names } }
}

/** A parenthesised report number such as `(IF10753)` or `(R44243)`: letters then digits. */
const identifierInParentheses = /\(([A-Z]{1,5}\d{2,}[A-Z0-9.-]*)\)/

/**
 * `ENERGY STAR Program Updated April 20, 2026 (IF10753)`: the title again,
 * followed by its date and number, as report pages set them above the text.
 */
export function titleDatelineLine(line: string, title: string): Furniture | undefined {
  const normalisedLine = normaliseText(line)
  const normalisedTitle = normaliseText(title)
  if (normalisedLine.length > normalisedTitle.length + 80 || !normalisedLine.startsWith(normalisedTitle))
    return undefined
  const rest = line.slice(Math.min(line.length, title.length)).trim()
  if (rest === '') return { kind: 'repeated-title', metadata: {} }
  const date = dateValue(rest)
  const identifier = identifierInParentheses.exec(rest)?.[1]
  if (!date && !identifier) return undefined
  return { kind: 'dateline', metadata: { ...(date ? { date } : {}), ...(identifier ? { identifier } : {}) } }
}

const legalCues = [
  /\bdisclaimer\b/i,
  /\bcopyright(ed)?\b|©/i,
  /\ball rights reserved\b/i,
  /\breproduced\b|\breproduction\b/i,
  /\bpermission\b/i,
  /\bterms of (use|service)\b/i,
  /\bprivacy policy\b/i,
  /\bshould not be relied upon\b|\bdoes not constitute\b|\bfor informational purposes\b/i,
]

/** A closing legal notice (`Disclaimer: …`, `© 2025 … All rights reserved.`): boilerplate of the publisher, not the text. */
export function disclaimerLine(line: string): Furniture | undefined {
  const cues = legalCues.filter((cue) => cue.test(line)).length
  const opensAsNotice = /^\s*(disclaimer|copyright|©|legal notice)\b/i.test(line)
  return cues >= 3 || (opensAsNotice && cues >= 1) ? { kind: 'disclaimer', metadata: {} } : undefined
}

/** A short line without closing punctuation, as headlines are written. */
export function titleLike(line: string): boolean {
  const words = line.split(/\s+/).length
  return line.length <= 200 && words <= 25 && /^[\p{Lu}\p{N}"“'‘]/u.test(line) && !/[.,;:!]["”'’]?$/.test(line)
}

export function sameText(a: string, b: string): boolean {
  // Typography changes the length by a few characters at most; most lines are ruled out unread.
  return Math.abs(a.length - b.length) <= 8 && normaliseText(a) === normaliseText(b)
}

const wrappedInQuotes = /^\s*["“”'‘](.+)["“”'’]\s*$/s

/** The words of a quoted paragraph, normalised, without closing punctuation. */
export function pullQuoteKey(paragraph: string): string | undefined {
  const inner = wrappedInQuotes.exec(paragraph)?.[1]
  return inner === undefined ? undefined : quoteKey(inner)
}

/** The key under which a sentence is compared with a pull quote: normalised, without closing punctuation. */
export function quoteKey(text: string): string {
  return normaliseText(text).replace(/[.!?,;:]+$/, '')
}
