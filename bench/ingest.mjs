#!/usr/bin/env node
// Ingest benchmark (`npm run bench`, after `npm run build`): the shared
// scorer over the CRS products in markdown and in PDF (metadata, and
// furniture among the blocks `extract` returns) and over the saved web pages
// (article body F1), then the time per web page and the peak memory of
// reading them all. Each figure is printed with its target beside it.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const shared = join(root, '..', 'shared')
const scorer = join(shared, 'bench', 'score-sources.mjs')
const briefdeck = `${process.execPath} ${join(root, 'bin', 'briefdeck.js')}`
const targets = { title: 0.98, date: 0.98, authors: 0.95, furniture: 0.01, bodyF1: 0.96, medianMs: 50 }

if (process.argv[2] === '--measure') {
  await measure(process.argv.slice(3))
} else {
  report()
}

/** Runs in a child process, so that its peak memory is that of reading the pages alone. */
async function measure(files) {
  const { readSource } = await import(new URL('../dist/ingest/index.js', import.meta.url).href)
  await readSource(files[0])
  const times = []
  for (const file of files) {
    const started = process.hrtime.bigint()
    await readSource(file)
    times.push(Number(process.hrtime.bigint() - started) / 1e6)
  }
  times.sort((a, b) => a - b)
  const peak = process.resourceUsage().maxRSS * 1024
  console.log(JSON.stringify({ median: times[Math.floor(times.length / 2)], max: times.at(-1), peak }))
}

function score(corpus, only, withBlocks) {
  const args = [scorer, '--corpus', join(shared, 'corpus', corpus), '--cmd', `${briefdeck} ingest --json`]
  if (only) args.push('--only', only)
  if (withBlocks) args.push('--blocks', `${briefdeck} extract --json`)
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 28 })
  const line = child.stdout.split('\n').find((text) => text.startsWith('SCORE')) ?? ''
  const figures = Object.fromEntries(
    [...line.matchAll(/(\w+)=([\d.]+|n\/a)/g)].map(([, key, value]) => [key, Number(value)]),
  )
  const failedLine = child.stdout.split('\n').find((text) => /failed on [1-9]/.test(text))
  if (failedLine) console.log(`  (${failedLine.trim()})`)
  return figures
}

function row(label, value, target, atMost = false) {
  const ok = Number.isFinite(value) && (atMost ? value <= target : value >= target)
  const shown = Number.isFinite(value) ? value.toFixed(3) : 'n/a'
  console.log(
    `  ${label.padEnd(34)} ${shown.padStart(8)}   target ${atMost ? '≤' : '≥'} ${target}  ${ok ? 'ok' : 'MISSED'}`,
  )
}

function report() {
  for (const [label, only] of [
    ['CRS markdown', '^md/'],
    ['CRS PDF', '^pdf/'],
  ]) {
    const figures = score('crs', only, true)
    console.log(label)
    row('title', figures.title, targets.title)
    row('date', figures.date, targets.date)
    row('authors', figures.authors, targets.authors)
    row('furniture share of extract blocks', figures.furniture, targets.furniture, true)
  }
  const web = score('articles', undefined, false)
  console.log('Web pages')
  row('body F1', web.body_f1, targets.bodyF1)
  const pages = join(shared, 'corpus', 'articles', 'html')
  const files = readdirSync(pages)
    .filter((name) => name.endsWith('.html'))
    .map((name) => join(pages, name))
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', ...files], {
    encoding: 'utf8',
  })
  if (child.status !== 0) throw new Error(`measurement failed:\n${child.stderr}`)
  const { median, max, peak } = JSON.parse(child.stdout)
  row('median ms per page (one core)', median, targets.medianMs, true)
  console.log(
    `  slowest page ${max.toFixed(0)} ms; peak memory ${(peak / 1024 / 1024).toFixed(0)} MB for ${files.length} pages`,
  )
}
