// `build --pdf` after a one-word edit, as a user runs it: the edited deck
// prints from the print site it has (only its words changed: model
// printCatalogue), its PNGs of the slides drawn the same as before, and what
// the check found of their contrast, are taken over from its last export,
// and only the edited slide is drawn and measured again; every PNG and the
// check are then those of a fresh export.
import { spawnSync } from 'node:child_process'
import { appendFile, cp, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DeckBuildRecord } from '../../src/model/index.js'

const binary = resolve('bin/briefdeck.js')
let repo: string
const brief = () => join(repo, 'briefs', 'pacific-alliances.brief.yaml')
const staffDeck = (out: string) => join(repo, out, 'pacific-alliances', 'congressional-staff')
const staffImages = (out: string) => join(staffDeck(out), 'png')
/** When the staff deck's print site was built: a folder copied into the next deck keeps its times. */
const siteBuilt = async (out: string) => (await stat(join(staffDeck(out), 'print-site', 'index.html'))).mtimeMs
const recordPath = (out: string) => join(staffDeck(out), '.briefdeck-build.json')
const readRecord = async (out: string) => DeckBuildRecord.parse(JSON.parse(await readFile(recordPath(out), 'utf8')))
/** The brief with an override that only the staff deck shows, on one of its slides, in a word of the test's. */
const withWord = (text: string, word: string) =>
  text.replace('    section: options\n', `    section: options\n    short: A ${word} pact among the four partners.\n`)

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-kept-images-'))
  await writeFile(join(repo, 'package.json'), '{}\n')
  await cp('briefs/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('briefs/pacific-alliances.brief.yaml', brief())
})
afterAll(() => rm(repo, { recursive: true, force: true }))

function build(...args: string[]) {
  const run = runBuild(...args)
  expect(run.status, run.stderr).toBe(0)
  return run
}

function runBuild(...args: string[]) {
  return spawnSync('node', [binary, 'build', brief(), '--pdf', '--quiet', ...args], { cwd: repo, encoding: 'utf8' })
}

async function pictures(dir: string): Promise<Map<string, Buffer>> {
  const names = (await readdir(dir)).sort()
  return new Map(await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))] as const)))
}

describe('a build after a one-word edit', () => {
  it('prints from the same site, takes over the PNGs of the slides drawn the same and draws the edited one, as a fresh export would', async () => {
    build()
    // The override's first edit gives the deck a site of its own (the decks shared one).
    const text = await readFile(brief(), 'utf8')
    await writeFile(brief(), withWord(text, 'collective'))
    build()
    const ownSite = await siteBuilt('out')
    // Bytes after a PNG's end are ignored by every reader: a PNG taken over keeps them, one drawn again has none.
    const mark = Buffer.from('taken over')
    const earlier = await pictures(staffImages('out'))
    for (const name of earlier.keys()) await appendFile(join(staffImages('out'), name), mark)

    await writeFile(brief(), withWord(text, 'joint'))
    build()
    // Copied with its times, to the millisecond; a site built again is seconds younger.
    expect(Math.abs((await siteBuilt('out')) - ownSite)).toBeLessThan(1)
    const now = await pictures(staffImages('out'))
    const drawnAgain = [...now].filter(([, bytes]) => !bytes.subarray(-mark.length).equals(mark))
    expect(drawnAgain).toHaveLength(1)
    const [editedName, editedPicture] = drawnAgain[0]!
    expect(editedPicture.equals(earlier.get(editedName)!)).toBe(false)

    build('--out', 'fresh', '--force')
    const fresh = await pictures(staffImages('fresh'))
    expect([...now.keys()]).toEqual([...fresh.keys()])
    for (const [name, bytes] of now) {
      const picture = bytes.subarray(-mark.length).equals(mark) ? bytes.subarray(0, -mark.length) : bytes
      expect(picture.equals(fresh.get(name)!), name).toBe(true)
    }
    const [kept, measured] = [(await readRecord('out')).export, (await readRecord('fresh')).export]
    expect(kept?.contrast?.slides).toHaveLength(now.size)
    expect(kept?.contrast).toEqual(measured?.contrast)
    expect(kept?.check?.findings).toEqual(measured?.check?.findings)
  })

  it('reports the contrast the last check found on the slides drawn the same, and measures the edited slide again', async () => {
    const after = await buildOverPlanted(undefined, 'common')
    // A contrast finding is an error: the build says so and exits 1.
    expect(after.run.status, after.run.stderr).toBe(1)
    expect(after.edited.filter(Boolean)).toHaveLength(1)
    expect(after.contrast).toEqual(after.edited.map((again) => (again ? [] : [planted])))
    expect(after.reported).toHaveLength(after.edited.length - 1)
  })

  it('measures every slide again when the notes were found by another method (another axe-core or its options)', async () => {
    const after = await buildOverPlanted('axe-core 4.0.0 {}', 'joint')
    expect(after.run.status, after.run.stderr).toBe(0)
    expect(after.contrast).toEqual(after.edited.map(() => []))
    expect(after.reported).toEqual([])
  })
})

const planted = { element: 'p "planted"', detail: 'contrast planted by the test' }

/**
 * Plants a contrast note on every slide of the staff deck's record (found by
 * `method`, or by the recorded one), edits the brief's word and builds: what
 * the check then records and reports, and which slides were edited.
 */
async function buildOverPlanted(method: string | undefined, word: string) {
  const before = await readRecord('out')
  const recorded = before.export!.contrast!
  const contrast = { method: method ?? recorded.method, slides: recorded.slides.map(() => [planted]) }
  await writeFile(recordPath('out'), JSON.stringify({ ...before, export: { ...before.export, contrast } }))
  await writeFile(brief(), withWord(await readFile('briefs/pacific-alliances.brief.yaml', 'utf8'), word))
  const run = runBuild()
  const after = await readRecord('out')
  return {
    run,
    edited: after.slides!.map((key, index) => key !== before.slides![index]),
    contrast: after.export?.contrast?.slides,
    reported: run.stdout.split('\n').filter((line) => line.includes(planted.detail)),
  }
}
