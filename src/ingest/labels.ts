// `Label: value` pairs as documents and pages print them (`Author(s): Clark,
// Corrie E.`, `Publication Date: 04/20/2026`, `Report No.: IF10753`): which
// metadata field a label names, and the value in the model's form.
import * as chrono from 'chrono-node/en'
import type { MetadataFields } from './blocks.js'
import { isoDate, statedPrecision } from './dates.js'

type Field = keyof MetadataFields

/** Label words, lower case without punctuation, to the field they name. */
const labelFields: ReadonlyArray<[RegExp, Field]> = [
  [/^(author|authors|author s|by|written by|creator|byline|contributors?)$/, 'authors'],
  [
    /^((publication|release|issue|posted|document|update[d]?) date|date( published)?|dated|published|posted|updated)$/,
    'date',
  ],
  [/^(title|headline)$/, 'title'],
  [/^subtitle$/, 'subtitle'],
  [/^(publisher|publication|published by|source organi[sz]ation|agency|organi[sz]ation)$/, 'publisher'],
  [/^(url|link|permalink|source url|source)$/, 'url'],
  [
    /^((report|product|document|bill)( no| number| id)|number|identifier|doi|isbn|order code|([a-z]+ )?product number)$/,
    'identifier',
  ],
  [/^(([a-z]+ )?product type|document type|type|report type|genre)$/, 'documentType'],
  [/^(topics?|subjects?|categor(y|ies)|keywords|section)$/, 'topic'],
  [/^regions?$/, 'region'],
]

/** The field a label names, if any: `Author(s):` → `authors`. */
export function labelField(label: string): Field | undefined {
  const key = label
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
  return labelFields.find(([pattern]) => pattern.test(key))?.[1]
}

/** The metadata a labelled value gives, or nothing when the value does not fit its field (a `Source:` that is not a URL). */
export function labelledValue(field: Field, raw: string): MetadataFields | undefined {
  const value = raw.replace(/\s+/g, ' ').trim()
  if (value === '') return undefined
  switch (field) {
    case 'authors': {
      const authors = splitAuthors(value)
      return authors.length > 0 ? { authors } : undefined
    }
    case 'date': {
      const date = dateValue(value)
      return date ? { date } : undefined
    }
    case 'url':
      return /^https?:\/\/\S+$/.test(value) ? { url: value } : undefined
    default:
      return { [field]: value }
  }
}

/**
 * A list of people as sites print it: `Feickert, Andrew; M'Bai, Ebrima`,
 * `Jane Doe and John Roe`, `Jane Doe, John Roe`. Names written `Surname,
 * Given` keep their comma, so a list that has semicolons splits only there.
 */
export function splitAuthors(value: string): string[] {
  const cleaned = value.replace(/^by\s+/i, '').trim()
  const parts = cleaned.includes(';')
    ? cleaned.split(/\s*;\s*/)
    : invertedName(cleaned)
      ? [cleaned]
      : cleaned.split(/\s*(?:,|\band\b|&)\s*/)
  return parts.map((part) => part.replace(/\s+/g, ' ').trim()).filter((part) => part !== '')
}

/** `Clark, Corrie E.`: one name, surname first. */
function invertedName(value: string): boolean {
  return /^[\p{Lu}][\p{L}'’-]+(?: [\p{Lu}][\p{L}'’-]+)?, (?:[\p{Lu}][\p{L}'’.-]*\s?){1,3}$/u.test(value)
}

/** The ISO form of a date written in any usual way (`04/20/2026`, `April 20, 2026`, `2026-04-20T10:00Z`), to the precision it states. */
export function dateValue(text: string): string | undefined {
  const iso = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(text.trim())
  if (iso) return iso[3] ? `${iso[1]}-${iso[2]}-${iso[3]}` : `${iso[1]}-${iso[2]}`
  const [first] = chrono.casual.parse(text, new Date(Date.UTC(2000, 0, 1)))
  if (!first) return undefined
  const precision = statedPrecision(first.start)
  return precision && precision !== 'year' ? isoDate(first.start, precision) : undefined
}
