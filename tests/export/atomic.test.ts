import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replaceDirectory, writeFileAtomic } from '../../src/shared/index.js'

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

  it('keeps the previous file and no temporary one when a write fails', async () => {
    await writeFileAtomic(join(dir, 'deck.pdf'), 'old')
    // A folder where the file should go makes the final rename fail.
    await mkdir(join(dir, 'taken'))
    await writeFile(join(dir, 'taken', 'x'), '')
    await expect(writeFileAtomic(join(dir, 'taken'), 'new')).rejects.toThrow()
    await expect(readdir(dir)).resolves.toEqual(['deck.pdf', 'taken'])
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
