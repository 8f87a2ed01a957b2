import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extract as extractWith, readKnowledge } from '../../src/extract/index.js'
import type { SourceDocument } from '../../src/model/index.js'
import { ingest, normaliseText } from '../../src/ingest/index.js'

const knowledge = await readKnowledge()
const extract = (document: SourceDocument) => extractWith(document, knowledge)
const seed = readFileSync('briefs/sources/reassurance-dilemma-2015.txt', 'utf8')
const words = [
  'Allies',
  'should',
  'expect',
  'support',
  'although',
  'Washington',
  'hesitates',
  'however',
  'the',
  'pact',
  'in',
  'April',
  '2014',
  'NATO',
  'but',
  'Critics',
  'argue',
  'that',
  'of',
  'course',
]
const sentence = fc
  .array(fc.constantFrom(...words), { minLength: 2, maxLength: 14 })
  .map((list) => `${list.join(' ').replace(/^./, (first) => first.toUpperCase())}.`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '))

describe('extraction properties', () => {
  it('gives every block, event and mention the exact text of its span', () => {
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 1, maxLength: 6 }), (paragraphs) => {
        const doc = ingest(paragraphs.join('\n\n'), { file: 'generated.txt' })
        const extraction = extract(doc)
        for (const block of extraction.blocks) expect(doc.text.slice(block.start, block.end)).toBe(block.text)
        for (const event of extraction.timeline) expect(doc.text.slice(event.start, event.end)).toBe(event.expression)
        for (const term of extraction.terms)
          for (const mention of term.mentions)
            expect(doc.text.slice(mention.start, mention.end)).toMatch(new RegExp(`^${term.acronym}s?$`))
        expect(extraction.blocks.filter((block) => block.kind === 'thesis')).toHaveLength(1)
        expect(new Set(extraction.blocks.map((block) => block.id)).size).toBe(extraction.blocks.length)
        expect(extract(doc)).toEqual(extraction)
      }),
      { numRuns: 100 },
    )
  })

  it('finds a thesis in a text of nothing but objections', () => {
    const extraction = extract(ingest('Critics Allies Allies.', { file: 'generated.txt' }))
    expect(extraction.blocks.map((block) => block.kind)).toEqual(['thesis'])
  })

  it('keeps every block id when a paragraph is inserted upstream', () => {
    const before = extract(ingest(seed, { file: 'reassurance.txt' }))
    const known = new Set(before.blocks.map((block) => normaliseText(block.text)))
    const paragraphs = seed.split('\n\n')
    fc.assert(
      fc.property(paragraph, fc.integer({ min: 0, max: paragraphs.length }), (inserted, at) => {
        // An inserted copy of an existing sentence would rightly take the first copy's id.
        fc.pre(!inserted.split(/(?<=\.) /).some((text) => known.has(normaliseText(text))))
        const after = extract(
          ingest([...paragraphs.slice(0, at), inserted, ...paragraphs.slice(at)].join('\n\n'), {
            file: 'reassurance.txt',
          }),
        )
        const idsAfter = new Map(after.blocks.map((block) => [block.text, block.id]))
        for (const block of before.blocks) expect(idsAfter.get(block.text), block.text).toBe(block.id)
      }),
      { numRuns: 40 },
    )
  })

  it('gives a repeated sentence an id of its own, and the first copy the id it has alone', () => {
    const once = extract(ingest('Allies should expect support.', { file: 'a.txt' }))
    const twice = extract(ingest('Allies should expect support.\n\nAllies should expect support.', { file: 'a.txt' }))
    expect(twice.blocks[0]!.id).toBe(once.blocks[0]!.id)
    expect(twice.blocks[1]!.id).not.toBe(once.blocks[0]!.id)
    expect(twice.blocks[1]!.id).toMatch(/^a:[0-9a-f]{8}$/)
  })

  it('gives the same ids whatever the typography', () => {
    const curly = extract(ingest('The allies’ “commitment” holds.', { file: 'a.txt' }))
    const straight = extract(ingest('The  allies\' "commitment" HOLDS.', { file: 'a.txt' }))
    expect(straight.blocks[0]!.id).toBe(curly.blocks[0]!.id)
  })
})
