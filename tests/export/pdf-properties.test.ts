// The worker that gives printed PDFs their document properties: what a
// reader's PDF tool shows afterwards, and a clear error for bytes that are
// no PDF.
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PDFDocument } from 'pdf-lib'
import { afterAll, describe, expect, it } from 'vitest'
import { withProperties } from '../../src/export/pdf-properties.js'
import { pdfInfo } from './pdf-probe.js'

const work = await mkdtemp(join(tmpdir(), 'briefdeck-pdf-properties-'))
afterAll(() => rm(work, { recursive: true, force: true }))

async function blankPdf(pages: number): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  for (let page = 0; page < pages; page++) document.addPage([400, 300])
  return document.save()
}

const properties = {
  title: 'Alliances in the Pacific — handout',
  author: 'A. Analyst',
  subject: 'For congressional staff',
  keywords: ['alliances', 'burden sharing'],
}

describe('withProperties', () => {
  it('writes title, author, subject, keywords and creator, and counts the pages', async () => {
    const finished = await withProperties(await blankPdf(3), properties)
    expect(finished.pages).toBe(3)
    const path = join(work, 'with-properties.pdf')
    await writeFile(path, finished.bytes)
    expect(pdfInfo(path)).toMatchObject({
      Title: properties.title,
      Author: properties.author,
      Subject: properties.subject,
      Keywords: 'alliances burden sharing',
      Creator: 'briefdeck',
      Pages: '3',
    })
  })

  it('serves several PDFs at once, each its own answer', async () => {
    const counts = [1, 4, 2]
    const finished = await Promise.all(
      counts.map(async (pages) => withProperties(await blankPdf(pages), { ...properties, author: undefined })),
    )
    expect(finished.map((pdf) => pdf.pages)).toEqual(counts)
  })

  it('rejects bytes that are no PDF, and serves the next PDF after', async () => {
    await expect(withProperties(new TextEncoder().encode('not a pdf'), properties)).rejects.toThrow(
      /pdf-lib could not give a printed PDF its properties: /,
    )
    expect((await withProperties(await blankPdf(1), properties)).pages).toBe(1)
  })
})
