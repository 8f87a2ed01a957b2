// Each feature alone: a unit it must fire on and one it must leave alone.
import { describe, expect, it } from 'vitest'
import * as features from '../../src/extract/features.js'
import type { Feature } from '../../src/extract/features.js'
import { sites } from './sites.js'

/** The feature's value on each unit of one paragraph. */
const on = (feature: Feature, ...texts: string[]) => sites([texts]).map(feature)

describe('features', () => {
  const cases: Array<[string, Feature, string[], number[]]> = [
    ['firstInText', features.firstInText, ['A is so.', 'B is so.'], [1, 0]],
    ['lastInText', features.lastInText, ['A is so.', 'B is so.'], [0, 1]],
    ['firstInParagraph', features.firstInParagraph, ['A is so.', 'B is so.'], [1, 0]],
    ['lastInParagraph', features.lastInParagraph, ['A is so.', 'B is so.'], [0, 1]],
    ['fragment', features.fragment, ['Too short.', 'This one has enough words in it.'], [1, 0]],
    ['isQuestion', features.isQuestion, ['Why pay?', 'We pay.'], [1, 0]],
    ['exclamation', features.exclamation, ['Stop it!', 'Stop it.'], [1, 0]],
    ['concededClause', features.concededClause, ['Although it costs more, we should pay.'], [1, 0]],
    ['mainClause', features.mainClause, ['Although it costs more, we should pay.'], [0, 1]],
    ['opensWithContrast', features.opensWithContrast, ['But it works.', 'It works.'], [1, 0]],
    ['opensWithReturn', features.opensWithReturn, ['Still, it works.', 'It works.'], [1, 0]],
    ['opensWithSupport', features.opensWithSupport, ['Besides, it is cheap.', 'It is cheap.'], [1, 0]],
    ['opensWithConclusion', features.opensWithConclusion, ['Therefore we act.', 'We act.'], [1, 0]],
    ['opensWithExample', features.opensWithExample, ['For example, Oslo did.', 'Oslo did.'], [1, 0]],
    ['inference', features.inference, ['Fines are thus right.', 'Fines are right.'], [1, 0]],
    ['opensWithConcession', features.opensWithConcession, ['Of course it costs.', 'It costs.'], [1, 0]],
    ['tentativeOpening', features.tentativeOpening, ['Sure, it costs.', 'It costs.'], [1, 0]],
    ['nextTurns', features.nextTurns, ['It costs.', 'But it pays.'], [1, 0]],
    ['previousTurns', features.previousTurns, ['But it pays.', 'So we buy.'], [0, 1]],
    ['previousConcedes', features.previousConcedes, ['Of course it costs.', 'We buy.'], [0, 1]],
    ['nextSupports', features.nextSupports, ['We should buy.', 'Besides, it is cheap.'], [1, 0]],
    ['previousSupports', features.previousSupports, ['Besides, it is cheap.', 'We buy.'], [0, 1]],
    ['trailingThough', features.trailingThough, ['It is cheap, though.', 'It is cheap.'], [1, 0]],
    ['obligation', features.obligation, ['We should buy.', 'We buy.', 'Why should we buy?'], [1, 0, 0]],
    ['nextOpensReasons', features.nextOpensReasons, ['We should buy.', 'For one thing, it is cheap.'], [1, 0]],
    [
      'lastConclusion',
      features.lastConclusion,
      ['So we buy.', 'Thus we sell.', 'For instance, it thus falls.'],
      [0, 1, 0],
    ],
    ['weakObligation', features.weakObligation, ['We have to buy.', 'We buy.'], [1, 0]],
    ['possibilityModal', features.possibilityModal, ['It might rain.', 'It rains.'], [1, 0]],
    ['necessityAdjective', features.necessityAdjective, ['Reform is essential.', 'Reform is here.'], [1, 0]],
    ['evaluation', features.evaluation, ['The fee is unfair.', 'The fee is ten euros.'], [1, 0]],
    ['firstPersonStance', features.firstPersonStance, ['I believe it works.', 'It works.'], [1, 0]],
    ['needStatement', features.needStatement, ['We need more police.', 'We need to go.'], [1, 0]],
    ['deonticPassive', features.deonticPassive, ['A cap is not to be supported.', 'A cap was supported.'], [1, 0]],
    ['concludedJudgment', features.concludedJudgment, ['So the fee is unfair.', 'The fee is unfair.'], [1, 0]],
    [
      'firstObligation',
      features.firstObligation,
      ['Why should we buy?', 'We should buy.', 'They should sell.'],
      [0, 1, 0],
    ],
    ['lastObligation', features.lastObligation, ['We should buy.', 'They should sell.'], [0, 1]],
    ['negation', features.negation, ['It does not work.', 'It works.'], [1, 0]],
    ['otherSideSpeaks', features.otherSideSpeaks, ['Critics argue it fails.', 'It fails.'], [1, 0]],
    ['reportedSpeech', features.reportedSpeech, ['The minister said it fails.', 'It fails.'], [1, 0]],
    ['quotationMarks', features.quotationMarks, ['He called it “a win”.', 'It is a win.'], [1, 0]],
    ['reportedFinding', features.reportedFinding, ['The survey found that most agree.', 'Most agree.'], [1, 0]],
    [
      'describesDocument',
      features.describesDocument,
      ['This report discusses tariffs.', 'It also examines quotas.', 'It provides grants to states.', 'Tariffs rose.'],
      [1, 1, 0, 0],
    ],
    ['number', features.number, ['It rose 5 points.', 'It rose.'], [1, 0]],
    ['year', features.year, ['In 2025 it rose.', 'It rose 25 points.'], [1, 0]],
    ['quantity', features.quantity, ['It cost $5 billion.', 'It cost 5 apples.'], [1, 0]],
  ]
  for (const [name, feature, texts, expected] of cases)
    it(`${name} fires where it should and nowhere else`, () => expect(on(feature, ...texts)).toEqual(expected))

  it('inFirstParagraph, inLastParagraph and inIntroduction read the paragraphs', () => {
    const text = sites([['A is so.'], ['B is so.'], ['C is so.'], ['D is so.'], ['E is so.']])
    expect(text.map(features.inFirstParagraph)).toEqual([1, 0, 0, 0, 0])
    expect(text.map(features.inLastParagraph)).toEqual([0, 0, 0, 0, 1])
    expect(text.map(features.inIntroduction)).toEqual([1, 1, 0, 0, 0])
    // A long text opens with a hook: its first unit is not singled out.
    expect(text.map(features.firstInText)).toEqual([0, 0, 0, 0, 0])
  })

  it('relativePosition runs from 0 to 1', () => {
    expect(on(features.relativePosition, 'A.', 'B.', 'C.')).toEqual([0, 0.5, 1])
  })

  it('length saturates at forty words', () => {
    expect(on(features.length, 'one two three four.', `${'word '.repeat(60)}end.`)).toEqual([0.1, 1])
  })

  it('the heading features read the section heading', () => {
    expect(sites([['A is so.']], { heading: 'Summary' }).map(features.summaryHeading)).toEqual([1])
    expect(sites([['A is so.']], { heading: 'Executive Summary' }).map(features.summaryHeading)).toEqual([1])
    // A heading that names a topic opens a section of the body, whatever word it starts with.
    expect(
      sites([['A is so.']], { heading: 'Overview of the Balance of Payments' }).map(features.summaryHeading),
    ).toEqual([0])
    expect(sites([['A is so.']], { heading: 'Issues for Congress' }).map(features.adviceHeading)).toEqual([1])
    expect(sites([['A is so.']], { heading: 'Background' }).map(features.backgroundHeading)).toEqual([1])
    expect(sites([['A is so.']], { heading: 'Background' }).map(features.adviceHeading)).toEqual([0])
  })

  it('titleOverlap and centrality measure shared vocabulary', () => {
    const text = sites([['Tuition fees hurt students.', 'Fees deter students.', 'The weather is fine.']], {
      title: 'Tuition fees',
    })
    expect(text.map(features.titleOverlap)).toEqual([1, 0.5, 0])
    const central = text.map(features.centrality)
    // `Fees deter students` shares two of its three words with the rest; the weather none.
    expect(central[1]).toBe(1)
    expect(central[0]).toBeGreaterThan(0)
    expect(central[2]).toBe(0)
  })

  it('the thesis relations need a chosen thesis', () => {
    const text = sites([['A is so.', 'B is so.', 'C is so.']], { thesis: 1 })
    expect(text.map(features.isThesis)).toEqual([0, 1, 0])
    expect(text.map(features.beforeThesis)).toEqual([1, 0, 0])
    expect(text.map(features.followsThesis)).toEqual([0, 0, 1])
    expect(sites([['A is so.']]).map(features.isThesis)).toEqual([0])
  })

  it('every feature of the models is one of these, with a value in [0, 1]', () => {
    const text = sites([['Although it costs, we should pay 5%!', 'But critics said “it fails badly, they all say”.']])
    for (const [name, feature] of Object.entries(features.counterFeatures))
      for (const site of text) {
        const value = feature(site)
        expect(value, name).toBeGreaterThanOrEqual(0)
        expect(value, name).toBeLessThanOrEqual(1)
      }
  })
})
