// The file-system edge of ingest: a source file's bytes, read so that it
// cannot lead outside its repository, refused when too large, and every
// failure said in one line naming the file.
import { BriefdeckProblem } from '../model/index.js'
import { OutsideRootError, readFileInside } from '../shared/open-source.js'
import { checkSourceSize } from './decode.js'

/** `root` is the folder the source must be inside (its brief's repository); checked on the opened file, so no link swapped meanwhile can lead outside. */
export async function readSourceBytes(path: string, root?: string): Promise<Uint8Array> {
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
