import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ingest } from '../../src/ingest/index.js'
import { isProse, proseBlocks, remarkBlocks } from '../../src/ingest/markdown.js'

const words = [
  'the',
  'alliance',
  'U.S.',
  'Gen.',
  'Japan',
  'should',
  'deter',
  '“quoted”',
  "allies'",
  'Dr.',
  '2+2',
  'in',
  '2027',
  'and',
  'not',
  '—',
  '(PLA)',
  'e.g.',
]
const sentence = fc
  .tuple(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 12 }), fc.constantFrom('.', '?', '!', '.”', ''))
  .map(([list, end]) => `${list.join(' ').replace(/^./, (first) => first.toUpperCase())}${end}`)
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 4 }).map((list) => list.join(' '))
/** Prose: single-line paragraphs with up to three spaces of indentation, between blank lines. */
const prose = fc
  .array(fc.tuple(fc.constantFrom('', ' ', '   '), paragraph, fc.constantFrom('\n\n', '\n \n', '\n\n\n')), {
    minLength: 1,
    maxLength: 6,
  })
  .map((parts) => parts.map(([indent, text, gap]) => `${indent}${text}${gap}`).join(''))
/** Anything a user might feed in: markdown syntax, control characters, odd Unicode. */
const anyText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 400 }),
  fc
    .array(
      fc.constantFrom(
        '# ',
        '- ',
        '> ',
        '1. ',
        '```',
        '\n',
        '\r\n',
        '\n\n',
        '  ',
        '\t',
        '“',
        '”',
        '\uFEFF',
        'Word',
        '.',
        'U.S.',
        '<div>',
        '[a]: /b',
        '***',
        '\u0000',
      ),
      { maxLength: 80 },
    )
    .map((parts) => parts.join('')),
)

describe('ingest on any text', () => {
  it('never throws, and every span slices to its text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const doc = ingest(text, { file: 'any.md' })
        const placedNoise = doc.noise.filter((line) => line.start !== undefined)
        for (const span of [...doc.paragraphs, ...doc.sentences, ...placedNoise])
          expect(doc.text.slice(span.start, span.end)).toBe(span.text)
        for (const sentence of doc.sentences) {
          const paragraph = doc.paragraphs[sentence.paragraph]!
          expect(sentence.start).toBeGreaterThanOrEqual(paragraph.start)
          expect(sentence.end).toBeLessThanOrEqual(paragraph.end)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('reads CRLF prose as it reads LF prose', () => {
    fc.assert(
      fc.property(prose, (text) => {
        const lf = ingest(text, { file: 'a.txt' })
        const crlf = ingest(text.replace(/\n/g, '\r\n'), { file: 'a.txt' })
        expect(crlf.sentences.map((s) => s.text)).toEqual(lf.sentences.map((s) => s.text))
        expect(crlf.metadata).toEqual(lf.metadata)
      }),
      { numRuns: 100 },
    )
  })
})

describe('the prose fast path', () => {
  it('finds exactly the paragraphs remark-parse finds', () => {
    fc.assert(
      fc.property(prose, (text) => {
        // `2027. Japan …` at the start of a line is an ordered list for markdown, so remark must read it.
        fc.pre(isProse(text))
        expect(proseBlocks(text, 7)).toEqual(remarkBlocks(text, 7))
      }),
      { numRuns: 200 },
    )
  })

  it('leaves anything with block syntax to remark', () => {
    for (const text of [
      '# Heading',
      'Text\n---',
      '- item',
      '> quote',
      '1. first',
      '2027. Japan',
      '    code',
      '<div>',
      '[ref]: /url',
      '```\ncode\n```',
      'Title\n===',
    ])
      expect(isProse(text)).toBe(false)
  })
})
