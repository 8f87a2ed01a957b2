import { access, readFile, realpath, stat } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path'
import { BriefdeckProblem, briefPlace, type Brief, type BriefSource } from '../model/index.js'
import { parseBrief } from './parse.js'

/** A brief is a page of YAML; anything bigger is a mistake (or an attack) rather than a brief. */
const maxBriefBytes = 1_000_000

/** Reads and validates a brief file, and refuses sources outside the brief's repository. */
export async function readBrief(path: string): Promise<Brief> {
  const brief = parseBrief(await readTextFile(path, maxBriefBytes), path)
  const root = await repositoryRoot(dirname(resolve(path)))
  const realRoot = await realpath(root)
  for (const index of brief.sources.keys()) await checkSourcePath(brief, index, root, realRoot)
  return brief
}

/** Where a source of the brief lives: its path is relative to the brief file. */
export function sourcePath(brief: Pick<Brief, 'file'>, source: BriefSource): string {
  return resolve(dirname(brief.file), source.path)
}

/** The nearest folder at or above `start` holding `.git` or `package.json`; `start` itself when there is none. */
export async function repositoryRoot(start: string): Promise<string> {
  for (let folder = start; ; folder = dirname(folder)) {
    if ((await exists(join(folder, '.git'))) || (await exists(join(folder, 'package.json')))) return folder
    if (dirname(folder) === folder) return start
  }
}

async function checkSourcePath(brief: Brief, index: number, root: string, realRoot: string): Promise<void> {
  const source = brief.sources[index]!
  const place = briefPlace(brief, 'sources', index, 'path')
  const absolute = sourcePath(brief, source)
  if (!isInside(root, absolute)) {
    throw new BriefdeckProblem(
      `source '${source.path}' is outside the repository ${root}`,
      place,
      'brief-source-outside',
    )
  }
  const real = await realpath(absolute).catch(() => {
    throw new BriefdeckProblem(`source '${source.path}' does not exist`, place, 'brief-source-missing')
  })
  // A symbolic link inside the repository may still point anywhere on the machine.
  if (!isInside(realRoot, real)) {
    throw new BriefdeckProblem(
      `source '${source.path}' is a link to ${real}, outside the repository`,
      place,
      'brief-source-outside',
    )
  }
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path)
  return rel === '' || (!isAbsolute(rel) && rel.split(sep)[0] !== '..')
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

/** Reads a small UTF-8 text file, with one-line errors for what users actually hand us by mistake. */
async function readTextFile(path: string, maxBytes: number): Promise<string> {
  const place = { file: path }
  const info = await stat(path).catch(() => {
    throw new BriefdeckProblem('file not found', place, 'brief-read')
  })
  if (!info.isFile()) throw new BriefdeckProblem('not a file', place, 'brief-read')
  if (info.size > maxBytes)
    throw new BriefdeckProblem(
      `file is too large (${info.size} bytes; a brief is at most ${maxBytes})`,
      place,
      'brief-read',
    )
  const bytes = await readFile(path)
  if (bytes.includes(0)) throw new BriefdeckProblem('binary file, expected YAML text', place, 'brief-read')
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new BriefdeckProblem('not UTF-8 text', place, 'brief-read')
  }
}
