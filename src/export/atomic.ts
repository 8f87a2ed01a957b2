// Outputs appear whole or not at all: everything is written beside its final
// name first and renamed into place, so an interrupted export never leaves a
// half-written PDF that looks finished.
import { mkdir, rename, rm, writeFile } from 'node:fs/promises'
import { dirname, join, basename } from 'node:path'

/** A sibling path for work in progress; hidden, and unique per process so that two exports never share one. */
export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
}

export async function writeFileAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temporary = temporarySibling(path)
  try {
    await writeFile(temporary, data)
    await rename(temporary, path)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  }
}

/** Moves a finished folder over `path`; a folder cannot be renamed onto a non-empty one, so the old one steps aside first. */
export async function replaceDirectory(finished: string, path: string): Promise<void> {
  const previous = `${temporarySibling(path)}.old`
  await rm(previous, { recursive: true, force: true })
  await rename(path, previous).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error
  })
  await rename(finished, path)
  await rm(previous, { recursive: true, force: true })
}
