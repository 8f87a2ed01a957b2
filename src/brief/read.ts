import { realpath } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { BriefdeckProblem, briefPlace, type Brief, type BriefSource } from '../model/index.js'
import { exists, readTextFile } from '../shared/index.js'
import { isInside } from '../shared/open-source.js'
import { parseBrief } from './parse.js'

/** A brief is a page of YAML; anything bigger is a mistake (or an attack) rather than a brief. */
const maxBriefBytes = 1_000_000

/** Reads and validates a brief file, and refuses sources outside the brief's repository. */
export async function readBrief(path: string): Promise<Brief> {
  const text = await readTextFile(path, {
    ruleId: 'brief-read',
    maxBytes: maxBriefBytes,
    kind: 'a brief',
    expected: 'YAML text',
  })
  const brief = parseBrief(text, path)
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
