// The analysis cache (src/pipeline/analysis-cache.ts): a build keeps each
// source's document and extraction, and compose's tags, in the repository's
// `.briefdeck/cache/`; the next plan takes the unchanged sources from there
// and comes out the same; planning alone writes nothing.
import { appendFile, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as ingest from '../../src/ingest/index.js'
import { buildBrief, planBrief } from '../../src/pipeline/index.js'
import { sampleRepository } from '../sample-repository.js'

vi.mock('../../src/ingest/index.js', { spy: true })

let root: string
let brief: string
let cache: string

beforeEach(async () => {
  ;({ root, brief } = await sampleRepository('briefdeck-analysis-cache-'))
  cache = join(root, '.briefdeck', 'cache')
  vi.mocked(ingest.sourceDocument).mockClear()
})
afterEach(() => rm(root, { recursive: true, force: true }))

const sourcesRead = () => vi.mocked(ingest.sourceDocument).mock.calls.map(([, path]) => path)
const build = () => buildBrief(brief, { outDir: join(root, 'out') })

describe('the analysis cache', () => {
  it('is written by a build, kept out of git, and gives the plan made afresh', async () => {
    const afresh = await planBrief(brief)
    await expect(readdir(cache)).rejects.toThrow()
    await build()
    expect((await readFile(join(cache, '.gitignore'), 'utf8')).split('\n')).toContain('*')
    expect(await readdir(join(cache, 'sources'))).toHaveLength(2)
    expect(await readdir(join(cache, 'tags'))).toHaveLength(1)
    vi.mocked(ingest.sourceDocument).mockClear()
    const cached = await planBrief(brief)
    expect(sourcesRead()).toEqual([])
    expect(JSON.stringify(cached.decks)).toBe(JSON.stringify(afresh.decks))
  })

  it('reads again only the source whose bytes changed', async () => {
    await build()
    const edited = join(root, 'briefs', 'sources', 'reassurance-dilemma-2015.txt')
    await writeFile(edited, `${await readFile(edited, 'utf8')}\nOne more sentence closes the source.\n`)
    vi.mocked(ingest.sourceDocument).mockClear()
    await build()
    expect(sourcesRead()).toEqual([edited])
  })

  it('counts an unreadable entry as missing', async () => {
    await build()
    const sources = join(cache, 'sources')
    for (const name of await readdir(sources)) await writeFile(join(sources, name), '{"key": "not json')
    vi.mocked(ingest.sourceDocument).mockClear()
    const { decks } = await planBrief(brief)
    expect(sourcesRead()).toHaveLength(2)
    expect(decks).toHaveLength(2)
  })

  it('does not read an entry larger than any it keeps', async () => {
    await build()
    const sources = join(cache, 'sources')
    // Still a valid entry: JSON allows any amount of white space after it.
    for (const name of await readdir(sources)) await appendFile(join(sources, name), ' '.repeat(129 * 2 ** 20))
    vi.mocked(ingest.sourceDocument).mockClear()
    await planBrief(brief)
    expect(sourcesRead()).toHaveLength(2)
  })

  it('writes nothing through a link that leads out of the repository', async () => {
    const elsewhere = await mkdtemp(join(tmpdir(), 'briefdeck-analysis-elsewhere-'))
    try {
      await symlink(elsewhere, join(root, '.briefdeck'))
      await build()
      expect(await readdir(elsewhere)).toEqual([])
    } finally {
      await rm(elsewhere, { recursive: true, force: true })
    }
  })
})
