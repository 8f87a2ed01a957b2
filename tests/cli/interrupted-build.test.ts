// A build killed at any moment leaves the previous deck, its exports
// included, or the new one: never new slides beside old files, never half a
// theme. The deck folder is made beside the old one and renamed into place.
import { spawn, spawnSync } from 'node:child_process'
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = mkdtempSync(join(tmpdir(), 'briefdeck-interrupted-'))
const deckDir = join(repo, 'out', 'harbors', 'congressional-staff')
const source = join(repo, 'briefs', 'sources', 'harbor-security-2024.txt')
const args = [resolve('bin/briefdeck.js'), 'build', 'briefs/harbors.brief.yaml']

beforeAll(async () => {
  await cp('tests/fixtures/review/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('tests/fixtures/review/harbors.brief.yaml', join(repo, 'briefs', 'harbors.brief.yaml'))
  await mkdir(join(repo, '.git'))
})
afterAll(() => rm(repo, { recursive: true, force: true }))

/** Every file of the deck folder with its content. */
async function snapshot(): Promise<string> {
  const entries = await readdir(deckDir, { recursive: true, withFileTypes: true }).catch(() => [])
  // The build record is written after the folder is in place (src/pipeline/build.ts); it says what the deck was made from, not what a reader sees.
  const files = entries
    .filter((entry) => entry.isFile() && entry.name !== '.briefdeck-build.json')
    .map((entry) => join(entry.parentPath, entry.name))
  const contents = await Promise.all(
    files.map(async (file) => `${relative(deckDir, file)}\n${await readFile(file, 'utf8')}`),
  )
  return contents.sort().join('\n\0\n')
}

function buildFor(milliseconds: number): Promise<void> {
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: repo, stdio: 'ignore' })
    const timer = setTimeout(() => child.kill('SIGKILL'), milliseconds)
    child.on('exit', () => {
      clearTimeout(timer)
      done()
    })
  })
}

describe('a build killed at random points', () => {
  it('leaves the deck folder old or new, never a mix', { timeout: 120_000 }, async () => {
    expect(spawnSync(process.execPath, args, { cwd: repo }).status).toBe(0)
    // Stands for what an export wrote beside the slides.
    await writeFile(join(deckDir, 'harbors-congressional-staff.pdf'), 'the PDF of the old slides')
    const old = await snapshot()
    await cp(deckDir, join(repo, 'old-deck'), { recursive: true })
    const text = await readFile(source, 'utf8')
    await writeFile(source, text.replace('only four ports in the region', 'only two ports in the region'))

    const started = Date.now()
    expect(spawnSync(process.execPath, args, { cwd: repo }).status).toBe(0)
    const whole = Date.now() - started
    const fresh = await snapshot()
    expect(fresh).not.toBe(old)
    // Back to the old deck (its copy), then kill builds at points spread over a whole build.
    const seen: string[] = []
    for (const fraction of [0.4, 0.6, 0.8, 0.9, 1.0]) {
      await rm(deckDir, { recursive: true, force: true })
      await cp(join(repo, 'old-deck'), deckDir, { recursive: true })
      await buildFor(Math.round(whole * fraction))
      seen.push(await snapshot())
    }
    expect(seen).toContain(old)
    for (const state of seen) expect(state === old || state === fresh).toBe(true)
  })
})
