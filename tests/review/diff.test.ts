import { describe, expect, it } from 'vitest'
import { diffDecks, formatDeckDiffs } from '../../src/review/index.js'
import { samplePlan, withSlide } from './plans.js'

const before = samplePlan()

describe('diffDecks', () => {
  it('finds nothing to re-review in an unchanged deck', () => {
    const [diff] = diffDecks([before], [structuredClone(before)])
    expect(diff).toMatchObject({ audience: 'congressional-staff', changes: [], unchanged: 4, before: 4, after: 4 })
  })

  it('reports changed, added and removed slides with a word-level diff', () => {
    const edited = withSlide(before, 'key-points-1', (slide) => ({
      ...slide,
      bullets: [{ ...slide.bullets[0]!, text: 'Japan is doubling its defense budget.' }, slide.bullets[1]!],
    }))
    const after = {
      ...edited,
      slides: [
        ...edited.slides.filter((slide) => slide.id !== 'key-points-2'),
        { ...edited.slides[3]!, id: 'options-1', title: 'Options' },
      ],
    }
    const [diff] = diffDecks([before], [after])
    expect(diff!.changes.map((change) => [change.kind, change.slide.id, change.number])).toEqual([
      ['changed', 'key-points-1', 3],
      ['added', 'options-1', 4],
      ['removed', 'key-points-2', 4],
    ])
    expect(diff!.unchanged).toBe(2)
    const text = formatDeckDiffs([diff!])
    expect(text).toContain('~ slide 3 key-points-1 "Key points" changed')
    expect(text).toContain('- Japan is [-raising-]{+doubling+} its defense budget.')
    expect(text).toContain('+ slide 4 options-1 "Options" added')
    expect(text).toContain('- slide 4 key-points-2 "Key points (cont.)" removed')
  })

  it('leaves out what readers do not see, like the notes', () => {
    const renoted = withSlide(before, 'bluf', (slide) => ({ ...slide, notes: ['Other notes'] }))
    expect(diffDecks([before], [renoted])[0]!.changes).toEqual([])
  })

  it('shows a deck that exists on one side only', () => {
    const allied = samplePlan('allied-ministry')
    const diffs = diffDecks([before], [before, allied])
    expect(diffs.find((diff) => diff.audience === 'allied-ministry')).toMatchObject({ before: null, after: 4 })
    expect(formatDeckDiffs(diffs)).toContain(
      'allied-ministry (no deck -> 4 slides): 0 changed, 4 added, 0 removed, 0 unchanged',
    )
  })

  it('colours words for a terminal', () => {
    const edited = withSlide(before, 'bluf', (slide) => ({ ...slide, title: 'Bottom line' }))
    expect(formatDeckDiffs(diffDecks([before], [edited]), { color: true })).toContain('\u001b[31;9m')
  })
})
