import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { setTimeout } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replaceDirectory, writeFileAtomic } from '../../src/shared/index.js'

// The writer must run in a process of its own to be killed, so it runs from
// dist/ (`npm test` builds it first, as the CLI tests assume too).
const sharedModule = resolve('dist/shared/index.js')
const writerScript = `
const { writeFileAtomic } = await import(process.env.SHARED_MODULE)
await writeFileAtomic(process.env.TARGET, Buffer.alloc(64 * 1024 * 1024, 1))
`

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefdeck-atomic-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('atomic outputs', () => {
  it('writes a file whole and leaves nothing else behind', async () => {
    await writeFileAtomic(join(dir, 'deck.pdf'), 'old')
    await writeFileAtomic(join(dir, 'deck.pdf'), 'new')
    await expect(readFile(join(dir, 'deck.pdf'), 'utf8')).resolves.toBe('new')
    await expect(readdir(dir)).resolves.toEqual(['deck.pdf'])
  })

  it('keeps the previous file whole when the writer is killed mid-write', async () => {
    expect(existsSync(sharedModule), 'run `npm run build` first').toBe(true)
    const file = join(dir, 'deck.pdf')
    await writeFileAtomic(file, 'previous deck')
    // A writer in a process of its own, killed as soon as its work in progress shows up beside the file.
    const writer = spawn(process.execPath, ['--input-type=module', '-e', writerScript], {
      env: { ...process.env, SHARED_MODULE: pathToFileURL(sharedModule).href, TARGET: file },
      stdio: 'ignore',
    })
    const exited = new Promise((resolve) => writer.once('exit', resolve))
    while ((await readdir(dir)).length < 2 && writer.exitCode === null) await setTimeout(1)
    writer.kill('SIGKILL')
    await exited
    expect((await readFile(file)).equals(Buffer.from('previous deck'))).toBe(true)
  })

  it('leaves no temporary file when a write fails', async () => {
    await writeFileAtomic(join(dir, 'deck.pdf'), 'old')
    // A folder where the file should go makes the final rename fail.
    await mkdir(join(dir, 'taken'))
    await writeFile(join(dir, 'taken', 'x'), '')
    await expect(writeFileAtomic(join(dir, 'taken'), 'new')).rejects.toThrow()
    await expect(readdir(dir)).resolves.toEqual(['deck.pdf', 'taken'])
    await expect(readFile(join(dir, 'deck.pdf'), 'utf8')).resolves.toBe('old')
  })

  it('replaces a folder with a finished one, dropping files the new one lacks', async () => {
    await mkdir(join(dir, 'png'))
    await writeFile(join(dir, 'png', 'slide-12.png'), 'stale')
    await mkdir(join(dir, 'building'))
    await writeFile(join(dir, 'building', 'slide-01.png'), 'fresh')
    await replaceDirectory(join(dir, 'building'), join(dir, 'png'))
    await expect(readdir(join(dir, 'png'))).resolves.toEqual(['slide-01.png'])
    await expect(readdir(dir)).resolves.toEqual(['png'])
  })
})
