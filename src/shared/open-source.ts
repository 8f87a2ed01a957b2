// Reads a file that must lie inside a folder (a source inside its brief's
// repository) without a gap between the check and the read: the file is
// opened first, and the check is made on what was opened. A path checked
// first and read later can be re-pointed in between (a symbolic link
// swapped during a build), and the read then gets a file from anywhere.
import { constants } from 'node:fs'
import { open, realpath, stat } from 'node:fs/promises'
import { isAbsolute, relative, sep } from 'node:path'

export interface InsideFile {
  readonly bytes: Uint8Array
  /** The real path of the file that was read. */
  readonly realPath: string
}

export interface ReadInsideOptions {
  /** The folder the file must be inside, links resolved; without one, any file is read (a file the user named). */
  readonly root?: string
  /** Called with the opened file's size before anything is read, so that a huge file costs no memory; throws to refuse it. */
  readonly checkSize?: (size: number) => void
}

/** Why a file was refused; callers turn it into a problem with the place they know. */
export class OutsideRootError extends Error {
  override name = 'OutsideRootError'
  constructor(readonly realPath: string) {
    super(`the file read is ${realPath}, outside the folder it must be in`)
  }
}

/**
 * Opens `path`, then proves that the file held open is one that lives inside
 * `root`: the real path of `path` now must be inside, and must be that very
 * file (same device and inode). If a link changed between the open and the
 * check, the two differ and the file is refused; the bytes returned are
 * always read from the descriptor that was checked.
 */
export async function readFileInside(path: string, options: ReadInsideOptions): Promise<InsideFile> {
  const realRoot = options.root === undefined ? undefined : await realpath(options.root)
  // Non-blocking, so that a named pipe where a file should be cannot hang the build; it is refused below.
  const handle = await open(path, constants.O_RDONLY | constants.O_NONBLOCK)
  try {
    const opened = await handle.stat()
    if (opened.isDirectory()) throw Object.assign(new Error(`EISDIR: ${path} is a directory`), { code: 'EISDIR' })
    if (!opened.isFile()) throw Object.assign(new Error(`${path} is not a regular file`), { code: 'ENOTFILE' })
    const realPath = await realpath(path)
    if (realRoot !== undefined) {
      const named = await stat(realPath)
      if (!isInside(realRoot, realPath) || named.dev !== opened.dev || named.ino !== opened.ino)
        throw new OutsideRootError(realPath)
    }
    options.checkSize?.(opened.size)
    return { bytes: await handle.readFile(), realPath }
  } finally {
    await handle.close()
  }
}

export function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..')
}
