// What the ingest tests share: files written to a folder of their own, and
// problems in the one-line form the CLI prints.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect } from 'vitest'
import { BriefdeckProblem } from '../../src/model/index.js'

/** A writer of files into a new temporary folder, returning each file's path. */
export function sourceFolder(prefix: string): {
  dir: string
  file: (name: string, bytes: Uint8Array | string) => string
} {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return {
    dir,
    file: (name, bytes) => {
      const path = join(dir, name)
      writeFileSync(path, bytes)
      return path
    },
  }
}

/** The one-line form the CLI prints, so the assertions read like the user's screen. */
export async function problemOf(read: () => unknown): Promise<string> {
  try {
    await read()
  } catch (error) {
    expect(error).toBeInstanceOf(BriefdeckProblem)
    return String(error)
  }
  throw new Error('expected a BriefdeckProblem')
}
