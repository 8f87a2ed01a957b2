import { dirname, join } from 'node:path'
import { stringify } from 'yaml'
import { briefName } from '../../brief/index.js'
import { BriefdeckProblem, describeIssues, ReviewerName, safeParseInOwnWords, UsageError } from '../../model/index.js'
import { exists, parseYamlFile, readTextFile, writeFileAtomic } from '../../shared/index.js'
import { printable } from '../../shared/printable.js'
import { allowedSignersPath, approvalNamespace } from '../signatures.js'
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

/**
 * Lets the server's key sign approvals for `name`: adds the name to the
 * principals of the key's line in the brief's allowed-signers file, or adds
 * the line. The file is what a brief repository reviews and commits, like
 * its code: whoever may change it decides whose signatures count.
 */
export async function allowServerToSignFor(briefPath: string, publicKeyFile: string, name: string): Promise<string> {
  const file = allowedSignersPath(briefPath)
  if (/[,"*?!]/.test(name))
    throw new BriefdeckProblem(
      `a name in allowed_signers cannot hold , " * ? or ! (they are pattern syntax there): ${printable(name)}`,
      { file },
      'reviewer-name',
    )
  const [keyType, keyData] = (await readTextFile(publicKeyFile, { ruleId: 'reviewer-key' })).trim().split(/\s+/)
  const key = `${keyType} ${keyData}`
  const lines = ((await exists(file)) ? await readTextFile(file, { ruleId: 'allowed-signers' }) : '')
    .split('\n')
    .filter((line) => line !== '')
  const index = lines.findIndex((line) => !line.startsWith('#') && line.includes(` ${key}`))
  if (index === -1) lines.push(`"${name}" namespaces="${approvalNamespace}" ${key} briefdeck review server`)
  else {
    const { principals, rest } = splitPrincipals(lines[index]!)
    if (!principals.includes(name)) lines[index] = `"${[...principals, name].join(',')}" ${rest}`
  }
  await writeFileAtomic(file, `${lines.join('\n')}\n`)
  return file
}

/** The principals of an allowed-signers line (quoted or not) and the rest of it. */
function splitPrincipals(line: string): { principals: string[]; rest: string } {
  const quoted = line.startsWith('"')
  const end = quoted ? line.indexOf('"', 1) : line.indexOf(' ')
  const field = quoted ? line.slice(1, end) : line.slice(0, end)
  return { principals: field.split(','), rest: line.slice(end + 1).trimStart() }
}
