// Tiny PDFs made in the tests with pdf-lib: text placed where a layout would place it.
import { PDFDocument, PDFName, PDFHexString, StandardFonts, rgb } from 'pdf-lib'

export interface Placed {
  text: string
  x: number
  /** Baseline, from the page's bottom edge. */
  y: number
  size: number
  bold?: boolean
}

export interface PdfSpec {
  pages: Placed[][]
  info?: { title?: string; author?: string }
  /** Draws a filled rectangle on each page (a scan's image stands in for it: no text). */
  shapesOnly?: boolean
}

export const pageWidth = 612
export const pageHeight = 792

export async function buildPdf(spec: PdfSpec): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  const regular = await document.embedFont(StandardFonts.TimesRoman)
  const bold = await document.embedFont(StandardFonts.TimesRomanBold)
  for (const placed of spec.pages) {
    const page = document.addPage([pageWidth, pageHeight])
    if (spec.shapesOnly) page.drawRectangle({ x: 50, y: 50, width: 500, height: 690, color: rgb(0.8, 0.8, 0.8) })
    for (const { text, x, y, size, bold: isBold } of placed) {
      page.drawText(text, { x, y, size, font: isBold ? bold : regular })
    }
  }
  if (spec.info?.title) document.setTitle(spec.info.title)
  if (spec.info?.author) document.setAuthor(spec.info.author)
  return document.save()
}

/** A PDF whose encryption dictionary asks for a user password that no one supplies. */
export async function buildEncryptedPdf(): Promise<Uint8Array> {
  const document = await PDFDocument.create()
  document.addPage([pageWidth, pageHeight])
  const context = document.context
  const filler = PDFHexString.of('00'.repeat(32))
  const encrypt = context.obj({ Filter: 'Standard', V: 1, R: 2, Length: 40, P: -4, O: filler, U: filler })
  context.trailerInfo.Encrypt = context.register(encrypt)
  context.trailerInfo.ID = context.obj([PDFHexString.of('0123456789abcdef'), PDFHexString.of('0123456789abcdef')])
  return document.save({ useObjectStreams: false })
}

/** Lines of body text set one under another, `leading` points apart. */
export function column(lines: string[], x: number, top: number, size = 10, leading = 12): Placed[] {
  return lines.map((text, i) => ({ text, x, y: top - i * leading, size }))
}

export { PDFName }
