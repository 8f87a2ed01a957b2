// Decks of one brief, and of several, print from one site
// (shared-print-site.ts), when their theme says it can draw each slide from
// its own deck. When that build fails,
// each deck is built alone, so that the error names the deck whose slides
// broke it and the other decks still print.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { appendFile, cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { checkDecks } from '../../src/check/index.js'
import { exportDecks } from '../../src/export/index.js'
import { ensurePrintSites, type PrintSite } from '../../src/export/print-site.js'
import { BriefdeckProblem } from '../../src/model/index.js'
import { buildBrief } from '../../src/pipeline/index.js'
import { filesHolding, pdfInfo, pdfPages } from '../export/pdf-probe.js'
import { reviewerKey } from '../review/keys.js'

const sampleBrief = new URL('../../briefs/pacific-alliances.brief.yaml', import.meta.url).pathname
const root = await mkdtemp(join(tmpdir(), 'briefdeck-shared-site-'))

afterAll(() => rm(root, { recursive: true, force: true }))

it('builds the decks one by one when their shared build fails, naming the deck that broke it', async () => {
  const { decks } = await buildBrief(sampleBrief, { outDir: root })
  const [staff, allied] = decks
  await appendFile(allied!.slidesPath, '\n---\n\n![a picture that is not there](./missing.png)\n')

  const [staffSite, alliedSite] = await Promise.allSettled(await ensurePrintSites(decks))

  // Built alone, in its own folder: the site has all its slides and says no range.
  expect(staffSite).toMatchObject({ status: 'fulfilled', value: { dir: join(staff!.dir, 'print-site') } })
  expect((staffSite as PromiseFulfilledResult<PrintSite>).value.range).toBeUndefined()
  expect(alliedSite?.status).toBe('rejected')
  const problem = (alliedSite as PromiseRejectedResult).reason as BriefdeckProblem
  expect(problem).toBeInstanceOf(BriefdeckProblem)
  expect(problem.place.file).toBe(allied!.slidesPath)
  expect(problem.message).toMatch(/missing\.png.* slides\.md__slidev_\d+\.md/)
  // The shared build's work folder is gone from the output root.
  expect((await readdir(root)).filter((name) => name.startsWith('.'))).toEqual([])
}, 120_000)

it('builds each deck alone when its theme does not say it can print several decks', async () => {
  const { decks } = await buildBrief(sampleBrief, { outDir: join(root, 'own-theme') })
  for (const deck of decks) {
    const manifest = join(deck.dir, 'theme', 'package.json')
    const { briefdeck, ...rest } = JSON.parse(await readFile(manifest, 'utf8')) as Record<string, unknown>
    expect(briefdeck).toEqual({ printsSeveralDecks: true })
    await writeFile(manifest, JSON.stringify(rest))
  }

  const sites = await Promise.all(await ensurePrintSites(decks))

  expect(sites.map((site) => [site.dir, site.range])).toEqual(
    decks.map((deck) => [join(deck.dir, 'print-site'), undefined]),
  )
}, 120_000)

it('marks as draft only the deck that still lacks its approvals, though both print from one site', async () => {
  // The sample in a repository of its own: the staff deck needs one approval, the allied deck two.
  const repo = join(root, 'approvals')
  await cp('briefs/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('briefs/pacific-alliances.brief.yaml', join(repo, 'briefs', 'pacific-alliances.brief.yaml'))
  await writeFile(join(repo, 'package.json'), '{}\n')
  const brief = join(repo, 'briefs', 'pacific-alliances.brief.yaml')
  const briefdeck = (...args: string[]) =>
    spawnSync('node', [resolve('bin/briefdeck.js'), ...args], { cwd: repo, encoding: 'utf8' })
  const key = await reviewerKey(brief, 'Dana Whitfield', join(repo, 'keys'))
  const approval = briefdeck(
    'approve',
    brief,
    '--audience',
    'congressional-staff',
    '--as',
    'Dana Whitfield',
    '--key',
    key,
  )
  expect(approval.status, approval.stderr).toBe(0)

  const build = briefdeck('build', brief, '--pdf', '--quiet')
  expect(build.status, build.stderr).toBe(0)

  const deck = (audience: string) => join(repo, 'out', 'pacific-alliances', audience)
  // Printed from one site, which went once they were: neither deck keeps a site of its own.
  for (const audience of ['congressional-staff', 'allied-ministry'])
    expect(existsSync(join(deck(audience), 'print-site'))).toBe(false)
  const staffPages = pdfPages(join(deck('congressional-staff'), 'pacific-alliances-congressional-staff.pdf'))
  const alliedPages = pdfPages(join(deck('allied-ministry'), 'pacific-alliances-allied-ministry.pdf'))
  expect(staffPages.filter((page) => /\bDRAFT\b/.test(page))).toEqual([])
  expect(alliedPages.length).toBeGreaterThan(0)
  for (const page of alliedPages) expect(page).toMatch(/\bDRAFT\b/)
}, 120_000)

it("gives the check's findings on a later deck of a shared site that deck's own slide numbers", async () => {
  const { decks } = await buildBrief(sampleBrief, { outDir: join(root, 'findings') })
  const allied = decks.find((deck) => deck.audience === 'allied-ministry')!
  await appendFile(
    allied.slidesPath,
    '\n---\n\n<p style="position: absolute; top: 200px; left: 1200px">Beyond the edge</p>\n',
  )

  const report = await checkDecks(decks, { quiet: true })

  // Printed from the site both decks shared: no site of its own.
  expect(existsSync(join(allied.dir, 'print-site'))).toBe(false)
  const findings = report.decks.find((deck) => deck.audience === 'allied-ministry')!.findings
  expect(findings.filter((finding) => finding.rule === 'outside-slide').map((finding) => finding.slide)).toEqual([
    allied.plan.slides.length + 1,
  ])
}, 120_000)

it('prints the decks of two briefs from one site, each with its own title and authors', async () => {
  const repo = join(root, 'two-briefs')
  await cp('briefs/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  const text = await readFile('briefs/pacific-alliances.brief.yaml', 'utf8')
  await writeFile(join(repo, 'briefs', 'pacific-alliances.brief.yaml'), text)
  const other = text.replace('title: Pacific alliances', 'title: Harbour talks').replace('Dana Whitfield', 'Ada Quill')
  await writeFile(join(repo, 'briefs', 'harbour-talks.brief.yaml'), other)
  const outDir = join(repo, 'out')
  const first = await buildBrief(join(repo, 'briefs', 'pacific-alliances.brief.yaml'), { outDir })
  const second = await buildBrief(join(repo, 'briefs', 'harbour-talks.brief.yaml'), { outDir })
  const decks = [...first.decks, ...second.decks]

  const exported = await exportDecks(decks, { quiet: true })

  // One site for the four decks (none keeps one of its own), made apart from them and gone once they printed.
  for (const deck of decks) expect(existsSync(join(deck.dir, 'print-site'))).toBe(false)
  expect((await readdir(outDir)).filter((name) => name.startsWith('.'))).toEqual([])
  for (const [index, deck] of decks.entries()) {
    const [title, author] = index < 2 ? ['Pacific alliances', 'Dana Whitfield'] : ['Harbour talks', 'Ada Quill']
    // No folder of one brief holds the other's slides.
    expect(filesHolding(deck.dir, index < 2 ? 'Harbour talks' : 'Pacific alliances')).toEqual([])
    const pdf = exported[index]!.pdf.path
    expect(pdfInfo(pdf)['Title']).toBe(title)
    expect(pdfInfo(pdf)['Author']).toContain(author)
    const pages = pdfPages(pdf)
    expect(pages).toHaveLength(deck.plan.slides.length)
    for (const page of pages.slice(1)) expect(page).toContain(title)
  }
}, 180_000)
