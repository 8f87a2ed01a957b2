// A deck's page opened early (early-page.ts) on the site its folder has: it
// shows new texts in place when the deck prints from that very site, and is
// closed, leaving the deck to open its own, when the site is another.
import { spawnSync } from 'node:child_process'
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { measureScripts } from '../../src/check/index.js'
import { measure } from '../../src/check/measure.js'
import { launchBrowser } from '../../src/export/index.js'
import { openEarlyPage } from '../../src/export/early-page.js'
import { PrintTexts } from '../../src/model/index.js'

let repo: string
let browser: Browser
const brief = () => join(repo, 'briefs', 'pacific-alliances.brief.yaml')
const deckDir = () => join(repo, 'out', 'pacific-alliances', 'congressional-staff')
const site = (dir: string) => ({ dir: join(dir, 'print-site'), release: async () => {} })

function build() {
  const run = spawnSync('node', [resolve('bin/briefdeck.js'), 'build', brief(), '--pdf', '--quiet'], {
    cwd: repo,
    encoding: 'utf8',
  })
  expect(run.status, run.stderr).toBe(0)
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-early-page-'))
  await writeFile(join(repo, 'package.json'), '{}\n')
  await cp('briefs/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  const text = await readFile('briefs/pacific-alliances.brief.yaml', 'utf8')
  await writeFile(brief(), text)
  build()
  // A words-only edit of the staff deck's own: its folder then holds a site of its own (the first build shares one).
  await writeFile(
    brief(),
    text.replace('    section: options\n', '    section: options\n    short: A joint pact among the four partners.\n'),
  )
  build()
  browser = await launchBrowser()
}, 300_000)
afterAll(async () => {
  await browser?.close()
  await rm(repo, { recursive: true, force: true })
})

async function texts(): Promise<string[]> {
  return PrintTexts.parse(JSON.parse(await readFile(join(deckDir(), 'print-texts.json'), 'utf8'))).texts
}

describe('a page opened early', () => {
  it('shows other texts in place on the site it was opened on', async () => {
    const early = openEarlyPage(Promise.resolve(browser), deckDir())
    const changed = (await texts()).map((text) => text.replace('joint pact', 'common pact'))
    const page = await early.take(site(deckDir()), changed)
    expect(page).toBeDefined()
    try {
      const shown = await page!.page.locator('#print-content').innerText()
      expect(shown).toContain('A common pact among the four partners.')
      expect(shown).not.toContain('joint pact')
      expect(page!.pageErrors).toEqual([])
    } finally {
      await page!.close()
    }
  })

  it("runs the check's scripts as it opens, so that the check measures it without loading axe-core again", async () => {
    const early = openEarlyPage(Promise.resolve(browser), deckDir(), measureScripts)
    const page = await early.take(site(deckDir()), await texts())
    expect(page).toBeDefined()
    try {
      const scripts = () => page!.page.evaluate(() => document.scripts.length)
      const before = await scripts()
      const measured = await measure(page!.page, page!.slideCount)
      expect(measured).toHaveLength(page!.slideCount)
      expect(await scripts()).toBe(before)
    } finally {
      await page!.close()
    }
  })

  it('is closed when the deck prints from another site, or from no print slides', async () => {
    const other = await mkdtemp(join(tmpdir(), 'briefdeck-early-page-site-'))
    try {
      await cp(join(deckDir(), 'print-site'), join(other, 'print-site'), { recursive: true })
      await writeFile(join(other, 'print-site', 'briefdeck-fingerprint.txt'), 'another build')
      const early = openEarlyPage(Promise.resolve(browser), deckDir())
      expect(await early.take(site(other), await texts())).toBeUndefined()
      const again = openEarlyPage(Promise.resolve(browser), deckDir())
      expect(await again.take(site(deckDir()), undefined)).toBeUndefined()
      // Every page it opened is closed again.
      expect(browser.contexts()).toEqual([])
    } finally {
      await rm(other, { recursive: true, force: true })
    }
  })
})
