// The README's signing walk-through, end to end: a reviewer adds their key
// to allowed_signers and approves from the command line; the review server
// is allowed to sign for another reviewer, who approves in the browser's
// place; `review --strict` passes. Approval lines added by hand do not count.
import { execFileSync, spawnSync } from 'node:child_process'
import { appendFile, cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { buildBrief } from '../../src/pipeline/index.js'
import { startReviewServer } from '../../src/review/server/index.js'

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 })

let repo: string
let home: string
const brief = () => join(repo, 'briefs', 'harbors.brief.yaml')
const env = () => ({ ...process.env, HOME: home, XDG_CONFIG_HOME: join(home, '.config') })
const briefdeck = (...args: string[]) =>
  spawnSync(process.execPath, [resolve('bin/briefdeck.js'), ...args], { cwd: repo, encoding: 'utf8', env: env() })

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-walkthrough-'))
  home = join(repo, 'home')
  await cp('tests/fixtures/review/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  const fixture = await readFile('tests/fixtures/review/harbors.brief.yaml', 'utf8')
  await writeFile(
    brief(),
    fixture.replace('congressional-staff: [bob]', 'congressional-staff: [Kenji Morita, Dana Whitfield]'),
  )
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo })
})
afterAll(() => rm(repo, { recursive: true, force: true }))

describe('the signing walk-through', () => {
  it('counts signed approvals from the command line and the server, and no hand-added one', async () => {
    // Kenji Morita makes a key and lists it, as the README shows.
    await mkdir(join(home, '.ssh'), { recursive: true })
    const kenjiKey = join(home, '.ssh', 'id_ed25519')
    execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', 'kenji', '-f', kenjiKey])
    const publicKey = (await readFile(`${kenjiKey}.pub`, 'utf8')).trim()
    await appendFile(
      join(repo, 'briefs', 'allowed_signers'),
      `"Kenji Morita" namespaces="briefdeck-approval" ${publicKey}\n`,
    )
    const cli = briefdeck(
      'approve',
      'briefs/harbors.brief.yaml',
      '--audience',
      'congressional-staff',
      '--as',
      'Kenji Morita',
      '--key',
      kenjiKey,
    )
    expect(cli.stderr).toBe('')
    expect(cli.status).toBe(0)

    // Dana Whitfield's approvals written by hand, hashes copied from `review --json`: they do not count.
    const report = JSON.parse(briefdeck('review', 'briefs/harbors.brief.yaml', '--json').stdout)
    const log = join(repo, 'briefs', 'harbors.review.jsonl')
    const handmade = report.decks[0].slides.map((slide: { slideId: string; contentHash: string }, index: number) =>
      JSON.stringify({
        id: `byhand${String(index).padStart(4, '0')}`,
        at: new Date().toISOString(),
        author: 'Dana Whitfield',
        audience: 'congressional-staff',
        slideId: slide.slideId,
        blockIds: [],
        type: 'approve',
        contentHash: slide.contentHash,
      }),
    )
    await appendFile(log, `${handmade.join('\n')}\n`)
    const forged = briefdeck('review', 'briefs/harbors.brief.yaml', '--strict')
    expect(forged.status).toBe(1)
    expect(forged.stdout).toMatch(/awaiting.*\n.*Dana Whitfield/)
    expect(forged.stdout).toMatch(/Dana Whitfield: unsigned/)

    // The review server is allowed to sign for Dana Whitfield, and she approves through it with her token.
    const added = briefdeck('serve', 'briefs/harbors.brief.yaml', '--add-reviewer', 'Dana Whitfield')
    expect(added.status).toBe(0)
    const token = /\b(bdr_[\w-]+)/.exec(added.stdout)![1]!
    expect(await readFile(join(repo, 'briefs', 'allowed_signers'), 'utf8')).toMatch(
      /^"Dana Whitfield" namespaces="briefdeck-approval" ssh-ed25519 /m,
    )
    const { decks } = await buildBrief(brief(), { outDir: join(repo, 'out') })
    const plan = decks[0]!.plan
    const server = await startReviewServer({
      briefPath: brief(),
      host: '127.0.0.1',
      port: 0,
      decks: [
        { plan, requiredReviewers: ['Kenji Morita', 'Dana Whitfield'], siteDir: resolve('tests/fixtures/review/site') },
      ],
      signingKey: join(home, '.config', 'briefdeck', 'review-server-key'),
      republish: async () => ({
        plan: { ...plan, draft: false },
        requiredReviewers: [],
        siteDir: resolve('tests/fixtures/review/site'),
      }),
    })
    try {
      for (const slide of plan.slides) {
        const response = await fetch(`${server.url}/api/decks/${plan.audience}/slides/${slide.id}/approval`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: '{}',
        })
        expect(response.status).toBe(201)
      }
      await server.idle()
    } finally {
      await server.close()
    }

    const strict = briefdeck('review', 'briefs/harbors.brief.yaml', '--strict')
    expect(strict.stdout).toMatch(/^congressional-staff: approved, 0 outstanding/m)
    expect(strict.status).toBe(0)
  })
})
