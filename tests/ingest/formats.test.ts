// Format detection by content, and what each format reader gives: Word files
// through mammoth with core properties as fallback, PDF readings turned into
// blocks, and bad input refused with one line naming the file.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  coreProperties,
  detectFormat,
  ingest,
  ingestReading,
  readingOfPdf,
  readSource,
} from '../../src/ingest/index.js'
import type { PdfReading } from '../../src/ingest/pdf/index.js'
import { BriefdeckProblem } from '../../src/model/index.js'
import { docxBytes, otherZipBytes } from './docx-fixture.js'

const dir = mkdtempSync(join(tmpdir(), 'briefdeck-formats-'))
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}
const encode = (text: string) => new TextEncoder().encode(text)

async function problemOf(read: () => Promise<unknown>): Promise<string> {
  try {
    await read()
  } catch (error) {
    expect(error).toBeInstanceOf(BriefdeckProblem)
    return String(error)
  }
  throw new Error('expected a BriefdeckProblem')
}

describe('format detection', () => {
  it('goes by the bytes before the name', async () => {
    expect(detectFormat(encode('%PDF-1.7\n%âãÏÓ\n'), 'report.txt')).toBe('pdf')
    expect(detectFormat(encode('\n\n<!DOCTYPE html><html><body><p>Hi</p>'), 'saved.txt')).toBe('html')
    expect(detectFormat(encode('<!-- saved --><html lang="en">'), 'page')).toBe('html')
    expect(detectFormat(await docxBytes({ paragraphs: [['', 'Hello.']] }), 'draft.bin')).toBe('docx')
    expect(detectFormat(encode('# Title\n\nText.'), 'notes.md')).toBe('markdown')
    expect(detectFormat(encode('Plain <b>text</b> that mentions HTML.'), 'notes.txt')).toBe('text')
  })

  it('reads a file named .pdf that is text as the text it is', async () => {
    const path = file('not-really.pdf', 'Allies should share the burden. The budget grew by 20 percent.\n')
    const doc = await readSource(path)
    expect(doc.format).toBe('text')
    expect(doc.sentences.map((sentence) => sentence.text)).toEqual([
      'Allies should share the burden.',
      'The budget grew by 20 percent.',
    ])
  })

  it('refuses a .docx that is another zip, naming the file', async () => {
    const path = file('draft.docx', await otherZipBytes())
    expect(await problemOf(() => readSource(path))).toBe(
      `${path}: source is a zip archive but not a Word document (no word/document.xml); give a .docx, PDF, HTML, markdown or text file`,
    )
  })

  it('refuses a truncated Word file with one line', async () => {
    const bytes = await docxBytes({ paragraphs: [['', 'Text.']] })
    const path = file('cut.docx', bytes.subarray(0, Math.floor(bytes.length * 0.6)))
    expect(await problemOf(() => readSource(path))).toMatch(/cut\.docx: (Word file is damaged|source is a zip archive)/)
  })

  it('refuses a truncated PDF and one without a text layer (a scan), naming the file', async () => {
    const whole = readFileSync('tests/fixtures/sources/IF10753v6.pdf')
    const cut = file('cut.pdf', whole.subarray(0, 20_000))
    expect(await problemOf(() => readSource(cut))).toMatch(
      new RegExp(`^${cut}: is not a readable PDF, perhaps truncated or corrupt`),
    )
    const scan = file(
      'scan.pdf',
      '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    )
    expect(await problemOf(() => readSource(scan))).toMatch(
      new RegExp(`^${scan}: has no text layer \\(a scanned PDF\\?\\)`),
    )
  })

  it('refuses a web page too large to read before parsing it', async () => {
    const path = file('huge.html', `<!doctype html><html><body>${'<p>word </p>'.repeat(1_700_000)}</body></html>`)
    expect(await problemOf(() => readSource(path))).toMatch(
      /huge\.html: web page is too large to read \(\d+ MB of markup/,
    )
  })
})

describe('Word files', () => {
  it('reads headings and paragraphs through mammoth, with core properties as fallback metadata', async () => {
    const bytes = await docxBytes({
      paragraphs: [
        ['Heading1', 'Reforming Port Levies'],
        ['', 'Regional ports should adopt a shared levy on container traffic, the council argued.'],
        ['Heading2', 'Costs'],
        ['', 'Dredging the shared channels costs about 20 million euros a year, the report estimates.'],
      ],
      core: { title: 'Port levies draft', creator: 'Ana Ribeiro', created: '2025-02-10T09:00:00Z' },
    })
    const doc = await readSource(file('levies.docx', bytes))
    expect(doc.format).toBe('docx')
    expect(doc.metadata).toMatchObject({ title: 'Reforming Port Levies', authors: ['Ana Ribeiro'], date: '2025-02-10' })
    expect(doc.sections.map((section) => section.heading)).toEqual(['Costs'])
    expect(doc.paragraphs.map((paragraph) => [paragraph.text, paragraph.sectionPath])).toEqual([
      ['Regional ports should adopt a shared levy on container traffic, the council argued.', []],
      ['Dredging the shared channels costs about 20 million euros a year, the report estimates.', ['Costs']],
    ])
    expect(doc.text.slice(doc.sentences[1]!.start, doc.sentences[1]!.end)).toBe(doc.sentences[1]!.text)
  })

  it('reads title, creator and date of docProps/core.xml', () => {
    expect(
      coreProperties(
        '<cp:coreProperties><dc:title>A &amp; B</dc:title><dc:creator>Doe, Jane; Roe, John</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2024-11-05T10:00:00Z</dcterms:created></cp:coreProperties>',
      ),
    ).toEqual({ title: 'A & B', authors: ['Doe, Jane', 'Roe, John'], date: '2024-11-05' })
  })
})

describe('PDF readings', () => {
  const reading: PdfReading = {
    pageCount: 2,
    metadata: { title: 'Port Levies', date: '2025-02-14', authors: ['Ribeiro, Ana'], identifier: 'IF99999' },
    blocks: [
      { kind: 'furniture', furniture: 'running-header', text: 'Congressional Research Service', page: 1 },
      { kind: 'heading', depth: 1, text: 'Port Levies', page: 1 },
      { kind: 'heading', depth: 2, text: 'Background', page: 1 },
      {
        kind: 'paragraph',
        text: 'Ports charge different fees. The council wants one levy for the whole infra-',
        page: 1,
        footnoteRefs: [{ label: '1', offset: 28 }],
      },
      { kind: 'footnote', label: '1', text: 'Council report, 2024, p. 12.', page: 1 },
      { kind: 'furniture', furniture: 'page-number', text: '1', page: 1 },
      { kind: 'paragraph', text: 'structure of the coast.', page: 2 },
      { kind: 'caption', text: 'Table 1. Levy revenue', page: 2 },
      {
        kind: 'table',
        rows: [
          ['Item', 'Share'],
          ['Dredging', '55%'],
        ],
        caption: 'Table 1. Levy revenue',
        page: 2,
      },
    ],
  }
  const doc = ingestReading(readingOfPdf(reading), { file: 'levies.pdf', format: 'pdf' })

  it('takes the metadata, sections, tables and notes the reader found', () => {
    expect(doc.metadata).toMatchObject({
      title: 'Port Levies',
      date: '2025-02-14',
      authors: ['Ribeiro, Ana'],
      identifier: 'IF99999',
    })
    expect(doc.sections.map((section) => section.heading)).toEqual(['Background'])
    expect(doc.tables).toEqual([
      {
        index: 0,
        caption: 'Table 1. Levy revenue',
        rows: [
          ['Item', 'Share'],
          ['Dredging', '55%'],
        ],
        sectionPath: ['Background'],
      },
    ])
    expect(doc.noise.map((line) => line.kind)).toEqual([
      'heading',
      'running-header',
      'repeated-title',
      'page-number',
      'caption',
    ])
  })

  it('joins a paragraph a page break cut, and its hyphenated word', () => {
    expect(doc.paragraphs.map((paragraph) => paragraph.text)).toEqual([
      'Ports charge different fees. The council wants one levy for the whole infrastructure of the coast.',
    ])
  })

  it('attaches a footnote to the sentence that cites it, keeping it out of the prose', () => {
    expect(doc.footnotes).toEqual([
      {
        label: '1',
        text: 'Council report, 2024, p. 12.',
        paragraph: 0,
        sentence: 0,
        offset: doc.paragraphs[0]!.start + 28,
      },
    ])
    expect(doc.text).not.toContain('Council report')
  })
})

describe('plain text stays plain', () => {
  it('reads markup in a .txt file as the letters it is', () => {
    const doc = ingest('Officials should block [a link](https://x.example) in copy.\n', { file: 'a.txt' })
    expect(doc.format).toBe('text')
    expect(doc.paragraphs[0]!.text).toBe('Officials should block [a link](https://x.example) in copy.')
  })
})
