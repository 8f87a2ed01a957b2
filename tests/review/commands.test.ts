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
import { captureOutput } from '../cli/capture.js'
import { newKey, reviewerKey } from './keys.js'

// Every test builds the brief's deck a few times (about a second each on a busy two-core machine).
vi.setConfig({ testTimeout: 60_000 })

// A throwaway brief repository per test: the review log is written beside the brief.
let repo: string
let brief: string
let out: string
let bobKey: string
const sourceFile = () => join(repo, 'briefs', 'sources', 'harbor-security-2024.txt')

beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-review-cli-'))
  await cp('tests/fixtures/review/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('tests/fixtures/review/harbors.brief.yaml', join(repo, 'briefs', 'harbors.brief.yaml'))
  brief = join(repo, 'briefs', 'harbors.brief.yaml')
  out = join(repo, 'out')
  git('init', '-q', '-b', 'main')
  bobKey = await reviewerKey(brief, 'bob', join(repo, 'keys'))
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
const capture = captureOutput

async function reviewJson(): Promise<{ decks: DeckReview[]; orphans: unknown[]; conflicts: unknown[] }> {
  return JSON.parse((await capture(() => review(brief, { json: true }))).stdout)
}

const strict = async () => (await capture(() => review(brief, { strict: true }))).code

describe('the review commands write nothing but the review log', () => {
  it('leaves no deck behind after review --json, comment and approve', async () => {
    const before = (await readdir(repo, { recursive: true })).sort()
    await reviewJson()
    await capture(() => comment(brief, 'Source?', { audience: 'congressional-staff', slide: 2, as: 'alice' }))
    await capture(() => approve(brief, { audience: 'congressional-staff', as: 'bob', key: bobKey }))
    const after = (await readdir(repo, { recursive: true })).sort()
    expect(after.filter((path) => !before.includes(path))).toEqual([join('briefs', 'harbors.review.jsonl')])
    expect(after.some((path) => path.startsWith(relative(repo, out)))).toBe(false)
  })
})

describe('review --strict', () => {
  it('exits 1 while anything is outstanding and 0 once the decks are ready', async () => {
    expect(await strict()).toBe(1)
    await capture(() => approve(brief, { audience: 'congressional-staff', as: 'bob', key: bobKey }))
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
    await capture(() => approve(brief, { audience: 'congressional-staff', as: 'bob', key: bobKey }))
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
    await capture(() => approve(brief, { audience: 'congressional-staff', as: 'bob', key: bobKey }))
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

describe('signed approvals', () => {
  const logFile = () => join(repo, 'briefs', 'harbors.review.jsonl')
  /** Hand-written approval lines, as anyone who can write the log could add them, hash copied from `review --json`. */
  async function handAddApprovals(author: string, extra: Record<string, unknown> = {}): Promise<void> {
    const [deck] = (await reviewJson()).decks
    const lines = deck!.slides.map((slide, index) =>
      JSON.stringify({
        id: `handmade${String(index).padStart(4, '0')}`,
        at: '2025-06-01T10:00:00.000Z',
        author,
        audience: 'congressional-staff',
        slideId: slide.slideId,
        blockIds: [],
        type: 'approve',
        contentHash: slide.contentHash,
        ...extra,
      }),
    )
    await writeFile(logFile(), `${await readFile(logFile(), 'utf8').catch(() => '')}${lines.join('\n')}\n`)
  }

  it('does not count a hand-added approval, and lists it as unsigned', async () => {
    await handAddApprovals('bob')
    expect(await strict()).toBe(1)
    const { stdout } = await capture(() => review(brief, {}))
    expect(stdout).toMatch(/Approvals that do not count:\n\s+slide 1 \S+\s+bob: unsigned/)
    expect((await reviewJson()).decks[0]!.draft).toBe(true)
  })

  it('does not count an approval whose signature was made by another key or for another slide', async () => {
    await capture(() => approve(brief, { audience: 'congressional-staff', slide: 1, as: 'bob', key: bobKey }))
    const [signed] = (await readFile(logFile(), 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line))
    await handAddApprovals('bob', { signature: signed.signature })
    const [deck] = (await reviewJson()).decks
    expect(deck!.slides.slice(1).every((slide) => slide.untrusted[0]?.trust === 'forged')).toBe(true)
    expect(deck!.slides[0]!.approved).toBe(true)
    expect(await strict()).toBe(1)
  })

  it('refuses to sign for a name that the key is not listed for, and writes nothing', async () => {
    const malloryKey = await newKey(join(repo, 'keys'), 'mallory')
    await expect(approve(brief, { audience: 'congressional-staff', as: 'bob', key: malloryKey })).rejects.toMatchObject(
      { ruleId: 'review-signer' },
    )
    await expect(approve(brief, { audience: 'congressional-staff', as: 'alice', key: bobKey })).rejects.toThrow(
      /not a key that this file lists for alice/,
    )
    await expect(readFile(logFile(), 'utf8')).rejects.toThrow(/ENOENT/)
  })

  it('reports a line that reuses a comment id placed before it, naming both lines, and fails --strict', async () => {
    await capture(() => comment(brief, 'Cite the review.', { audience: 'congressional-staff', slide: 2, as: 'alice' }))
    const real = (await readFile(logFile(), 'utf8')).trim()
    const forged = JSON.stringify({ ...JSON.parse(real), text: 'Looks fine, approve it.' })
    await writeFile(logFile(), `${forged}\n${real}\n`)
    const { code, stdout } = await capture(() => review(brief, { strict: true }))
    expect(code).toBe(1)
    expect(stdout).toMatch(
      /Lines that reuse an event id \(ignored\):\n\s+\S+harbors\.review\.jsonl:2: event id \w+ is already used by line 1 /,
    )
    // Nothing is replaced silently: one thread, with the conflict beside it until someone cleans the log.
    const threads = (await reviewJson()).decks[0]!.slides.flatMap((slide) => slide.threads)
    expect(threads).toHaveLength(1)
    expect((await reviewJson()).conflicts).toHaveLength(1)
  })

  it('prints names and texts with their control characters escaped', async () => {
    const author = 'eve\u001b]0;owned\u0007\u001b[2J'
    await capture(() =>
      comment(brief, 'Fine \u001b[31mred\u001b[0m \u202eevil', {
        audience: 'congressional-staff',
        slide: 2,
        as: author,
      }),
    )
    const { stdout } = await capture(() => review(brief, {}))
    expect(stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/)
    expect(stdout).toContain('eve\\u{1b}]0;owned\\u{7}\\u{1b}[2J')
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

  it('takes names as typed: refuses an empty --add-reviewer, writing nothing, and keeps 007 as 007', async () => {
    const empty = briefdeck('serve', brief, '--add-reviewer', '')
    expect(empty.status).toBe(2)
    expect(empty.stderr.trim().split('\n')).toEqual([
      'briefdeck: --add-reviewer: must not be empty; a reviewer name is one line of text (see briefdeck --help)',
    ])
    const noKey = briefdeck('serve', brief, '--add-reviewer', 'dana', '--signing-key', join(repo, 'no-such-key'))
    expect(noKey.status).not.toBe(0)
    expect(await readdir(join(repo, 'briefs'))).not.toContain('harbors.reviewers.yaml')
    const agent = briefdeck(
      'comment',
      brief,
      'Hello',
      '--audience',
      'congressional-staff',
      '--slide',
      '1',
      '--as',
      '007',
    )
    expect(agent.status).toBe(0)
    const logged = await readFile(join(repo, 'briefs', 'harbors.review.jsonl'), 'utf8')
    expect(JSON.parse(logged)).toMatchObject({ author: '007', text: 'Hello' })
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

  it('blames the option whose revision git does not know, or lacks the brief, not the brief', async () => {
    git('commit', '--allow-empty', '-qm', 'before the brief')
    git('add', '.')
    git('commit', '-qm', 'brief')
    const unknown = /^--from: no-such-revision is neither a build folder nor a git revision of this repository$/
    await expect(diff(brief, { from: 'no-such-revision' }).catch(String)).resolves.toMatch(unknown)
    await expect(diff(brief, { from: 'HEAD', to: 'no-such-revision' })).rejects.toMatchObject({ option: '--to' })
    await expect(diff(brief, { from: 'HEAD~1' }).catch(String)).resolves.toMatch(
      /^--from: cannot read briefs\/harbors\.brief\.yaml at revision HEAD~1: /,
    )
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
