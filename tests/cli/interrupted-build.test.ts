// A build killed at any moment leaves the previous deck, its exports
// included, or the new one: never new slides beside old files, never half a
// theme. The deck folder is made beside the old one and renamed into place.
// (`build --pdf`, whose exports go into the folder before it is renamed, is
// killed the same way in tests/browser/interrupted-export.test.ts.)
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckFiles, killableRepository, sameFiles, type KillableRepository } from './interrupted.js'

let repo: KillableRepository
beforeAll(async () => {
  repo = await killableRepository()
})
afterAll(() => repo.remove())

/** The deck folder's files but the build record: a plain build writes it once the folder is in place (src/pipeline/build.ts); it says what the deck was made from, not what a reader sees. */
async function snapshot(): Promise<Map<string, string>> {
  const files = await deckFiles(repo.deckDir)
  files.delete('.briefdeck-build.json')
  return files
}

describe('a build killed at random points', () => {
  it('leaves the deck folder old or new, never a mix', { timeout: 120_000 }, async () => {
    expect(repo.build()).toBe(0)
    // Stands for what an export wrote beside the slides.
    await writeFile(join(repo.deckDir, 'harbors-congressional-staff.pdf'), 'the PDF of the old slides')
    const old = await snapshot()
    await repo.keepDeck()
    await repo.editSource()

    const started = Date.now()
    expect(repo.build()).toBe(0)
    const whole = Date.now() - started
    const fresh = await snapshot()
    expect(sameFiles(fresh, old)).toBe(false)
    // Back to the old deck (its copy), then kill builds at points spread over a whole build.
    const seen: Map<string, string>[] = []
    for (const fraction of [0.4, 0.6, 0.8, 0.9, 1.0]) {
      await repo.restoreDeck()
      await repo.buildFor(Math.round(whole * fraction))
      seen.push(await snapshot())
    }
    expect(seen.some((state) => sameFiles(state, old))).toBe(true)
    for (const state of seen) expect(sameFiles(state, old) || sameFiles(state, fresh)).toBe(true)
  })
})
