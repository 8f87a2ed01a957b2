import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compressSentence, countWords, isFragment, splitClauses } from '../../src/compose/index.js'

/** Sentences of the kinds slides are made from, on topics far apart. */
const sentences = [
  'According to the Energy Information Administration, U.S. crude oil production averaged 13.2 million barrels a day in 2024, a record.',
  'However, the grid operator did not expect shortages this winter, and regulators approved 4 new transmission lines in Texas.',
  'The tariff, which took effect on March 12, 2025, applies to steel from every country except Canada; it does not cover scrap.',
  'Moreover, the program, a joint effort of the Department of Energy and the Department of Defense, has never met its 2030 goal.',
  'Lawmakers may consider extending the tax credit for another five years, but the Congressional Budget Office estimates it would cost $42 billion.',
  'Vaccination rates fell to 91% among kindergartners in the 2023-2024 school year (see Figure 2), the lowest level in a decade.',
  'In addition, the agency, which employs roughly 58,000 people, cannot hire new staff without an appropriation from Congress.',
  'The treaty was signed in Geneva in 1997 and ratified by 40 states, yet the United States has not ratified it.',
]

const digitsOf = (text: string) => text.match(/\d[\d.,]*\d|\d/g) ?? []
const negationsOf = (text: string) => text.match(/\b(not|no|never|cannot|without)\b/gi) ?? []
const words = (text: string): string[] => [...(text.toLowerCase().match(/[\p{L}\p{N}$%]+/gu) ?? [])]

describe('compressSentence', () => {
  it('keeps every number, date and negation of the sentence', () => {
    for (const sentence of sentences) {
      const parts = compressSentence(sentence, 12).parts.join(' ')
      // A parenthetical that points to a figure or a table is not content; everything else is kept.
      const expected = digitsOf(sentence.replace(/\(see Figure \d+\)/, ''))
      expect(digitsOf(parts), sentence).toEqual(expected)
      expect(
        negationsOf(parts).map((word) => word.toLowerCase()),
        sentence,
      ).toEqual(negationsOf(sentence).map((word) => word.toLowerCase()))
    }
  })

  it('leaves one full stop when a dropped parenthetical followed a short form', () => {
    const sentence =
      'Some Members have introduced bills that would mandate that certain federal entities act on aspects of the E.O. (e.g., H.R. 4018, S. 2860).'
    expect(compressSentence(sentence, 20).parts.join(' ')).toMatch(/aspects of the E\.O\.$/)
  })

  it('keeps the names that carry the point', () => {
    const parts = compressSentence(sentences[2]!, 10).parts.join(' ')
    expect(parts).toContain('Canada')
    expect(compressSentence(sentences[7]!, 10).parts.join(' ')).toContain('Geneva')
  })

  it('only removes words, in order: a bullet never says what the source did not', () => {
    for (const sentence of sentences) {
      const source = words(sentence)
      let position = 0
      for (const word of words(compressSentence(sentence, 10).parts.join(' '))) {
        // Splitting `, but` into two sentences keeps `but` as the second one's first word.
        const found = source.indexOf(word, position)
        expect(found, `${word} in ${sentence}`).toBeGreaterThanOrEqual(0)
        position = found + 1
      }
    }
  })

  it('never cuts a sentence: each part ends as a sentence, and none has an ellipsis', () => {
    fc.assert(
      fc.property(fc.constantFrom(...sentences), fc.integer({ min: 1, max: 30 }), (sentence, limit) => {
        const { parts, long } = compressSentence(sentence, limit)
        for (const part of parts) {
          expect(part).toMatch(/[.?!]$/)
          expect(part).not.toMatch(/…|\.\.\./)
        }
        expect(long).toBe(parts.some((part) => countWords(part) > limit))
      }),
    )
  })

  it('keeps a sentence that fits as it is, less its opening discourse marker', () => {
    expect(compressSentence('Grid batteries stored 8% more power in 2024.', 20).parts).toEqual([
      'Grid batteries stored 8% more power in 2024.',
    ])
    expect(compressSentence('Moreover, grid batteries stored 8% more power.', 20).parts).toEqual([
      'Grid batteries stored 8% more power.',
    ])
  })

  it('drops an attribution: the source line carries it', () => {
    expect(compressSentence(sentences[0]!, 16).parts).toEqual([
      'U.S. crude oil production averaged 13.2 million barrels a day in 2024, a record.',
    ])
  })

  it('drops a non-restrictive clause, an appositive and a spelled-out acronym without a number or name', () => {
    expect(
      compressSentence(
        'The reactor, which the utility built over a decade, supplies the region, and the company plans a second unit.',
        10,
      ).parts,
    ).toEqual(['The reactor supplies the region.', 'The company plans a second unit.'])
    expect(
      compressSentence('The Strategic Petroleum Reserve (SPR) holds crude oil for emergencies and price spikes.', 10)
        .parts,
    ).toEqual(['The Strategic Petroleum Reserve holds crude oil for emergencies and price spikes.'])
  })

  it('keeps an aside that the examples after it exemplify, rather than leave them pointing at the wrong words', () => {
    const sentence =
      'In 2021, the government banned all mining transactions, which caused an exodus of miners to other countries, including Canada.'
    const { parts } = compressSentence(sentence, 12)
    expect(parts.join(' ')).toContain('which caused an exodus of miners to other countries, including Canada')
  })

  it('does not drop a clause that holds the main verb, even where a quotation hides its commas', () => {
    const sentence =
      'Although the vote stopped the rule from taking effect, the provision in Section 136, which directs the agency to “collect a charge on emissions,” remains.'
    for (const part of compressSentence(sentence, 12).parts) expect(isFragment(part), part).toBe(false)
  })

  it('keeps a sentence whole and flags it when it cannot be made short without losing its point', () => {
    const long =
      'The 2022 law gave $369 billion for energy security and climate programs over ten years, including tax credits for wind, solar, nuclear, hydrogen and carbon capture.'
    const { parts, long: isLong } = compressSentence(long, 12)
    expect(isLong).toBe(true)
    expect(digitsOf(parts.join(' '))).toEqual(digitsOf(long))
  })

  it('refuses a limit that is not a positive integer', () => {
    expect(() => compressSentence('text', 0)).toThrow(TypeError)
  })
})

describe('splitClauses', () => {
  it('splits at a semicolon and at a coordinated independent clause', () => {
    expect(splitClauses('The plant closed in May; it had run for 40 years.')).toEqual([
      'The plant closed in May.',
      'It had run for 40 years.',
    ])
    expect(splitClauses('Prices rose 4% in June, but demand did not fall.')).toEqual([
      'Prices rose 4% in June.',
      'But demand did not fall.',
    ])
  })

  it('does not split a list, a relative clause or anything inside parentheses', () => {
    for (const sentence of [
      'The bill funds roads, bridges, and transit systems in rural counties.',
      'The agency regulates pipelines, and refineries that process crude oil.',
      'The fund (which lends to states, and to cities) grew by $2 billion.',
      'Costs depend on inflation and market trends; changes in agency portfolios; and changes in visitor numbers.',
    ]) {
      expect(splitClauses(sentence)).toEqual([sentence])
    }
  })
})
