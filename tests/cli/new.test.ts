import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { parseBrief } from '../../src/brief/index.js'
import { run as build } from '../../src/cli/commands/build.js'
import { run as newBrief } from '../../src/cli/commands/new.js'

describe('briefdeck new', () => {
  let repo: string
  beforeAll(async () => {
    repo = await mkdtemp(join(tmpdir(), 'briefdeck-new-'))
    await writeFile(join(repo, 'package.json'), '{}\n')
    await mkdir(join(repo, 'briefs', 'sources'), { recursive: true })
    await writeFile(
      join(repo, 'briefs', 'sources', 'grid-report.md'),
      '---\ntitle: Grid Reliability and Data Centers\ndate: 2026-03-02\nauthor: Ada Lovelace\n---\n\n' +
        'Electricity demand from data centers is rising faster than new generation can be built. ' +
        'Regulators should require large new loads to pay for the transmission upgrades they need.\n\n' +
        'Data centers used 4.4% of U.S. electricity in 2023, and utilities expect that share to double by 2028.\n',
    )
  })
  afterAll(() => rm(repo, { recursive: true, force: true }))

  const quietly = async <T>(work: () => Promise<T>): Promise<T> => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      return await work()
    } finally {
      log.mockRestore()
      error.mockRestore()
    }
  }

  it('writes a brief from its source: title and date from the metadata, both audiences, a marking to fill in', async () => {
    const file = join(repo, 'briefs', 'grid.brief.yaml')
    expect(await quietly(() => newBrief(file, [join(repo, 'briefs', 'sources', 'grid-report.md')]))).toBe(0)
    const text = await readFile(file, 'utf8')
    const brief = parseBrief(text, file)
    expect(brief.title).toBe('Grid Reliability and Data Centers')
    expect(brief.date).toBe('2026-03-02')
    expect(brief.sources).toEqual([{ id: 'grid-report', path: 'sources/grid-report.md' }])
    expect(brief.audiences).toEqual(['allied-ministry', 'congressional-staff'])
    expect(text).toMatch(/# FILL IN: the classification/)
    expect(brief.recipients?.['allied-ministry']?.length).toBeGreaterThan(0)
  })

  it('gives a brief that builds at once', async () => {
    const file = join(repo, 'briefs', 'grid.brief.yaml')
    const code = await quietly(() =>
      build(file, { out: join(repo, 'out'), handoutLayout: '1up', paper: 'A4', pngScale: 1, check: true }),
    )
    expect(code).toBe(0)
    expect(await readFile(join(repo, 'out', 'grid', 'congressional-staff', 'slides.md'), 'utf8')).toContain(
      'Grid Reliability and Data Centers',
    )
  })

  it('never overwrites a brief, and refuses a name that is not a brief file', async () => {
    const file = join(repo, 'briefs', 'grid.brief.yaml')
    const before = await readFile(file, 'utf8')
    await expect(newBrief(file, [join(repo, 'briefs', 'sources', 'grid-report.md')])).rejects.toThrow(/exists already/)
    expect(await readFile(file, 'utf8')).toBe(before)
    await expect(newBrief(join(repo, 'briefs', 'grid.yaml'), ['x.md'])).rejects.toThrow(/must end in \.brief\.yaml/)
  })

  it('writes nothing when a source cannot be read', async () => {
    const file = join(repo, 'briefs', 'missing.brief.yaml')
    await expect(newBrief(file, [join(repo, 'briefs', 'sources', 'nowhere.md')])).rejects.toThrow()
    await expect(readFile(file, 'utf8')).rejects.toThrow(/ENOENT/)
  })
})
