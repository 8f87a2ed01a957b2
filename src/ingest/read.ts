// Reads a source file, finds its format from its content, and hands it to
// the format's reader.
import type { SourceDocument } from '../model/index.js'
import { decodeSource } from './decode.js'
import { docxReading } from './docx.js'
import { detectFormat } from './formats.js'
import { htmlReading } from './html/index.js'
import { ingest, ingestReading } from './ingest.js'
import { pdfReading } from './pdf-reading.js'
import { readSourceBytes } from './source-bytes.js'

export interface ReadSourceOptions {
  readonly sourceId?: string
  /** The folder the source must be inside (its brief's repository); checked on the opened file, so no link swapped meanwhile can lead outside. */
  readonly root?: string
}

export async function readSource(path: string, options: ReadSourceOptions = {}): Promise<SourceDocument> {
  return sourceDocument(await readSourceBytes(path, options.root), path, options.sourceId)
}

/** The document that a source file's bytes hold, whatever its format. */
export async function sourceDocument(bytes: Uint8Array, path: string, id?: string): Promise<SourceDocument> {
  const sourceId = id === undefined ? {} : { sourceId: id }
  const format = detectFormat(bytes, path)
  switch (format) {
    case 'pdf':
      return ingestReading(await pdfReading(bytes, path), { file: path, format, ...sourceId })
    case 'docx':
      return ingestReading(await docxReading(bytes, path), { file: path, format, ...sourceId })
    case 'html':
      return ingestReading(htmlReading(decodeSource(bytes, path), path), { file: path, format, ...sourceId })
    default:
      return ingest(decodeSource(bytes, path), { file: path, format, ...sourceId })
  }
}
