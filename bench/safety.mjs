#!/usr/bin/env node
// Safety benchmark (`npm run bench`, after `npm run build`): how long a
// hostile source of long character runs takes through ingest and extract,
// and whether a review server's writes stay as fast with a long review log
// as with an empty one. Each figure is printed with its target beside it.
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
const dist = (path) => import(join(root, 'dist', path))
// 200 KB in 5 s is what a linear pass costs at worst here (micromark on a run of `[`); a quadratic one took minutes.
const targets = { secondsPer200KB: 5, writeLatencyRatio: 1.5 }
const verdict = (ok) => (ok ? 'ok' : 'MISSED')

const [{ ingest }, { extract, readKnowledge }] = await Promise.all([dist('ingest/index.js'), dist('extract/index.js')])
const knowledge = await readKnowledge()

/** 200 KB of one unit, inside a sentence: the shape that made quadratic patterns take minutes. */
async function characterRuns() {
  const units = [
    '-',
    ' ',
    '\t',
    '.',
    ',',
    'a',
    'A',
    '7',
    ')',
    '_',
    '*',
    '[',
    '<',
    '|',
    '—',
    'http://x.y/',
    'U.S. ',
    'AB (CD) ',
    'Smith said ',
  ]
  const files = ['run.txt', 'run.md']
  for (const file of files) {
    let worst = { seconds: 0, what: '' }
    for (const unit of units) {
      const text = `The alliance should act ${unit.repeat(Math.ceil(200_000 / unit.length))} now. Japan (JP) agrees.\n`
      const started = process.hrtime.bigint()
      extract(ingest(text, { file }), knowledge)
      const seconds = Number(process.hrtime.bigint() - started) / 1e9
      if (seconds > worst.seconds) worst = { seconds, what: JSON.stringify(unit) }
    }
    console.log(
      `slowest 200 KB run of one character class in ${file}: ${worst.seconds.toFixed(2)} s (${worst.what}; target <= ${targets.secondsPer200KB} s) ${verdict(worst.seconds <= targets.secondsPer200KB)}`,
    )
  }
}

/** Median latency of comment writes through the review server, with the log empty and with 10,000 events in it. */
async function reviewWrites() {
  const [{ buildBrief }, review, { addReviewer, startReviewServer }] = await Promise.all([
    dist('pipeline/index.js'),
    dist('review/index.js'),
    dist('review/server/index.js'),
  ])
  const medians = []
  for (const prefilled of [0, 10_000]) {
    const repo = await mkdtemp(join(tmpdir(), 'briefdeck-bench-safety-'))
    try {
      await cp(join(root, 'tests/fixtures/review'), join(repo, 'briefs'), { recursive: true })
      const briefPath = join(repo, 'briefs', 'harbors.brief.yaml')
      const { decks } = await buildBrief(briefPath, { outDir: join(repo, 'out') })
      const plan = decks[0].plan
      const lines = Array.from({ length: prefilled }, (_, index) => {
        const slide = plan.slides[index % plan.slides.length]
        return review.formatReviewEvent(
          review.stampEvent(review.commentDraft({ plan, slide, author: 'alice' }, `earlier comment ${index}`)),
        )
      })
      await writeFile(review.reviewLogPath(briefPath), lines.join(''))
      const { token } = await addReviewer(briefPath, 'alice')
      const server = await startReviewServer({
        briefPath,
        host: '127.0.0.1',
        port: 0,
        decks: [{ plan, requiredReviewers: ['bob'], siteDir: join(root, 'tests/fixtures/review/site') }],
        republish: async () => {
          throw new Error('no approval in this benchmark')
        },
      })
      try {
        const latencies = []
        for (let index = 0; index < 60; index++) {
          const started = process.hrtime.bigint()
          const response = await fetch(`${server.url}/api/decks/${plan.audience}/comments`, {
            method: 'POST',
            headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
            body: JSON.stringify({ slideId: plan.slides[index % plan.slides.length].id, text: `comment ${index}` }),
          })
          await response.text()
          if (response.status !== 201) throw new Error(`a write failed with ${response.status}`)
          // The first writes warm the process up; they are not counted.
          if (index >= 10) latencies.push(Number(process.hrtime.bigint() - started) / 1e6)
        }
        latencies.sort((a, b) => a - b)
        medians.push(latencies[Math.floor(latencies.length / 2)])
      } finally {
        await server.close()
      }
    } finally {
      await rm(repo, { recursive: true, force: true })
    }
  }
  const ratio = medians[1] / medians[0]
  console.log(
    `median review write: ${medians[0].toFixed(1)} ms with an empty log, ${medians[1].toFixed(1)} ms with 10,000 events`,
  )
  console.log(
    `write latency at 10,000 events / at 0: ${ratio.toFixed(2)} (target <= ${targets.writeLatencyRatio}) ${verdict(ratio <= targets.writeLatencyRatio)}`,
  )
}

await characterRuns()
await reviewWrites()
