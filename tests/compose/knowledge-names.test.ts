// Profile patterns that name knowledge (`{leaders:USA}`): a profile names no
// person itself; the bundled knowledge and a brief repository's own do.
import { describe, expect, it } from 'vitest'
import { withKnowledgeNames } from '../../src/compose/index.js'
import { readKnowledge } from '../../src/extract/index.js'
import { KnowledgeFile, TextPattern, emptyKnowledge, mergeKnowledge, textPatterns } from '../../src/model/index.js'

const knowledge = mergeKnowledge([
  KnowledgeFile.parse({
    leaders: [
      { name: 'George W. Bush', aliases: ['Bush'], country: 'USA' },
      { name: 'Ada Lindqvist', aliases: ['Lindqvist'], country: 'SWE' },
      { name: "Nora O'Hale", aliases: ["O'Hale"], country: 'IRL' },
    ],
  }),
])
const administration = '\\b{leaders:USA} administration\\b'
const matches = (pattern: string, text: string, from = knowledge) =>
  textPatterns([withKnowledgeNames(pattern, from)])[0]!.test(text)

describe('patterns naming leaders from the knowledge', () => {
  it('match any name of that country’s leaders, the full name with its dots taken literally', () => {
    expect(matches(administration, 'The George W. Bush administration signed it.')).toBe(true)
    expect(matches(administration, 'Under the Bush administration, …')).toBe(true)
    expect(matches('^{leaders:USA}$', 'George W. Bush')).toBe(true)
    expect(matches('^{leaders:USA}$', 'George Wx Bush')).toBe(false)
    expect(matches(administration, 'The Lindqvist administration')).toBe(false)
    expect(matches('\\b{leaders:SWE} government\\b', 'the Lindqvist government')).toBe(true)
  })

  it('match a name written as sources write it: a curly apostrophe, a line break between its words', () => {
    expect(matches('\\b{leaders:IRL} government\\b', 'the O’Hale government')).toBe(true)
    expect(matches(administration, 'the George W.\nBush administration')).toBe(true)
  })

  it('match nothing when the knowledge has no leader of that country', () => {
    expect(matches(administration, 'The Bush administration', emptyKnowledge)).toBe(false)
    expect(matches('{leaders:FRA}|Élysée', 'the Élysée said')).toBe(true)
  })

  it('are valid profile patterns; a misspelt placeholder is not', () => {
    expect(TextPattern.safeParse(administration).success).toBe(true)
    expect(TextPattern.safeParse('\\b{leader:USA} administration\\b').success).toBe(false)
    expect(TextPattern.safeParse('\\b{leaders:usa} administration\\b').success).toBe(false)
  })

  it('leave the rest of a profile as it is', () => {
    const section = { title: 'Options', select: [{ kinds: ['claim'], match: [administration, 'tariffs?'] }] }
    const expanded = withKnowledgeNames(section, knowledge)
    expect(expanded.title).toBe('Options')
    expect(expanded.select[0]!.match[1]).toBe('tariffs?')
    expect(expanded.select[0]!.match[0]).not.toContain('{leaders:')
  })

  it('find the presidents of the United States in the bundled knowledge', async () => {
    const bundled = await readKnowledge()
    expect(matches(administration, 'the Reagan administration', bundled)).toBe(true)
    expect(matches(administration, 'the Food and Drug Administration', bundled)).toBe(false)
  })
})
