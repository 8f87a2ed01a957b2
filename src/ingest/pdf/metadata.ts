// The document's metadata: what the layout shows first (cover title and date, authors, the report
// number and the publisher in the running lines), then the document information dictionary.
import type { PdfMetadata, FurnitureKind } from './types.js'
import type { Block } from './blocks.js'
import type { Cover } from './cover.js'
import type { DocumentInfo } from './document.js'
import type { Line } from './lines.js'
import { bylineName, leadingName, namesInSection } from './authors.js'
import { toFurniture } from './sections.js'

export interface MetadataSources {
  title: string | undefined
  cover: Cover
  blocks: Block[]
  /** The blocks of each author-information section. */
  contacts: Block[][]
  margins: Map<Line, FurnitureKind>
  info: DocumentInfo
}

/** Names publishers give their kinds of document, as a masthead shows them (`CRS Legal Sidebar`). */
const documentTypes =
  /\b(legal sidebar|in focus|insight|issue brief|policy brief|fact sheet|working paper|white paper|testimony|report|memorandum)s?\b/i

export function documentMetadata(sources: MetadataSources): PdfMetadata {
  const { cover, info } = sources
  const metadata: PdfMetadata = {}
  const title = sources.title ?? info.title
  if (title) metadata.title = title
  const date = cover.date ?? infoDate(info.creationDate)
  if (date) metadata.date = date
  const authors = sectionAuthors(sources.contacts)
  const found = authors.length ? authors : bylineAuthors(sources.blocks)
  const fallback = found.length ? found : infoAuthors(info.author)
  if (fallback.length) metadata.authors = fallback
  const runningLines = [...sources.margins].filter(([, kind]) => kind !== 'cover').map(([line]) => line)
  const identifier = reportNumber(runningLines, title)
  if (identifier) metadata.identifier = identifier
  const publisher = publisherName(runningLines, title)
  if (publisher) metadata.publisher = publisher
  const documentType = mastheadType(
    [...sources.margins]
      .filter(([line, kind]) => kind === 'cover' || line.page === 1)
      .map(([line]) => line)
      .concat(cover.masthead),
  )
  if (documentType) metadata.documentType = documentType
  return metadata
}

function sectionAuthors(contacts: Block[][]): string[] {
  return unique(contacts.flatMap((section) => namesInSection(section.flatMap((block) => block.lines))))
}

/**
 * `Name, Position` paragraphs closing the text (figures, tables and furniture after them aside);
 * they are contact furniture, not prose.
 */
function bylineAuthors(blocks: Block[]): string[] {
  const names: string[] = []
  for (let i = blocks.length - 1; i >= 0; i--) {
    const block = blocks[i]!
    if (block.kind === 'furniture' || block.kind === 'footnote' || block.kind === 'caption' || block.kind === 'table') {
      continue
    }
    const found = block.kind === 'paragraph' ? bylines(block.lines) : []
    if (found.length === 0) {
      if (names.length) break
      continue
    }
    names.unshift(...found)
    toFurniture(block, 'contact')
  }
  return unique(names)
}

/** The names of a block made of `Name, Position` lines (a long position may wrap), or none. */
function bylines(lines: Line[]): string[] {
  const names: string[] = []
  for (const [i, line] of lines.entries()) {
    const name = bylineName(line.text)
    if (name) names.push(name)
    else if (i === 0 || !positionContinued.test(line.text)) return []
  }
  return names
}

/** The rest of a wrapped position: `Assistance Policy`. */
const positionContinued = /^\p{L}[\p{L}-]*(?:\s+[\p{L}-]+){0,5}$/u

/** `Andrew Feickert, Ebrima M'Bai` or `A. Author; B. Author and C. Author`. */
function infoAuthors(author: string | undefined): string[] {
  if (!author) return []
  return unique(
    author
      .split(/\s*(?:;|,|\band\b|&)\s*/)
      .map((part) => leadingName(part))
      .filter((name): name is string => name !== undefined),
  )
}

/** `D:20260420160956-04'00'` → `2026-04-20`. */
function infoDate(value: string | undefined): string | undefined {
  const match = /^(?:D:)?(\d{4})(\d{2})(\d{2})/.exec(value ?? '')
  return match ? `${match[1]}-${match[2]}-${match[3]}` : undefined
}

/** A code such as `IF10491` or `R46729`, the one the running lines repeat most (fiscal years aside). */
function reportNumber(lines: Line[], title: string | undefined): string | undefined {
  const counts = new Map<string, number>()
  for (const line of lines) {
    for (const [code] of line.text.matchAll(/\b[A-Z]{1,5}\d{3,6}\b/g)) {
      if (/^FY\d+$/.test(code) || title?.includes(code)) continue
      counts.set(code, (counts.get(code) ?? 0) + 1)
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
}

/** An organisation's name that the running lines repeat: `Congressional Research Service`. */
function publisherName(lines: Line[], title: string | undefined): string | undefined {
  const counts = new Map<string, number>()
  for (const line of lines) {
    const name = line.text.replace(/\s+\d{1,4}$/, '').trim()
    if (name === title || !/^\p{Lu}[\p{L}'’.&-]*(?:\s+(?:of|and|for|the|on|\p{Lu}[\p{L}'’.&-]*)){1,6}$/u.test(name)) {
      continue
    }
    counts.set(name, (counts.get(name) ?? 0) + 1)
  }
  const [best] = [...counts].sort((a, b) => b[1] - a[1])
  return best && best[1] >= 2 ? best[0] : undefined
}

/** The kind of document the first page's masthead or small print names: `Insight`, `Legal Sidebar`. */
function mastheadType(lines: Line[]): string | undefined {
  for (const line of lines) {
    const found = documentTypes.exec(line.text)?.[1]
    if (found)
      return found
        .toLowerCase()
        .replace(/s$/, '')
        .replace(/\b\p{L}/gu, (letter) => letter.toUpperCase())
  }
  return undefined
}

function unique(names: string[]): string[] {
  return [...new Set(names)]
}
