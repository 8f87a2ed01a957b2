import { createHash, type Hash } from 'node:crypto'

/** Hashes each part length-prefixed, so that no two different lists of parts hash alike. */
export function hashParts(hash: Hash, parts: readonly (string | Uint8Array)[]): Hash {
  for (const part of parts) {
    const bytes = typeof part === 'string' ? Buffer.from(part) : part
    hash.update(`${bytes.length}:`).update(bytes)
  }
  return hash
}

/** SHA-256 of the text or bytes, in hex. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
