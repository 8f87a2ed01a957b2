// Incremental builds: each deck folder records what it was made from; a
// build skips the decks nothing changed for, says so, and --force redoes all.
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildBrief, planBrief, type BuildResult } from '../../src/pipeline/index.js'
import { appendReviewEvent, commentDraft, reviewLogPath, stampEvent } from '../../src/review/index.js'
import { sampleRepository } from '../sample-repository.js'

let root: string
let brief: string
let out: string

beforeAll(async () => {
  ;({ root, brief } = await sampleRepository('briefdeck-incremental-'))
  out = join(root, 'out')
})
afterAll(() => rm(root, { recursive: true, force: true }))

const states = (result: BuildResult) =>
  Object.fromEntries(result.builds.map((build) => [build.deck.audience, build.state]))
const mtimes = async (dir: string) =>
  Promise.all(
    (await readdir(dir, { recursive: true })).sort().map(async (path) => [path, (await stat(join(dir, path))).mtimeMs]),
  )

describe('an incremental build', () => {
  it('plans without writing anything', async () => {
    const { decks } = await planBrief(brief)
    expect(decks.map((deck) => deck.audience)).toEqual(['congressional-staff', 'allied-ministry'])
    await expect(stat(out)).rejects.toThrow()
  })

  it('builds every deck the first time and skips them all when nothing changed, touching no file', async () => {
    expect(states(await buildBrief(brief, { outDir: out }))).toEqual({
      'congressional-staff': 'rebuilt',
      'allied-ministry': 'rebuilt',
    })
    const before = await mtimes(out)
    const again = await buildBrief(brief, { outDir: out })
    expect(states(again)).toEqual({ 'congressional-staff': 'skipped', 'allied-ministry': 'skipped' })
    expect(again.decks.map((deck) => deck.plan)).toEqual((await planBrief(brief)).decks)
    expect(await mtimes(out)).toEqual(before)
  })

  it('rewrites only the deck whose content changed', async () => {
    const text = await readFile(brief, 'utf8')
    // An override that only the staff deck shows.
    await writeFile(
      brief,
      text.replace(
        '    section: options\n',
        '    section: options\n    short: A collective defense pact among the four partners, negotiated now.\n',
      ),
    )
    const allied = join(out, 'pacific-alliances', 'allied-ministry')
    const alliedBefore = await mtimes(allied)
    expect(states(await buildBrief(brief, { outDir: out }))).toEqual({
      'congressional-staff': 'rebuilt',
      'allied-ministry': 'unchanged',
    })
    expect(await readFile(join(out, 'pacific-alliances', 'congressional-staff', 'slides.md'), 'utf8')).toContain(
      'negotiated now',
    )
    // Only the record, which now names the new brief, is rewritten in the allied deck.
    const changed = (await mtimes(allied)).filter(
      ([path, time]) => alliedBefore.find(([other]) => other === path)?.[1] !== time,
    )
    expect(changed.map(([path]) => path)).toEqual(['.briefdeck-build.json'])
  })

  it('builds a deck again when its review log changes, and keeps the content when the mark stays', async () => {
    const [plan] = (await planBrief(brief, { audiences: ['allied-ministry'] })).decks
    const draft = commentDraft({ plan: plan!, slide: plan!.slides[1]!, author: 'Kenji Morita' }, 'Which pact?')
    await appendReviewEvent(reviewLogPath(brief), stampEvent(draft))
    expect(states(await buildBrief(brief, { outDir: out }))).toEqual({
      'congressional-staff': 'unchanged',
      'allied-ministry': 'unchanged',
    })
  })

  it('rebuilds everything with force', async () => {
    expect(states(await buildBrief(brief, { outDir: out, force: true }))).toEqual({
      'congressional-staff': 'rebuilt',
      'allied-ministry': 'rebuilt',
    })
  })

  it('builds a deck whose record is missing or damaged', async () => {
    await writeFile(join(out, 'pacific-alliances', 'allied-ministry', '.briefdeck-build.json'), '{ "inputs": 1')
    expect(states(await buildBrief(brief, { outDir: out }))).toEqual({
      'congressional-staff': 'skipped',
      'allied-ministry': 'rebuilt',
    })
  })
})
