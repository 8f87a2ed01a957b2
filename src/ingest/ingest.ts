// Text or markdown in, SourceDocument out. Pure: no file system (see read.ts).
import type { SourceDocument, SourceFormat } from '../model/index.js'
import type { BlockReading } from './blocks.js'
import { documentOfBlocks, documentOfFile } from './document.js'
import type { Line } from './layout.js'
import { markdownBlocks, type TextBlock } from './markdown.js'
import { markdownReading } from './markdown-reading.js'
import { sourceIdFrom } from './source-id.js'

export interface IngestOptions {
  /** The path as the user gave it. */
  file: string
  /** Defaults to the file's base name without extension, as a slug. */
  sourceId?: string
  /** `text` reads markup as the letters it is; by default a `.md` or `.markdown` file is markdown. */
  format?: 'text' | 'markdown'
}

const byteOrderMark = '\uFEFF'

export function ingest(text: string, options: IngestOptions): SourceDocument {
  if (typeof text !== 'string') throw new TypeError('ingest: text must be a string')
  if (typeof options?.file !== 'string') throw new TypeError('ingest: options.file must be a string')
  const id = sourceIdFrom(options.file, options.sourceId)
  const body = text.startsWith(byteOrderMark) ? text.slice(byteOrderMark.length) : text
  const format = options.format ?? (/\.(md|markdown)$/i.test(options.file) ? 'markdown' : 'text')
  // Markdown with inline markup (links, emphasis, tables, notes) is read as a derived format, so that no URL or
  // asterisk reaches a sentence; without any, its offsets stay those of the file.
  const reading = format === 'markdown' ? markdownReading(body) : undefined
  if (reading) return documentOfBlocks(reading, { file: options.file, id, format })
  const lines = markdownBlocks(body).map((block) => trimmedLine(body, block))
  return documentOfFile(body, lines, { file: options.file, id, format })
}

/** A reading of a PDF, web page or Word file (see the format readers) as a SourceDocument. */
export function ingestReading(
  reading: BlockReading,
  options: { file: string; sourceId?: string; format: SourceFormat },
): SourceDocument {
  return documentOfBlocks(reading, {
    file: options.file,
    id: sourceIdFrom(options.file, options.sourceId),
    format: options.format,
  })
}

/** The block without surrounding white space, so that its text is exactly its span. */
function trimmedLine(text: string, block: TextBlock): Line {
  const raw = text.slice(block.start, block.end)
  const start = block.start + raw.length - raw.trimStart().length
  const end = Math.max(start, block.end - (raw.length - raw.trimEnd().length))
  const line = { start, end, text: text.slice(start, end) }
  return block.type === 'heading' ? { kind: 'heading', depth: block.depth, ...line } : { kind: 'paragraph', ...line }
}
