// Output folders belong to briefdeck alone. A brief repository can commit
// anything under out/, a symbolic link to ~/.ssh included; writing or
// deleting through such a link would reach files that are not ours. Every
// check here uses lstat, which never follows a link.
import { lstat, readdir } from 'node:fs/promises'
import { join, relative, resolve, sep } from 'node:path'
import { BriefdeckProblem } from '../model/index.js'

const linkAdvice = 'briefdeck writes only into folders it made; remove the link (it may come from the repository)'

/**
 * Refuses a path under `root` (and `root` itself) when any of its parts
 * exists as something other than a real folder. Parts that do not exist yet
 * are fine: they will be made as folders.
 */
export async function checkOutputPath(root: string, path: string): Promise<void> {
  const parts = relative(resolve(root), resolve(path)).split(sep).filter(Boolean)
  if (parts[0] === '..') throw new Error(`${path} is not inside ${root}`)
  let current = root
  for (const part of ['', ...parts]) {
    current = part === '' ? current : join(current, part)
    const info = await lstat(current).catch(notFound)
    if (info === null) return
    if (info.isSymbolicLink())
      throw new BriefdeckProblem(`output folder is a symbolic link: ${linkAdvice}`, { file: current }, 'output-link')
    if (!info.isDirectory())
      throw new BriefdeckProblem('expected an output folder, found a file', { file: current }, 'output-not-folder')
  }
}

/** Refuses a folder that holds a symbolic link (or anything but files and folders) anywhere below it. */
export async function checkNoLinksBelow(folder: string): Promise<void> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true })
  for (const entry of entries) {
    if (entry.isFile() || entry.isDirectory()) continue
    const file = join(entry.parentPath, entry.name)
    throw new BriefdeckProblem(
      entry.isSymbolicLink()
        ? `a symbolic link in an output folder: ${linkAdvice}`
        : 'not a file or folder (a device, socket or pipe) in an output folder',
      { file },
      'output-link',
    )
  }
}

function notFound(error: NodeJS.ErrnoException): null {
  if (error.code === 'ENOENT') return null
  throw error
}
