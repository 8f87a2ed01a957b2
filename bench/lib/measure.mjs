// What every benchmark of a command needs: wall times of runs that are not
// sampled, peak memory of the whole process tree from runs that are, and a
// table of figures with their targets beside them; and a cold start.
import { spawn } from 'node:child_process'
import { readFileSync, readdirSync } from 'node:fs'
import { rm } from 'node:fs/promises'
import { join } from 'node:path'

export const runs = Number(process.env.BENCH_RUNS ?? 3)

/**
 * Median wall time of `runs` runs, and the highest peaks of `runs` more runs
 * that are sampled: reading every process's memory 20 times a second takes
 * CPU from the command, so timed runs are not sampled. Each run is a list of
 * commands run one after another; `commandsOfRun` gets the run's number, and
 * `before` (not timed) prepares each run; `runs` and `sampledRuns` say how many of each.
 */
export async function measureRuns(
  commandsOfRun,
  { before = async () => {}, sampledRuns = runs, runs: timedRuns = runs } = {},
) {
  const times = []
  for (let index = 0; index < timedRuns; index++) {
    await before(index)
    times.push((await measure(commandsOfRun(index), { sampled: false })).seconds)
  }
  const peaks = []
  for (let index = timedRuns; index < timedRuns + sampledRuns; index++) {
    await before(index)
    peaks.push(await measure(commandsOfRun(index), { sampled: true }))
  }
  return {
    seconds: median(times),
    rss: Math.max(0, ...peaks.map((result) => result.rss)),
    pss: Math.max(0, ...peaks.map((result) => result.pss)),
  }
}

/**
 * Median wall time of each command's `runs` runs, taken in turns (a, b, a,
 * b, …), so that a slow spell of the machine, which swings by a third from
 * minute to minute, weighs on both sides of their ratio. Each side is a
 * `{ commandsOfRun, before }` as `measureRuns` takes; a `{ seconds }` per side.
 */
export async function measureInTurns(sides, { runs: timedRuns = runs } = {}) {
  const times = sides.map(() => [])
  for (let index = 0; index < timedRuns; index++) {
    for (const [side, { commandsOfRun, before = async () => {} }] of sides.entries()) {
      await before(index)
      times[side].push((await measure(commandsOfRun(index), { sampled: false })).seconds)
    }
  }
  return times.map((sideTimes) => ({ seconds: median(sideTimes) }))
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}

export async function measure(commands, { sampled }) {
  const started = performance.now()
  let rss = 0
  let pss = 0
  for (const { args, cwd } of commands) {
    const peaks = await run(args, cwd, sampled)
    rss = Math.max(rss, peaks.rss)
    pss = Math.max(pss, peaks.pss)
  }
  return { seconds: (performance.now() - started) / 1000, rss, pss }
}

/**
 * Runs `node args`; when sampled, reads every 50 ms the memory of it and all
 * its descendants (Vite, Chromium): RSS summed, as the targets are set, and PSS
 * summed, which shares the pages that processes have in common out among them.
 */
function run(args, cwd, sampled) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, CI: '1' },
    })
    let errors = ''
    let peaks = { rss: 0, pss: 0 }
    const sample = () => {
      const now = treeMemory(child.pid)
      peaks = { rss: Math.max(peaks.rss, now.rss), pss: Math.max(peaks.pss, now.pss) }
    }
    const timer = sampled ? setInterval(sample, 50) : undefined
    child.stderr.on('data', (chunk) => (errors += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      clearInterval(timer)
      if (code === 0) resolve(peaks)
      else reject(new Error(`${args.slice(0, 3).join(' ')} failed (${code}):\n${errors}`))
    })
  })
}

function treeMemory(rootPid) {
  let rss = 0
  let pss = 0
  for (const pid of processTree(rootPid)) {
    rss += kilobytes(readIfThere(`/proc/${pid}/status`), /VmRSS:\s+(\d+) kB/)
    pss += kilobytes(readIfThere(`/proc/${pid}/smaps_rollup`), /Pss:\s+(\d+) kB/)
  }
  return { rss, pss }
}

/** A process and all its descendants, from /proc. */
export function processTree(rootPid) {
  const parents = new Map()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = readIfThere(`/proc/${entry}/stat`)
    if (stat) parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
  }
  const tree = new Set([rootPid])
  for (let grew = true; grew;) {
    grew = false
    for (const [pid, parent] of parents) {
      if (tree.has(parent) && !tree.has(pid)) {
        tree.add(pid)
        grew = true
      }
    }
  }
  return tree
}

/** Processes end between listing and reading; those count as nothing. */
function readIfThere(path) {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

function kilobytes(text, pattern) {
  const match = text ? pattern.exec(text) : null
  return match ? Number(match[1]) * 1024 : 0
}

export function seconds(value) {
  return `${value.toFixed(2)} s`
}

export function gib(bytes) {
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`
}

export function verdict(ok) {
  return ok ? 'met' : 'MISSED'
}

export function printTable(header, rows) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column]).length)))
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, column) => String(cell).padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
}

/** Makes the next build of a brief repository analyse its sources afresh (src/pipeline/analysis-cache.ts): cold stays cold. */
export function forgetAnalyses(repository) {
  return rm(join(repository, '.briefdeck', 'cache'), { recursive: true, force: true })
}
