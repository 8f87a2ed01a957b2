// `build --pdf` killed at any moment, the export included, leaves the
// previous deck with its PDFs or the new one with its own: the slides, the
// PDFs, the pictures and the build record always belong together. The
// export writes into the staged deck folder, which is renamed into place
// only when everything is in (src/pipeline/export-step.ts).
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckFiles, killableRepository, sameFiles, type KillableRepository } from '../cli/interrupted.js'
import { pdfPages } from '../export/pdf-probe.js'

const recordFile = '.briefdeck-build.json'
/** Caches a build keeps in the deck folder: Slidev's and the print site. Which of their files exist is not the deck. */
const caches = ['node_modules/', 'print-site/']

let repo: KillableRepository
beforeAll(async () => {
  repo = await killableRepository(['--pdf'])
})
afterAll(() => repo.remove())

interface ExportRecord {
  readonly content: string
  readonly pdf: { readonly path: string }
  readonly handout: { readonly path: string }
  readonly contactSheet: string
  readonly slideImages: readonly string[]
}

interface FreshDeck {
  readonly files: ReadonlyMap<string, string>
  /** The content hash its record gives. */
  readonly content: string
}

async function readRecord(): Promise<{ readonly content: string; readonly export?: ExportRecord }> {
  return JSON.parse(await readFile(join(repo.deckDir, recordFile), 'utf8')) as {
    content: string
    export?: ExportRecord
  }
}

/** What is wrong with the deck folder as the new deck; nothing when it is whole. */
async function notTheNewDeck(files: ReadonlyMap<string, string>, fresh: FreshDeck): Promise<string[]> {
  const deckPaths = (map: ReadonlyMap<string, string>) =>
    [...map.keys()].filter((path) => !caches.some((cache) => path.startsWith(cache))).join('\n')
  const problems: string[] = []
  if (files.get('slides.md') !== fresh.files.get('slides.md')) problems.push('slides.md is not the new one')
  if (deckPaths(files) !== deckPaths(fresh.files))
    problems.push(`its files are not a whole build's:\n${deckPaths(files)}`)
  const record = await readRecord()
  if (record.content !== fresh.content) problems.push('the record is not of the new slides')
  if (record.export?.content !== record.content) return [...problems, 'the record has no export of the new slides']
  const named = [record.export.pdf.path, record.export.handout.path, record.export.contactSheet]
  for (const path of [...named, ...record.export.slideImages]) if (!files.has(path)) problems.push(`${path} is missing`)
  for (const pdf of [record.export.pdf.path, record.export.handout.path]) {
    const text = files.has(pdf) ? pdfPages(join(repo.deckDir, pdf)).join(' ').replace(/\s+/g, ' ') : ''
    if (!text.includes(repo.editedPhrase)) problems.push(`${pdf} does not show the new slides`)
  }
  return problems
}

describe('build --pdf killed at random points', () => {
  it('leaves the deck folder old or new, PDFs and record included, never a mix', { timeout: 600_000 }, async () => {
    expect(repo.build()).toBe(0)
    const old = await deckFiles(repo.deckDir)
    expect([...old.keys()]).toContain('harbors-congressional-staff.pdf')
    await repo.keepDeck()
    await repo.editSource()

    const started = Date.now()
    expect(repo.build()).toBe(0)
    const whole = Date.now() - started
    const fresh = { files: await deckFiles(repo.deckDir), content: (await readRecord()).content }
    expect(await notTheNewDeck(fresh.files, fresh)).toEqual([])

    // Back to the old deck each time, then a kill at points spread over a whole build, the export's part included.
    const states: string[] = []
    let killedWhileStaged = 0
    for (const fraction of [0.15, 0.3, 0.45, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0, 1.1]) {
      await repo.restoreDeck()
      await repo.buildFor(Math.round(whole * fraction))
      if ((await repo.leftovers()).length > 0) killedWhileStaged += 1
      const files = await deckFiles(repo.deckDir)
      if (sameFiles(files, old)) states.push('old')
      else {
        const problems = await notTheNewDeck(files, fresh)
        states.push(problems.length === 0 ? 'new' : `mixed at ${fraction}: ${problems.join('; ')}`)
      }
    }
    expect(states.filter((state) => state !== 'old' && state !== 'new')).toEqual([])
    expect(states).toContain('old')
    // Some kills must have landed while the new deck was being made and exported, or the test proves nothing.
    expect(killedWhileStaged).toBeGreaterThan(0)
    // The next whole build clears what the killed ones left.
    await repo.restoreDeck()
    expect(repo.build()).toBe(0)
    expect(await repo.leftovers()).toEqual([])
  })

  it('puts a deck whose export failed in place with its new slides and no exports', async () => {
    await repo.editSource('only three ports in the region')
    expect(repo.build({ BRIEFDECK_CHROMIUM: join(repo.root, 'no-chromium') })).not.toBe(0)
    const files = await deckFiles(repo.deckDir)
    expect(await readFile(join(repo.deckDir, 'slides.md'), 'utf8')).toContain('only three ports in the region')
    expect([...files.keys()].filter((path) => /\.(pdf|png)$/.test(path))).toEqual([])
    expect((await readRecord()).export).toBeUndefined()
    expect(await repo.leftovers()).toEqual([])
  })
})
