// The briefs a command names: brief files as given, and every `*.brief.yaml`
// under a folder (a whole brief repository), leaving out generated and
// installed folders.
import { readdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { BriefdeckProblem } from '../model/index.js'

const briefSuffix = '.brief.yaml'
const notBriefs = new Set(['node_modules', 'out', 'dist'])

export async function findBriefs(paths: readonly string[]): Promise<string[]> {
  const found: string[] = []
  for (const path of paths) {
    const info = await stat(path).catch(() => undefined)
    if (!info?.isDirectory()) {
      found.push(path)
      continue
    }
    const inFolder = await briefsUnder(path)
    if (inFolder.length === 0)
      throw new BriefdeckProblem(`no *${briefSuffix} file in this folder or below it`, { file: path }, 'no-briefs')
    found.push(...inFolder)
  }
  // The same brief named twice (as a file and through its folder) is built once.
  const seen = new Set<string>()
  return found.filter((path) => !seen.has(resolve(path)) && Boolean(seen.add(resolve(path))))
}

async function briefsUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const briefs: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.') || notBriefs.has(entry.name)) continue
    const path = join(dir, entry.name)
    if (entry.isDirectory()) briefs.push(...(await briefsUnder(path)))
    else if (entry.isFile() && entry.name.endsWith(briefSuffix)) briefs.push(path)
  }
  return briefs
}
