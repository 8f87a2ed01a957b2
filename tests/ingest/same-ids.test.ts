// The same sentence gets the same block id whether it was read from the
// PDF, the web page or the markdown of one document, so that overrides and
// comments survive a swap of format. The CRS product's markdown page is the
// reference; the PDF and HTML versions are made from its paragraphs with the
// typography those formats bring (ligatures, hyphenation and page breaks,
// curly quotes, soft hyphens, footnote marks, links).
import { describe, expect, it } from 'vitest'
import { extract, readKnowledge } from '../../src/extract/index.js'
import { htmlReading, ingestReading, readingOfPdf, readSource } from '../../src/ingest/index.js'
import type { PdfBlock } from '../../src/ingest/pdf/index.js'
import type { Extraction } from '../../src/model/index.js'

const knowledge = await readKnowledge()
const markdown = await readSource('tests/fixtures/sources/IF10753v6-energy-star-program.md', {
  sourceId: 'energy-star',
})
const paragraphs = markdown.paragraphs.slice(0, 4).map((paragraph) => paragraph.text)

const idsByText = (extraction: Extraction) =>
  new Map(extraction.blocks.map((block) => [block.text.replace(/\s+/g, ' '), block.id]))

/** Typography a PDF brings: ligatures, straight quotes turned curly. */
const typeset = (text: string) => text.replace(/fi/g, '\uFB01').replace(/'/g, '\u2019')

function pdfBlocks(): PdfBlock[] {
  const [first, second, ...rest] = paragraphs.map(typeset)
  // The second paragraph runs over a page break in the middle of a long lower-case word.
  const long = / ([a-z]{8,}) /g
  long.lastIndex = Math.floor(second!.length / 2)
  const match = long.exec(second!)!
  const cut = match.index + 1 + 4
  const head = `${second!.slice(0, cut)}-`
  const tail = second!.slice(cut)
  return [
    { kind: 'heading', depth: 1, text: 'ENERGY STAR Program', page: 1 },
    { kind: 'paragraph', text: first!, page: 1, footnoteRefs: [{ label: '1', offset: 40 }] },
    { kind: 'paragraph', text: head, page: 1 },
    { kind: 'furniture', furniture: 'page-number', text: '1', page: 1 },
    { kind: 'footnote', label: '1', text: 'See the annual report.', page: 1 },
    { kind: 'paragraph', text: tail, page: 2 },
    ...rest.map((text): PdfBlock => ({ kind: 'paragraph', text, page: 2 })),
  ]
}

function html(): string {
  const body = paragraphs
    .map((text, i) => {
      const words = text.split(' ')
      const linked = `<a href="https://example.gov/${i}">${words.slice(2, 5).join(' ')}</a>`
      const marked = `${[...words.slice(0, 2), linked, ...words.slice(5)].join(' ')}<sup><a href="#n${i}">${i + 1}</a></sup>`
      return `<p>${marked.replace(/'/g, '&rsquo;')}</p>`
    })
    .join('\n')
  const notes = paragraphs.map((_, i) => `<li id="n${i}">Note ${i + 1}.</li>`).join('')
  return `<!doctype html><html><head><title>ENERGY STAR Program</title></head><body><article><h1>ENERGY STAR Program</h1>${body}<ol>${notes}</ol></article></body></html>`
}

describe('one CRS product read from its PDF and from its markdown page', () => {
  it('gives every block of the markdown the id it has in the PDF', async () => {
    const pdf = await readSource('tests/fixtures/sources/IF10753v6.pdf', { sourceId: 'energy-star' })
    const pdfIds = new Set(extract(pdf, knowledge).blocks.map((block) => block.id))
    const markdownBlocks = extract(markdown, knowledge).blocks
    expect(markdownBlocks.length).toBeGreaterThan(30)
    expect(markdownBlocks.filter((block) => !pdfIds.has(block.id)).map((block) => block.text)).toEqual([])
  })
})

describe('one block id per sentence, whatever the format', () => {
  const fromMarkdown = idsByText(extract(markdown, knowledge))
  const markdownIds = [...fromMarkdown.values()].filter((id) =>
    markdown.sentences.some((sentence) => sentence.paragraph < 4 && fromMarkdown.get(sentence.text) === id),
  )

  it('reads the same ids from a PDF reading with ligatures, curly quotes, a page break and a hyphenated word', () => {
    const pdf = ingestReading(readingOfPdf({ pageCount: 2, metadata: {}, blocks: pdfBlocks() }), {
      file: 'IF10753v6.pdf',
      sourceId: 'energy-star',
      format: 'pdf',
    })
    const ids = new Set(extract(pdf, knowledge).blocks.map((block) => block.id))
    expect(markdownIds.length).toBeGreaterThan(5)
    expect(markdownIds.filter((id) => !ids.has(id))).toEqual([])
  })

  it('reads the same ids from a web page with links, curly quotes and note marks', () => {
    const page = ingestReading(htmlReading(html(), 'energy-star.html'), {
      file: 'energy-star.html',
      sourceId: 'energy-star',
      format: 'html',
    })
    expect(page.footnotes.map((note) => note.paragraph)).toEqual([0, 1, 2, 3])
    const ids = new Set(extract(page, knowledge).blocks.map((block) => block.id))
    expect(markdownIds.filter((id) => !ids.has(id))).toEqual([])
  })
})
