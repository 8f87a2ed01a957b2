// Document properties appended to printed PDFs: what a reader's PDF tools
// (poppler, pdf-lib) show afterwards, the printed bytes kept as they were,
// and a clear error for bytes this cannot update.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import fc from 'fast-check'
import { PDFDocument, PDFName, PDFString } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { withProperties, type DocumentProperties } from '../../src/export/pdf-properties.js'
import { pdfInfo } from './pdf-probe.js'

const work = await mkdtemp(join(tmpdir(), 'briefdeck-pdf-properties-'))
afterAll(() => rm(work, { recursive: true, force: true }))

/** A PDF with a cross-reference table, as Chromium writes them, and an information dictionary of its own. */
async function printedPdf(pages: number, options: { info?: boolean } = {}): Promise<Uint8Array> {
  const document = await PDFDocument.create({ updateMetadata: options.info ?? true })
  for (let page = 0; page < pages; page++) document.addPage([400, 300])
  if (options.info ?? true) {
    document.setProducer('Skia/PDF (m156)')
    document.setCreationDate(new Date('2026-11-30T08:00:00Z'))
  }
  return document.save({ useObjectStreams: false })
}

const properties: DocumentProperties = {
  title: 'Alliances in the Pacific — handout',
  author: 'A. Analyst',
  subject: 'For congressional staff',
  keywords: ['alliances', 'burden sharing'],
}

let written = 0
async function infoOf(bytes: Uint8Array): Promise<Record<string, string>> {
  const path = join(work, `pdf-${++written}.pdf`)
  await writeFile(path, bytes)
  return pdfInfo(path)
}

describe('withProperties', () => {
  it('writes title, author, subject, keywords and creator, keeps the producer and dates, and counts the pages', async () => {
    const finished = withProperties(await printedPdf(3), properties)
    expect(finished.pages).toBe(3)
    expect(await infoOf(finished.bytes)).toMatchObject({
      Title: properties.title,
      Author: properties.author,
      Subject: properties.subject,
      Keywords: 'alliances burden sharing',
      Creator: 'briefdeck',
      Producer: 'Skia/PDF (m156)',
      CreationDate: expect.stringContaining('2026'),
      Pages: '3',
    })
  })

  it('keeps every printed byte but those of the earlier properties, which leave no trace', async () => {
    const document = await PDFDocument.load(await printedPdf(2))
    document.setTitle('Another brief')
    const printed = await document.save({ useObjectStreams: false })
    const { bytes } = withProperties(printed, properties)
    const differing = [...printed].flatMap((byte, index) => (bytes[index] === byte ? [] : [index]))
    // Blanked to spaces in place, so that every offset of the file still holds.
    expect(differing.length).toBeGreaterThan(0)
    expect(new Set(differing.map((index) => bytes[index]))).toEqual(new Set([0x20]))
    expect(
      Buffer.from(bytes).includes(
        Buffer.from(Buffer.from('\uFEFFAnother brief', 'utf16le').swap16().toString('hex').toUpperCase()),
      ),
    ).toBe(false)
    expect(await PDFDocument.load(bytes).then((reloaded) => reloaded.getPageCount())).toBe(2)
  })

  it('gives a PDF without an information dictionary a new one, and leaves out an author it does not have', async () => {
    const finished = withProperties(await printedPdf(1, { info: false }), { ...properties, author: undefined })
    const info = await infoOf(finished.bytes)
    expect(info).toMatchObject({ Title: properties.title, Creator: 'briefdeck', Pages: '1' })
    expect(info).not.toHaveProperty('Author')
  })

  it('updates twice a PDF it gave its first properties: the blanked dictionary stays one whole dictionary', async () => {
    const once = withProperties(await printedPdf(1, { info: false }), properties).bytes
    const twice = withProperties(once, { ...properties, title: 'Second title' }).bytes
    const text = Buffer.from(twice).toString('latin1')
    // The first update's dictionary ends in a hex string, `…>>>`: blanked, it is `<<` and spaces up to its own `>>`.
    expect(text).toMatch(/ obj\n<< +>>\nendobj\n/)
    expect((await infoOf(twice)).Title).toBe('Second title')
  })

  it('keeps the producer Chromium wrote, whatever the title it wrote holds', async () => {
    const document = await PDFDocument.load(await printedPdf(1, { info: false }), { updateMetadata: false })
    // Chromium writes the title first, as a literal string that may hold what looks like a key and a value.
    document.context.trailerInfo.Info = document.context.register(
      document.context.obj({ Title: PDFString.of('a /Producer <b> (c)'), Producer: PDFString.of('Skia/PDF (m156)') }),
    )
    const printed = await document.save({ useObjectStreams: false })
    const written = await infoOf(withProperties(printed, properties).bytes)
    expect(written).toMatchObject({ Title: properties.title, Producer: 'Skia/PDF (m156)' })
  })

  it('updates a PDF updated before: the last properties count', async () => {
    const once = withProperties(await printedPdf(2), properties).bytes
    const twice = withProperties(once, { ...properties, title: 'Second title' })
    expect(twice.pages).toBe(2)
    expect((await infoOf(twice.bytes)).Title).toBe('Second title')
    const reloaded = await PDFDocument.load(twice.bytes, { updateMetadata: false })
    expect(reloaded.getTitle()).toBe('Second title')
    expect(reloaded.getPageCount()).toBe(2)
  })

  it('writes any text as pdf-lib and poppler read it back, parentheses and backslashes too', async () => {
    const printed = await printedPdf(1)
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), async (title) => {
        const { bytes } = withProperties(printed, { ...properties, title })
        const reloaded = await PDFDocument.load(bytes, { updateMetadata: false })
        expect(reloaded.getTitle()).toBe(title)
        expect(reloaded.catalog.has(PDFName.of('Pages'))).toBe(true)
      }),
      { numRuns: 60 },
    )
    expect((await infoOf(withProperties(printed, { ...properties, title: 'a (b) \\ c' }).bytes)).Title).toBe(
      'a (b) \\ c',
    )
  })

  it('rejects bytes that are no PDF, and a PDF whose cross-references are a stream, saying why', async () => {
    expect(() => withProperties(new TextEncoder().encode('not a pdf'), properties)).toThrow(
      /a printed PDF could not be given its properties: it does not end with startxref/,
    )
    const streamed = await (await PDFDocument.create()).save({ useObjectStreams: true })
    expect(() => withProperties(streamed, properties)).toThrow(/its cross-references are not a table/)
  })
})
