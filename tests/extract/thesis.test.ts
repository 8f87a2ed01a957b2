// The thesis choice: the fitted ranker for a text of one paragraph, the
// document-level choice for a longer one, and each of its signals alone.
import { describe, expect, it } from 'vitest'
import { shippedModel } from '../../src/extract/model.js'
import {
  chooseThesis,
  lexicalCentrality,
  recentSentences,
  statesAPoint,
  turnsToOwnView,
} from '../../src/extract/thesis.js'
import type { TimelineEvent } from '../../src/model/index.js'
import { sites } from './sites.js'

const event = (sentence: number, date: string): TimelineEvent => ({
  start: 0,
  end: 1,
  date,
  expression: date,
  text: '',
  sentence,
  rule: 'test',
})

describe('the signals of the document-level choice', () => {
  it('statesAPoint takes whole statements, not granted clauses, questions, short or broken pieces', () => {
    const [conceded, main] = sites([['Although the tax costs money, cities should tax sugary drinks now.']])
    expect([statesAPoint(conceded!), statesAPoint(main!)]).toEqual([false, true])
    const texts = [
      'Should cities tax sugary drinks at all?',
      'Taxes work.',
      '14285, which directed agencies to act on the minerals.',
      'Cities should tax sugary drinks to protect health.',
      'For example, one city taxed soda in 2017.',
      'Soda taxes are beyond the scope of this report.',
      'All three taxes have been indexed since 1981,',
    ]
    expect(sites([texts]).map(statesAPoint)).toEqual([false, false, false, true, false, false, false])
  })

  it('turnsToOwnView fires on a turn or a correction, not on an addition', () => {
    expect(turnsToOwnView('However, the time has come for a tax on sugar.')).toBe(true)
    expect(turnsToOwnView('The real problem is not the price of soda, but what it does to children.')).toBe(true)
    expect(turnsToOwnView('The tax raises not only money but also awareness.')).toBe(false)
    expect(turnsToOwnView('Cities should tax sugary drinks.')).toBe(false)
  })

  it('lexicalCentrality grows with the words a unit shares with the others', () => {
    const text = sites([
      ['Sugar taxes cut soda sales.', 'Soda sales fell after sugar taxes.', 'The weather was fine in June.'],
    ])
    const [central, echo, aside] = text.map(lexicalCentrality)
    expect(central).toBeGreaterThan(aside!)
    expect(echo).toBeGreaterThan(aside!)
    expect(aside).toBe(0)
  })

  it('recentSentences holds the events of the document’s year and the year before', () => {
    const timeline = [event(0, '1980'), event(1, '2025-08'), event(2, '2026-04-01'), event(3, '2027')]
    expect([...recentSentences(timeline, '2026-04-23')]).toEqual([1, 2])
    // Undated: the newest event's year stands in.
    expect([...recentSentences(timeline, null)]).toEqual([2, 3])
  })
})

describe('chooseThesis', () => {
  it('ranks a text of one paragraph with the fitted model', () => {
    const text = sites([['Cities should tax sugary drinks.', 'Soda causes obesity.', 'The tax would pay for clinics.']])
    expect(chooseThesis(text, shippedModel)).toMatchObject({ rule: 'thesis-model' })
  })

  it('in an argument of several paragraphs, takes the central sentence that turns to the writer’s view', () => {
    const text = sites(
      [
        [
          'Soda is sold on every corner of every city.',
          'For years, taxes on sugary drinks were dismissed as paternalistic.',
          'However, the evidence now shows that cities should tax sugary drinks to protect the health of children.',
        ],
        ['Sugary drinks cause obesity and diabetes in children.', 'Health costs fall on cities.'],
        ['A tax on sugary drinks cut sales in cities that tried it.'],
        ['Children drink less soda where drinks are taxed.'],
      ],
      { title: 'Cities should tax sugary drinks' },
    )
    const choice = chooseThesis(text, shippedModel)
    expect(choice).toMatchObject({ rule: 'thesis-document' })
    expect(choice?.site.unit.text).toMatch(/^However, the evidence now shows/)
    expect(choice?.verdict.cues).toContain('turn')
  })

  it('in a report, prefers the recent development to the background', () => {
    const text = sites(
      [
        ['The fund was created by Congress to stabilise the dollar.', 'The fund supported the dollar in crises.'],
        ['The fund lent money to a foreign government last year, renewing debate about the fund.'],
        ['The fund holds several kinds of assets.'],
      ],
      { title: 'The stabilisation fund', heading: ['The fund', 'The fund', 'Resources'] },
    )
    expect(chooseThesis(text, shippedModel, new Set([2]))?.site.unit.text).toMatch(/^The fund lent money/)
    expect(chooseThesis(text, shippedModel, new Set())?.site.unit.text).not.toMatch(/^The fund lent money/)
  })

  it('in a summary, counts the first sentence as its bottom line', () => {
    const text = sites(
      [
        ['Trump accounts are a new kind of savings account for children.', 'Savers may contribute from July.'],
        ['Employers may contribute to the savings accounts of children of employees, up to a limit on accounts.'],
        ['The accounts are described in detail.'],
      ],
      { title: 'Trump accounts', heading: ['Summary', 'Summary', 'Description'] },
    )
    const choice = chooseThesis(text, shippedModel)
    expect(choice?.site.unit.text).toMatch(/^Trump accounts are a new kind/)
    expect(choice?.verdict.cues).toContain('lead')
  })
})
