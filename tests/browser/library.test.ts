// `briefdeck build DIR --pdf` on a brief repository, as a user runs it: the
// real binary, the default --out relative to the repository. One broken brief
// is reported while the others build; out/index.html lists every deck, opens
// from disk in Chromium with every link resolving and nothing fetched from
// another machine; a second build redoes only the deck an approval changed.
import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../src/export/index.js'
import { reviewerKey } from '../review/keys.js'

const binary = resolve('bin/briefdeck.js')
let repo: string
let browser: Browser

const briefdeck = (...args: string[]) => spawnSync('node', [binary, ...args], { cwd: repo, encoding: 'utf8' })

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-library-'))
  await writeFile(join(repo, 'package.json'), '{}\n')
  // The sample brief alone: the checkout's other briefs are not this test's.
  await cp('briefs/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('briefs/pacific-alliances.brief.yaml', join(repo, 'briefs', 'pacific-alliances.brief.yaml'))
  await mkdir(join(repo, 'briefs', 'harbors', 'sources'), { recursive: true })
  await cp('tests/fixtures/review/harbors.brief.yaml', join(repo, 'briefs', 'harbors', 'harbors.brief.yaml'))
  await cp('tests/fixtures/review/sources', join(repo, 'briefs', 'harbors', 'sources'), { recursive: true })
  await writeFile(join(repo, 'briefs', 'broken.brief.yaml'), 'title: [unclosed\n')
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await rm(repo, { recursive: true, force: true })
})

/** What a build printed on stderr that is not a warning about a deck's content. */
const errors = (stderr: string) => stderr.split('\n').filter((line) => line && !/ warning \[/.test(line))

/** The library page as Chromium shows it, with every request it made. */
async function openLibrary() {
  const page = await browser.newPage()
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(pathToFileURL(join(repo, 'out', 'index.html')).href)
  const decks = await page.locator('article.deck').evaluateAll((cards) =>
    cards.map((card) => ({
      brief: card.closest('section')?.getAttribute('data-brief'),
      audience: card.getAttribute('data-audience'),
      status: card.querySelector('.status')?.textContent,
      slides: card.querySelector('.slide-count')?.textContent,
      links: [...card.querySelectorAll('a')].map((link) => [link.textContent, (link as HTMLAnchorElement).href]),
      thumbnail: (card.querySelector('img') as HTMLImageElement | null)?.naturalWidth ?? 0,
    })),
  )
  await page.close()
  return { decks, requests }
}

describe('briefdeck build DIR --pdf', () => {
  it('reports the broken brief in one line, builds the others, and lists them on the library page', async () => {
    // --no-check: the render check has tests of its own; this one is about the library and the rebuilds.
    const result = briefdeck('build', 'briefs', '--pdf', '--no-check', '--quiet')
    expect(result.status).toBe(2)
    expect(errors(result.stderr)).toEqual([expect.stringMatching(/broken\.brief\.yaml:\d+:\d+: invalid YAML/)])

    const { decks, requests } = await openLibrary()
    expect(decks.map(({ brief, audience, status }) => [brief, audience, status])).toEqual([
      ['harbors', 'congressional-staff', 'DRAFT'],
      ['pacific-alliances', 'allied-ministry', 'DRAFT'],
      ['pacific-alliances', 'congressional-staff', 'DRAFT'],
    ])
    for (const deck of decks) {
      const plan = JSON.parse(await readFile(join(repo, 'out', deck.brief!, deck.audience!, 'deck-plan.json'), 'utf8'))
      expect(deck.slides).toBe(`${plan.slides.length} slides`)
    }
    for (const deck of decks) {
      expect(deck.links.map(([label]) => label)).toEqual(['deck', 'PDF', 'handout'])
      for (const [, href] of deck.links) expect(existsSync(fileURLToPath(href!)), href!).toBe(true)
      expect(deck.thumbnail).toBeGreaterThan(0)
    }
    expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([])
  })

  it('redoes only the deck an approval changed, and shows who approved it', async () => {
    // Approvals count only when signed by a key the brief's allowed signers name.
    const brief = join(repo, 'briefs', 'harbors', 'harbors.brief.yaml')
    const key = await reviewerKey(brief, 'bob', join(repo, 'keys'))
    const approval = briefdeck(
      'approve',
      'briefs/harbors/harbors.brief.yaml',
      '--audience',
      'congressional-staff',
      '--as',
      'bob',
      '--key',
      key,
    )
    expect(approval.stderr).toBe('')
    expect(approval.status).toBe(0)
    const result = briefdeck(
      'build',
      'briefs/pacific-alliances.brief.yaml',
      'briefs/harbors',
      '--pdf',
      '--no-check',
      '--quiet',
    )
    expect(errors(result.stderr)).toEqual([])
    expect(result.status).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines.filter((line) => line.endsWith('(unchanged, skipped)'))).toEqual([
      join('out', 'pacific-alliances', 'congressional-staff', 'slides.md (unchanged, skipped)'),
      join('out', 'pacific-alliances', 'allied-ministry', 'slides.md (unchanged, skipped)'),
    ])
    expect(lines).toContain(join('out', 'harbors', 'congressional-staff', 'slides.md'))
    expect(lines.some((line) => /harbors-congressional-staff\.pdf \(\d+ pages?\)$/.test(line))).toBe(true)
  })

  it('shows the approved deck as approved, by whom and when', async () => {
    const { decks } = await openLibrary()
    const harbors = decks.find((deck) => deck.brief === 'harbors')
    expect(harbors?.status).toMatch(/^Approved by bob on \d{4}-\d{2}-\d{2}$/)
  })
})
