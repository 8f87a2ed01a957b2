// Builds killed at chosen moments, for the tests that a deck folder is
// replaced as a whole: a small brief repository, the real binary, and the
// deck folder's files read back to say which deck it holds.
import { spawn, spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { cp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, relative, resolve } from 'node:path'

export interface KillableRepository {
  readonly root: string
  readonly deckDir: string
  /** Runs the build to its end (with more environment variables); its exit code. */
  build(env?: NodeJS.ProcessEnv): number | null
  /** Starts the build and kills it, with every process it started, after `milliseconds`. */
  buildFor(milliseconds: number): Promise<void>
  /** Runs the build to its end, listing every change it makes to the file system (kill-at-operation.mjs). */
  listOperations(): Promise<Operation[]>
  /** Runs the build and kills it just before its `index`-th change to the file system (1-based). */
  buildUntilOperation(index: number): void
  /** Changes a sentence that reaches a slide (to `phrase`), so that the next build makes another deck. */
  editSource(phrase?: string): Promise<void>
  /** The phrase `editSource` puts on the slides. */
  readonly editedPhrase: string
  /** Puts back a copy of the deck folder taken by `keepDeck`, and nothing beside it: what a killed build left there goes. */
  restoreDeck(): Promise<void>
  keepDeck(): Promise<void>
  /** Staging folders that killed builds left beside the deck. */
  leftovers(): Promise<string[]>
  remove(): Promise<void>
}

export interface Operation {
  /** The `fs` function, e.g. `rename`. */
  readonly name: string
  /** Its first argument. */
  readonly path: string
  /** What it changes: where a rename or a copy writes, else `path`. */
  readonly to: string
}

const killHook = resolve('tests/cli/kill-at-operation.mjs')

/** A brief repository with one brief of one audience; `extra` arguments follow `build <brief>`. */
export async function killableRepository(extra: readonly string[] = []): Promise<KillableRepository> {
  const root = mkdtempSync(join(tmpdir(), 'briefdeck-interrupted-'))
  const deckDir = join(root, 'out', 'harbors', 'congressional-staff')
  const source = join(root, 'briefs', 'sources', 'harbor-security-2024.txt')
  const kept = join(root, 'kept-deck')
  const args = [resolve('bin/briefdeck.js'), 'build', 'briefs/harbors.brief.yaml', ...extra]
  const editedPhrase = 'only two ports in the region'
  await cp('tests/fixtures/review/sources', join(root, 'briefs', 'sources'), { recursive: true })
  await cp('tests/fixtures/review/harbors.brief.yaml', join(root, 'briefs', 'harbors.brief.yaml'))
  await mkdir(join(root, '.git'))
  return {
    root,
    deckDir,
    editedPhrase,
    build: (env) => spawnSync(process.execPath, args, { cwd: root, env: { ...process.env, ...env } }).status,
    async listOperations() {
      const listing = join(root, 'operations.jsonl')
      await rm(listing, { force: true })
      const env = { ...process.env, BRIEFDECK_TEST_OPERATIONS: listing }
      const status = spawnSync(process.execPath, ['--import', killHook, ...args], { cwd: root, env }).status
      if (status !== 0) throw new Error(`the listed build exited with ${status}`)
      const lines = (await readFile(listing, 'utf8')).split('\n').filter(Boolean)
      return lines.map((line) => JSON.parse(line) as Operation)
    },
    buildUntilOperation(index) {
      const env = { ...process.env, BRIEFDECK_TEST_KILL_AT: String(index) }
      spawnSync(process.execPath, ['--import', killHook, ...args], { cwd: root, env })
    },
    buildFor: (milliseconds) =>
      new Promise((done) => {
        // A group of its own, so that the kill takes the print-site builder and Chromium with it, as a power cut would.
        const child = spawn(process.execPath, args, { cwd: root, stdio: 'ignore', detached: true })
        const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), milliseconds)
        child.on('exit', () => {
          clearTimeout(timer)
          done()
        })
      }),
    async editSource(phrase = editedPhrase) {
      const text = await readFile(source, 'utf8')
      await writeFile(source, text.replace(/only \w+ ports in the region/, phrase))
    },
    keepDeck: () => cp(deckDir, kept, { recursive: true }),
    async restoreDeck() {
      await rm(dirname(deckDir), { recursive: true, force: true })
      await cp(kept, deckDir, { recursive: true })
    },
    leftovers: async () =>
      (await readdir(dirname(deckDir))).filter((name) => name.startsWith('.congressional-staff.staging-')),
    remove: () => rm(root, { recursive: true, force: true }),
  }
}

/** Every file of a deck folder by its path in the folder, with a hash of its bytes. */
export async function deckFiles(deckDir: string): Promise<Map<string, string>> {
  const entries = await readdir(deckDir, { recursive: true, withFileTypes: true }).catch(() => [])
  const files = new Map<string, string>()
  for (const entry of entries.filter((each) => each.isFile())) {
    const file = join(entry.parentPath, entry.name)
    files.set(
      relative(deckDir, file),
      createHash('sha256')
        .update(await readFile(file))
        .digest('hex'),
    )
  }
  return new Map([...files].sort(([a], [b]) => a.localeCompare(b)))
}

export function sameFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...a].every(([path, hash]) => b.get(path) === hash)
}
