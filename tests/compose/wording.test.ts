import { describe, expect, it } from 'vitest'
import { quotedPart, spellOutFirstUse } from '../../src/compose/index.js'
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
