// Sentences about the document, not its subject, never become bullets: the
// rule by the shape every report shares, and compose leaving them out.
import { describe, expect, it } from 'vitest'
import { compose, documentTalkReason } from '../../src/compose/index.js'
import { bundledTemplatesRoot, loadAudienceProfile } from '../../src/render/index.js'
import { energyReport, gridBrief, reportFixture } from './energy-fixture.js'

describe('documentTalkReason', () => {
  it.each([
    [
      'This In Focus discusses the actions of the agency and congressional interest in the topic.',
      'what the document covers',
    ],
    ['This report provides an overview of federal grid programs.', 'what the document covers'],
    [
      'Specifically, for the years since 2000, this Insight provides information about each step.',
      'what the document covers',
    ],
    ['The regulation of offshore leasing is beyond the scope of this report.', 'what the document covers'],
    ['The report focuses on programs administered by three agencies.', 'what the document covers'],
    ['Table 1 compares the timeline of the two investigations.', 'what a table or figure shows'],
    [
      'As noted previously, Figure 1 includes only those vacancies filled by one nomination.',
      'what a table or figure shows',
    ],
    ['The table shows that holdings rose by $1.5 trillion.', 'what a table or figure shows'],
    ['For more information on the program, see CRS Report R44235.', 'where to read more'],
    ['Additional information can be found in CRS reports on the nomination process.', 'where to read more'],
    ['For a discussion of these vacancies, see the appendix.', 'where to read more'],
    ['Information on the network is provided below.', 'where to read more'],
  ])('%s: %s', (sentence, reason) => expect(documentTalkReason(sentence)).toBe(reason))

  it.each([
    'The report notes that the program could jeopardize force protection.',
    'The report identified 12 deficiencies in the agency’s screening.',
    'In 2025, the United States imported $16.2 billion worth of copper products (Figure 1).',
    'Since FY2018, the agency received an average of $1.86 billion (see Figure 1).',
    'Congress may consider whether the fund has been effective.',
    'This overarching objective involves the intent to weaken U.S. alliances.',
  ])('leaves a sentence about the subject alone: %s', (sentence) =>
    expect(documentTalkReason(sentence)).toBeUndefined(),
  )
})

describe('compose', () => {
  it('puts no sentence about the document on any slide of either audience', async () => {
    const signposts = [
      'This report examines how rising electricity demand from data centers strains regional grids.',
      'Table 2 summarizes interconnection requests by region and year since 2020.',
    ]
    const { extraction, document } = reportFixture('grid-2026', [
      { heading: 'Introduction', sentences: signposts.map((text) => ['claim', text] as const) },
      ...energyReport,
    ])
    for (const id of ['congressional-staff', 'allied-ministry']) {
      const audience = await loadAudienceProfile(bundledTemplatesRoot, id)
      const plan = compose({ extractions: [extraction], documents: [document], brief: gridBrief, audience })
      const shown = plan.slides.flatMap((slide) => slide.bullets.map((bullet) => bullet.fullText ?? bullet.text))
      expect(shown.length).toBeGreaterThan(3)
      for (const signpost of signposts) expect(shown).not.toContain(signpost)
    }
  })
})
