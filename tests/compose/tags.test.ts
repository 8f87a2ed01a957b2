// Tags one run made, handed to the next: taken as compromise's own, and what
// compose asked about comes back to be kept.
import { describe, expect, it } from 'vitest'
import { taggingWith } from '../../src/compose/index.js'
import { hasTag, taggedTerms } from '../../src/compose/tags.js'

describe('taggingWith', () => {
  it('takes the recalled tags as they are, rather than tagging the text again', () => {
    // A tag compromise never gives: seen only if the recalled record was used.
    const text = 'Recalled sentences keep their tags.'
    const { result } = taggingWith([[text, [['Recalled', ['MadeUpTag']]]]], () => hasTag(text, 'MadeUpTag'))
    expect(result).toBe(true)
  })

  it('returns each text asked about during the work, new or recalled, with its tags, and nothing asked before', () => {
    taggedTerms('Asked before the work began.')
    const recalled = 'The committee approved the bill.'
    const fresh = 'Lawmakers may extend the credit.'
    const { asked } = taggingWith([[recalled, [['The', ['Determiner']]]]], () => {
      taggedTerms(recalled)
      taggedTerms(fresh)
      taggedTerms(fresh)
    })
    expect(asked.map(([text]) => text)).toEqual([recalled, fresh])
    const [, terms] = asked[1]!
    expect(terms.map(([word]) => word)).toEqual(['Lawmakers', 'may', 'extend', 'the', 'credit'])
    expect(terms[0]![1]).toContain('Noun')
  })
})
