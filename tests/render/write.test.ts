import { mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { stageDeck, updateDeckInPlace, writeDeck } from '../../src/render/index.js'

let parent: string
let outDir: string
let dir: string
let outside: string
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'briefdeck-write-'))
  outDir = join(parent, 'out')
  dir = join(outDir, 'brief', 'audience')
  // Stands for a folder of the user's that a hostile repository points a link at (~/.ssh, say).
  outside = join(parent, 'keys')
  await mkdir(outside)
  await writeFile(join(outside, 'id_ed25519'), 'secret')
})
afterEach(() => rm(parent, { recursive: true, force: true }))

const options = () => ({ outDir })
const deck = (slides: string, theme: Record<string, string> = { 'theme/layouts/a.vue': 'A' }) => ({
  files: { 'slides.md': slides, ...theme },
})

async function expectOutsideUntouched(): Promise<void> {
  expect(await readdir(outside)).toEqual(['id_ed25519'])
  expect(await readFile(join(outside, 'id_ed25519'), 'utf8')).toBe('secret')
}

describe('writeDeck', () => {
  it('creates the folder whole, leaving no staging folder behind', async () => {
    await writeDeck(dir, deck('one'), options())
    expect(await readFile(join(dir, 'slides.md'), 'utf8')).toBe('one')
    expect(await readFile(join(dir, 'theme', 'layouts', 'a.vue'), 'utf8')).toBe('A')
    expect(await readdir(join(outDir, 'brief'))).toEqual(['audience'])
  })

  it('replaces the folder as a whole, dropping stale theme files and carrying what exports wrote there', async () => {
    await writeDeck(dir, deck('one', { 'theme/layouts/a.vue': 'A', 'theme/layouts/old.vue': 'old' }), options())
    await writeFile(join(dir, 'brief-audience.pdf'), 'exported')
    await mkdir(join(dir, 'print-site'))
    await writeFile(join(dir, 'print-site', 'index.html'), 'site')
    const before = await stat(dir)
    await writeDeck(dir, deck('two'), options())
    expect((await stat(dir)).ino).not.toBe(before.ino)
    expect(await readFile(join(dir, 'slides.md'), 'utf8')).toBe('two')
    expect(await readdir(join(dir, 'theme', 'layouts'))).toEqual(['a.vue'])
    expect(await readFile(join(dir, 'brief-audience.pdf'), 'utf8')).toBe('exported')
    expect(await readFile(join(dir, 'print-site', 'index.html'), 'utf8')).toBe('site')
    expect(await readdir(join(outDir, 'brief'))).toEqual(['audience'])
  })

  it('drops print slides and texts that the new deck no longer has, so that no site is built from stale ones', async () => {
    const printed = { 'print-slides.md': 'skeleton', 'print-texts.json': '["one"]' }
    await writeDeck(dir, deck('one', { 'theme/layouts/a.vue': 'A', ...printed }), options())
    await writeDeck(dir, deck('two'), options())
    expect((await readdir(dir)).sort()).toEqual(['slides.md', 'theme'])
    await writeDeck(dir, deck('one', { 'theme/layouts/a.vue': 'A', ...printed }), options())
    await updateDeckInPlace(dir, deck('two'), options())
    expect((await readdir(dir)).sort()).toEqual(['slides.md', 'theme'])
  })

  it('changes nothing in the current folder until a staged deck is published', async () => {
    await writeDeck(dir, deck('one'), options())
    const staged = await stageDeck(dir, deck('two'), options())
    await writeFile(join(staged.dir, 'brief-audience.pdf'), 'new pdf')
    expect(await readdir(dir)).toEqual(['slides.md', 'theme'])
    expect(await readFile(join(dir, 'slides.md'), 'utf8')).toBe('one')
    await staged.publish()
    expect(await readFile(join(dir, 'slides.md'), 'utf8')).toBe('two')
    expect(await readFile(join(dir, 'brief-audience.pdf'), 'utf8')).toBe('new pdf')
  })

  it('puts back a previous deck that a publish killed between its two renames left aside', async () => {
    await writeDeck(dir, deck('one'), options())
    const { rename } = await import('node:fs/promises')
    await rename(dir, join(outDir, 'brief', '.audience.previous'))
    const staged = await stageDeck(dir, deck('two'), options())
    expect(await readFile(join(dir, 'slides.md'), 'utf8')).toBe('one')
    await staged.discard()
    expect((await readdir(join(outDir, 'brief'))).sort()).toEqual(['audience'])
  })

  it("refuses a deck folder's theme that is a link, and writes nothing through it", async () => {
    await mkdir(dir, { recursive: true })
    await symlink(outside, join(dir, 'theme'))
    await expect(writeDeck(dir, deck('one'), options())).rejects.toThrow(/symbolic link/)
    await expect(updateDeckInPlace(dir, deck('one'), options())).rejects.toThrow(/symbolic link/)
    await expectOutsideUntouched()
  })

  it('refuses an output folder, brief folder or deck folder that is a link', async () => {
    for (const linked of [outDir, join(outDir, 'brief'), dir]) {
      await rm(outDir, { recursive: true, force: true })
      await mkdir(join(linked, '..'), { recursive: true })
      await symlink(outside, linked)
      await expect(writeDeck(dir, deck('one'), options())).rejects.toMatchObject({
        ruleId: 'output-link',
        place: { file: linked },
      })
      await expectOutsideUntouched()
    }
  })

  it('refuses a link deeper in the deck folder, to a file as well', async () => {
    await mkdir(join(dir, 'png'), { recursive: true })
    await symlink(join(outside, 'id_ed25519'), join(dir, 'png', 'slide-01.png'))
    await expect(writeDeck(dir, deck('one'), options())).rejects.toThrow(/symbolic link/)
    await expectOutsideUntouched()
  })
})

describe('updateDeckInPlace', () => {
  it('touches nothing when nothing changed, so watchers see no event', async () => {
    await updateDeckInPlace(dir, deck('one'), options())
    const before = await stat(join(dir, 'slides.md'))
    await new Promise((resolve) => setTimeout(resolve, 20))
    await updateDeckInPlace(dir, deck('one'), options())
    expect((await stat(join(dir, 'slides.md'))).mtimeMs).toBe(before.mtimeMs)
    expect((await stat(join(dir, 'slides.md'))).ino).toBe(before.ino)
  })

  it('renames changed files over and drops stale theme files inside the same folder', async () => {
    await updateDeckInPlace(dir, deck('one', { 'theme/layouts/a.vue': 'A', 'theme/layouts/old.vue': 'old' }), options())
    const folder = await stat(dir)
    await updateDeckInPlace(dir, deck('two'), options())
    expect((await stat(dir)).ino).toBe(folder.ino)
    expect(await readFile(join(dir, 'slides.md'), 'utf8')).toBe('two')
    expect(await readdir(join(dir, 'theme', 'layouts'))).toEqual(['a.vue'])
    expect(await readdir(join(outDir, 'brief'))).toEqual(['audience'])
  })
})
