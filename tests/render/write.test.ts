import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { writeDeck } from '../../src/render/index.js'

let parent: string
let dir: string
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'briefdeck-write-'))
  dir = join(parent, 'brief', 'audience')
})
afterEach(() => rm(parent, { recursive: true, force: true }))

const deck = (slides: string, theme: Record<string, string> = { 'theme/layouts/a.vue': 'A' }) => ({
  files: { 'slides.md': slides, ...theme },
})

describe('writeDeck', () => {
  it('creates the folder whole, leaving no staging folder behind', async () => {
    await writeDeck(dir, deck('one'))
    expect(await readFile(join(dir, 'slides.md'), 'utf8')).toBe('one')
    expect(await readFile(join(dir, 'theme', 'layouts', 'a.vue'), 'utf8')).toBe('A')
    expect(await readdir(join(parent, 'brief'))).toEqual(['audience'])
  })

  it('touches nothing when nothing changed, so watchers see no event', async () => {
    await writeDeck(dir, deck('one'))
    const before = await stat(join(dir, 'slides.md'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await writeDeck(dir, deck('one'))
    expect((await stat(join(dir, 'slides.md'))).mtimeMs).toBe(before.mtimeMs)
    expect((await stat(join(dir, 'slides.md'))).ino).toBe(before.ino)
  })

  it('replaces changed files, drops stale theme files and keeps what others wrote there', async () => {
    await writeDeck(dir, deck('one', { 'theme/layouts/a.vue': 'A', 'theme/layouts/old.vue': 'old' }))
    await writeFile(join(dir, 'brief-audience.pdf'), 'exported')
    await writeDeck(dir, deck('two'))
    expect(await readFile(join(dir, 'slides.md'), 'utf8')).toBe('two')
    expect(await readdir(join(dir, 'theme', 'layouts'))).toEqual(['a.vue'])
    expect(await readFile(join(dir, 'brief-audience.pdf'), 'utf8')).toBe('exported')
    expect((await readdir(join(parent, 'brief'))).sort()).toEqual(['audience'])
  })
})
