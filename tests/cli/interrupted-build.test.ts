// A build killed at any moment leaves the previous deck, its exports
// included, or the new one: never new slides beside old files, never half a
// theme. The deck folder is made beside the old one and renamed into place.
// (`build --pdf`, whose exports go into the folder before it is renamed, is
// killed the same way in tests/browser/interrupted-export.test.ts.)
import { writeFile } from 'node:fs/promises'
import { basename, dirname, join, sep } from 'node:path'
import { isDirectory } from '../../src/shared/index.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { deckFiles, killableRepository, sameFiles, type KillableRepository, type Operation } from './interrupted.js'

let repo: KillableRepository
beforeAll(async () => {
  repo = await killableRepository()
})
afterAll(() => repo.remove())

/**
 * The deck folder's files but the build record (and its temporary file while
 * it is written): a plain build writes it once the folder is in place
 * (src/pipeline/build.ts); it says what the deck was made from, not what a
 * reader sees. A build killed between the two renames of a swap leaves no
 * deck folder, and the previous one set aside, where the next build puts it
 * back (src/render/write.ts): that previous deck is what this returns then.
 */
async function snapshot(): Promise<Map<string, string>> {
  const setAside = join(dirname(repo.deckDir), `.${basename(repo.deckDir)}.previous`)
  const folder = (await isDirectory(repo.deckDir)) ? repo.deckDir : setAside
  const files = await deckFiles(folder)
  for (const path of files.keys()) if (path.startsWith('.briefdeck-build.json')) files.delete(path)
  return files
}

/**
 * The moments at which a kill could leave the deck folder half-changed: just
 * before each change inside it, and each rename or deletion beside it (where
 * a new deck may wait to be renamed into place); and a few moments spread
 * over the rest of the build.
 */
function momentsToKill(operations: readonly Operation[]): number[] {
  const inDeck = (path: string) => path === repo.deckDir || path.startsWith(repo.deckDir + sep)
  const beside = (path: string) => dirname(path) === dirname(repo.deckDir)
  const moves = new Set(['rename', 'rm', 'unlink', 'rmdir'])
  const chosen = new Set<number>()
  operations.forEach((operation, index) => {
    const touches =
      inDeck(operation.to) || (moves.has(operation.name) && (beside(operation.path) || inDeck(operation.path)))
    if (touches || index % Math.ceil(operations.length / 4) === 0) chosen.add(index + 1)
  })
  return [...chosen]
}

describe('a build killed at random points', () => {
  it('leaves the deck folder old or new, never a mix', { timeout: 180_000 }, async () => {
    expect(repo.build()).toBe(0)
    // Stands for what an export wrote beside the slides.
    await writeFile(join(repo.deckDir, 'harbors-congressional-staff.pdf'), 'the PDF of the old slides')
    const old = await snapshot()
    await repo.keepDeck()
    await repo.editSource()

    const operations = await repo.listOperations()
    const fresh = await snapshot()
    expect(sameFiles(fresh, old)).toBe(false)
    // Back to the old deck (its copy) each time, then a build killed just before one of its changes.
    const states: string[] = []
    for (const moment of momentsToKill(operations)) {
      await repo.restoreDeck()
      repo.buildUntilOperation(moment)
      const files = await snapshot()
      const { name, to } = operations[moment - 1]!
      states.push(sameFiles(files, old) ? 'old' : sameFiles(files, fresh) ? 'new' : `mixed before ${name} ${to}`)
    }
    expect(states.filter((state) => state !== 'old' && state !== 'new')).toEqual([])
    expect(states).toContain('old')
  })
})
