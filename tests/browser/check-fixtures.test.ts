// The check against hand-made decks with known problems: each problem is
// found on its slide, naming its element, and the clean deck passes.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { checkDecks, formatReport } from '../../src/check/index.js'
import { launchBrowser } from '../../src/export/index.js'
import { renderingCheckRules, type CheckReport, type CheckRule, type DeckCheck } from '../../src/model/index.js'
import { copyFixtureDeck } from '../fixtures/decks/index.js'

let root: string
let browser: Browser
let report: CheckReport

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefdeck-check-'))
  const decks = [
    await copyFixtureDeck('sample', root),
    await copyFixtureDeck('overfull', root),
    await copyFixtureDeck('faulty', root),
  ]
  browser = await launchBrowser()
  report = await checkDecks(decks, { browser, quiet: true })
})

afterAll(async () => {
  await browser?.close()
  await rm(root, { recursive: true, force: true })
})

function deck(audience: string): DeckCheck {
  const found = report.decks.find((candidate) => candidate.audience === audience)
  if (!found) throw new Error(`no check for ${audience}`)
  return found
}

function isRendering(rule: CheckRule): boolean {
  return (renderingCheckRules as readonly string[]).includes(rule)
}

/** `slide:rule` for every rendering finding, e.g. `2:outside-slide`; `deck` for deck-wide ones. */
function where(check: DeckCheck): string[] {
  return check.findings
    .filter((finding) => isRendering(finding.rule))
    .map((finding) => `${finding.slide ?? 'deck'}:${finding.rule}`)
}

describe('briefdeck check on fixture decks', () => {
  it('passes a clean deck', () => {
    // A hand-made deck: its notes name no source blocks, which the content rules (tested on plans) would report.
    const sample = deck('sample')
    expect(sample).toMatchObject({ slides: 5, planned: 5 })
    expect(sample.findings.filter((finding) => isRendering(finding.rule))).toEqual([])
  })

  it('catches the overfull slide with its number and element, and nothing on the slides around it', () => {
    const overfull = deck('overfull')
    expect(new Set(where(overfull))).toEqual(new Set(['2:outside-slide', '2:text-missing-from-pdf']))
    const lastBullet = overfull.findings.find(
      (finding) => finding.rule === 'outside-slide' && finding.element?.includes('li:nth-of-type(25)'),
    )
    expect(lastBullet).toMatchObject({ slide: 2, slideId: 'too-much' })
    expect(lastBullet?.message).toMatch(/li:nth-of-type\(25\) "Point 25: .*" is \d+px below the slide/)
  })

  it('finds each planted problem on its slide', () => {
    expect(where(deck('faulty'))).toEqual([
      'deck:slide-count',
      'deck:page-error',
      '2:external-request',
      '2:image-failed',
      '3:image-failed',
      '4:contrast',
      '5:banner-missing',
      '5:banner-missing',
      '7:text-clipped',
      '7:text-missing-from-pdf',
      '8:text-missing-from-pdf',
    ])
  })

  it('says what is wrong in words a deck author can act on', () => {
    const messages = deck('faulty').findings.map((finding) => finding.message)
    expect(messages).toEqual(
      expect.arrayContaining([
        'the browser drew 8 slides but the deck plan has 9',
        'the page logged an error: fixture: this slide logs an error',
        'a request to https://example.com/logo.png was blocked: decks must not reach other machines',
        'the top marking banner is missing',
        expect.stringMatching(/^div > p "This sentence is too pale to read\.": contrast 1\.\d+:1, needs 4\.5:1/),
        expect.stringMatching(/its text is cut off \(\d+px hidden\)$/),
      ]),
    )
    const text = formatReport(report, root)
    expect(text).toContain('overfull (overfull/slides.md): 3 slides, ')
    expect(text).toContain('  slide 2 (too-much): [outside-slide] ul > li:nth-of-type(25)')
    expect(text).toMatch(/check failed: \d+ problems( \(\d+ warnings?\))?$/)
  })
})
