#!/usr/bin/env node
// PDF reading benchmark (`npm run bench`, after `npm run build`): pages a second that the PDF
// reader lays out (text extraction, lines, columns, blocks and metadata) over the CRS PDFs of the
// shared corpus, on one core, with the process's peak memory; pdf.js's bare text extraction of the
// same files beside it, as the anchor. Each figure is printed with its target beside it.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const corpus = join(root, '..', 'shared', 'corpus', 'crs', 'pdf')
const targets = { pagesPerSecond: 30 }

if (process.argv[2] === '--measure') {
  await measure(process.argv[3], process.argv.slice(4))
} else {
  report()
}

/** Runs in a child process, so that its peak memory is the reading's alone. */
async function measure(mode, files) {
  const read =
    mode === 'bare'
      ? await bareExtraction()
      : (await import(new URL('../dist/ingest/pdf/index.js', import.meta.url).href)).readPdf
  // A first file warms the process up (module loading, compilation) outside the measure.
  await read(new Uint8Array(readFileSync(files[0])), files[0])
  const cpuBefore = process.cpuUsage()
  const started = process.hrtime.bigint()
  let pages = 0
  for (const file of files) pages += (await read(new Uint8Array(readFileSync(file)), file)).pageCount
  const seconds = Number(process.hrtime.bigint() - started) / 1e9
  const cpu = process.cpuUsage(cpuBefore)
  const cpuSeconds = (cpu.user + cpu.system) / 1e6
  console.log(JSON.stringify({ pages, seconds, cpuSeconds, peakBytes: process.resourceUsage().maxRSS * 1024 }))
}

/** pdf.js's text extraction alone, page by page, with the options the reader uses. */
async function bareExtraction() {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs')
  return async (bytes) => {
    const document = await getDocument({ data: bytes, isEvalSupported: false, disableFontFace: true, verbosity: 0 })
      .promise
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number)
      await page.getTextContent()
      page.cleanup()
    }
    const pageCount = document.numPages
    await document.destroy()
    return { pageCount }
  }
}

function run(mode, files) {
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--measure', mode, ...files], {
    encoding: 'utf8',
    cwd: root,
  })
  if (child.status !== 0) throw new Error(`measurement failed:\n${child.stderr}`)
  return JSON.parse(child.stdout)
}

function report() {
  if (!existsSync(corpus)) {
    console.log(`no PDF corpus at ${corpus}; skipped`)
    return
  }
  const files = readdirSync(corpus)
    .filter((name) => name.endsWith('.pdf'))
    .sort()
    .map((name) => join(corpus, name))
  const bare = run('bare', files)
  const ours = run('reader', files)
  const rate = (result) => result.pages / result.cpuSeconds
  const megabytes = (bytes) => (bytes / 1024 / 1024).toFixed(0)
  console.log(`input: ${files.length} PDFs, ${ours.pages} pages (after one warm-up file)`)
  console.log(
    `bare pdf.js text extraction: ${rate(bare).toFixed(1)} pages/s of CPU time, peak memory ${megabytes(bare.peakBytes)} MB`,
  )
  const passed = rate(ours) >= targets.pagesPerSecond
  console.log(
    `PDF reader with layout analysis: ${rate(ours).toFixed(1)} pages/s of CPU time on one thread (target >= ${targets.pagesPerSecond} pages/s) ${passed ? 'ok' : 'MISSED'}; ${(ours.pages / ours.seconds).toFixed(1)} pages/s by the wall clock; peak memory ${megabytes(ours.peakBytes)} MB`,
  )
  if (!passed) process.exitCode = 1
}
