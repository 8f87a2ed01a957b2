// What analysing a brief's sources costs, paid once: each source's document
// and extraction, and the parts of speech compose asked compromise for. A
// brief edit (an override, a comment, an approval) then neither reads a long
// PDF again nor tags its sentences again.
//
// The cache is kept in the brief repository, `.briefdeck/cache/`, beside
// the sources it is made from, and never in the output folder: people hand
// on decks and their folders, and the cache holds the sources' whole text.
// Its own `.gitignore` keeps it out of commits. An entry counts only for the
// very bytes, knowledge and briefdeck code it was made from; anything
// unreadable counts as missing (so entries are not flushed to disk), and a
// cache that cannot be written is done without, since it only saves time.
import { createHash } from 'node:crypto'
import { lstat, mkdir, realpath } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { TagRecord } from '../compose/index.js'
import { Extraction, SourceDocument } from '../model/index.js'
import { hashParts, writeFileAtomic } from '../shared/index.js'
import { isInside, readFileInside } from '../shared/open-source.js'

export interface SourceAnalysis {
  readonly document: SourceDocument
  readonly extraction: Extraction
}

export interface AnalysisCache {
  /** The analysis an earlier run left for this source, when made under the same key. */
  source(path: string, key: string): Promise<SourceAnalysis | undefined>
  keepSource(path: string, key: string, analysis: SourceAnalysis): Promise<void>
  /** What compose tagged for this brief last time, when made under the same key. */
  tags(briefFile: string, key: string): Promise<TagRecord[]>
  keepTags(briefFile: string, key: string, records: readonly TagRecord[]): Promise<void>
}

/** The cache of the repository at `root`; without `keep`, it is only read (planning for a read-only command). */
export function analysisCache(root: string, { keep }: { readonly keep: boolean }): AnalysisCache {
  const folder = join(root, '.briefdeck', 'cache')
  // Entries are named by the file they are of, so that each source and brief has one, replaced as it changes.
  const entryPath = (kind: string, file: string) =>
    join(folder, kind, `${cacheKey([relative(root, resolve(file)).split(sep).join('/')])}.json`)
  const read = async (path: string): Promise<unknown> => {
    const { bytes } = await readFileInside(path, { root, checkSize: refuseLargerThanEntries })
    return JSON.parse(Buffer.from(bytes).toString('utf8'))
  }
  const save = async (kind: string, file: string, entry: object): Promise<void> => {
    if (!keep) return
    const text = JSON.stringify(entry)
    if (Buffer.byteLength(text) <= largestEntry && (await madeEntryFolder(root, folder, kind)))
      await writeFileAtomic(entryPath(kind, file), text, { mode: 0o600, flush: false }).catch(() => {})
  }
  return {
    async source(path, key) {
      const entry = (await read(entryPath('sources', path)).catch(() => undefined)) as
        (SourceAnalysis & { key?: unknown }) | undefined
      if (entry?.key !== key) return undefined
      // Checked, but taken as written: the schemas' copies order their keys otherwise, and a deck must come out byte for byte the same.
      const { document, extraction } = entry
      return SourceDocument.safeParse(document).success && Extraction.safeParse(extraction).success
        ? { document, extraction }
        : undefined
    },
    keepSource: (path, key, analysis) => save('sources', path, { key, ...analysis }),
    async tags(briefFile, key) {
      const entry = (await read(entryPath('tags', briefFile)).catch(() => undefined)) as
        { key?: unknown; records?: unknown } | undefined
      return entry?.key === key && Array.isArray(entry.records) ? entry.records.filter(isTagRecord) : []
    },
    keepTags: (briefFile, key, records) => save('tags', briefFile, { key, records }),
  }
}

/** Entries are read whole: a larger one (planted, or of a huge source) costs more memory than analysing anew. */
const largestEntry = 128 * 2 ** 20

function refuseLargerThanEntries(size: number): void {
  if (size > largestEntry) throw new RangeError(`a cache entry of ${size} bytes is larger than any briefdeck keeps`)
}

/** The key of what an entry is made from. */
export function cacheKey(parts: readonly (string | Uint8Array)[]): string {
  return hashParts(createHash('sha256'), parts).digest('hex')
}

/**
 * Makes the folder for one kind of entry, with the cache's `.gitignore`, on
 * first use. Each folder on the way is proved to be the repository's before
 * anything is made in it: a link planted there would lead the writes out.
 */
async function madeEntryFolder(root: string, cacheFolder: string, kind: string): Promise<boolean> {
  try {
    const realRoot = await realpath(root)
    const folders = [dirname(cacheFolder), cacheFolder, join(cacheFolder, kind)]
    for (const folder of folders) {
      await mkdir(folder).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error
      })
      if (!isInside(realRoot, await realpath(folder))) return false
    }
    const ignore = join(cacheFolder, '.gitignore')
    if (!(await lstat(ignore).catch(() => undefined)))
      await writeFileAtomic(ignore, '# briefdeck: a cache of what the sources cost to analyse\n*\n')
    return true
  } catch {
    return false
  }
}

function isTagRecord(value: unknown): value is TagRecord {
  return (
    Array.isArray(value) &&
    typeof value[0] === 'string' &&
    Array.isArray(value[1]) &&
    value[1].every(
      (term: unknown) =>
        Array.isArray(term) &&
        typeof term[0] === 'string' &&
        Array.isArray(term[1]) &&
        term[1].every((tag: unknown) => typeof tag === 'string'),
    )
  )
}
