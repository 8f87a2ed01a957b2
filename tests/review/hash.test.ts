import { describe, expect, it } from 'vitest'
import { slideContentHash } from '../../src/review/index.js'
import { samplePlan } from './plans.js'

const slide = samplePlan().slides[2]!

describe('slideContentHash', () => {
  it('is 16 hex digits and the same for the same content', () => {
    expect(slideContentHash(slide)).toMatch(/^[0-9a-f]{16}$/)
    expect(slideContentHash(structuredClone(slide))).toBe(slideContentHash(slide))
  })

  it.each([
    ['the title', { title: 'Key findings' }],
    [
      'a bullet',
      { bullets: [{ ...slide.bullets[0]!, text: 'Japan is doubling its defense budget.' }, slide.bullets[1]!] },
    ],
    ['a detail', { bullets: [{ ...slide.bullets[0]!, detail: 'Trade-off: cost' }, slide.bullets[1]!] }],
    ['a citation', { citations: [{ ...slide.citations[0]!, date: '2025-06-01' }] }],
    [
      'the marking',
      { marking: { classification: 'UNCLASSIFIED' as const, handling: [], releasableTo: ['USA', 'JPN'] } },
    ],
    ['the layout', { layout: 'options' as const }],
    ['the lead line', { lead: 'What it means for Congress' }],
    ['a bullet label', { bullets: [{ ...slide.bullets[0]!, label: 'Appropriations' }, slide.bullets[1]!] }],
  ])('changes when %s changes', (_, change) => {
    expect(slideContentHash({ ...slide, ...change })).not.toBe(slideContentHash(slide))
  })

  it.each([
    ['the notes', { notes: ['Re-worded speaker notes.'] }],
    ['the block ids', { blockIds: ['pact:ffffffff'] }],
    [
      'a bullet’s full source sentence',
      { bullets: [{ ...slide.bullets[0]!, fullText: 'The whole sentence.' }, slide.bullets[1]!] },
    ],
  ])('ignores %s, which readers do not see', (_, change) => {
    expect(slideContentHash({ ...slide, ...change })).toBe(slideContentHash(slide))
  })
})
