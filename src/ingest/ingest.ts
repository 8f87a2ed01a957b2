// Text or markdown in, SourceDocument out. Pure: no file system (see read.ts).
import type { NoiseLine, Paragraph, Sentence, SourceDocument, SourceMetadata } from '../model/index.js'
import {
  bylineLine,
  datelineLine,
  imageCreditLine,
  pullQuoteKey,
  quoteKey,
  sameText,
  titleLike,
  weekdayLine,
  type Furniture,
  type MetadataFields,
} from './furniture.js'
import { markdownBlocks, type TextBlock } from './markdown.js'
import { sentenceSpans, type SentenceSpan } from './sentences.js'
import { sourceIdFrom } from './source-id.js'

export interface IngestOptions {
  /** The path as the user gave it. */
  file: string
  /** Defaults to the file's base name without extension, as a slug. */
  sourceId?: string
}

interface Line extends TextBlock {
  text: string
  /** The heading the line sits under, once the layout pass has seen it. */
  section: string | null
}

/** What the page-furniture pass decided about each block. */
interface Layout {
  metadata: MetadataFields
  noise: NoiseLine[]
  body: Line[]
}

const byteOrderMark = '\uFEFF'

export function ingest(text: string, options: IngestOptions): SourceDocument {
  if (typeof text !== 'string') throw new TypeError('ingest: text must be a string')
  if (typeof options?.file !== 'string') throw new TypeError('ingest: options.file must be a string')
  const id = sourceIdFrom(options.file, options.sourceId)
  const body = text.startsWith(byteOrderMark) ? text.slice(byteOrderMark.length) : text
  const lines = markdownBlocks(body).map((block) => trimmedLine(body, block))
  const layout = layOut(lines)
  const spans = sentenceSpans(body, layout.body)
  const pullQuotes = pullQuotesAmong(body, layout.body, spans)
  const paragraphs: Paragraph[] = []
  const sentences: Sentence[] = []
  layout.body.forEach((line, i) => {
    if (pullQuotes.has(line)) return
    const paragraph = paragraphs.length
    paragraphs.push({ index: paragraph, start: line.start, end: line.end, text: line.text, section: line.section })
    for (const { start, end } of spans[i]!)
      sentences.push({ index: sentences.length, paragraph, start, end, text: body.slice(start, end) })
  })
  return {
    file: options.file,
    text: body,
    metadata: completeMetadata(id, layout.metadata),
    paragraphs,
    sentences,
    noise: [...layout.noise, ...[...pullQuotes].map(pullQuoteNoise)].sort((a, b) => a.start - b.start),
  }
}

/**
 * Sorts blocks into furniture and body: the front matter (the single lines
 * before the first paragraph of prose), credits and repeated titles
 * anywhere, headings, and a byline closing the text.
 */
function layOut(lines: Line[]): Layout {
  const layout: Layout = { metadata: {}, noise: [], body: [] }
  let inFrontMatter = true
  let section: string | null = null
  lines.forEach((line, index) => {
    const furniture =
      (line.type === 'heading' ? headingFurniture(line, layout, inFrontMatter) : undefined) ??
      (inFrontMatter && !line.text.includes('\n') ? frontMatterFurniture(line.text, layout) : undefined) ??
      anywhereFurniture(line.text, layout) ??
      (index === lines.length - 1 && index > 0 ? bylineLine(line.text, { nameAlone: true }) : undefined)
    if (furniture) {
      layout.noise.push({ kind: furniture.kind, start: line.start, end: line.end, text: line.text })
      for (const [field, value] of Object.entries(furniture.metadata)) {
        const key = field as keyof MetadataFields
        layout.metadata[key] ??= value
      }
      if (furniture.kind === 'heading') section = line.text
      return
    }
    inFrontMatter = false
    line.section = section
    layout.body.push(line)
  })
  return layout
}

/** The block without surrounding white space, so that its text is exactly its span. */
function trimmedLine(text: string, block: TextBlock): Line {
  const raw = text.slice(block.start, block.end)
  const start = block.start + raw.length - raw.trimStart().length
  const end = Math.max(start, block.end - (raw.length - raw.trimEnd().length))
  return { ...block, start, end, text: text.slice(start, end), section: null }
}

function headingFurniture(line: Line, layout: Layout, inFrontMatter: boolean): Furniture {
  if (inFrontMatter && line.depth === 1 && layout.metadata.title == null)
    return { kind: 'title', metadata: { title: line.text } }
  if (layout.metadata.title != null && sameText(line.text, layout.metadata.title))
    return { kind: 'repeated-title', metadata: {} }
  return { kind: 'heading', metadata: {} }
}

function frontMatterFurniture(text: string, layout: Layout): Furniture | undefined {
  return (
    weekdayLine(text) ??
    datelineLine(text) ??
    bylineLine(text, { nameAlone: false }) ??
    (layout.metadata.title == null && titleLike(text) ? { kind: 'title', metadata: { title: text } } : undefined)
  )
}

function anywhereFurniture(text: string, layout: Layout): Furniture | undefined {
  if (layout.metadata.title != null && sameText(text, layout.metadata.title))
    return { kind: 'repeated-title', metadata: {} }
  return imageCreditLine(text)
}

/**
 * Quoted paragraphs that repeat words of the body: magazines set such pull
 * quotes in large type beside the text. A plain run of the quote's words
 * picks the few sentences worth normalising and comparing.
 */
function pullQuotesAmong(
  text: string,
  lines: readonly Line[],
  spans: ReadonlyArray<readonly SentenceSpan[]>,
): Set<Line> {
  // Quoted paragraphs by their words: a text concatenated from copies holds the same quote many times.
  const quotes = new Map<string, { probe: string; lines: Set<Line> }>()
  for (const line of lines) {
    const key = pullQuoteKey(line.text)
    const probe = key === undefined ? undefined : plainRun(line.text)
    if (key === undefined || probe === undefined) continue
    const quote = quotes.get(key) ?? { probe, lines: new Set<Line>() }
    quote.lines.add(line)
    quotes.set(key, quote)
  }
  const pulled = new Set<Line>()
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

function pullQuoteNoise(line: Line): NoiseLine {
  return { kind: 'pull-quote', start: line.start, end: line.end, text: line.text }
}

function completeMetadata(id: string, fields: MetadataFields): SourceMetadata {
  return {
    id,
    title: fields.title ?? null,
    date: fields.date ?? null,
    author: fields.author ?? null,
    publication: fields.publication ?? null,
    url: fields.url ?? null,
    topic: fields.topic ?? null,
    region: fields.region ?? null,
  }
}
