// SSH keys for tests, made with ssh-keygen as a reviewer would make theirs,
// and listed in the brief's allowed-signers file as the README tells.
import { execFileSync } from 'node:child_process'
import { appendFile, mkdir, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { allowedSignersPath, approvalNamespace } from '../../src/review/index.js'

/** A new key pair in `folder`; returns the private key's path. */
export async function newKey(folder: string, name: string): Promise<string> {
  await mkdir(folder, { recursive: true })
  const key = join(folder, `${name.replace(/\W+/g, '-')}-key`)
  execFileSync('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-C', name, '-f', key])
  return key
}

/** Lists a key for a reviewer in the brief's allowed signers, the line the README shows. */
export async function allowKey(briefPath: string, name: string, key: string): Promise<void> {
  const publicKey = (await readFile(`${key}.pub`, 'utf8')).trim()
  await mkdir(dirname(allowedSignersPath(briefPath)), { recursive: true })
  await appendFile(allowedSignersPath(briefPath), `"${name}" namespaces="${approvalNamespace}" ${publicKey}\n`)
}

/** A key made and allowed for the reviewer: what each reviewer sets up once. */
export async function reviewerKey(briefPath: string, name: string, folder: string): Promise<string> {
  const key = await newKey(folder, name)
  await allowKey(briefPath, name, key)
  return key
}
