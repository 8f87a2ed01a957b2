#!/usr/bin/env node
// Speed of a brief repository in daily use (`npm run bench`, after `npm run
// build`), every figure a ratio measured in this one run:
// - the sample brief's `build --pdf`: cold (fresh output folder), again with
//   nothing changed, and with one word changed on one slide of one audience,
//   by a fresh process and by `build --watch` (from the save to the rebuild's end),
//   the cold and one-word runs taking turns (measureInTurns);
// - six briefs of two audiences with `build DIR --pdf`: time per deck against
//   one brief built alone, and peak memory over the process tree;
// - `present`: from saving a brief or a source to the open slide showing it,
//   median of 10 edits each, with the full reloads counted.
// The sample works in a copy of its repository, so no edit touches the checkout.
import { spawn } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  forgetAnalyses,
  gib,
  measure,
  measureInTurns,
  measureRuns,
  median,
  printTable,
  runs,
  seconds,
  verdict,
} from './lib/measure.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const { launchBrowser } = await import(new URL('../dist/export/index.js', import.meta.url).href)
const briefdeck = join(root, 'bin', 'briefdeck.js')
const targets = { noop: 0.1, oneWord: 0.35, perDeck: 0.6, peakGiB: 2, briefEdit: 1, sourceEdit: 0.5 }
const edits = 10
const libraryBriefs = 6

const work = await mkdtemp(join(tmpdir(), 'briefdeck-bench-speed-'))
try {
  const repo = await sampleRepository(join(work, 'repo'), 1)
  const brief = join(repo, 'briefs', 'brief-1.brief.yaml')
  const build = (out) => [{ args: [briefdeck, 'build', brief, '--pdf', '--quiet', '--out', out], cwd: repo }]
  console.log(`median of ${runs} runs; ${edits} edits while presenting`)

  // Cold: nothing built before, nor any source analysed (the repository's .briefdeck/cache/).
  const coldBuild = {
    commandsOfRun: (index) => build(join(work, `cold-${index}`)),
    before: () => forgetAnalyses(repo),
  }
  // A first cold build, not timed, makes the output folder that the later builds find.
  const warm = join(work, 'warm')
  await coldBuild.before()
  await measure(build(warm), { sampled: false })
  const noop = await measureRuns(() => build(warm), { sampledRuns: 0 })
  // The override that only the staff deck shows gets a word of its own, changed before every run.
  const briefText = await readFile(brief, 'utf8')
  const withWord = (word) =>
    briefText.replace(
      '    section: options\n',
      `    section: options\n    short: A ${word} pact among the four partners.\n`,
    )
  await writeFile(brief, withWord('collective'))
  await measureRuns(() => build(warm), { sampledRuns: 0, runs: 1 })
  const oneWordBuild = {
    commandsOfRun: () => build(warm),
    before: (index) => writeFile(brief, withWord(index % 2 === 0 ? 'joint' : 'collective')),
  }
  const [oneWord, cold] = await measureInTurns([oneWordBuild, coldBuild])
  const watched = await watchLatency(brief, repo, join(work, 'watched'), withWord)
  await writeFile(brief, briefText)

  const library = await sampleRepository(join(work, 'library'), libraryBriefs)
  const many = await measureRuns(
    (index) => [
      {
        args: [briefdeck, 'build', 'briefs', '--pdf', '--quiet', '--out', join(work, `library-${index}`)],
        cwd: library,
      },
    ],
    { sampledRuns: 1, before: () => forgetAnalyses(library) },
  )
  const perDeckAlone = cold.seconds / 2
  const perDeckMany = many.seconds / (2 * libraryBriefs)

  const present = await presentLatency(await sampleRepository(join(work, 'present'), 1))

  const rows = [
    ['build --pdf, cold (fresh output folder)', seconds(cold.seconds), ''],
    ['build --pdf, nothing changed', seconds(noop.seconds), ''],
    [
      '  no-op / cold',
      (noop.seconds / cold.seconds).toFixed(2),
      `<= ${targets.noop}: ${verdict(noop.seconds / cold.seconds <= targets.noop)}`,
    ],
    ['build --pdf, one word on one slide of one audience', seconds(oneWord.seconds), ''],
    [
      '  one word / cold',
      (oneWord.seconds / cold.seconds).toFixed(2),
      `<= ${targets.oneWord}: ${verdict(oneWord.seconds / cold.seconds <= targets.oneWord)}`,
    ],
    ['build --pdf --watch, one word, save to rebuilt', seconds(watched), ''],
    [
      '  one word with --watch / cold',
      (watched / cold.seconds).toFixed(2),
      `(the same target: ${verdict(watched / cold.seconds <= targets.oneWord)})`,
    ],
    [`build DIR --pdf, ${libraryBriefs} briefs x 2 audiences`, seconds(many.seconds), ''],
    [
      '  per deck: many / one brief alone',
      `${seconds(perDeckMany)} / ${seconds(perDeckAlone)} = ${(perDeckMany / perDeckAlone).toFixed(2)}`,
      `<= ${targets.perDeck}: ${verdict(perDeckMany / perDeckAlone <= targets.perDeck)}`,
    ],
    [
      '  peak memory (RSS summed over the tree)',
      gib(many.rss),
      `< ${targets.peakGiB} GiB: ${verdict(many.rss / 2 ** 30 < targets.peakGiB)}`,
    ],
    [
      `present: brief edit to updated slide (median of ${edits})`,
      seconds(present.brief.seconds),
      `< ${targets.briefEdit} s: ${verdict(present.brief.seconds < targets.briefEdit)}`,
    ],
    ['  full page reloads in those edits', String(present.brief.reloads), ''],
    [
      `present: source edit to updated slide (median of ${edits})`,
      seconds(present.source.seconds),
      `< ${targets.sourceEdit} s: ${verdict(present.source.seconds < targets.sourceEdit)}`,
    ],
    ['  full page reloads in those edits', String(present.source.reloads), ''],
    [
      'present: brief title edit to page title',
      seconds(present.title.seconds),
      `${present.title.reloads} reload(s), same slide: ${present.title.sameSlide}`,
    ],
  ]
  printTable(['', 'result', 'target'], rows)
  const met =
    noop.seconds / cold.seconds <= targets.noop &&
    oneWord.seconds / cold.seconds <= targets.oneWord &&
    perDeckMany / perDeckAlone <= targets.perDeck &&
    many.rss / 2 ** 30 < targets.peakGiB &&
    present.brief.seconds < targets.briefEdit &&
    present.source.seconds < targets.sourceEdit
  console.log(met ? 'speed targets met' : 'speed targets MISSED')
  process.exitCode = met ? 0 : 1
} finally {
  await rm(work, { recursive: true, force: true })
}

/** A page expression (run in the browser): the slide shows `text`. */
function showing(text) {
  return `document.body.innerText.includes(${JSON.stringify(text)})`
}

/** The number of the staff deck's first slide whose bullets say `text`, from the plan that `present` wrote (it is there once the server answers). */
async function slideShowing(repo, text) {
  for (let tries = 0; tries < 600; tries++) {
    const plan = await readFile(join(repo, 'out', 'brief-1', 'congressional-staff', 'deck-plan.json'), 'utf8').then(
      (json) => JSON.parse(json),
      () => undefined,
    )
    const index = plan?.slides.findIndex((slide) => JSON.stringify(slide.bullets).includes(text)) ?? -1
    if (index >= 0) return index + 1
    await new Promise((wait) => setTimeout(wait, 250))
  }
  throw new Error(`no slide of the staff deck says '${text}'`)
}

/**
 * `briefdeck build --watch --pdf` on the brief: after its first build, the
 * median of `runs` one-word edits, each timed from the save to the line that
 * says the rebuild is done and it watches again.
 */
async function watchLatency(brief, repo, out, withWord) {
  // The first edit is then a change of word, not a save of the same text (which the build would skip).
  await writeFile(brief, withWord('collective'))
  const child = spawn(process.execPath, [briefdeck, 'build', brief, '--pdf', '--quiet', '--watch', '--out', out], {
    cwd: repo,
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let waits = 0
  let heard = () => {}
  child.stderr.on('data', (chunk) => {
    waits += String(chunk).split('watching for changes').length - 1
    heard()
  })
  const untilWaiting = (count) =>
    new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error('build --watch never rebuilt')), 120_000)
      heard = () => waits >= count && (clearTimeout(timer), done())
      heard()
    })
  try {
    await untilWaiting(1)
    const times = []
    for (let index = 0; index < runs; index++) {
      const started = performance.now()
      await writeFile(brief, withWord(index % 2 === 0 ? 'joint' : 'collective'))
      await untilWaiting(index + 2)
      times.push((performance.now() - started) / 1000)
    }
    return median(times)
  } finally {
    child.kill('SIGTERM')
    await new Promise((done) => child.once('exit', done))
  }
}

/** A brief repository with `count` copies of the sample brief (`brief-1` …), each titled apart, sharing its sources. */
async function sampleRepository(dir, count) {
  await cp(join(root, 'briefs', 'sources'), join(dir, 'briefs', 'sources'), { recursive: true })
  await writeFile(join(dir, 'package.json'), '{}\n')
  const text = await readFile(join(root, 'briefs', 'pacific-alliances.brief.yaml'), 'utf8')
  for (let number = 1; number <= count; number++)
    await writeFile(
      join(dir, 'briefs', `brief-${number}.brief.yaml`),
      text.replace('title: Pacific alliances', `title: Pacific alliances ${number}`),
    )
  return dir
}

/**
 * `briefdeck present` on the staff deck, Chromium on the BLUF slide (which
 * shows the brief's wording of the thesis) or on a key-points slide (from a
 * source): each edit is saved and timed until the slide's text shows it.
 */
async function presentLatency(repo) {
  const brief = join(repo, 'briefs', 'brief-1.brief.yaml')
  const source = join(repo, 'briefs', 'sources', 'pacific-defense-pact-2025.txt')
  const port = 14_990
  const child = spawn(
    process.execPath,
    [briefdeck, 'present', brief, '--audience', 'congressional-staff', '--no-open', '--port', String(port)],
    { cwd: repo, stdio: 'ignore' },
  )
  const browser = await launchBrowser()
  try {
    const page = await browser.newPage()
    let reloads = 0
    page.on('framenavigated', (frame) => frame === page.mainFrame() && reloads++)
    const open = async (text) => {
      const slide = await slideShowing(repo, text)
      for (let tries = 0; ; tries++) {
        const answered = await page.goto(`http://localhost:${port}/${slide}`).then(
          () => true,
          () => false,
        )
        if (answered) break
        if (tries > 600) throw new Error('present never answered')
        await new Promise((wait) => setTimeout(wait, 250))
      }
      await page.waitForFunction(showing(text), null, { timeout: 120_000 })
      reloads = 0
      return slide
    }
    const timeEdits = async (file, before, after) => {
      const original = await readFile(file, 'utf8')
      const times = []
      for (let edit = 0; edit < edits; edit++) {
        const to = edit % 2 === 0 ? after : before
        const started = performance.now()
        await writeFile(file, original.replaceAll(before, to).replaceAll(after, to))
        await page.waitForFunction(showing(to), null, {
          timeout: 30_000,
          polling: 10,
        })
        times.push((performance.now() - started) / 1000)
        // Let the server settle, as a person reads the slide before the next edit.
        await new Promise((wait) => setTimeout(wait, 700))
      }
      const result = { seconds: median(times), reloads }
      await writeFile(file, original)
      await new Promise((wait) => setTimeout(wait, 1000))
      reloads = 0
      return result
    }
    await open('a robust defense pact')
    const briefEdits = await timeEdits(brief, 'a robust defense pact', 'a firm defense pact')
    await open('ambitions remain clear')
    const sourceEdits = await timeEdits(source, 'ambitions remain clear', 'ambitions remain plain')
    const titleSlide = await open('a robust defense pact')
    const text = await readFile(brief, 'utf8')
    const started = performance.now()
    await writeFile(brief, text.replace('title: Pacific alliances 1', 'title: Pacific alliances renamed'))
    await page.waitForFunction("document.title.includes('renamed')", null, { timeout: 30_000, polling: 10 })
    const title = {
      seconds: (performance.now() - started) / 1000,
      reloads,
      sameSlide: new URL(page.url()).pathname === `/${titleSlide}`,
    }
    return { brief: briefEdits, source: sourceEdits, title }
  } finally {
    await browser.close()
    child.kill('SIGTERM')
    await new Promise((done) => child.once('exit', done))
  }
}
