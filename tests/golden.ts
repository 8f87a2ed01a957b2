// Golden files: expected outputs reviewed by hand and kept in the repository.
// They are rewritten only when UPDATE=1 exactly (`UPDATE=1 npx vitest run
// tests/<area>`), never for UPDATE=0 or any other value; read the diff before
// committing it.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'

/** Read at each call, so that a test can show what another value of UPDATE does. */
export function updatingGoldens(): boolean {
  return process.env['UPDATE'] === '1'
}

/** Compares `actual` with a golden file, after writing it there when UPDATE=1. */
export function expectGolden(actual: string, golden: string | URL): void {
  const path = typeof golden === 'string' ? golden : fileURLToPath(golden)
  if (updatingGoldens()) {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, actual)
  }
  let expected: string
  try {
    expected = readFileSync(path, 'utf8')
  } catch {
    throw new Error(`no golden file ${path}: write it with UPDATE=1, then review it`)
  }
  expect(actual, `differs from the golden file ${path}`).toBe(expected)
}

/** A fixture folder: its inputs beside the expected outputs, named by the folder. */
export interface GoldenCase {
  readonly name: string
  /** A file of this case, input or expected output. */
  file(name: string): string
}

/** Every fixture folder under `root`, in name order: adding a case is adding a folder. */
export function goldenCases(root: string | URL): GoldenCase[] {
  const dir = typeof root === 'string' ? root : fileURLToPath(root)
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ name, file: (file: string) => join(dir, name, file) }))
}
