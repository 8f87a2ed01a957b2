// The file-system edge of ingest: reads a source file, finds its format from
// its content, and hands it to the format's reader.
import { BriefdeckProblem, type SourceDocument } from '../model/index.js'
import { OutsideRootError, readFileInside } from '../shared/open-source.js'
import { checkSourceSize, decodeSource } from './decode.js'
import { docxReading } from './docx.js'
import { detectFormat } from './formats.js'
import { htmlReading } from './html/index.js'
import { ingest, ingestReading } from './ingest.js'
import { pdfReading } from './pdf-reading.js'

export interface ReadSourceOptions {
  readonly sourceId?: string
  /** The folder the source must be inside (its brief's repository); checked on the opened file, so no link swapped meanwhile can lead outside. */
  readonly root?: string
}

export async function readSource(path: string, options: ReadSourceOptions = {}): Promise<SourceDocument> {
  const bytes = await readBytes(path, options.root)
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

async function readBytes(path: string, root: string | undefined): Promise<Uint8Array> {
  try {
    // The size is refused before reading, so that a huge file costs no memory.
    const read = await readFileInside(path, {
      ...(root === undefined ? {} : { root }),
      checkSize: (size) => checkSourceSize(size, path),
    })
    return read.bytes
  } catch (error) {
    if (error instanceof BriefdeckProblem) throw error
    if (error instanceof OutsideRootError)
      throw new BriefdeckProblem(
        `source is a link to ${error.realPath}, outside the repository`,
        { file: path },
        'brief-source-outside',
      )
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EISDIR')
      throw new BriefdeckProblem('is a directory, not a source file', { file: path }, 'source-unreadable')
    if (code === 'ENOTFILE')
      throw new BriefdeckProblem('is not a regular file (a pipe or a device?)', { file: path }, 'source-unreadable')
    const reason =
      code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : (error as Error).message
    throw new BriefdeckProblem(`cannot read source: ${reason}`, { file: path }, 'source-unreadable', { cause: error })
  }
}
