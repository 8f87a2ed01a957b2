// Sources are opened once and the opened file is checked: a link swapped
// between a check and a read must never bring a file from outside the
// repository into a deck.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readSource } from '../../src/ingest/index.js'

let parent: string
let repo: string
let swapper: ChildProcess | undefined
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'briefdeck-inside-'))
  repo = join(parent, 'repo')
  await mkdir(join(repo, 'sources'), { recursive: true })
  await writeFile(join(repo, 'sources', 'real.txt'), 'The alliance should fund the harbour upgrade.\n')
  await writeFile(join(parent, 'private.txt'), 'SECRET private notes that must never reach a deck.\n')
})
afterEach(async () => {
  swapper?.kill('SIGKILL')
  swapper = undefined
  await rm(parent, { recursive: true, force: true })
})

/** Re-points `link` between the file inside and the file outside as fast as it can, until killed; resolves once it swaps. */
async function startSwapping(link: string, inside: string, outside: string): Promise<ChildProcess> {
  const script = `
    const { symlinkSync, renameSync } = require('node:fs')
    const [link, inside, outside] = process.argv.slice(1)
    for (let i = 0; ; i++) {
      const next = link + '.next'
      symlinkSync(i % 2 ? inside : outside, next)
      renameSync(next, link)
      if (i === 1) process.stdout.write('swapping\\n')
    }`
  const child = spawn(process.execPath, ['-e', script, link, inside, outside], { stdio: ['ignore', 'pipe', 'ignore'] })
  // Reads made before the swapping starts would all find the inside file and prove nothing.
  await new Promise((started) => child.stdout!.once('data', started))
  return child
}

describe('readSource with the repository as root', () => {
  it('refuses a link to a file outside the repository', async () => {
    await symlink(join(parent, 'private.txt'), join(repo, 'sources', 'link.txt'))
    await expect(readSource(join(repo, 'sources', 'link.txt'), { root: repo })).rejects.toMatchObject({
      ruleId: 'brief-source-outside',
    })
  })

  it('reads a link to a file inside the repository', async () => {
    await symlink(join(repo, 'sources', 'real.txt'), join(repo, 'sources', 'link.txt'))
    const document = await readSource(join(repo, 'sources', 'link.txt'), { root: repo })
    expect(document.text).toContain('harbour upgrade')
  })

  it('never returns the outside file while a link is swapped back and forth', async () => {
    const link = join(repo, 'sources', 'swapped.txt')
    await symlink(join(repo, 'sources', 'real.txt'), link)
    swapper = await startSwapping(link, join(repo, 'sources', 'real.txt'), join(parent, 'private.txt'))
    let read = 0
    let refused = 0
    for (let attempt = 0; attempt < 300; attempt++) {
      const document = await readSource(link, { root: repo }).catch((error: { ruleId?: string }) => {
        if (error.ruleId !== 'brief-source-outside' && error.ruleId !== 'source-unreadable') throw error
        return undefined
      })
      if (document === undefined) refused++
      else {
        read++
        expect(document.text).not.toContain('SECRET')
      }
    }
    expect(read + refused).toBe(300)
    // The link pointed outside for some of the reads: the race was run, and refused.
    expect(refused).toBeGreaterThan(0)
  })
})
