// Laid-out lines to the SourceDocument: paragraphs, sentences, sections,
// tables and footnotes with offsets into the document's text. For text and
// plain markdown that text is the file; for derived formats it is composed
// here from the body (headings and paragraphs separated by blank lines).
import type {
  Footnote,
  NoiseLine,
  Paragraph,
  Section,
  Sentence,
  SourceDocument,
  SourceFormat,
  SourceMetadata,
} from '../model/index.js'
import { mergeMetadata, type BlockReading, type DocumentBlock, type MetadataFields } from './blocks.js'
import { datelineLine, pullQuoteKey, quoteKey, titleLike } from './furniture.js'
import { layOut, noiseLines, type BodyLine, type HeadingLine, type Layout, type Line } from './layout.js'
import { sentenceSpans, type SentenceSpan } from './sentences.js'

export interface DocumentOptions {
  file: string
  id: string
  format: SourceFormat
}

/** A text or markdown file whose lines carry offsets into `text` itself. */
export function documentOfFile(text: string, lines: readonly Line[], options: DocumentOptions): SourceDocument {
  const layout = layOut(lines)
  const placed = (line: Line) => ('start' in line ? { start: line.start, end: line.end } : undefined)
  return finish(text, layout, noiseLines(layout, placed), options, {})
}

/** A derived format: the body text is composed from the blocks the format reader found. */
export function documentOfBlocks(reading: BlockReading, options: DocumentOptions): SourceDocument {
  const layout = layOut(linesOf(markImplicitHeadings(reading.blocks)), reading.metadata)
  const placed = new Map<Line, { start: number; end: number }>()
  let text = ''
  for (const line of linesInOrder(layout)) {
    if (text !== '') text += '\n\n'
    placed.set(line, { start: text.length, end: text.length + line.text.length })
    text += line.text
  }
  for (const line of layout.body) {
    const span = placed.get(line)!
    line.start = span.start
    line.end = span.end
  }
  return finish(
    text,
    layout,
    noiseLines(layout, (line) => placed.get(line)),
    options,
    reading.fallback ?? {},
  )
}

/** The section headings and body lines in the order they were read. */
function linesInOrder(layout: Layout): Array<HeadingLine | BodyLine> {
  // Lines made from blocks carry their block index in `start` until the text is composed.
  const lines = [...layout.sections.map((heading) => heading.line), ...layout.body]
  return lines.sort((a, b) => a.start - b.start)
}

function linesOf(blocks: readonly DocumentBlock[]): Line[] {
  return blocks.map((block, i): Line => {
    switch (block.kind) {
      case 'heading':
        return { ...block, start: i, end: i }
      case 'paragraph':
        return { ...block, start: i, end: i }
      case 'furniture':
        return { ...block, start: i, end: i }
      default:
        return block
    }
  })
}

/**
 * Short lines set apart as headings without markup (`Overview`, `When Does
 * an Election Occur?`), as pages copied from reports carry them: a single
 * line shaped like a headline, followed by a paragraph of prose.
 */
function markImplicitHeadings(blocks: readonly DocumentBlock[]): Array<DocumentBlock & { implicit?: boolean }> {
  return blocks.map((block, i) => {
    if (block.kind !== 'paragraph' || !headingShaped(block.text)) return block
    const next = blocks.slice(i + 1).find((after) => after.kind !== 'furniture')
    if (next?.kind !== 'paragraph' || !proseShaped(next.text)) return block
    // The layout pass gives it its level, from the sections open around it.
    return { kind: 'heading', depth: 1, text: block.text, implicit: true }
  })
}

function headingShaped(text: string): boolean {
  return titleLike(text) && text.split(/\s+/).length <= 20 && !/[.,;:!]$/.test(text) && !datelineLine(text)
}

function proseShaped(text: string): boolean {
  return /[.!?:"”)]$/.test(text) && text.split(/\s+/).length >= 8
}

function finish(
  text: string,
  layout: Layout,
  noise: NoiseLine[],
  options: DocumentOptions,
  fallback: MetadataFields,
): SourceDocument {
  const spans = sentenceSpans(text, layout.body)
  const pullQuotes = pullQuotesAmong(text, layout.body, spans)
  const paragraphs: Paragraph[] = []
  const sentences: Sentence[] = []
  const footnotes: Footnote[] = []
  const citedBy = new Map<string, { paragraph: number; sentence: number | null; offset: number }>()
  layout.body.forEach((line, i) => {
    if (pullQuotes.has(line)) return
    const paragraph = paragraphs.length
    const sectionPath = line.sectionPath
    paragraphs.push({
      index: paragraph,
      start: line.start,
      end: line.end,
      text: line.text,
      section: sectionPath.at(-1) ?? null,
      sectionPath,
    })
    const first = sentences.length
    for (const { start, end } of spans[i]!)
      sentences.push({ index: sentences.length, paragraph, start, end, text: text.slice(start, end) })
    for (const ref of line.footnoteRefs ?? []) {
      const offset = line.start + ref.offset
      const sentence = sentences.slice(first).find((s) => offset >= s.start && offset <= s.end + 1)
      if (!citedBy.has(ref.label)) citedBy.set(ref.label, { paragraph, sentence: sentence?.index ?? null, offset })
    }
  })
  for (const note of layout.footnotes) {
    const cite = citedBy.get(note.label)
    footnotes.push({
      label: note.label,
      text: note.text,
      paragraph: cite?.paragraph ?? null,
      sentence: cite?.sentence ?? null,
      offset: cite?.offset ?? null,
    })
  }
  const pulled = [...pullQuotes].map((line) => ({
    kind: 'pull-quote' as const,
    text: line.text,
    start: line.start,
    end: line.end,
  }))
  return {
    file: options.file,
    format: options.format,
    text,
    metadata: completeMetadata(options.id, mergeMetadata(layout.metadata, fallback)),
    sections: layout.sections.map((heading): Section => heading.section),
    paragraphs,
    sentences,
    tables: layout.tables,
    footnotes,
    noise: [...noise, ...pulled].sort((a, b) => (a.start ?? Infinity) - (b.start ?? Infinity)),
  }
}

/**
 * Quoted paragraphs that repeat words of the body: magazines set such pull
 * quotes in large type beside the text. A plain run of the quote's words
 * picks the few sentences worth normalising and comparing.
 */
function pullQuotesAmong(
  text: string,
  lines: readonly BodyLine[],
  spans: ReadonlyArray<readonly SentenceSpan[]>,
): Set<BodyLine> {
  // Quoted paragraphs by their words: a text concatenated from copies holds the same quote many times.
  const quotes = new Map<string, { probe: string; lines: Set<BodyLine> }>()
  for (const line of lines) {
    const key = pullQuoteKey(line.text)
    const probe = key === undefined ? undefined : plainRun(line.text)
    if (key === undefined || probe === undefined) continue
    const quote = quotes.get(key) ?? { probe, lines: new Set<BodyLine>() }
    quote.lines.add(line)
    quotes.set(key, quote)
  }
  const pulled = new Set<BodyLine>()
  if (quotes.size === 0) return pulled
  spans.forEach((sentences, i) => {
    for (const { start, end } of sentences) {
      const sentence = text.slice(start, end)
      for (const [key, quote] of quotes) {
        if (!quote.lines.has(lines[i]!) && sentence.includes(quote.probe) && quoteKey(sentence).includes(key)) {
          for (const line of quote.lines) pulled.add(line)
          quotes.delete(key)
        }
      }
    }
  })
  return pulled
}

/** The longest run of letters, digits, spaces and commas (at most 40 characters): it reads the same in any typography. */
function plainRun(paragraph: string): string | undefined {
  const runs = paragraph.match(/[A-Za-z0-9 ,]{12,}/g) ?? []
  const longest = runs.reduce((best, run) => (run.trim().length > best.length ? run.trim() : best), '')
  return longest === '' ? undefined : longest.slice(0, 40)
}

function completeMetadata(id: string, fields: MetadataFields): SourceMetadata {
  return {
    id,
    title: fields.title ?? null,
    subtitle: fields.subtitle ?? null,
    date: fields.date ?? null,
    authors: fields.authors ?? [],
    publisher: fields.publisher ?? null,
    url: fields.url ?? null,
    identifier: fields.identifier ?? null,
    documentType: fields.documentType ?? null,
    topic: fields.topic ?? null,
    region: fields.region ?? null,
  }
}
