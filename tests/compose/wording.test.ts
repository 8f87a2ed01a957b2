import { describe, expect, it } from 'vitest'
import { isFragment, quotedPart, spellOutFirstUse } from '../../src/compose/index.js'
import { formatIsoDate } from '../../src/shared/index.js'

describe('quotedPart', () => {
  it('keeps the quoted words of a sentence that quotes someone', () => {
    expect(
      quotedPart(
        'As President Obama put it, “Just because we have the best hammer does not mean that every problem is a nail.”',
      ),
    ).toBe('Just because we have the best hammer does not mean that every problem is a nail.')
    expect(quotedPart('It is a “good first step,” as David Shear put it.')).toBe('good first step')
    expect(quotedPart('A sentence with no quotation.')).toBe('A sentence with no quotation.')
  })
})

describe('spellOutFirstUse', () => {
  const terms = [
    { acronym: 'PLA', expansion: 'People’s Liberation Army' },
    { acronym: 'NATO', expansion: 'North Atlantic Treaty Organization' },
  ]

  it('spells an acronym out where it first appears, and only there', () => {
    expect(spellOutFirstUse(['The PLA trains.', 'The PLA exercises near NATO’s flank.'], terms)).toEqual([
      'The People’s Liberation Army (PLA) trains.',
      'The PLA exercises near North Atlantic Treaty Organization (NATO)’s flank.',
    ])
  })

  it('leaves a first use alone when the text already spells it out', () => {
    expect(spellOutFirstUse(["the People's Liberation Army (PLA) prepares", 'the PLA again'], terms)).toEqual([
      "the People's Liberation Army (PLA) prepares",
      'the PLA again',
    ])
  })

  it('does not mistake a longer word for the acronym', () => {
    expect(spellOutFirstUse(['The PLAN grows.'], terms)).toEqual(['The PLAN grows.'])
  })

  it('leaves an acronym that is part of a name (`COVID-19`, `USA-4`, `TMC USA`) alone, and spells out a later use of its own', () => {
    const names = [
      { acronym: 'COVID', expansion: 'coronavirus disease 2019' },
      { acronym: 'USA', expansion: 'United States of America' },
    ]
    expect(
      spellOutFirstUse(['COVID-19 funding ended.', 'TMC USA applied for USA-4.', 'COVID cases fell.'], names),
    ).toEqual(['COVID-19 funding ended.', 'TMC USA applied for USA-4.', 'coronavirus disease 2019 (COVID) cases fell.'])
  })
})

describe('isFragment', () => {
  it.each([
    'On April 24, 2025, the President issued Executive Order (E.O.).',
    'Congress may consider the role of federal agencies in relation.',
    'Changes in agency asset portfolios.',
    'Although the disapproval stopped the rule from taking effect, the provision in Section 136.',
    '1. provide capital directly to businesses through loans.',
    'In its February 2021 update, the Commandant further noted,',
    'Also provides financial awards to eligible rural utilities.',
    '(The enhancement was amended in 2023, but both versions contain similar language.).',
  ])('reads a sentence the page cut, or a phrase without a verb, as a fragment: %s', (text) =>
    expect(isFragment(text)).toBe(true),
  )

  it('reads a whole sentence as one', () => {
    expect(isFragment('The Executive Order (E.O.) took effect in May 2025.')).toBe(false)
    expect(isFragment('Grid operators plan capacity years ahead of demand.')).toBe(false)
    expect(isFragment('Although the rule stopped, the provision stays in force.')).toBe(false)
    expect(isFragment('Interest rates rose in 2023 (see Figure 2).')).toBe(false)
    expect(isFragment('Some bills would mandate that agencies act on aspects of the E.O.')).toBe(false)
  })
})

describe('formatIsoDate', () => {
  it.each([
    ['2015-04-16', '16 Apr 2015'],
    ['2014-12', 'Dec 2014'],
    ['2027', '2027'],
    ['1939/1945', '1939–1945'],
    ['spring', 'spring'],
  ])('%s reads %s', (date, expected) => expect(formatIsoDate(date)).toBe(expected))
})
