import { describe, expect, it } from 'vitest'
import { formatReport } from '../../src/check/index.js'
import type { CheckReport } from '../../src/model/index.js'

describe('formatReport', () => {
  it('lists each deck, then each finding with its slide number, id and element', () => {
    const report: CheckReport = {
      ok: false,
      decks: [
        {
          audience: 'allied-ministry',
          slidesPath: '/work/out/b/allied-ministry/slides.md',
          slides: 1,
          planned: 1,
          findings: [],
        },
        {
          audience: 'congressional-staff',
          slidesPath: '/work/out/b/congressional-staff/slides.md',
          slides: 12,
          planned: 13,
          findings: [
            {
              rule: 'slide-count',
              slide: null,
              slideId: null,
              element: null,
              message: 'the browser drew 12 slides but the deck plan has 13',
            },
            {
              rule: 'outside-slide',
              slide: 7,
              slideId: 'key-points-2',
              element: 'li',
              message: 'li "x" is 30px below the slide',
            },
          ],
        },
      ],
    }
    expect(formatReport(report, '/work')).toBe(
      [
        'allied-ministry (out/b/allied-ministry/slides.md): 1 slide, no problems',
        'congressional-staff (out/b/congressional-staff/slides.md): 12 slides, 2 problems',
        '  deck: [slide-count] the browser drew 12 slides but the deck plan has 13',
        '  slide 7 (key-points-2): [outside-slide] li "x" is 30px below the slide',
        'check failed: 2 problems',
      ].join('\n'),
    )
  })

  it('says so when every slide renders cleanly', () => {
    expect(formatReport({ ok: true, decks: [] })).toBe('check passed: every slide renders cleanly')
  })
})
