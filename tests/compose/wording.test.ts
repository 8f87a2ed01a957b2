import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { countWords, quotedPart, shortenToWords, spellOutFirstUse } from '../../src/compose/index.js'
import { formatIsoDate } from '../../src/shared/index.js'

const word = fc.stringMatching(/^[A-Za-z’'.,;:()—-]{1,12}$/)
const sentence = fc.array(word, { minLength: 1, maxLength: 60 }).map((words) => words.join(' '))

describe('shortenToWords', () => {
  it('never exceeds the limit, and keeps short sentences whole', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 1, max: 30 }), (text, limit) => {
        const short = shortenToWords(text, limit)
        expect(countWords(short)).toBeLessThanOrEqual(limit)
        expect(short.length).toBeGreaterThan(0)
        if (countWords(text) <= limit) expect(short).toBe(text)
      }),
    )
  })

  it('only removes words: what is left appears in the sentence, in order', () => {
    fc.assert(
      fc.property(sentence, fc.integer({ min: 1, max: 30 }), (text, limit) => {
        const kept = shortenToWords(text, limit).replace(/…$/, '').toLowerCase()
        const lastWord = kept.split(' ').at(-1)!
        const body = kept.slice(0, kept.length - lastWord.length)
        // Punctuation may be trimmed from the last word, and a dropped connective may capitalise the first.
        expect(text.toLowerCase()).toContain(body)
        expect(text.toLowerCase()).toContain(lastWord)
      }),
    )
  })

  it('cuts at a clause boundary and marks the cut', () => {
    const text =
      'Failure to counteract these ambitions raises the potential for a destabilized region, reducing the United States to a peripheral power, less prosperous and less secure.'
    expect(shortenToWords(text, 20)).toBe(
      'Failure to counteract these ambitions raises the potential for a destabilized region, reducing the United States to a peripheral power…',
    )
  })

  it('drops an opening connective before cutting anything else', () => {
    expect(shortenToWords('However, as tensions rise the time has come for a pact.', 10)).toBe(
      'As tensions rise the time has come for a pact.',
    )
  })

  it('never ends a cut on a dangling article or preposition', () => {
    expect(shortenToWords('one two three four five six seven eight nine of the ten eleven', 11)).toBe(
      'one two three four five six seven eight nine…',
    )
  })

  it('refuses a limit that is not a positive integer', () => {
    expect(() => shortenToWords('text', 0)).toThrow(TypeError)
  })
})

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
