// The watcher behind present and build --watch: one rebuild at a time, one
// more for changes heard meanwhile, and none once it is closing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { rebuildOnChange } from '../../src/shared/rebuild-on-change.js'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefdeck-rebuild-on-change-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

/** A rebuild that counts its runs and holds each open until let go. */
function heldRebuild() {
  const started: (() => void)[] = []
  let runs = 0
  const rebuild = () =>
    new Promise<void>((done) => {
      runs++
      started.push(done)
    })
  return { rebuild, runs: () => runs, letGo: () => started.splice(0).forEach((done) => done()) }
}

async function until(condition: () => boolean): Promise<void> {
  for (let tries = 0; !condition() && tries < 200; tries++) await new Promise((wait) => setTimeout(wait, 25))
  expect(condition()).toBe(true)
}

/** A watched folder whose first rebuild, for a change to its brief, is running. */
async function duringFirstRebuild() {
  const file = join(dir, 'brief.yaml')
  await writeFile(file, 'one\n')
  const held = heldRebuild()
  const watcher = rebuildOnChange([dir], held.rebuild, () => {}, { ignored: () => false })
  await watcher.ready
  await writeFile(file, 'two\n')
  await until(() => held.runs() === 1)
  return { file, held, watcher }
}

it('runs one more rebuild for the changes heard during one', async () => {
  const { file, held, watcher } = await duringFirstRebuild()
  await writeFile(file, 'three\n')
  await writeFile(join(dir, 'source.txt'), 'four\n')
  await new Promise((wait) => setTimeout(wait, 300))
  held.letGo()
  await until(() => held.runs() === 2)
  held.letGo()
  await watcher.close()
  expect(held.runs()).toBe(2)
})

it('starts no rebuild for a change heard during the last one once closing has begun', async () => {
  const { file, held, watcher } = await duringFirstRebuild()
  await writeFile(file, 'three\n')
  await new Promise((wait) => setTimeout(wait, 300))
  const closing = watcher.close()
  held.letGo()
  await closing
  await new Promise((wait) => setTimeout(wait, 100))
  expect(held.runs()).toBe(1)
})
