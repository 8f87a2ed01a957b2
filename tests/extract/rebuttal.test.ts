// The rebutted paragraph: the other side's case, set aside whole by the
// opening of the next paragraph.
import { describe, expect, it } from 'vitest'
import { presentAgainstPast, rebuttedParagraphs } from '../../src/extract/rules/index.js'
import { sites } from './sites.js'

describe('presentAgainstPast', () => {
  it('fires on a present set against the past', () => {
    for (const text of [
      'Today the situation is entirely different.',
      'Now, circumstances have changed.',
      'But times have changed.',
      'That is no longer true.',
    ])
      expect(presentAgainstPast.test(text), text).toBe(true)
  })

  it('leaves plain statements about today alone', () => {
    for (const text of [
      'Today the council votes on the budget.',
      'Now is the time to act.',
      'The rules have changed twice since 2019.',
    ])
      expect(presentAgainstPast.test(text), text).toBe(false)
  })
})

describe('rebuttedParagraphs', () => {
  it('marks the paragraph before one that opens by declaring it outdated', () => {
    const text = sites([
      ['Cities should build more housing.'],
      ['For years, planners said that density ruined neighbourhoods.', 'Residents feared traffic.'],
      ['Today the evidence is different.', 'Dense districts have less traffic per person.'],
    ])
    expect([...rebuttedParagraphs(text)]).toEqual([[1, 'Today the evidence is different']])
  })

  it('marks nothing when the turn is not at the opening of a paragraph', () => {
    const text = sites([
      ['Cities should build more housing.', 'Planners once opposed density.'],
      ['Dense districts have less traffic.', 'Today the evidence is different.'],
    ])
    expect(rebuttedParagraphs(text).size).toBe(0)
  })
})
