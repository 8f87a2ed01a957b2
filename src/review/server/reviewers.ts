import { dirname, join } from 'node:path'
import { stringify } from 'yaml'
import { briefName } from '../../brief/index.js'
import { describeIssues, ReviewerName, safeParseInOwnWords, UsageError } from '../../model/index.js'
import { exists, parseYamlFile, readTextFile, writeFileAtomic } from '../../shared/index.js'
import { newToken, reviewerEntry, ReviewersFile, withReviewer } from './tokens.js'

/** Beside the brief, like the review log; it holds only salted hashes, never a token. */
export function reviewersPath(briefPath: string): string {
  return join(dirname(briefPath), `${briefName(briefPath)}.reviewers.yaml`)
}

/** A missing file means nobody may write yet. */
export async function readReviewers(file: string): Promise<ReviewersFile> {
  if (!(await exists(file))) return { reviewers: [] }
  return parseReviewers(await readTextFile(file, { ruleId: 'reviewers', expected: 'YAML text' }), file)
}

export function parseReviewers(text: string, file: string): ReviewersFile {
  return parseYamlFile(text, file, ReviewersFile, 'reviewers').value
}

/**
 * Adds a reviewer (or gives them a new token) and returns the token, which
 * exists nowhere else afterwards: only its salted hash is written, atomically
 * and readable by the owner alone.
 */
export async function addReviewer(briefPath: string, name: string): Promise<{ token: string; file: string }> {
  const parsedName = safeParseInOwnWords(ReviewerName, name)
  if (!parsedName.success) throw new UsageError(describeIssues(parsedName.error), '--add-reviewer')
  const file = reviewersPath(briefPath)
  const token = newToken()
  const updated = withReviewer(await readReviewers(file), reviewerEntry(parsedName.data, token))
  const header =
    '# Reviewers allowed to write through `briefdeck serve`: salted SHA-256 hashes of their tokens.\n# Add or replace one with `briefdeck serve BRIEF --add-reviewer NAME`.\n'
  await writeFileAtomic(file, header + stringify(updated), { mode: 0o600 })
  return { token, file }
}
