// present, serve and export --pptx as a user runs them: the real binary,
// started from a folder of its own with the default --out. A stop signal to
// present or serve stops every process it started.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
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

interface Started {
  readonly child: ChildProcess
  readonly output: () => string
  readonly exited: Promise<number | null>
}

function start(...args: string[]): Started {
  const child = spawn('node', [binary, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] })
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

/** Every process below `pid`, read from /proc. */
function descendants(pid: number): number[] {
  const parents = new Map<number, number>()
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {
      // The process ended while we looked.
    }
  }
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
      expect(started.output()).not.toMatch(/Slidev stopped|is in use|briefdeck: /)
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
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(
      existsSync(join(repo, 'out', 'pacific-alliances', 'allied-ministry', 'pacific-alliances-allied-ministry.pptx')),
    ).toBe(true)
  })
})
