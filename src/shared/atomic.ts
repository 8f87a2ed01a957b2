// Files and folders appear whole or not at all: everything is written beside
// its final name first, flushed to disk, and renamed into place, so an
// interrupted run (a kill, a full disk, a power cut) never leaves a
// half-written file that looks finished, and the previous one stays.
import { mkdir, mkdtemp, readdir, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import writeFileAtomicallyAndSynced from 'write-file-atomic'

/** A sibling path for work in progress; hidden, and unique per process so that two runs never share one. */
export function temporarySibling(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`)
}

/**
 * A private folder under `parent` for one run's work in progress, named
 * `<prefix><pid>-<random>`, so that a later run can tell whether its maker
 * still runs (removeAbandonedWork).
 */
export function makeWorkFolder(parent: string, prefix: string): Promise<string> {
  return mkdtemp(join(parent, `${prefix}${process.pid}-`))
}

/** Removes the work folders under `parent` with this prefix whose run has ended (a kill, a power cut). */
export async function removeAbandonedWork(parent: string, prefix: string): Promise<void> {
  for (const name of await readdir(parent).catch(() => [])) {
    if (!name.startsWith(prefix)) continue
    const pid = Number(name.slice(prefix.length).split('-')[0])
    if (!isRunning(pid)) await rm(join(parent, name), { recursive: true, force: true })
  }
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Writes a file through a flushed temporary file (write-file-atomic), creating
 * its folder; `mode` for files only their owner may read. `flush: false` for
 * a cache, which a power cut may leave empty (read as missing) but never
 * half-written, and whose writer should not wait for the disk.
 */
export async function writeFileAtomic(
  path: string,
  data: Uint8Array | string,
  { flush = true, ...options }: { readonly mode?: number; readonly flush?: boolean } = {},
): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const bytes = typeof data === 'string' ? data : Buffer.from(data.buffer, data.byteOffset, data.byteLength)
  await writeFileAtomicallyAndSynced(path, bytes, { fsync: flush, ...options })
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
