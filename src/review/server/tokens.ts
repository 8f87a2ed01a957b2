import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { z } from 'zod'
import { ReviewerName } from '../../model/index.js'

/**
 * Reviewer tokens are 32 random bytes, so a salted SHA-256 is as strong as
 * any slow password hash here (nobody can guess 256 bits) and costs
 * microseconds per request instead of scrypt's tens of milliseconds, which
 * matters when ten reviewers post at once.
 */
export const ReviewerEntry = z.object({
  name: ReviewerName,
  salt: z.string().regex(/^[0-9a-f]{32}$/),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
})
export type ReviewerEntry = z.infer<typeof ReviewerEntry>

export const ReviewersFile = z.object({ reviewers: z.array(ReviewerEntry).default([]) })
export type ReviewersFile = z.infer<typeof ReviewersFile>

export function newToken(): string {
  return `bdr_${randomBytes(32).toString('base64url')}`
}

export function reviewerEntry(
  name: string,
  token: string,
  salt: string = randomBytes(16).toString('hex'),
): ReviewerEntry {
  return { name, salt, sha256: digest(salt, token) }
}

/** The reviewer a token belongs to, or null. Compares every entry in constant time so that timing tells nothing. */
export function reviewerForToken(reviewers: readonly ReviewerEntry[], token: string): string | null {
  let found: string | null = null
  for (const entry of reviewers) {
    const matches = timingSafeEqual(Buffer.from(digest(entry.salt, token), 'hex'), Buffer.from(entry.sha256, 'hex'))
    if (matches) found = entry.name
  }
  return found
}

/** Adding a reviewer who is already listed replaces their token: that is how a lost token is replaced. */
export function withReviewer(file: ReviewersFile, entry: ReviewerEntry): ReviewersFile {
  return { reviewers: [...file.reviewers.filter((reviewer) => reviewer.name !== entry.name), entry] }
}

function digest(salt: string, token: string): string {
  return createHash('sha256').update(`${salt}:${token}`).digest('hex')
}
