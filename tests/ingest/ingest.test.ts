import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ingest, readSource } from '../../src/ingest/index.js'
import { SourceDocument } from '../../src/model/index.js'

const pacific = 'briefs/sources/pacific-defense-pact-2025.txt'
const reassurance = 'briefs/sources/reassurance-dilemma-2015.txt'
const report = 'tests/fixtures/sources/alliance-burden-sharing.md'

const bodyText = (doc: SourceDocument) => doc.paragraphs.map((paragraph) => paragraph.text).join('\n')

describe('ingest of the Pacific Defense Pact seed', async () => {
  const doc = await readSource(pacific)

  it('reads the metadata from the page furniture', () => {
    expect(doc.metadata).toEqual({
      id: 'pacific-defense-pact-2025',
      title: 'The Imperative for a Collective Defense Pact in Asia',
      subtitle: null,
      date: '2025-05-30',
      authors: ['Charlotte Hayes'],
      publisher: null,
      url: 'https://www.foreignaffairs.com/china/case-pacific-defense-pact-ely-ratner',
      identifier: null,
      documentType: null,
      topic: null,
      region: null,
    })
  })

  it('keeps the weekday, dateline, title, credit and byline out of the body', () => {
    expect(doc.noise.map((line) => [line.kind, line.text])).toEqual([
      ['weekday', 'Friday'],
      ['dateline', '05-30-2025 Vol 1976'],
      ['title', 'The Imperative for a Collective Defense Pact in Asia'],
      ['image-credit', 'image source from:https://www.foreignaffairs.com/china/case-pacific-defense-pact-ely-ratner'],
      ['byline', 'Charlotte Hayes'],
    ])
    for (const furniture of ['Friday', 'Vol 1976', 'image source', 'Charlotte Hayes'])
      expect(bodyText(doc)).not.toContain(furniture)
    expect(doc.paragraphs).toHaveLength(20)
    expect(doc.paragraphs[0]!.text).toMatch(/^The geopolitical landscape in Asia/)
  })

  it('keeps abbreviations inside their sentences', () => {
    const burns = doc.sentences.find((sentence) => sentence.text.startsWith('According to CIA Director'))
    expect(burns?.text).toBe(
      'According to CIA Director William Burns, Chinese President Xi Jinping has directed the People’s Liberation Army (PLA) to prepare for a possible invasion of Taiwan by 2027.',
    )
    expect(doc.sentences.filter((sentence) => /^U\.S\.$|^S\./.test(sentence.text))).toEqual([])
  })
})

describe('ingest of the reassurance seed', async () => {
  const doc = await readSource(reassurance)

  it('reads title, date, topic and region', () => {
    expect(doc.metadata).toMatchObject({
      title: "America's Real Challenge in Asia: The Reassurance Dilemma",
      date: '2015-04-16',
      topic: 'Diplomacy',
      region: 'Asia',
      authors: [],
    })
  })

  it('sets aside the repeated title and the pull quote', () => {
    expect(doc.noise.map((line) => line.kind)).toEqual(['title', 'dateline', 'repeated-title', 'pull-quote'])
    expect(doc.noise[3]!.text).toMatch(/^"Allies should not expect U\.S\. protection/)
    const copies = doc.sentences.filter((sentence) => sentence.text.includes('protection to be a silver bullet'))
    expect(copies.map((sentence) => sentence.text)).toEqual([expect.stringMatching(/^First, allies should not expect/)])
  })

  it('splits sentences around quotes and `2+2 meetings`', () => {
    expect(doc.sentences.map((sentence) => sentence.text)).toEqual(
      expect.arrayContaining([
        'U.S. allies should expect high-level public support from the U.S. government in the form of authoritative statements by the president and secretaries of state and defense, and they should expect those commitments to be regularly affirmed in the documents issued at “2+2 meetings.”',
        'As President Obama put it in his commencement address at West Point last year, “Just because we have the best hammer does not mean that every problem is a nail.”',
      ]),
    )
  })
})

describe('sentence boundaries', () => {
  const sentencesOf = (text: string) => ingest(text, { file: 'note.txt' }).sentences.map((sentence) => sentence.text)

  it('does not break after titles, initials and dotted short forms', () => {
    expect(
      sentencesOf(
        'Gen. Smith met Dr. Jones in Washington. The U.S. Navy sailed with J. R. Miller aboard. Then it left the U.S. The crew rested.',
      ),
    ).toEqual([
      'Gen. Smith met Dr. Jones in Washington.',
      'The U.S. Navy sailed with J. R. Miller aboard.',
      'Then it left the U.S.',
      'The crew rested.',
    ])
  })

  it('does not break inside a parenthesis or between a bracketed short form and its number', () => {
    expect(
      sentencesOf(
        'The President issued Executive Order (E.O.) 14285 in April. The authority (19 U.S.C. § 2132) allows a surcharge. It expired (see p. 4). Then it lapsed.',
      ),
    ).toEqual([
      'The President issued Executive Order (E.O.) 14285 in April.',
      'The authority (19 U.S.C. § 2132) allows a surcharge.',
      'It expired (see p. 4).',
      'Then it lapsed.',
    ])
  })

  it('ends a sentence after a closing quote and keeps lower-case continuations', () => {
    expect(sentencesOf('He called it “a good first step.” Others disagreed. Almost 20 (!!!) years remain.')).toEqual([
      'He called it “a good first step.”',
      'Others disagreed.',
      'Almost 20 (!!!) years remain.',
    ])
  })
})

describe('markdown sources', async () => {
  const doc = await readSource(report)

  it('takes the title from the first heading and sections from the others', () => {
    expect(doc.metadata).toMatchObject({
      title: 'Sharing the Burden: Options for Alliance Reform',
      authors: ['Jordan Ellis'],
      date: '2024-03-03',
      topic: 'Defense',
      region: 'Indo-Pacific',
    })
    expect(doc.noise.filter((line) => line.kind === 'heading').map((line) => line.text)).toEqual([
      'Summary',
      'Background',
      'Options',
    ])
    expect(doc.paragraphs.map((paragraph) => paragraph.section)).toEqual([
      'Summary',
      'Background',
      'Background',
      'Background',
      'Background',
      'Options',
      'Options',
      'Options',
      'Options',
    ])
    expect(doc.sections.map((section) => [section.heading, section.depth, section.parent])).toEqual([
      ['Summary', 2, null],
      ['Background', 2, null],
      ['Options', 2, null],
    ])
    expect(doc.paragraphs[1]!.sectionPath).toEqual(['Background'])
  })

  it('reads list items and block quotes as paragraphs and leaves fenced code out', () => {
    expect(doc.paragraphs.map((paragraph) => paragraph.text)).toEqual(
      expect.arrayContaining([
        'Japan doubled its planned defense spending.',
        'Expand joint exercises and shared logistics.',
        'Allies should not mistake patience for indifference.',
      ]),
    )
    expect(bodyText(doc)).not.toContain('fenced block')
    expect(bodyText(doc)).not.toMatch(/^[-*>]|^\d\./m)
  })
})

describe('line endings and byte-order marks', () => {
  const lf = readFileSync(pacific, 'utf8')
  const fromLf = ingest(lf, { file: pacific })

  it('gives CRLF input the same paragraphs, sentences and metadata as LF input', () => {
    const fromCrlf = ingest(lf.replace(/\n/g, '\r\n'), { file: pacific })
    expect(fromCrlf.metadata).toEqual(fromLf.metadata)
    expect(fromCrlf.sentences.map((sentence) => sentence.text)).toEqual(
      fromLf.sentences.map((sentence) => sentence.text),
    )
    expect(fromCrlf.noise.map((line) => line.text)).toEqual(fromLf.noise.map((line) => line.text))
  })

  it('reads wrapped CRLF paragraphs as single paragraphs', () => {
    const doc = ingest(
      'First line of a paragraph\r\nthat wraps onto a second line. Next sentence.\r\n\r\nSecond paragraph.',
      { file: 'wrapped.txt' },
    )
    expect(doc.paragraphs).toHaveLength(2)
    expect(doc.sentences.map((sentence) => sentence.text)).toEqual([
      'First line of a paragraph\r\nthat wraps onto a second line.',
      'Next sentence.',
      'Second paragraph.',
    ])
  })

  it('drops a byte-order mark, and offsets count from the character after it', () => {
    const withBom = ingest(`\uFEFF${lf}`, { file: pacific })
    expect(withBom.text).toBe(lf)
    expect(withBom.sentences).toEqual(fromLf.sentences)
  })
})

describe('source ids', () => {
  it('derives a slug from the file name', () => {
    expect(ingest('Text.', { file: 'briefs/sources/micro_b001.txt' }).metadata.id).toBe('micro-b001')
    expect(ingest('Text.', { file: 'C:\\sources\\Pacific Pact (2025).md' }).metadata.id).toBe('pacific-pact-2025')
  })

  it('takes a given id and refuses one that cannot prefix block ids', () => {
    expect(ingest('Text.', { file: 'a.txt', sourceId: 'pact' }).metadata.id).toBe('pact')
    expect(() => ingest('Text.', { file: 'a.txt', sourceId: 'Pact 2025' })).toThrow(TypeError)
  })
})

describe('documents stay valid', () => {
  it('match the SourceDocument schema', async () => {
    for (const file of [pacific, reassurance, report])
      expect(() => SourceDocument.parse(ingest(readFileSync(file, 'utf8'), { file }))).not.toThrow()
  })
})
