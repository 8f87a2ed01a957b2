import { execFileSync } from 'node:child_process'
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { serveBrief } from '../../src/cli/commands/serve.js'
import { buildBrief } from '../../src/pipeline/index.js'
import { exportDecks } from '../../src/export/index.js'
import { launchBrowser } from '../../src/export/browser.js'
import { addReviewer, allowServerToSignFor, type ReviewServer } from '../../src/review/server/index.js'
import { newKey } from '../review/keys.js'

// Two reviewers in two browser contexts against one `briefdeck serve`:
// alice comments, bob sees it live, replies and approves every slide (the
// brief asks bob alone), and the deck and its PDF lose their DRAFT mark.
const audience = 'congressional-staff'
let repo: string
let brief: string
let server: ReviewServer
let browser: Browser
let tokens: { alice: string; bob: string }
const contexts: BrowserContext[] = []

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-review-e2e-'))
  await cp('tests/fixtures/review/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('tests/fixtures/review/harbors.brief.yaml', join(repo, 'briefs', 'harbors.brief.yaml'))
  await writeFile(join(repo, 'package.json'), '{}\n')
  brief = join(repo, 'briefs', 'harbors.brief.yaml')
  tokens = { alice: (await addReviewer(brief, 'alice')).token, bob: (await addReviewer(brief, 'bob')).token }
  // The server signs approvals with its own key, which allowed_signers lets speak for bob (what --add-reviewer does).
  const signingKey = await newKey(join(repo, 'keys'), 'server')
  await allowServerToSignFor(brief, `${signingKey}.pub`, 'bob')
  ;[server, browser] = await Promise.all([
    serveBrief(brief, { host: '127.0.0.1', port: 15200, signingKey }),
    launchBrowser(),
  ])
})

afterAll(async () => {
  await Promise.all(contexts.map((context) => context.close()))
  await browser?.close()
  await server?.close()
  await rm(repo, { recursive: true, force: true })
})

async function reviewerPage(name: 'alice' | 'bob', slide: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } })
  contexts.push(context)
  const page = await context.newPage()
  await page.goto(`${server.url}/${audience}/${slide}`)
  await page.getByLabel('Reviewer token').fill(tokens[name])
  await page.getByRole('button', { name: 'Sign in' }).click()
  await page.getByText(`Signed in as ${name}.`).waitFor()
  return page
}

/** Whether the page shows a slide and no DRAFT mark; false while it is reloading. */
async function showsFinalDeck(page: Page): Promise<boolean> {
  return page
    .evaluate(
      () => document.querySelector('[data-slide-id]') !== null && document.querySelector('[data-draft-mark]') === null,
    )
    .catch(() => false)
}

/** The text of a PDF printed from the served deck's print view, where the review panel never shows. */
async function servedPdfText(page: Page): Promise<string> {
  const print = await page.context().newPage()
  try {
    await print.goto(`${server.url}/${audience}/print?print=true`)
    await print.locator('[data-slide-id]').first().waitFor()
    expect(await print.locator('[data-review-panel]').count()).toBe(0)
    const pdf = join(repo, 'served.pdf')
    await print.pdf({ path: pdf, width: '980px', height: '552px', printBackground: true })
    return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })
  } finally {
    await print.close()
  }
}

const thread = (page: Page, text: string) =>
  page.locator('[data-review-thread]').filter({ has: page.locator('[data-review-text]', { hasText: text }) })

describe('reviewing a deck in the browser', () => {
  let alice: Page
  let bob: Page

  it('shows one reviewer’s comment to the other without a reload, as plain text', async () => {
    ;[alice, bob] = await Promise.all([reviewerPage('alice', 2), reviewerPage('bob', 2)])
    await bob.evaluate(() => ((window as { loadedOnce?: boolean }).loadedOnce = true))

    await alice.getByLabel('New comment on this slide').fill('Which Pentagon review?')
    await alice.getByRole('button', { name: 'Comment' }).click()
    await thread(bob, 'Which Pentagon review?').waitFor()

    const html = '<img src=x onerror="window.__injected = 1"><b>bold</b>'
    await alice.getByLabel('New comment on this slide').fill(html)
    await alice.getByRole('button', { name: 'Comment' }).click()
    const shown = thread(bob, 'onerror').locator('[data-review-text]')
    await shown.waitFor()
    expect(await shown.textContent()).toBe(html)
    expect(await shown.locator('img, b').count()).toBe(0)
    expect(await bob.evaluate(() => (window as { __injected?: number }).__injected)).toBeUndefined()
    // Still the same document: the comments arrived live.
    expect(await bob.evaluate(() => (window as { loadedOnce?: boolean }).loadedOnce)).toBe(true)
  })

  it('lets the other reviewer reply and approve every slide, and the DRAFT mark leaves the deck and the PDF', async () => {
    const question = thread(bob, 'Which Pentagon review?')
    await question.getByLabel('Reply to alice').fill('The 2023 logistics review.')
    await question.getByRole('button', { name: 'Reply' }).click()
    await thread(alice, 'Which Pentagon review?')
      .locator('[data-review-reply]', { hasText: 'The 2023 logistics review.' })
      .waitFor()

    await alice.locator('[data-draft-mark]').first().waitFor({ state: 'attached' })
    expect(await servedPdfText(alice)).toContain('DRAFT')
    const slideCount = server.decks()[0]!.plan.slides.length
    for (let slide = 1; slide <= slideCount; slide++) {
      await bob.goto(`${server.url}/${audience}/${slide}`)
      await bob.locator('[data-review-approve]').click()
      await bob.locator('[data-review-revoke]').waitFor()
    }
    // The server rebuilds the deck; open pages reload themselves when it is published.
    await expect.poll(() => showsFinalDeck(alice), { timeout: 120_000, interval: 500 }).toBe(true)

    const { decks } = await buildBrief(brief, { outDir: join(repo, 'out') })
    expect(decks[0]!.plan.draft).toBe(false)
    const [exported] = await exportDecks(decks, { quiet: true, browser })
    const text = execFileSync('pdftotext', [exported!.pdf.path, '-'], { encoding: 'utf8' })
    expect(text).toContain('UNCLASSIFIED')
    expect(text).not.toContain('DRAFT')
  })
})
