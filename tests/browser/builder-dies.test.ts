// A print-site builder that dies in a build of several briefs (killed, out
// of memory): the briefs built before print, every later deck fails in one
// line that names the deck where it is, the command exits non-zero, and
// nothing of the shared site is left in the output folder.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, expect, it } from 'vitest'

const repo = await mkdtemp(join(tmpdir(), 'briefdeck-builder-dies-'))
afterAll(() => rm(repo, { recursive: true, force: true }))

it('reports each deck the dead builder did not build in one line, and prints the others', async () => {
  await writeFile(join(repo, 'package.json'), '{}\n')
  await cp('briefs/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  const text = await readFile('briefs/pacific-alliances.brief.yaml', 'utf8')
  for (const name of ['alpha', 'bravo', 'charlie'])
    await writeFile(
      join(repo, 'briefs', `${name}.brief.yaml`),
      text.replace('title: Pacific alliances', `title: ${name}`),
    )

  // The first brief's site is the builder's first; the next two briefs share its second, which it dies on.
  const result = spawnSync('node', [resolve('bin/briefdeck.js'), 'build', 'briefs', '--pdf', '--no-check', '--quiet'], {
    cwd: repo,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: `--import=${resolve('tests/cli/builder-dies.mjs')}` },
  })

  expect(result.status).toBe(2)
  // Content warnings of the brief that printed aside, every problem is a deck the builder did not build.
  const problems = result.stderr.split('\n').filter((line) => line && !/ warning \[/.test(line))
  expect(problems).toEqual(
    ['bravo', 'charlie'].map(
      (brief) =>
        `briefdeck: ${join(repo, 'out', brief, 'congressional-staff', 'slides.md')}: Slidev could not build this deck: the build stopped without a message`,
    ),
  )
  expect(result.stderr).not.toMatch(/ERR_IPC_CHANNEL_CLOSED|Unhandled|staging/)
  expect(existsSync(join(repo, 'out', 'alpha', 'congressional-staff', 'alpha-congressional-staff.pdf'))).toBe(true)
  expect(existsSync(join(repo, 'out', 'bravo', 'congressional-staff', 'slides.md'))).toBe(true)
  expect((await readdir(join(repo, 'out'))).filter((name) => name.startsWith('.'))).toEqual([])
}, 180_000)
