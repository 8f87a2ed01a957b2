#!/usr/bin/env node
// Export benchmark (`npm run bench`, after `npm run build`). In one run:
// - baseline: `slidev export --executable-path <chromium>` on each generated
//   slides.md, one after another (what a user does today): once on the fresh
//   decks (cold Vite cache), then timed with a warm cache, the baseline's
//   best case, against which the target is checked;
// - ours: the whole `briefdeck build --pdf` of the same brief from a fresh
//   output folder: decks, PDFs, handouts, PNGs, contact sheets and the check;
// - the export of one deck of 10 and of 40 slides.
// Wall time is the median of BENCH_RUNS runs (default 3); peak memory is the
// highest of as many more runs, sampled every 50 ms over each command's
// process tree, as the sum of RSS (the target's measure) and of PSS. Each
// figure is printed with its target beside it; a missed target exits 1.
import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href
const { buildBrief } = await import(dist('pipeline/index.js'))
const { exportDecks, findChromium } = await import(dist('export/index.js'))

const runs = Number(process.env.BENCH_RUNS ?? 3)
const targets = { ratio: 0.5, peakGiB: 1.5, scaling: 2 }
const sampleBrief = existsSync(join(root, 'briefs', 'pacific-alliances.brief.yaml'))
  ? join(root, 'briefs', 'pacific-alliances.brief.yaml')
  : join(root, 'tests', 'fixtures', 'briefs', 'sample.brief.yaml')
const slidevBin = join(dirname(createRequire(import.meta.url).resolve('@slidev/cli/package.json')), 'bin', 'slidev.mjs')
const briefdeckBin = join(root, 'bin', 'briefdeck.js')
const benchScript = fileURLToPath(import.meta.url)

if (process.argv[2] === '--synthetic') {
  await exportSyntheticDeck(Number(process.argv[3]), process.argv[4])
} else {
  await compare()
}

async function compare() {
  const chromium = findChromium()
  const work = await mkdtemp(join(tmpdir(), 'briefdeck-bench-'))
  try {
    console.log(`brief: ${relative(root, sampleBrief)}; median of ${runs} runs; ${chromium}`)
    const { decks } = await buildBrief(sampleBrief, { outDir: join(work, 'baseline') })
    console.log(`decks: ${decks.map((deck) => `${deck.audience} (${deck.plan.slides.length} slides)`).join(', ')}`)
    const slidevExports = decks.map((deck) => ({
      args: [
        slidevBin,
        'export',
        deck.slidesPath,
        '--executable-path',
        chromium,
        '--output',
        join(deck.dir, 'baseline.pdf'),
      ],
      cwd: deck.dir,
    }))
    // The first export of freshly generated decks fills Vite's dependency cache in each deck folder;
    // the timed runs after it use the warm cache, the baseline's best case, which the target is measured against.
    const cold = await measure(slidevExports, { sampled: false })
    const baseline = await measureRuns(() => slidevExports)
    const ours = await measureRuns((index) => [
      {
        args: [briefdeckBin, 'build', sampleBrief, '--pdf', '--quiet', '--out', join(work, `ours-${index}`)],
        cwd: root,
      },
    ])
    const ten = await measureRuns((index) => [
      { args: [benchScript, '--synthetic', '10', join(work, `ten-${index}`)], cwd: root },
    ])
    const forty = await measureRuns((index) => [
      { args: [benchScript, '--synthetic', '40', join(work, `forty-${index}`)], cwd: root },
    ])
    const ratio = ours.seconds / baseline.seconds
    const scaling = forty.seconds / ten.seconds
    const peakGiB = ours.rss / 2 ** 30

    printTable(
      ['', 'wall (median)', 'peak RSS sum', 'peak PSS sum', 'target'],
      [
        ['baseline: slidev export, decks in turn, cold', seconds(cold.seconds), '', '', '1 run'],
        [
          'baseline: slidev export, decks in turn, warm',
          seconds(baseline.seconds),
          gib(baseline.rss),
          gib(baseline.pss),
          '',
        ],
        ['briefdeck build --pdf (whole build)', seconds(ours.seconds), gib(ours.rss), gib(ours.pss), ''],
        [
          '  time, ours / warm baseline',
          ratio.toFixed(2),
          '',
          '',
          `<= ${targets.ratio}: ${verdict(ratio <= targets.ratio)}`,
        ],
        ['  time, ours / cold baseline', (ours.seconds / cold.seconds).toFixed(2), '', '', ''],
        [
          '  peak memory (RSS summed over the tree)',
          gib(ours.rss),
          '',
          '',
          `< ${targets.peakGiB} GiB: ${verdict(peakGiB < targets.peakGiB)}`,
        ],
        ['export of a 10-slide deck', seconds(ten.seconds), gib(ten.rss), gib(ten.pss), ''],
        ['export of a 40-slide deck', seconds(forty.seconds), gib(forty.rss), gib(forty.pss), ''],
        [
          '  time, 40 / 10 slides',
          scaling.toFixed(2),
          '',
          '',
          `< ${targets.scaling}: ${verdict(scaling < targets.scaling)}`,
        ],
      ],
    )
    const met = ratio <= targets.ratio && peakGiB < targets.peakGiB && scaling < targets.scaling
    console.log(met ? 'export targets met' : 'export targets MISSED')
    process.exitCode = met ? 0 : 1
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

/** A deck of `count` slides made of the fixture deck's slides, exported alone from a fresh folder. */
async function exportSyntheticDeck(count, work) {
  const fixtures = join(root, 'tests', 'fixtures', 'decks')
  const dir = join(work, 'deck')
  await cp(join(fixtures, 'theme'), join(work, 'theme'), { recursive: true })
  await cp(join(fixtures, 'sample'), dir, { recursive: true })
  const sample = JSON.parse(await readFile(join(fixtures, 'sample', 'plan.json'), 'utf8'))
  const markdown = await readFile(join(fixtures, 'sample', 'slides.md'), 'utf8')
  const [cover, ...bodies] = markdown.split(/^---\nlayout: default\n/m)
  const slides = Array.from(
    { length: count - 1 },
    (_, n) => `---\nlayout: default\n${bodies[n % bodies.length].replace(/^id: (.*)$/m, `id: $1-${n}`)}`,
  )
  await writeFile(join(dir, 'slides.md'), [cover, ...slides].join(''))
  const planSlides = [
    sample.slides[0],
    ...Array.from({ length: count - 1 }, (_, n) => ({
      ...sample.slides[1 + (n % (sample.slides.length - 1))],
      id: `s-${n}`,
    })),
  ]
  await exportDecks(
    [{ audience: 'synthetic', dir, slidesPath: join(dir, 'slides.md'), plan: { ...sample, slides: planSlides } }],
    { quiet: true },
  )
}

/**
 * Median wall time of `runs` runs, and the highest peaks of `runs` more runs
 * that are sampled: reading every process's memory 20 times a second takes
 * CPU from the command, so timed runs are not sampled. Each run is a list of
 * commands run one after another; `commandsOfRun` gets the run's number.
 */
async function measureRuns(commandsOfRun) {
  const times = []
  for (let index = 0; index < runs; index++)
    times.push((await measure(commandsOfRun(index), { sampled: false })).seconds)
  const peaks = []
  for (let index = runs; index < 2 * runs; index++) peaks.push(await measure(commandsOfRun(index), { sampled: true }))
  times.sort((a, b) => a - b)
  return {
    seconds: times[Math.floor(times.length / 2)],
    rss: Math.max(...peaks.map((result) => result.rss)),
    pss: Math.max(...peaks.map((result) => result.pss)),
  }
}

async function measure(commands, { sampled }) {
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
 * its descendants (Vite, Chromium): RSS summed, as the target is set, and PSS
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
  let rss = 0
  let pss = 0
  for (const pid of tree) {
    rss += kilobytes(readIfThere(`/proc/${pid}/status`), /VmRSS:\s+(\d+) kB/)
    pss += kilobytes(readIfThere(`/proc/${pid}/smaps_rollup`), /Pss:\s+(\d+) kB/)
  }
  return { rss, pss }
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

function seconds(value) {
  return `${value.toFixed(2)} s`
}

function gib(bytes) {
  return `${(bytes / 2 ** 30).toFixed(2)} GiB`
}

function verdict(ok) {
  return ok ? 'met' : 'MISSED'
}

function printTable(header, rows) {
  const widths = header.map((_, column) => Math.max(...[header, ...rows].map((row) => String(row[column]).length)))
  for (const row of [header, ...rows])
    console.log(
      row
        .map((cell, column) => String(cell).padEnd(widths[column]))
        .join('  ')
        .trimEnd(),
    )
}
