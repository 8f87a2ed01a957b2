// Building a stranger's brief repository with the real binary: what it
// commits under out/ is never followed, its file names never become paths
// outside --out, and its own theme is used only with a notice, or not at all.
import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readdir, readFile, rename, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

vi.setConfig({ testTimeout: 60_000 })

let parent: string
let repo: string
let keys: string
beforeEach(async () => {
  parent = await mkdtemp(join(tmpdir(), 'briefdeck-hostile-repo-'))
  repo = join(parent, 'repo')
  await cp('tests/fixtures/review/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('tests/fixtures/review/harbors.brief.yaml', join(repo, 'briefs', 'harbors.brief.yaml'))
  await mkdir(join(repo, '.git'))
  keys = join(parent, 'home', '.ssh')
  await mkdir(keys, { recursive: true })
  await writeFile(join(keys, 'id_ed25519'), 'secret key')
})
afterEach(() => rm(parent, { recursive: true, force: true }))

const briefdeck = (...args: string[]) =>
  spawnSync(process.execPath, [resolve('bin/briefdeck.js'), ...args], { cwd: repo, encoding: 'utf8' })

async function expectKeysUntouched(): Promise<void> {
  expect(await readdir(keys)).toEqual(['id_ed25519'])
  expect(await readFile(join(keys, 'id_ed25519'), 'utf8')).toBe('secret key')
}

describe('a brief repository that commits links under out/', () => {
  it('refuses a deck theme folder that is a link, with one line naming it, and leaves its target alone', async () => {
    await mkdir(join(repo, 'out', 'harbors', 'congressional-staff'), { recursive: true })
    await symlink(keys, join(repo, 'out', 'harbors', 'congressional-staff', 'theme'))
    const result = briefdeck('build', 'briefs/harbors.brief.yaml')
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr).toMatch(/congressional-staff\/theme: a symbolic link in an output folder/)
    await expectKeysUntouched()
  })

  it('refuses an output folder that is a link', async () => {
    await symlink(keys, join(repo, 'out'))
    const result = briefdeck('build', 'briefs/harbors.brief.yaml')
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/out: output folder is a symbolic link/)
    await expectKeysUntouched()
  })
})

describe("a brief file whose name is not a folder's", () => {
  it('refuses ...brief.yaml before anything is written, inside --out or outside it', async () => {
    await rename(join(repo, 'briefs', 'harbors.brief.yaml'), join(repo, 'briefs', '...brief.yaml'))
    const before = await readdir(repo)
    const result = briefdeck('build', 'briefs/...brief.yaml', '--out', 'out/inner')
    expect(result.status).toBe(2)
    expect(result.stderr).toMatch(/\.\.\.brief\.yaml: the brief's name '\.\.'/)
    expect(await readdir(repo)).toEqual(before)
  })
})

describe("a repository's own templates", () => {
  beforeEach(async () => {
    await cp('templates', join(repo, 'templates'), { recursive: true })
    await writeFile(join(repo, 'templates', 'theme', 'layouts', 'marker.vue'), '<template><slot /></template>\n')
  })

  it('are used with a notice that their theme is code', async () => {
    const result = briefdeck('build', 'briefs/harbors.brief.yaml')
    expect(result.status).toBe(0)
    expect(result.stderr).toMatch(/warning: \S*templates: using the repository's own templates and theme/)
    expect(await readdir(join(repo, 'out', 'harbors', 'congressional-staff', 'theme', 'layouts'))).toContain(
      'marker.vue',
    )
  })

  it('are left out with --no-repo-templates', async () => {
    const result = briefdeck('build', 'briefs/harbors.brief.yaml', '--no-repo-templates')
    expect(result.status).toBe(0)
    expect(result.stderr).toBe('')
    expect(await readdir(join(repo, 'out', 'harbors', 'congressional-staff', 'theme', 'layouts'))).not.toContain(
      'marker.vue',
    )
  })
})
