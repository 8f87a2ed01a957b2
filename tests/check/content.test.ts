import { describe, expect, it } from 'vitest'
import { contentFindings, readingGrade } from '../../src/check/content.js'
import { formatReport } from '../../src/check/report.js'
import { unclassified, type Bullet, type DeckPlan, type SlidePlan } from '../../src/model/index.js'

const sentence = 'Grid operators plan capacity years ahead of demand.'
const note = (id: string, text: string) => `“${text}” — A report, paragraph 1; block ${id}.`

function slide(id: string, bullets: Bullet[], extra: Partial<SlidePlan> = {}): SlidePlan {
  return {
    id,
    section: id.replace(/-\d+$/, ''),
    layout: 'bullets',
    title: id,
    bullets,
    notes: bullets.flatMap((bullet) => bullet.blockIds.map((blockId) => note(blockId, bullet.fullText ?? bullet.text))),
    blockIds: bullets.flatMap((bullet) => bullet.blockIds),
    citations: [],
    marking: unclassified,
    bulletWords: 12,
    ...extra,
  }
}

function plan(slides: SlidePlan[], extra: Partial<DeckPlan> = {}): DeckPlan {
  return {
    brief: 'grid',
    audience: 'congressional-staff',
    title: 'Grid',
    marking: unclassified,
    draft: true,
    slides,
    ...extra,
  }
}

const clean = { text: sentence, blockIds: ['grid:00000001'] }
const other = { text: 'Interconnection queues held 2,600 gigawatts of projects in 2024.', blockIds: ['grid:00000002'] }

describe('content check', () => {
  it('finds nothing wrong with clean bullets', () => {
    expect(contentFindings(plan([slide('key-points-1', [clean, other])]))).toEqual([])
  })

  it('names the slide and the bullet of each problem, errors apart from warnings', () => {
    const findings = contentFindings(
      plan([
        slide('key-points-1', [
          clean,
          { text: 'Grid operators plan capacity years ahead…', blockIds: ['grid:00000003'] },
          { text: sentence, blockIds: ['grid:00000004'] },
          { text: '| Year | Load | 2024 |', blockIds: ['grid:00000005'] },
          { text: 'Utilities should act.', blockIds: [] },
        ]),
        slide('risks-1', [other]),
      ]),
    )
    const summary = findings.map((finding) => [finding.rule, finding.severity, finding.slideId, finding.bullet])
    expect(summary).toEqual(
      expect.arrayContaining([
        ['cut-bullet', 'error', 'key-points-1', 2],
        ['duplicate', 'error', 'key-points-1', 3],
        ['furniture', 'error', 'key-points-1', 4],
        ['unsourced', 'error', 'key-points-1', 5],
        ['thin-slide', 'warning', 'risks-1', undefined],
      ]),
    )
    expect(findings.find((finding) => finding.rule === 'duplicate')!.message).toBe(
      'bullet 3 repeats bullet 1 of slide 1',
    )
  })

  it('reports wording the source does not have as canned text, but not the brief’s own wording', () => {
    const canned = {
      text: 'NDAA provisions and Senate advice and consent.',
      blockIds: ['grid:00000001'],
      fullText: sentence,
    }
    const deck = plan([
      slide('congress-1', [canned, other], {
        notes: [note('grid:00000001', sentence), note('grid:00000002', other.text)],
      }),
    ])
    expect(contentFindings(deck).map((finding) => finding.rule)).toContain('canned-text')
    const briefs = { ...canned, wording: 'brief' as const }
    const fromBrief = plan([
      slide('congress-1', [briefs, other], {
        notes: [note('grid:00000001', sentence), note('grid:00000002', other.text)],
      }),
    ])
    expect(contentFindings(fromBrief).map((finding) => finding.rule)).not.toContain('canned-text')
  })

  it('warns of a bullet about the document instead of its subject, and of an acronym spelled out with a year in it not at all', () => {
    const signpost = { text: 'Table 1 compares the two investigations.', blockIds: ['grid:00000008'] }
    const rules = (bullet: Bullet) =>
      contentFindings(plan([slide('key-points-1', [bullet, clean])])).map((finding) => [finding.rule, finding.severity])
    expect(rules(signpost)).toContainEqual(['document-talk', 'warning'])
    expect(rules({ ...signpost, wording: 'brief' })).not.toContainEqual(['document-talk', 'warning'])
    const act = 'HAVA was enacted in response to the 2000 elections.'
    const spelled = {
      text: `Help America Vote Act of 2002 (HAVA) was enacted in response to the 2000 elections.`,
      fullText: act,
      blockIds: ['grid:00000001'],
    }
    expect(rules(spelled).map(([rule]) => rule)).not.toContain('canned-text')
    const lower = {
      text: 'It shrinks the gross domestic product (GDP).',
      fullText: 'It shrinks the GDP.',
      blockIds: ['grid:00000001'],
    }
    expect(rules(lower).map(([rule]) => rule)).not.toContain('canned-text')
    const mixed = {
      text: 'In 2022, Modernization of Cosmetics Regulation Act of 2022 (MoCRA) added a clause.',
      fullText: 'In 2022, MoCRA added a clause.',
      blockIds: ['grid:00000001'],
    }
    expect(rules(mixed).map(([rule]) => rule)).not.toContain('canned-text')
  })

  it('warns of an over-long bullet, allowing twice the limit for one shown whole in the smaller style', () => {
    const long = { text: `${'word '.repeat(20)}end.`, blockIds: ['grid:00000009'] }
    const rules = (bullet: Bullet) =>
      contentFindings(plan([slide('key-points-1', [bullet, clean])])).map((finding) => finding.rule)
    expect(rules(long)).toContain('over-long')
    expect(rules({ ...long, long: true })).not.toContain('over-long')
  })

  it('warns when a slide reads above the audience’s grade', () => {
    const hard = {
      text: 'Institutional interdependencies necessitate comprehensive multilateral coordination mechanisms.',
      blockIds: ['grid:00000007'],
    }
    expect(readingGrade([hard.text])).toBeGreaterThan(readingGrade([sentence]))
    const findings = contentFindings(plan([slide('key-points-1', [hard, clean])], { readingGrade: 12 }))
    expect(findings.map((finding) => [finding.rule, finding.severity])).toContainEqual(['reading-grade', 'warning'])
  })

  it('passes a report with warnings only, and says how many', () => {
    const findings = contentFindings(plan([slide('risks-1', [other])]))
    const report = {
      ok: true,
      decks: [{ audience: 'congressional-staff', slidesPath: 'out/slides.md', slides: 1, planned: 1, findings }],
    }
    expect(formatReport(report, '.')).toMatch(
      /warning \[thin-slide\][\s\S]*check passed: every slide renders cleanly \(1 warning\)$/,
    )
  })
})
