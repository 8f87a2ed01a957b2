// The print-site queue of a build of several briefs: decks sent while the
// builder is busy wait, and go to it together once it is done, in one site
// when they can share one, in several when they hold too many slides; a
// shared site is made apart from the decks and goes once they are done with
// it. The builder here is a stand-in that writes an empty site when told to.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ensurePrintSites, printSiteQueue, type PrintSite } from '../../src/export/print-site.js'
import type { BuildJob, PrintSiteBuilder } from '../../src/export/site-builder.js'
import type { BuiltDeck, DeckPlan } from '../../src/model/index.js'

let root: string
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefdeck-site-queue-'))
})
afterAll(() => rm(root, { recursive: true, force: true }))

/** A deck folder as the render writes it: slides whose theme, a folder beside them, says it shares sites. */
async function deckFolder(brief: string, audience: string, slides: number): Promise<BuiltDeck> {
  const dir = join(root, brief, audience)
  await mkdir(join(dir, 'theme'), { recursive: true })
  await writeFile(join(dir, 'theme', 'package.json'), JSON.stringify({ briefdeck: { printsSeveralDecks: true } }))
  const headmatter = `---\ntheme: "./theme"\ntitle: "${brief}"\nbriefdeck:\n  audience: "${audience}"\n---\n`
  const body = Array.from({ length: slides }, (_, index) => `\n# ${brief} ${audience} ${index + 1}\n`).join('\n---\n')
  await writeFile(join(dir, 'slides.md'), headmatter + body)
  return { audience, dir, slidesPath: join(dir, 'slides.md'), plan: { brief, audience } as DeckPlan }
}

/** A builder that writes each site once let go, and remembers what it was asked. */
function heldBuilder() {
  const jobs: BuildJob[] = []
  const waiting: (() => void)[] = []
  const builder: PrintSiteBuilder = {
    build: async (job) => {
      jobs.push(job)
      await new Promise<void>((go) => waiting.push(go))
      await mkdir(job.outDir, { recursive: true })
      await writeFile(join(job.outDir, 'index.html'), '<!doctype html>')
    },
    ended: false,
    close: () => {},
  }
  const releaseAll = () => waiting.splice(0).forEach((go) => go())
  return { builder, jobs, releaseAll }
}

const ranges = (sites: readonly PrintSite[]) => sites.map((site) => site.range ?? 'alone')
/** Work folders in the output root, where shared sites are made. */
const workFolders = async () => (await readdir(root)).filter((name) => name.startsWith('.'))

describe('printSiteQueue', () => {
  it('sends the first decks at once and those that come while it builds together, in one site', async () => {
    const { builder, jobs, releaseAll } = heldBuilder()
    const queue = printSiteQueue(builder)
    const first = [await deckFolder('one', 'staff', 2)]
    const later = [await deckFolder('two', 'staff', 2), await deckFolder('two', 'allied', 3)]
    const last = [await deckFolder('three', 'staff', 1)]

    const firstSites = await ensurePrintSites(first, queue)
    const laterSites = [...(await ensurePrintSites(later, queue)), ...(await ensurePrintSites(last, queue))]
    await expect.poll(() => jobs.length).toBe(1)
    expect(jobs[0]!.entry).toBe(first[0]!.slidesPath)

    releaseAll()
    await Promise.all(firstSites)
    await expect.poll(() => jobs.length).toBe(2)
    // Made apart from every deck folder: in a work folder of the output root.
    expect(jobs[1]!.entry).toMatch(
      new RegExp(`^${root}/\\.briefdeck-print-site-${process.pid}-\\w+/source/slides\\.md$`),
    )
    expect(jobs[1]!.slides).toBe(6)
    releaseAll()
    const shared = await Promise.all(laterSites)
    expect(ranges([...(await Promise.all(firstSites)), ...shared])).toEqual(['alone', '1-2', '3-5', '6-6'])
    expect((await Promise.all(firstSites))[0]!.dir).toBe(join(first[0]!.dir, 'print-site'))
    expect(new Set(shared.map((site) => site.dir)).size).toBe(1)
    expect(shared[0]!.dir.startsWith(join(root, '.'))).toBe(true)

    // The shared site stays while any of its decks still prints, and goes with the last.
    await shared[0]!.release()
    await shared[0]!.release()
    await shared[1]!.release()
    expect(await workFolders()).toHaveLength(1)
    await shared[2]!.release()
    expect(await workFolders()).toEqual([])
  })

  it('splits the decks of one turn into sites of at most 300 slides', async () => {
    const { builder, jobs, releaseAll } = heldBuilder()
    const decks = [
      await deckFolder('big', 'staff', 160),
      await deckFolder('big', 'allied', 160),
      await deckFolder('small', 'staff', 100),
      await deckFolder('small', 'allied', 40),
    ]

    const sites = await ensurePrintSites(decks, printSiteQueue(builder))
    await expect.poll(() => jobs.length).toBe(2)
    releaseAll()

    expect(jobs.map((job) => job.slides)).toEqual([160, 300])
    const built = await Promise.all(sites)
    expect(ranges(built)).toEqual(['alone', '1-160', '161-260', '261-300'])
    await Promise.all(built.map((site) => site.release()))
    expect(await workFolders()).toEqual([])
  })

  it('goes on with the next turn when a build fails', async () => {
    const jobs: BuildJob[] = []
    const failing: PrintSiteBuilder = {
      build: async (job) => {
        jobs.push(job)
        throw new Error('no site')
      },
      ended: false,
      close: () => {},
    }
    const queue = printSiteQueue(failing)
    const [broken] = await ensurePrintSites([await deckFolder('broken', 'staff', 1)], queue)
    const [next] = await ensurePrintSites([await deckFolder('next', 'staff', 1)], queue)
    await expect(broken).rejects.toThrow('no site')
    await expect(next).rejects.toThrow('no site')
    expect(jobs).toHaveLength(2)
  })

  it('removes the work folders of shared builds that a killed run left', async () => {
    // A process id that no process has: Linux gives out ids below 2^22.
    const abandoned = join(root, '.briefdeck-print-site-4194305-abcdef')
    await mkdir(abandoned)
    const { builder, releaseAll } = heldBuilder()
    const decks = [await deckFolder('again', 'staff', 1), await deckFolder('again', 'allied', 1)]

    const sites = await ensurePrintSites(decks, printSiteQueue(builder))
    await expect.poll(workFolders).not.toContain(basename(abandoned))
    releaseAll()
    await Promise.all((await Promise.all(sites)).map((site) => site.release()))
    expect(await workFolders()).toEqual([])
  })
})
