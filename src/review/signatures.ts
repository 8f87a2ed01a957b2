// Approvals are signed the way git signs commits with SSH keys: `ssh-keygen
// -Y sign` with the reviewer's key (or the review server's), `ssh-keygen -Y
// verify` against an allowed-signers file kept in the brief repository,
// which says whose key is whose (the format of git's
// gpg.ssh.allowedSignersFile). Whoever can write the review log can add an
// approval line, but only the key's owner can sign it.
import { execFile, spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import {
  BriefdeckProblem,
  EnvironmentProblem,
  type Approval,
  type ApprovalTrust,
  type Brief,
  type ReviewEvent,
} from '../model/index.js'
import { printable } from '../shared/printable.js'

/** The `-n` namespace of every approval signature: a signature made for git or for anything else never passes for one. */
export const approvalNamespace = 'briefdeck-approval'

/** Beside the brief; one line per key: `"Kenji Morita" namespaces="briefdeck-approval" ssh-ed25519 AAAA…`. */
export function allowedSignersPath(briefPath: string): string {
  return join(dirname(briefPath), 'allowed_signers')
}

/** The fields of an approval that its signature covers. */
export interface SignedFields {
  readonly id: string
  readonly at: string
  readonly author: string
  readonly audience: string
  readonly slideId: string
  readonly contentHash: string
}

/**
 * What is signed: the brief, the deck, the slide, the content approved, who
 * approves, and the event's id and time, so that a signature copied to
 * another slide, deck, brief or line does not verify.
 */
export function approvalMessage(brief: string, fields: SignedFields): string {
  const { audience, slideId, contentHash, author, id, at } = fields
  return `${JSON.stringify(['briefdeck approval 1', brief, audience, slideId, contentHash, author, id, at])}\n`
}

/** Signs with a private key file (or a public key whose private half is in ssh-agent), as `git commit -S` does. */
export async function signMessage(message: string, keyFile: string): Promise<string> {
  const result = await sshKeygen(['-Y', 'sign', '-n', approvalNamespace, '-f', keyFile], message)
  if (result.code !== 0)
    throw new EnvironmentProblem(`ssh-keygen could not sign with ${keyFile}: ${firstLine(result.stderr)}`)
  return result.stdout
}

/** Whether `signature` is a signature of `message` by a key that `allowedSigners` lists for `principal`. */
export async function verifyMessage(
  message: string,
  signature: string,
  principal: string,
  allowedSigners: string,
): Promise<boolean> {
  const folder = await mkdtemp(join(tmpdir(), 'briefdeck-signature-'))
  try {
    const signatureFile = join(folder, 'approval.sig')
    await writeFile(signatureFile, signature)
    const result = await sshKeygen(
      ['-Y', 'verify', '-f', allowedSigners, '-I', principal, '-n', approvalNamespace, '-s', signatureFile],
      message,
    )
    return result.code === 0
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

export interface ApprovalVerifier {
  trustOf(approval: Approval): Promise<ApprovalTrust>
}

/** Verdicts by what they were reached from (the allowed signers, the message, the signature), for the life of the process. */
const known = new Map<string, boolean>()

/**
 * Checks approvals of one brief against its allowed-signers file. A verdict
 * is remembered with the file's content, so that a key added or removed
 * counts from then on.
 */
export function approvalVerifier(brief: string, allowedSigners: string): ApprovalVerifier {
  return {
    async trustOf(approval) {
      if (!approval.signature) return 'unsigned'
      const signers = await readFile(allowedSigners, 'utf8').catch(() => null)
      if (signers === null) return 'forged'
      const message = approvalMessage(brief, { ...approval, id: approval.eventId })
      const key = createHash('sha256')
        .update(JSON.stringify([signers, message, approval.signature, approval.author]))
        .digest('hex')
      let verified = known.get(key)
      if (verified === undefined) {
        verified = await verifyMessage(message, approval.signature, approval.author, allowedSigners)
        known.set(key, verified)
      }
      return verified ? 'verified' : 'forged'
    },
  }
}

/** Generates an ed25519 key pair without a passphrase (the review server's own). */
export async function generateKey(keyFile: string, comment: string): Promise<void> {
  const result = await sshKeygen(['-q', '-t', 'ed25519', '-N', '', '-C', comment, '-f', keyFile], '')
  if (result.code !== 0)
    throw new EnvironmentProblem(`ssh-keygen could not make a key at ${keyFile}: ${firstLine(result.stderr)}`)
}

interface Finished {
  readonly code: number | null
  readonly stdout: string
  readonly stderr: string
}

function sshKeygen(args: readonly string[], input: string): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn('ssh-keygen', args, { stdio: ['pipe', 'pipe', 'pipe'] })
    const stdout: Buffer[] = []
    const stderr: Buffer[] = []
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk))
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk))
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new EnvironmentProblem('ssh-keygen is missing: install OpenSSH (apt-get install openssh-client)')
          : error,
      ),
    )
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() }),
    )
    // ssh-keygen may stop before reading everything (a bad key): its exit code says why, not a broken pipe.
    child.stdin.on('error', () => undefined)
    child.stdin.end(input)
  })
}

const firstLine = (text: string) => text.trim().split('\n')[0] ?? 'no message'

/**
 * The key to sign approvals with: `--key`, else git's `user.signingKey`
 * (set for signing commits with SSH), a path with `~` for the home folder.
 */
export async function signingKey(option: string | undefined, briefPath: string): Promise<string> {
  const configured = option ?? (await gitSigningKey(dirname(briefPath)))
  if (!configured)
    throw new BriefdeckProblem(
      'an approval is signed with your SSH key: pass --key ~/.ssh/id_ed25519 (or set git config user.signingKey)',
      { file: briefPath },
      'review-signing-key',
    )
  return configured.startsWith('~/') ? join(homedir(), configured.slice(2)) : configured
}

async function gitSigningKey(cwd: string): Promise<string | undefined> {
  return new Promise((resolve) =>
    execFile('git', ['config', '--get', 'user.signingkey'], { cwd }, (error, stdout) =>
      resolve(error ? undefined : stdout.trim() || undefined),
    ),
  )
}

/**
 * The approval with its signature. With `check`, the signature must verify
 * against the brief's allowed-signers file for the author, or nothing is
 * written: an approval that cannot count is refused with the line to add.
 */
export async function signedApproval(
  event: ReviewEvent,
  brief: Pick<Brief, 'name' | 'file'>,
  keyFile: string,
  check: boolean,
): Promise<ReviewEvent> {
  if (event.type !== 'approve') return event
  const message = approvalMessage(brief.name, event)
  const signature = await signMessage(message, keyFile)
  const allowed = allowedSignersPath(brief.file)
  if (check && !(await verifyMessage(message, signature, event.author, allowed).catch(() => false)))
    throw new BriefdeckProblem(
      `${keyFile} is not a key that this file lists for ${printable(event.author)}; add a line such as "${principalOf(event.author)}" namespaces="${approvalNamespace}" <the public key>`,
      { file: allowed },
      'review-signer',
    )
  return { ...event, signature }
}

/** A name as an allowed-signers principal: quoted, since names have spaces. */
export function principalOf(name: string): string {
  return name.replaceAll('"', '')
}
