import { execFileSync, spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { run as approve } from '../../src/cli/commands/approve.js'
import { run as comment } from '../../src/cli/commands/comment.js'
import { run as diff } from '../../src/cli/commands/diff.js'
import { run as resolveComment } from '../../src/cli/commands/resolve.js'
import { run as review } from '../../src/cli/commands/review.js'
import { buildBrief } from '../../src/pipeline/index.js'
import { UsageError, type DeckReview } from '../../src/model/index.js'
import { readReviewState } from '../../src/review/index.js'
import { addReviewer, startReviewServer } from '../../src/review/server/index.js'

// Every test builds the brief's deck a few times (about a second each on a busy two-core machine).
vi.setConfig({ testTimeout: 60_000 })

// A throwaway brief repository per test: the review log is written beside the brief.
let repo: string
let brief: string
let out: string
const sourceFile = () => join(repo, 'briefs', 'sources', 'harbor-security-2024.txt')

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-review-cli-'))
  await cp('tests/fixtures/review/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('tests/fixtures/review/harbors.brief.yaml', join(repo, 'briefs', 'harbors.brief.yaml'))
  brief = join(repo, 'briefs', 'harbors.brief.yaml')
  out = join(repo, 'out')
  git('init', '-q', '-b', 'main')
})
afterEach(async () => {
  vi.restoreAllMocks()
  await rm(repo, { recursive: true, force: true })
})

function git(...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], {
    cwd: repo,
    encoding: 'utf8',
  })
}

/** Runs a command's `run` and returns its exit code and what it printed. */
async function capture(command: () => Promise<number>): Promise<{ code: number; stdout: string }> {
  const printed: string[] = []
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => printed.push(String(chunk)) > 0)
  vi.spyOn(console, 'log').mockImplementation((...parts) => void printed.push(`${parts.join(' ')}\n`))
  try {
    return { code: await command(), stdout: printed.join('') }
  } finally {
    vi.restoreAllMocks()
  }
}

async function reviewJson(): Promise<{ decks: DeckReview[]; orphans: unknown[] }> {
  return JSON.parse((await capture(() => review(brief, { json: true }))).stdout)
}

const strict = async () => (await capture(() => review(brief, { strict: true }))).code

describe('the review commands write nothing but the review log', () => {
  it('leaves no deck behind after review --json, comment and approve', async () => {
    const before = (await readdir(repo, { recursive: true })).sort()
    await reviewJson()
    await capture(() => comment(brief, 'Source?', { audience: 'congressional-staff', slide: 2, as: 'alice' }))
    await capture(() => approve(brief, { audience: 'congressional-staff', as: 'bob' }))
    const after = (await readdir(repo, { recursive: true })).sort()
    expect(after.filter((path) => !before.includes(path))).toEqual([join('briefs', 'harbors.review.jsonl')])
    expect(after.some((path) => path.startsWith(relative(repo, out)))).toBe(false)
  })
})

describe('review --strict', () => {
  it('exits 1 while anything is outstanding and 0 once the decks are ready', async () => {
    expect(await strict()).toBe(1)
    await capture(() => approve(brief, { audience: 'congressional-staff', as: 'bob' }))
    expect(await strict()).toBe(0)

    await capture(() =>
      comment(brief, 'Which review is this?', { audience: 'congressional-staff', slide: 2, as: 'alice' }),
    )
    expect(await strict()).toBe(1)
    const [thread] = (await readReviewState(brief)).state.threads
    await capture(() => resolveComment(brief, thread!.id, { as: 'bob' }))
    expect(await strict()).toBe(0)
  })

  it('voids an approval when a source change alters what a slide shows', async () => {
    await capture(() => approve(brief, { audience: 'congressional-staff', as: 'bob' }))
    const text = await readFile(sourceFile(), 'utf8')
    await writeFile(sourceFile(), text.replace('only four ports', 'only three ports'))
    expect(await strict()).toBe(1)
    const [deck] = (await reviewJson()).decks
    const changed = deck!.slides.filter((slide) => slide.changedSinceApproval)
    expect(changed.length).toBeGreaterThan(0)
    expect(changed.every((slide) => !slide.approved && slide.awaiting.includes('bob'))).toBe(true)
    expect(deck!.draft).toBe(true)
  })

  it('counts an orphaned override as outstanding', async () => {
    await capture(() => approve(brief, { audience: 'congressional-staff', as: 'bob' }))
    await writeFile(
      brief,
      `${await readFile(brief, 'utf8')}overrides:\n  harbor-security-2024:00000000:\n    drop: true\n`,
    )
    expect(await strict()).toBe(1)
    expect((await reviewJson()).orphans).toHaveLength(1)
  })

  it('prints a table with approvals and open comments', async () => {
    await capture(() =>
      comment(brief, 'Cite the Pentagon review.', { audience: 'congressional-staff', slide: 2, as: 'alice' }),
    )
    const { stdout } = await capture(() => review(brief, {}))
    expect(stdout).toMatch(/^congressional-staff: DRAFT, \d+ outstanding; approval needed from bob$/m)
    expect(stdout).toMatch(
      /Open comments:\n\s+[a-z][a-z2-9]{9}\s+slide 2 \S+\s+alice: "Cite the Pentagon review\." \(0 replies\)/,
    )
  })
})

describe('the briefdeck binary', () => {
  const briefdeck = (...args: string[]) =>
    spawnSync(process.execPath, [resolve('bin/briefdeck.js'), ...args], { cwd: repo, encoding: 'utf8' })

  it('exits 1 from review --strict on a deck nobody approved', () => {
    const result = briefdeck('review', brief, '--strict')
    expect(result.stderr).toBe('')
    expect(result.status).toBe(1)
    expect(result.stdout).toMatch(/^congressional-staff: DRAFT/m)
  })

  it('refuses a comment without --as in one line, exit 2', () => {
    const result = briefdeck('comment', brief, 'Hello', '--audience', 'congressional-staff', '--slide', '1')
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toEqual(['briefdeck: --as: required (see briefdeck --help)'])
  })
})

describe('comment and approve', () => {
  it('refuses a slide the deck does not have, at --slide', async () => {
    await expect(comment(brief, 'Hello', { audience: 'congressional-staff', slide: 99, as: 'alice' })).rejects.toThrow(
      /no slide 99 \(it has \d+\)/,
    )
    const problem = await comment(brief, 'Hello', {
      audience: 'congressional-staff',
      slide: 99,
      as: 'alice',
    }).catch((error: unknown) => error)
    expect(problem).toBeInstanceOf(UsageError)
    expect((problem as UsageError).option).toBe('--slide')
  })

  it('records replies in their thread', async () => {
    await capture(() => comment(brief, 'First', { audience: 'congressional-staff', slide: 1, as: 'alice' }))
    const [thread] = (await readReviewState(brief)).state.threads
    await capture(() => comment(brief, 'Answer', { replyTo: thread!.id, as: 'bob' }))
    expect((await readReviewState(brief)).state.threads[0]!.replies).toMatchObject([{ author: 'bob', text: 'Answer' }])
  })
})

describe('diff', () => {
  it('shows the slides a changed source altered, word by word', async () => {
    git('add', '.')
    git('commit', '-qm', 'brief')
    const text = await readFile(sourceFile(), 'utf8')
    await writeFile(sourceFile(), text.replace('only four ports in the region', 'only two ports in the region'))
    const { code, stdout } = await capture(() => diff(brief, { from: 'HEAD' }))
    expect(code).toBe(0)
    expect(stdout).toMatch(
      /^congressional-staff \(\d+ -> \d+ slides\): [1-9]\d* changed, 0 added, 0 removed, \d+ unchanged$/m,
    )
    expect(stdout).toContain('[-four-]{+two+}')
  })

  it('compares two build folders', async () => {
    await buildBrief(brief, { outDir: join(repo, 'before') })
    const text = await readFile(sourceFile(), 'utf8')
    await writeFile(sourceFile(), text.replace('only four ports in the region', 'only two ports in the region'))
    await buildBrief(brief, { outDir: join(repo, 'after') })
    const { stdout } = await capture(() => diff(brief, { from: join(repo, 'before'), to: join(repo, 'after') }))
    expect(stdout).toContain('[-four-]{+two+}')
  })

  it('finds nothing between a revision and an unchanged work tree', async () => {
    git('add', '.')
    git('commit', '-qm', 'brief')
    const { stdout } = await capture(() => diff(brief, { from: 'HEAD' }))
    expect(stdout).toMatch(/: 0 changed, 0 added, 0 removed, \d+ unchanged$/m)
  })
})

describe('the review server and `briefdeck review` together', () => {
  it('lists every one of 200 comments sent by 10 concurrent clients, once', async () => {
    const { token } = await addReviewer(brief, 'alice')
    const { brief: parsed, decks } = await buildBrief(brief, { outDir: out })
    const [deck] = decks
    const server = await startReviewServer({
      briefPath: brief,
      host: '127.0.0.1',
      port: 15120,
      // The review API does not need the built site; a stand-in page keeps this test fast.
      decks: [
        {
          plan: deck!.plan,
          requiredReviewers: parsed.reviewers[deck!.audience] ?? [],
          siteDir: resolve('tests/fixtures/review/site'),
        },
      ],
      republish: async () => {
        throw new Error('no approval is given in this test')
      },
    })
    try {
      const slideIds = deck!.plan.slides.map((slide) => slide.id)
      await Promise.all(
        Array.from({ length: 10 }, async (_, client) => {
          for (let index = 0; index < 20; index++) {
            const response = await fetch(`${server.url}/api/decks/${deck!.audience}/comments`, {
              method: 'POST',
              headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                slideId: slideIds[index % slideIds.length],
                text: `client ${client} comment ${index}`,
              }),
            })
            expect(response.status).toBe(201)
          }
        }),
      )
    } finally {
      await server.close()
    }
    const [reviewed] = (await reviewJson()).decks
    const texts = reviewed!.slides.flatMap((slide) => slide.threads.map((thread) => thread.text))
    expect(texts).toHaveLength(200)
    expect(new Set(texts).size).toBe(200)
    expect(reviewed!.outstanding).toBeGreaterThanOrEqual(200)
  })
})
