import { execFileSync } from 'node:child_process'
import { appendFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  appendReviewEvent,
  formatReviewEvent,
  readReviewLog,
  readReviewState,
  reviewLogPath,
} from '../../src/review/index.js'
import { commentOn } from './events.js'
import { samplePlan } from './plans.js'

const plan = samplePlan()
let dir: string
let file: string

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefdeck-review-'))
  file = join(dir, 'sample.review.jsonl')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

describe('review log on disk', () => {
  it('lives beside the brief under the brief’s name', () => {
    expect(reviewLogPath('briefs/pacific-alliances.brief.yaml')).toBe(join('briefs', 'pacific-alliances.review.jsonl'))
  })

  it('reads a missing log as empty', async () => {
    expect(await readReviewState(join(dir, 'sample.brief.yaml'))).toEqual({
      state: { threads: [], approvals: [] },
      warnings: [],
    })
  })

  it('appends whole lines that read back, from many writers at once', async () => {
    const events = Array.from({ length: 50 }, (_, index) =>
      commentOn(plan, 'bluf', `reviewer ${index % 5}`, `Comment ${index}`),
    )
    await Promise.all(events.map((event) => appendReviewEvent(file, event)))
    const { events: read } = await readReviewLog(file)
    expect(read.map((event) => event.id).sort()).toEqual(events.map((event) => event.id).sort())
  })

  it('cuts off a torn tail before appending, so the next event is not glued to it', async () => {
    const first = commentOn(plan, 'bluf', 'alice', 'First')
    await writeFile(file, formatReviewEvent(first) + formatReviewEvent(first).slice(0, 30))
    expect((await readReviewLog(file)).warnings).toHaveLength(1)
    const second = commentOn(plan, 'bluf', 'bob', 'Second')
    await appendReviewEvent(file, second)
    const { events, warnings } = await readReviewLog(file)
    expect(events.map((event) => event.id)).toEqual([first.id, second.id])
    expect(warnings).toEqual([])
  })

  it('adds the missing newline after a whole last event instead of cutting it', async () => {
    const first = commentOn(plan, 'bluf', 'alice', 'First')
    await writeFile(file, formatReviewEvent(first).trimEnd())
    await appendReviewEvent(file, commentOn(plan, 'bluf', 'bob', 'Second'))
    expect((await readReviewLog(file)).events).toHaveLength(2)
  })
})

describe('.gitattributes', () => {
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: dir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

  it('lets git merge two branches that both appended to a review log', async () => {
    git('init', '-q', '-b', 'main')
    git('config', 'user.email', 'test@example.org')
    git('config', 'user.name', 'test')
    await writeFile(join(dir, '.gitattributes'), await readFile('.gitattributes'))
    const base = commentOn(plan, 'bluf', 'alice', 'Base')
    await appendReviewEvent(file, base)
    git('add', '.')
    git('commit', '-qm', 'base')
    git('checkout', '-qb', 'expert')
    const fromExpert = commentOn(plan, 'bluf', 'expert', 'From the expert')
    await appendFile(file, formatReviewEvent(fromExpert))
    git('commit', '-qam', 'expert')
    git('checkout', '-q', 'main')
    const fromReviewer = commentOn(plan, 'cover', 'bob', 'From the reviewer')
    await appendFile(file, formatReviewEvent(fromReviewer))
    git('commit', '-qam', 'reviewer')
    git('merge', '-q', '--no-edit', 'expert')
    const { events } = await readReviewLog(file)
    expect(events.map((event) => event.id).sort()).toEqual([base.id, fromExpert.id, fromReviewer.id].sort())
  })
})
