#!/usr/bin/env node
// Extraction benchmark (`npm run bench`, after `npm run build`): throughput
// and peak memory on an input of at least 5 MB made of the sample sources,
// then 5-fold cross-validation of the argument models on arg-microtexts
// part 1, scored by the shared scorer, beside the first-sentence baseline on
// the same folds. Each figure is printed with its target beside it.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const sourcesDir = join(root, 'briefs', 'sources')
const corpus = join(root, '..', 'shared', 'bench', 'microtexts', 'en')
const scorer = join(root, '..', 'shared', 'bench', 'score-arguments.mjs')
const minimumBytes = 5 * 1024 * 1024
const folds = 5
const targets = { megabytesPerSecond: 1, memoryRatio: 10, thesisMean: 0.85, thesisWorst: 0.78, counterF1: 0.72 }

if (process.argv[2] === '--measure') {
  await measure(process.argv[3], process.argv[4])
} else {
  await report()
}

/**
 * Runs in a child process, so that its peak memory is the extraction's
 * alone. A first run on a fifth of the input warms the process up, so that
 * module loading, JIT compilation and the young generation's growth sit in
 * the baseline and the figures are those of the steady state.
 */
async function measure(file, warmUpFile) {
  const { readSource } = await import(new URL('../dist/ingest/index.js', import.meta.url).href)
  const { extract, readKnowledge } = await import(new URL('../dist/extract/index.js', import.meta.url).href)
  const knowledge = await readKnowledge()
  extract(await readSource(warmUpFile), knowledge)
  const baseline = process.memoryUsage().rss
  const started = process.hrtime.bigint()
  const cpuBefore = process.cpuUsage()
  const extraction = extract(await readSource(file), knowledge)
  const cpu = process.cpuUsage(cpuBefore)
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const peak = process.resourceUsage().maxRSS * 1024
  // CPU time counts the collector's helper threads too, so it is if anything an overestimate of one core's work.
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  console.log(
    JSON.stringify({ seconds, cpuSeconds, peakAboveBaseline: peak - baseline, blocks: extraction.blocks.length }),
  )
}

async function report() {
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
  await score()
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

/** The fold of a text, fixed by a hash of its file name. */
function foldOf(name) {
  return createHash('sha256').update(name).digest().readUInt32BE(0) % folds
}

/**
 * Fits on four folds and scores the fifth, five times, with the shared
 * scorer; the first-sentence baseline is scored on the same folds.
 */
async function score() {
  const { fitModels, loadCorpus } = await import('./lib/argument-models.mjs')
  const { argumentBlocks } = await import(new URL('../dist/extract/index.js', import.meta.url).href)
  const texts = loadCorpus(corpus)
  const dir = mkdtempSync(join(tmpdir(), 'briefdeck-folds-'))
  const rows = []
  try {
    for (let fold = 0; fold < folds; fold++) {
      const held = texts.filter((text) => foldOf(text.name) === fold)
      const model = fitModels(
        texts.filter((text) => foldOf(text.name) !== fold),
        `folds other than ${fold}`,
      )
      const predictions = held.map((text) => ({ file: text.file, blocks: argumentBlocks(text.document, model) }))
      const baseline = held.map((text) => ({ file: text.file, blocks: firstSentence(text.document) }))
      const foldDir = join(dir, String(fold))
      mkdirSync(foldDir)
      for (const text of held)
        for (const extension of ['.txt', '.xml'])
          symlinkSync(text.file.replace(/\.txt$/, extension), join(foldDir, text.name.replace(/\.txt$/, extension)))
      rows.push({
        fold,
        texts: held.length,
        model: scoreFold(foldDir, predictions),
        baseline: scoreFold(foldDir, baseline),
      })
    }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
  for (const row of rows)
    console.log(
      `fold ${row.fold} (${row.texts} texts): thesis ${row.model.thesis.toFixed(3)}, counterargument F1 ${row.model.counterF1.toFixed(3)}; first-sentence baseline thesis ${row.baseline.thesis.toFixed(3)}`,
    )
  const mean = (pick) => rows.reduce((sum, row) => sum + pick(row), 0) / rows.length
  const worst = (pick) => Math.min(...rows.map(pick))
  const thesisMean = mean((row) => row.model.thesis)
  const thesisWorst = worst((row) => row.model.thesis)
  const counterMean = mean((row) => row.model.counterF1)
  console.log(
    `thesis accuracy, ${folds}-fold cross-validation: mean ${thesisMean.toFixed(3)} (target >= ${targets.thesisMean}) ${verdict(thesisMean >= targets.thesisMean)}, worst fold ${thesisWorst.toFixed(3)} (target >= ${targets.thesisWorst}) ${verdict(thesisWorst >= targets.thesisWorst)}; first-sentence baseline mean ${mean((row) => row.baseline.thesis).toFixed(3)}, worst ${worst((row) => row.baseline.thesis).toFixed(3)}`,
  )
  console.log(
    `counterargument F1, ${folds}-fold cross-validation: mean ${counterMean.toFixed(3)} (target >= ${targets.counterF1}) ${verdict(counterMean >= targets.counterF1)}, worst fold ${worst((row) => row.model.counterF1).toFixed(3)}; first-sentence baseline ${mean((row) => row.baseline.counterF1).toFixed(3)} (it marks none)`,
  )
}

/** The baseline: the first sentence is the thesis, and nothing is a counterargument. */
function firstSentence(document) {
  const first = document.sentences[0]
  return first ? [{ kind: 'thesis', text: first.text, start: first.start, end: first.end }] : []
}

/** The shared scorer's figures for one fold's predictions. */
function scoreFold(foldDir, predictions) {
  const file = join(foldDir, 'predictions.json')
  writeFileSync(file, JSON.stringify(predictions))
  const result = spawnSync(process.execPath, [scorer, '--corpus', foldDir, '--predictions', file], { encoding: 'utf8' })
  const line = /SCORE thesis=([\d.]+) counter_f1=([\d.]+)/.exec(result.stdout)
  if (result.status !== 0 || !line) throw new Error(`the scorer failed: ${result.stderr.trim().split('\n').at(-1)}`)
  return { thesis: Number(line[1]), counterF1: Number(line[2]) }
}

function verdict(met) {
  return met ? 'ok' : 'BELOW TARGET'
}
