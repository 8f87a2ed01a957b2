// present, serve, export --pptx and build --watch as a user runs them: the
// real binary, started from a folder of its own with the default --out. A
// stop signal to present, serve or a build stops every process it started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const binary = resolve('bin/briefdeck.js')
let repo: string

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-long-running-'))
  await writeFile(join(repo, 'package.json'), '{}\n')
  await cp('briefs', join(repo, 'briefs'), { recursive: true })
})
afterAll(() => rm(repo, { recursive: true, force: true }))

/** briefdeck's own lines that are neither warnings about a deck's content nor a watching build's word that it waits. */
const errors = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('briefdeck: ') && !/ warning \[|^briefdeck: watching for changes/.test(line))

interface Started {
  readonly child: ChildProcess
  readonly output: () => string
  readonly exited: Promise<number | null>
}

function start(...args: string[]): Started {
  return startWith(process.env, ...args)
}

function startWith(env: NodeJS.ProcessEnv, ...args: string[]): Started {
  const child = spawn('node', [binary, ...args], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)))
  return { child, output: () => output, exited }
}

async function untilAnswering(url: string, started: Started): Promise<void> {
  for (let tries = 0; tries < 600; tries++) {
    const ok = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (ok) return
    await new Promise((wait) => setTimeout(wait, 250))
  }
  throw new Error(`${url} never answered:\n${started.output()}`)
}

/** Each running process's parent, read from /proc. */
function parentsOfProcesses(): Map<number, number> {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // The process ended while we looked.
    }
  }
  return parents
}

/** The processes `pid` started itself (for briefdeck: the site builder and Chromium). */
function children(pid: number): number[] {
  return [...parentsOfProcesses()].filter(([, parent]) => parent === pid).map(([child]) => child)
}

/**
 * A site builder (node) or a browser (chromium) that `parent` started, not a
 * short-lived tool such as pdftotext. A child forked but not yet running its
 * program is still a copy of its parent, named node with the parent's
 * command line: under load a poll can catch pdftotext so.
 */
function isWorkerOf(parent: number): (pid: number) => boolean {
  const parentCommandLine = readFileSync(`/proc/${parent}/cmdline`, 'utf8')
  return (pid) => {
    try {
      return (
        /^(node|chromium)/.test(readFileSync(`/proc/${pid}/comm`, 'utf8')) &&
        readFileSync(`/proc/${pid}/cmdline`, 'utf8') !== parentCommandLine
      )
    } catch {
      return false
    }
  }
}

/** What a process runs, for a failure to name it. */
function commandLineOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ').slice(0, 200)
  } catch {
    return 'ended'
  }
}

/** Every process below `pid`. */
function descendants(pid: number): number[] {
  const parents = parentsOfProcesses()
  const found = new Set([pid])
  for (let grew = true; grew;) {
    grew = false
    for (const [child, parent] of parents)
      if (found.has(parent) && !found.has(child)) {
        found.add(child)
        grew = true
      }
  }
  found.delete(pid)
  return [...found]
}

/** A process that still runs (a zombie waiting for its parent counts as gone). */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'))
  } catch {
    return false
  }
}

async function stopAndLookForSurvivors(started: Started, signal: NodeJS.Signals): Promise<number[]> {
  const children = descendants(started.child.pid!)
  expect(children.length).toBeGreaterThan(0)
  started.child.kill(signal)
  await started.exited
  await new Promise((wait) => setTimeout(wait, 1000))
  return children.filter(alive)
}

describe('briefdeck present from a folder of its own, default --out', () => {
  for (const [signal, port] of [
    ['SIGTERM', 14_631],
    ['SIGINT', 14_632],
  ] as const) {
    it(`serves the deck and leaves no process behind on ${signal}`, async () => {
      const started = start(
        'present',
        'briefs/pacific-alliances.brief.yaml',
        '--audience',
        'congressional-staff',
        '--no-open',
        '--port',
        String(port),
      )
      await untilAnswering(`http://localhost:${port}/`, started)
      expect(existsSync(join(repo, 'out', 'pacific-alliances', 'congressional-staff', 'slides.md'))).toBe(true)
      expect(await stopAndLookForSurvivors(started, signal)).toEqual([])
      expect(await started.exited).toBe(0)
      expect(errors(started.output())).toEqual([])
    })
  }
})

describe('briefdeck serve from a folder of its own', () => {
  const serve = (port: number) => start('serve', 'briefs/pacific-alliances.brief.yaml', '--port', String(port))

  it('stops its site builds on SIGTERM while they run', async () => {
    const started = serve(14_640)
    for (let tries = 0; descendants(started.child.pid!).length === 0 && tries < 400; tries++)
      await new Promise((wait) => setTimeout(wait, 50))
    expect(await stopAndLookForSurvivors(started, 'SIGTERM')).toEqual([])
    expect(await started.exited).toBe(0)
  })

  it('serves every deck, writes nothing under out/, and exits 0 on SIGINT', async () => {
    const started = serve(14_641)
    await untilAnswering('http://127.0.0.1:14641/allied-ministry/', started)
    expect(started.output()).toContain('congressional-staff: http://127.0.0.1:14641/congressional-staff/')
    // present built the staff deck there; serve writes neither deck.
    expect(existsSync(join(repo, 'out', 'pacific-alliances', 'allied-ministry'))).toBe(false)
    started.child.kill('SIGINT')
    expect(await started.exited).toBe(0)
  })
})

describe('briefdeck export --pptx from a folder of its own, default --out', () => {
  it('writes the PPTX', () => {
    const result = spawnSync(
      'node',
      [
        binary,
        'export',
        'briefs/pacific-alliances.brief.yaml',
        '--audience',
        'allied-ministry',
        '--pptx',
        '--no-check',
        '--quiet',
      ],
      { cwd: repo, encoding: 'utf8' },
    )
    expect(errors(result.stderr)).toEqual([])
    expect(result.status).toBe(0)
    expect(
      existsSync(join(repo, 'out', 'pacific-alliances', 'allied-ministry', 'pacific-alliances-allied-ministry.pptx')),
    ).toBe(true)
  })
})

describe('briefdeck build --watch from a folder of its own', () => {
  it('rebuilds on an edit with the builder and Chromium it started, never for its own output or through a link, with a new builder once one died, and leaves no process behind on SIGTERM', async () => {
    const briefPath = join(repo, 'briefs', 'pacific-alliances.brief.yaml')
    const brief = await readFile(briefPath, 'utf8')
    // A link to a folder out of the repository, which is watched as a link and not followed.
    const elsewhere = await mkdtemp(join(tmpdir(), 'briefdeck-elsewhere-'))
    await symlink(elsewhere, join(repo, 'elsewhere'))
    const started = start(
      'build',
      'briefs/pacific-alliances.brief.yaml',
      '--pdf',
      '--quiet',
      '--watch',
      '--out',
      'watched',
    )
    const watchingLines = () =>
      started
        .output()
        .split('\n')
        .filter((line) => line.includes('watching for changes'))
    const until = async (condition: () => boolean, what: string) => {
      for (let tries = 0; !condition() && tries < 1200; tries++) await new Promise((wait) => setTimeout(wait, 100))
      if (!condition()) throw new Error(`never ${what}:\n${started.output()}`)
    }
    try {
      await until(() => watchingLines().length === 1, 'watched')
      const isWorker = isWorkerOf(started.child.pid!)
      const workers = children(started.child.pid!).filter(isWorker)
      expect(workers.length).toBe(2)
      await writeFile(briefPath, brief.replace(/^title: .*$/m, 'title: A watched title'))
      // Every process it starts while rebuilding is seen: a builder or a browser of the rebuild's own would live for seconds.
      const seen = new Map<number, string>()
      await until(() => {
        children(started.child.pid!)
          .filter(isWorker)
          .forEach((pid) => seen.set(pid, commandLineOf(pid)))
        return watchingLines().length === 2
      }, 'rebuilt')
      const slides = await readFile(join(repo, 'watched', 'pacific-alliances', 'allied-ministry', 'slides.md'), 'utf8')
      expect(slides).toContain('A watched title')
      expect([...seen.keys()].sort(), JSON.stringify([...seen])).toEqual(workers.sort())
      // Its own writes into watched/ and .briefdeck/ would start a build again, and again; the write through the link, one.
      await writeFile(join(elsewhere, 'notes.txt'), 'not in the repository\n')
      await new Promise((wait) => setTimeout(wait, 2000))
      expect(watchingLines().length).toBe(2)
      // A builder that died (killed, out of memory) is replaced at the next build.
      const builder = workers.find((pid) => readFileSync(`/proc/${pid}/comm`, 'utf8').startsWith('node'))!
      process.kill(builder, 'SIGKILL')
      await until(() => !alive(builder), 'saw the builder die')
      // briefdeck hears of it within some hundredths of a second; a build that starts before then fails, and the next one has a new builder.
      await new Promise((wait) => setTimeout(wait, 500))
      await writeFile(briefPath, brief.replace(/^title: .*$/m, 'title: A title after the builder died'))
      await until(() => watchingLines().length === 3, 'rebuilt after the builder died')
      const pdf = join(repo, 'watched', 'pacific-alliances', 'allied-ministry', 'pacific-alliances-allied-ministry.pdf')
      expect(spawnSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).stdout).toContain(
        'A title after the builder died',
      )
      expect(await stopAndLookForSurvivors(started, 'SIGTERM')).toEqual([])
      expect(await started.exited).toBe(0)
      expect(errors(started.output())).toEqual([])
    } finally {
      started.child.kill('SIGKILL')
      await writeFile(briefPath, brief)
      await rm(join(repo, 'elsewhere'))
      await rm(elsewhere, { recursive: true })
    }
  })
})

describe('briefdeck build --pdf stopped while Chromium prints', () => {
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(`leaves no process and no browser profile behind on ${signal}, and exits ${code}`, async () => {
      // Chromium's profile folder goes into the temporary folder: one of the test's own, to look into after.
      const temporary = await mkdtemp(join(tmpdir(), 'briefdeck-signal-'))
      try {
        const started = startWith(
          { ...process.env, TMPDIR: temporary },
          'build',
          'briefs/pacific-alliances.brief.yaml',
          '--pdf',
          '--force',
          '--quiet',
          '--out',
          `stopped-${signal}`,
        )
        const isChromium = (pid: number) => {
          try {
            return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(`--user-data-dir=${temporary}`)
          } catch {
            return false
          }
        }
        for (let tries = 0; !descendants(started.child.pid!).some(isChromium) && tries < 600; tries++)
          await new Promise((wait) => setTimeout(wait, 50))
        expect(descendants(started.child.pid!).some(isChromium), started.output()).toBe(true)
        expect(await stopAndLookForSurvivors(started, signal)).toEqual([])
        expect(await started.exited).toBe(code)
        expect(readdirSync(temporary).filter((name) => name.startsWith('playwright'))).toEqual([])
      } finally {
        await rm(temporary, { recursive: true, force: true })
      }
    })
  }
})
