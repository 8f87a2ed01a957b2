// Document properties written into a PDF that Chromium printed, as an
// incremental update (PDF 32000-1, 7.5.6): a new version of the information
// dictionary, a cross-reference section for it and a trailer are appended.
// The structure tree, outline and viewer preferences (Chromium already asks
// viewers to show the document's title) stay as Chromium wrote them.
// Rewriting the whole file, as pdf-lib saves, took a third of a second of
// CPU a deck, on the two cores that Chromium prints with.

export interface DocumentProperties {
  readonly title: string
  readonly author: string | undefined
  readonly subject: string
  readonly keywords: readonly string[]
}

export interface FinishedPdf {
  readonly bytes: Uint8Array
  readonly pages: number
}

/** A PDF that cannot be given its properties; says what is wrong with it. */
export class UnreadablePdf extends Error {
  override readonly name = 'UnreadablePdf'
  constructor(reason: string) {
    super(`a printed PDF could not be given its properties: ${reason}`)
  }
}

interface Reference {
  readonly number: number
  readonly generation: number
}

/** What the last trailer of the file says, and where its cross-reference section starts. */
interface Trailer {
  readonly size: number
  readonly root: Reference
  readonly info: Reference | undefined
  /** The file identifiers, as written: an update keeps them. */
  readonly id: string | undefined
  readonly xrefOffset: number
}

/** Entries of the information dictionary that Chromium writes and that are kept as it wrote them. */
const keptInfoEntries = ['Producer', 'CreationDate', 'ModDate'] as const

/** The PDF with the document's title, author, subject and keywords, and its page count. */
export function withProperties(pdf: Uint8Array, properties: DocumentProperties): FinishedPdf {
  // Latin-1 maps byte n to character n, so offsets into the text are offsets into the file.
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1')
  const trailer = lastTrailer(text)
  const offsets = objectOffsets(text, trailer.xrefOffset)
  const pages = pageCount(text, offsets, trailer.root)
  const info = trailer.info ?? { number: trailer.size, generation: 0 }
  const earlier = trailer.info ? objectAt(text, offsets, trailer.info) : undefined
  const kept = earlier ? keptEntries(earlier.dictionary) : []
  const update = appendedInfo(text.length, trailer, info, infoDictionary(properties, kept))
  const bytes = Buffer.concat([pdf, Buffer.from(update, 'latin1')])
  // The earlier properties are blanked, not only superseded: printed from a site shared by several briefs, they name another brief.
  if (earlier) bytes.fill(' ', earlier.start + 2, earlier.start + earlier.dictionary.text.length - 2)
  return { bytes, pages }
}

function lastTrailer(text: string): Trailer {
  const start = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(text.slice(-1024))
  if (!start) throw new UnreadablePdf('it does not end with startxref and %%EOF')
  const xrefOffset = Number(start[1])
  const dictionary = trailerAfter(text, xrefOffset).text
  const size = /\/Size\s+(\d+)/.exec(dictionary)
  const root = reference(dictionary, 'Root')
  if (!size || !root) throw new UnreadablePdf('its trailer names no /Size or /Root')
  const id = /\/ID\s*(\[[^\]]*\])/.exec(dictionary)?.[1]
  return { size: Number(size[1]), root, info: reference(dictionary, 'Info'), id, xrefOffset }
}

/** The trailer dictionary of the cross-reference table at `xrefOffset`. */
function trailerAfter(text: string, xrefOffset: number): Dictionary {
  // Streams of cross-references (PDF 1.5) are not written by Chromium, nor read here.
  if (!text.startsWith('xref', xrefOffset)) throw new UnreadablePdf('its cross-references are not a table')
  const trailerAt = text.indexOf('trailer', xrefOffset)
  const dictionary = trailerAt < 0 ? undefined : dictionaryAt(text, text.indexOf('<<', trailerAt))
  if (!dictionary) throw new UnreadablePdf(`the cross-reference table at byte ${xrefOffset} has no trailer`)
  return dictionary
}

/** `/Key n g R` in a dictionary's text. */
function reference(dictionary: string, key: string): Reference | undefined {
  const found = new RegExp(`/${key}\\s+(\\d+)\\s+(\\d+)\\s+R`).exec(dictionary)
  return found ? { number: Number(found[1]), generation: Number(found[2]) } : undefined
}

/** Where each object in use starts: the table at `xrefOffset`, over those of the earlier versions of the file it names. */
function objectOffsets(text: string, xrefOffset: number, seen = new Set<number>()): Map<number, number> {
  if (seen.has(xrefOffset)) throw new UnreadablePdf('its cross-reference tables refer to each other in a circle')
  seen.add(xrefOffset)
  const previous = /\/Prev\s+(\d+)/.exec(trailerAfter(text, xrefOffset).text)
  const offsets = previous ? objectOffsets(text, Number(previous[1]), seen) : new Map<number, number>()
  const subsection = /(\d+)[ \t]+(\d+)[ \t]*\r?\n/y
  const entry = /(\d{10}) (\d{5}) ([nf])[ \r\n]{2}/y
  subsection.lastIndex = text.indexOf('\n', xrefOffset) + 1
  for (let header = subsection.exec(text); header; header = subsection.exec(text)) {
    entry.lastIndex = subsection.lastIndex
    for (let index = 0; index < Number(header[2]); index++) {
      const found = entry.exec(text)
      if (!found) throw new UnreadablePdf('its cross-reference table is cut short')
      const number = Number(header[1]) + index
      if (found[3] === 'n') offsets.set(number, Number(found[1]))
      else offsets.delete(number)
    }
    subsection.lastIndex = entry.lastIndex
  }
  return offsets
}

/** The dictionary of an indirect object, as written, and the offset it starts at. */
function objectAt(
  text: string,
  offsets: Map<number, number>,
  { number, generation }: Reference,
): { dictionary: Dictionary; start: number } {
  const offset = offsets.get(number)
  const header = offset === undefined ? undefined : new RegExp(`${number}\\s+${generation}\\s+obj\\s*`, 'y')
  if (header) header.lastIndex = offset!
  if (!header?.exec(text))
    throw new UnreadablePdf(`object ${number} ${generation} is not where its cross-reference says`)
  const dictionary = dictionaryAt(text, header.lastIndex)
  if (!dictionary) throw new UnreadablePdf(`object ${number} ${generation} is no dictionary`)
  return { dictionary, start: header.lastIndex }
}

/** The page tree's page count: `/Count` of the catalog's `/Pages`. */
function pageCount(text: string, offsets: Map<number, number>, root: Reference): number {
  const pagesRef = reference(objectAt(text, offsets, root).dictionary.text, 'Pages')
  const count = pagesRef && /\/Count\s+(\d+)/.exec(objectAt(text, offsets, pagesRef).dictionary.text)
  if (!count) throw new UnreadablePdf('its catalog has no page tree with a /Count')
  return Number(count[1])
}

/** A dictionary as written: its text, and where the value of each of its own keys starts in that text. */
interface Dictionary {
  readonly text: string
  readonly values: ReadonlyMap<string, number>
}

/**
 * The dictionary `<<…>>` that starts at `start`, nested dictionaries and
 * strings (which may hold `<<`, `>>` or `/`) included; undefined when there is none.
 */
function dictionaryAt(text: string, start: number): Dictionary | undefined {
  if (!text.startsWith('<<', start)) return undefined
  const values = new Map<string, number>()
  const name = /\/([^\s/<>[\]()%]+)\s*/y
  let depth = 0
  for (let at = start; at < text.length; at++) {
    const string = stringEnd(text, at)
    if (string !== undefined) at = string
    else if (text.startsWith('<<', at)) {
      depth++
      at++
    } else if (text.startsWith('>>', at)) {
      depth--
      at++
      if (depth === 0) return { text: text.slice(start, at + 1), values }
    } else if (depth === 1 && text[at] === '/') {
      name.lastIndex = at
      const found = name.exec(text)
      if (found && !values.has(found[1]!)) values.set(found[1]!, name.lastIndex - start)
      if (found) at = name.lastIndex - 1
    }
  }
  return undefined
}

/** The index of the last character of the string (literal or hex) that starts at `start`; undefined when none does. */
function stringEnd(text: string, start: number): number | undefined {
  if (text[start] === '<' && text[start + 1] !== '<') {
    const end = text.indexOf('>', start)
    return end < 0 ? text.length : end
  }
  if (text[start] !== '(') return undefined
  // Balanced parentheses and escapes allowed.
  let depth = 0
  for (let at = start; at < text.length; at++) {
    const char = text[at]
    if (char === '\\') at++
    else if (char === '(') depth++
    else if (char === ')' && --depth === 0) return at
  }
  return text.length
}

/** The kept entries of the old information dictionary, each as `/Key value` written as it was. */
function keptEntries(dictionary: Dictionary): string[] {
  return keptInfoEntries.flatMap((key) => {
    const at = dictionary.values.get(key)
    const end = at === undefined ? undefined : stringEnd(dictionary.text, at)
    return at === undefined || end === undefined ? [] : [`/${key} ${dictionary.text.slice(at, end + 1)}`]
  })
}

/** Text as a PDF text string: UTF-16BE behind its byte order mark, in hex (7.9.2.2). */
function textString(value: string): string {
  const utf16 = Buffer.from(`\uFEFF${value}`, 'utf16le').swap16()
  return `<${utf16.toString('hex').toUpperCase()}>`
}

function infoDictionary(properties: DocumentProperties, kept: readonly string[]): string {
  const entries = [
    `/Title ${textString(properties.title)}`,
    ...(properties.author ? [`/Author ${textString(properties.author)}`] : []),
    `/Subject ${textString(properties.subject)}`,
    `/Keywords ${textString(properties.keywords.join(' '))}`,
    `/Creator ${textString('briefdeck')}`,
    ...kept,
  ]
  return `<<${entries.join('\n')}>>`
}

/** The bytes appended to a file of `length` bytes: the new information dictionary, its cross-reference and the trailer. */
function appendedInfo(length: number, trailer: Trailer, info: Reference, dictionary: string): string {
  const object = `\n${info.number} ${info.generation} obj\n${dictionary}\nendobj\n`
  const objectOffset = length + 1
  const xrefOffset = length + object.length
  const entry = `${String(objectOffset).padStart(10, '0')} ${String(info.generation).padStart(5, '0')} n \n`
  const size = Math.max(trailer.size, info.number + 1)
  const id = trailer.id ? `\n/ID ${trailer.id}` : ''
  const root = `${trailer.root.number} ${trailer.root.generation} R`
  const newTrailer = `<</Size ${size}\n/Root ${root}\n/Info ${info.number} ${info.generation} R${id}\n/Prev ${trailer.xrefOffset}>>`
  return `${object}xref\n${info.number} 1\n${entry}trailer\n${newTrailer}\nstartxref\n${xrefOffset}\n%%EOF\n`
}
