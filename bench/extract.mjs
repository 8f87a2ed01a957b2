#!/usr/bin/env node
// Extraction benchmark (`npm run bench`, after `npm run build`): throughput
// and peak memory on an input of at least 5 MB made of the sample sources,
// then the argument-quality scores of the shared scorer. Each figure is
// printed with its target beside it.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const sourcesDir = join(root, 'briefs', 'sources')
const corpus = join(root, '..', 'shared', 'bench', 'microtexts', 'en')
const scorer = join(root, '..', 'shared', 'bench', 'score-arguments.mjs')
const minimumBytes = 5 * 1024 * 1024
const targets = { megabytesPerSecond: 1, memoryRatio: 10, thesis: 0.8, counterF1: 0.7 }

if (process.argv[2] === '--measure') {
  await measure(process.argv[3], process.argv[4])
} else {
  report()
}

/**
 * Runs in a child process, so that its peak memory is the extraction's
 * alone. A first run on a fifth of the input warms the process up, so that
 * module loading, JIT compilation and the young generation's growth sit in
 * the baseline and the figures are those of the steady state.
 */
async function measure(file, warmUpFile) {
  const { readSource } = await import(new URL('../dist/ingest/index.js', import.meta.url).href)
  const { extract } = await import(new URL('../dist/extract/index.js', import.meta.url).href)
  extract(await readSource(warmUpFile))
  const baseline = process.memoryUsage().rss
  const started = process.hrtime.bigint()
  const cpuBefore = process.cpuUsage()
  const extraction = extract(await readSource(file))
  const cpu = process.cpuUsage(cpuBefore)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const peak = process.resourceUsage().maxRSS * 1024
  // CPU time counts the collector's helper threads too, so it is if anything an overestimate of one core's work.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  console.log(
    JSON.stringify({ seconds, cpuSeconds, peakAboveBaseline: peak - baseline, blocks: extraction.blocks.length }),
  )
}

function report() {
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-bench-'))
  try {
    const file = join(dir, 'large-source.txt')
    const warmUpFile = join(dir, 'warm-up-source.txt')
    const bytes = writeSource(file, minimumBytes)
    writeSource(warmUpFile, minimumBytes / 5)
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', file, warmUpFile], {
      encoding: 'utf8',
    })
    if (child.status !== 0) throw new Error(`measurement failed:\n${child.stderr}`)
    const { seconds, cpuSeconds, peakAboveBaseline, blocks } = JSON.parse(child.stdout)
    const megabytes = bytes / 1024 / 1024
    const throughput = megabytes / cpuSeconds
    const ratio = peakAboveBaseline / bytes
    console.log(
      `input: ${megabytes.toFixed(1)} MB of the sample sources (${blocks} blocks); read + ingest + extract after a warm-up run: ${cpuSeconds.toFixed(2)} s of CPU, ${seconds.toFixed(2)} s wall clock`,
    )
    console.log(
      `throughput: ${throughput.toFixed(2)} MB/s of CPU time on one thread (target >= ${targets.megabytesPerSecond} MB/s) ${verdict(throughput >= targets.megabytesPerSecond)}; by the wall clock ${(megabytes / seconds).toFixed(2)} MB/s on a shared machine`,
    )
    console.log(
      `peak memory: ${(peakAboveBaseline / 1024 / 1024).toFixed(0)} MB above baseline = ${ratio.toFixed(1)}x the input (target < ${targets.memoryRatio}x) ${verdict(ratio < targets.memoryRatio)}`,
    )
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  score()
}

/** Concatenates the sample sources until the file holds at least `size` bytes; returns its size. */
function writeSource(file, size) {
  const sources = readdirSync(sourcesDir)
    .filter((name) => /\.(txt|md)$/.test(name))
    .sort()
    .map((name) => readFileSync(join(sourcesDir, name), 'utf8'))
  const one = sources.join('\n\n')
  const copies = Math.ceil(size / Buffer.byteLength(one))
  writeFileSync(file, Array.from({ length: copies }, () => one).join('\n\n'))
  return Buffer.byteLength(one) * copies + 2 * (copies - 1)
}

function score() {
  const result = spawnSync(
    process.execPath,
    [scorer, '--corpus', corpus, '--cmd', `"${process.execPath}" bin/briefdeck.js extract --json`],
    { cwd: root, encoding: 'utf8' },
  )
  if (result.status !== 0) {
    console.log(`argument quality: the scorer failed (${result.stderr.trim().split('\n').at(-1)})`)
    process.exitCode = 1
    return
  }
  process.stdout.write(result.stdout)
  const line = /SCORE thesis=([\d.]+) counter_f1=([\d.]+)/.exec(result.stdout)
  if (!line) return
  const [thesis, counterF1] = [Number(line[1]), Number(line[2])]
  console.log(
    `thesis accuracy: ${thesis.toFixed(3)} (target >= ${targets.thesis}; first-sentence baseline 0.57) ${verdict(thesis >= targets.thesis)}`,
  )
  console.log(
    `counterargument F1: ${counterF1.toFixed(3)} (target >= ${targets.counterF1}; cue-word baseline 0.37) ${verdict(counterF1 >= targets.counterF1)}`,
  )
}

function verdict(met) {
  return met ? 'ok' : 'BELOW TARGET'
}
