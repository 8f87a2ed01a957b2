import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { BriefdeckProblem } from '../../src/model/index.js'
import {
  addReviewer,
  newToken,
  readReviewers,
  reviewerEntry,
  reviewerForToken,
  reviewersPath,
} from '../../src/review/server/index.js'

describe('reviewer tokens', () => {
  it('finds the reviewer a token belongs to, and nobody for any other token', () => {
    const alice = newToken()
    const bob = newToken()
    const reviewers = [reviewerEntry('alice', alice), reviewerEntry('bob', bob)]
    expect(reviewerForToken(reviewers, alice)).toBe('alice')
    expect(reviewerForToken(reviewers, bob)).toBe('bob')
    expect(reviewerForToken(reviewers, newToken())).toBeNull()
    expect(reviewerForToken(reviewers, '')).toBeNull()
  })

  it('salts each hash, so two reviewers with the same token cannot be told apart by their hashes', () => {
    const token = newToken()
    expect(reviewerEntry('alice', token).sha256).not.toBe(reviewerEntry('bob', token).sha256)
  })
})

describe('reviewers file', () => {
  let dir: string
  let briefPath: string
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'briefdeck-reviewers-'))
    briefPath = join(dir, 'sample.brief.yaml')
  })
  afterEach(() => rm(dir, { recursive: true, force: true }))

  it('stores only a salted hash, readable by its owner alone, and replaces a lost token', async () => {
    const first = await addReviewer(briefPath, 'alice')
    expect(first.file).toBe(reviewersPath(briefPath))
    expect(await readFile(first.file, 'utf8')).not.toContain(first.token)
    expect((await stat(first.file)).mode & 0o777).toBe(0o600)
    const second = await addReviewer(briefPath, 'alice')
    const { reviewers } = await readReviewers(first.file)
    expect(reviewers.map((reviewer) => reviewer.name)).toEqual(['alice'])
    expect(reviewerForToken(reviewers, first.token)).toBeNull()
    expect(reviewerForToken(reviewers, second.token)).toBe('alice')
  })

  it('reports a broken file with its line', async () => {
    await writeFile(
      reviewersPath(briefPath),
      `reviewers:\n  - name: alice\n    salt: nope\n    sha256: ${'0'.repeat(64)}\n`,
    )
    await expect(readReviewers(reviewersPath(briefPath))).rejects.toThrow(BriefdeckProblem)
    await expect(readReviewers(reviewersPath(briefPath))).rejects.toMatchObject({
      place: { file: reviewersPath(briefPath), line: 3 },
    })
  })

  it('refuses a name that is not one line of text', async () => {
    await expect(addReviewer(briefPath, 'alice\nbob')).rejects.toThrow(/reviewer name/)
  })
})
