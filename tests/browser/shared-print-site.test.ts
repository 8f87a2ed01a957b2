// Decks of one brief print from one site (shared-print-site.ts), when their
// theme says it can draw each slide from its own deck. When that build fails,
// each deck is built alone, so that the error names the deck whose slides
// broke it and the other decks still print.
import { existsSync } from 'node:fs'
import { appendFile, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { ensurePrintSites } from '../../src/export/print-site.js'
import { printRangeFile } from '../../src/export/shared-print-site.js'
import { BriefdeckProblem } from '../../src/model/index.js'
import { buildBrief } from '../../src/pipeline/index.js'

const sampleBrief = new URL('../../briefs/pacific-alliances.brief.yaml', import.meta.url).pathname
const root = await mkdtemp(join(tmpdir(), 'briefdeck-shared-site-'))

afterAll(() => rm(root, { recursive: true, force: true }))

it('builds the decks one by one when their shared build fails, naming the deck that broke it', async () => {
  const { decks } = await buildBrief(sampleBrief, { outDir: root })
  const [staff, allied] = decks
  await appendFile(allied!.slidesPath, '\n---\n\n![a picture that is not there](./missing.png)\n')

  const [staffSite, alliedSite] = await Promise.allSettled(await ensurePrintSites(decks))

  expect(staffSite).toEqual({ status: 'fulfilled', value: join(staff!.dir, 'print-site') })
  // Built alone: the site has all its slides and says no range.
  expect(existsSync(join(staff!.dir, 'print-site', printRangeFile))).toBe(false)
  expect(alliedSite?.status).toBe('rejected')
  const problem = (alliedSite as PromiseRejectedResult).reason as BriefdeckProblem
  expect(problem).toBeInstanceOf(BriefdeckProblem)
  expect(problem.place.file).toBe(allied!.slidesPath)
  expect(problem.message).toMatch(/missing\.png.* slides\.md__slidev_\d+\.md/)
  // The shared site's markdown is gone from the first deck's folder.
  expect((await readdir(staff!.dir)).filter((name) => name.startsWith('.briefdeck-print'))).toEqual([])
}, 120_000)

it('builds each deck alone when its theme does not say it can print several decks', async () => {
  const { decks } = await buildBrief(sampleBrief, { outDir: join(root, 'own-theme') })
  for (const deck of decks) {
    const manifest = join(deck.dir, 'theme', 'package.json')
    const { briefdeck, ...rest } = JSON.parse(await readFile(manifest, 'utf8')) as Record<string, unknown>
    expect(briefdeck).toEqual({ printsSeveralDecks: true })
    await writeFile(manifest, JSON.stringify(rest))
  }

  const sites = await Promise.all(await ensurePrintSites(decks))

  expect(sites).toEqual(decks.map((deck) => join(deck.dir, 'print-site')))
  for (const site of sites) expect(existsSync(join(site, printRangeFile))).toBe(false)
}, 120_000)
