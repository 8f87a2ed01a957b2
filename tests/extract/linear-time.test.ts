// Long runs of one kind of character, through the public entry points. Every
// regular expression over source text must take linear time: a pattern that
// retries from each character of a run (`/[-\s]+$/` on a line of dashes) is
// quadratic, and a 200 KB source of them took minutes. These tests are not
// timed; a quadratic pattern makes them miss the test timeout by far. The
// time budget is in bench/safety.mjs.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { extract, readKnowledge } from '../../src/extract/index.js'
import { ingest } from '../../src/ingest/index.js'

/** What sources are made of, one unit per class; each run repeats one. */
const units: Record<string, string> = {
  dashes: '-',
  'em dashes': '—',
  spaces: ' ',
  tabs: '\t',
  'no-break spaces': '\u00a0',
  dots: '.',
  commas: ',',
  'lower case': 'a',
  'upper case': 'A',
  digits: '7',
  'opening parentheses': '(',
  'closing parentheses': ')',
  quotes: '"',
  'curly quotes': '“',
  apostrophes: "'",
  asterisks: '*',
  underscores: '_',
  hashes: '#',
  pipes: '|',
  brackets: '[',
  'angle brackets': '<',
  ampersands: '&',
  slashes: '/',
  colons: ':',
  bullets: '•',
  'question marks': '?',
  ideographs: '漢',
  'an address': 'http://x.y/',
  'a capitalised word': 'Word ',
  'an abbreviation': 'U.S. ',
  'a title': 'Gen. ',
  'an acronym in parentheses': 'AB (CD) ',
  'capitals in a row': 'AB CD EF x ',
  'or between words': ' or ',
  'a speaker': 'Smith said ',
  'a figure': '7.5% ',
}

const knowledge = await readKnowledge()
// Long enough to tell the two apart: before the patterns were rewritten, a run of dashes or spaces took about 50 s at
// this length (20 s is the test's timeout); each class now takes well under 5 s.
const runLength = 100_000
const run = (unit: string) => unit.repeat(Math.ceil(runLength / unit.length))

/** Where a run sits: alone, inside a sentence, or as a line of its own between paragraphs. */
const settings = [
  (body: string) => body,
  (body: string) => `The alliance should act ${body} now. Japan (JP) agrees.\n`,
  (body: string) => `A Title\n\nMay 30, 2025\n\n${body}\n\nThe pact, or EDD, would deter the PLA.\n`,
]

function checkDocument(text: string, file: string): void {
  const document = ingest(text, { file })
  for (const sentence of document.sentences) {
    expect(sentence.start).toBeGreaterThanOrEqual(0)
    expect(sentence.end).toBeLessThanOrEqual(document.text.length)
  }
  const extraction = extract(document, knowledge)
  for (const block of extraction.blocks) expect(block.end).toBeGreaterThan(block.start)
}

describe('long runs of one character class through ingest and extract', () => {
  // Generous: a shared two-core machine. A quadratic pattern takes minutes here, not seconds.
  it.each(Object.entries(units))('%s, in plain text and in markdown', { timeout: 20_000 }, (_, unit) => {
    for (const setting of settings) checkDocument(setting(run(unit)), 'run.txt')
    checkDocument(settings[1]!(run(unit)), 'run.md')
  })

  it('runs of two classes side by side', () => {
    const unit = fc.constantFrom(...Object.values(units))
    fc.assert(
      fc.property(unit, unit, fc.constantFrom(...settings), (first, second, setting) => {
        const half = runLength / 2
        checkDocument(setting(first.repeat(half / first.length) + second.repeat(half / second.length)), 'run.txt')
      }),
      { numRuns: 12, seed: 13 },
    )
  })
})
