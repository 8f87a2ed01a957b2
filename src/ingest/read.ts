// The file-system edge of ingest: reads a source file, finds its format from
// its content, and hands it to the format's reader.
import { readFile, stat } from 'node:fs/promises'
import { BriefdeckProblem, type SourceDocument } from '../model/index.js'
import { checkSourceSize, decodeSource } from './decode.js'
import { docxReading } from './docx.js'
import { detectFormat } from './formats.js'
import { htmlReading } from './html/index.js'
import { ingest, ingestReading } from './ingest.js'
import { pdfReading } from './pdf-reading.js'

export async function readSource(path: string, options: { sourceId?: string } = {}): Promise<SourceDocument> {
  const bytes = await readBytes(path)
  const sourceId = options.sourceId === undefined ? {} : { sourceId: options.sourceId }
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

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path)
    if (info.isDirectory())
      throw new BriefdeckProblem('is a directory, not a source file', { file: path }, 'source-unreadable')
    // Refused before reading, so that a huge file costs no memory.
    checkSourceSize(info.size, path)
    return await readFile(path)
  } catch (error) {
    if (error instanceof BriefdeckProblem) throw error
    const code = (error as NodeJS.ErrnoException).code
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message
    throw new BriefdeckProblem(`cannot read source: ${reason}`, { file: path }, 'source-unreadable', { cause: error })
  }
}
