import type { Citation, SourceMetadata } from '../model/index.js'
import { formatIsoDate } from '../shared/index.js'
import type { PoolBlock } from './pool.js'
import { collapseWhitespace } from './wording.js'

/** `Title (30 May 2025)`: how notes and citations name a source. */
export function sourceLabel(source: SourceMetadata): string {
  const title = source.title ?? source.id
  return source.date ? `${title} (${formatIsoDate(source.date)})` : title
}

/** The speaker-notes paragraph for a block: its whole sentence, where it comes from, and its id. */
export function blockNote(entry: PoolBlock): string {
  const corrected = entry.override?.text ? ' Wording corrected in the brief.' : ''
  return `“${collapseWhitespace(entry.sentence)}” — ${sourceLabel(entry.source)}, paragraph ${entry.block.paragraph + 1}; block ${entry.block.id}.${corrected}`
}

export function sourceCitation(source: SourceMetadata, paragraph?: number): Citation {
  const citation: Citation = {
    sourceId: source.id,
    title: source.title ?? source.id,
    date: source.date,
    author: authorList(source),
    url: source.url,
  }
  return paragraph === undefined ? citation : { ...citation, paragraph }
}

export function blockCitation(entry: PoolBlock): Citation {
  return sourceCitation(entry.source, entry.block.paragraph)
}

/**
 * `Corrie E. Clark, “ENERGY STAR Program”, Congressional Research Service, IF10753, 20 April 2026`:
 * the sources slide's entry (the URL goes beside it).
 */
export function referenceText(source: SourceMetadata): string {
  const parts = [
    authorList(source),
    `“${source.title ?? source.id}”`,
    source.publisher,
    source.identifier,
    source.date ? formatIsoDate(source.date) : null,
  ]
  return parts.filter((part): part is string => Boolean(part)).join(', ')
}

/**
 * `A`, `A and B`, `A, B and C` (names written `Surname, Given` are joined with
 * semicolons, so that their commas stay theirs): the authors as a citation
 * names them; null when there are none.
 */
function authorList(source: SourceMetadata): string | null {
  const names = source.authors
  if (names.length === 0) return null
  if (names.some((name) => name.includes(','))) return names.join('; ')
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`
}
