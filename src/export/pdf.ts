// PDFs printed by Chromium: tagged (a structure tree for screen readers) and
// with an outline built from the headings, then given document properties.
import type { Page } from 'playwright-core'
import { PDFDocument } from 'pdf-lib'

export interface DocumentProperties {
  readonly title: string
  readonly author: string | undefined
  readonly subject: string
  readonly keywords: readonly string[]
}

export interface PrintedPdf {
  readonly bytes: Uint8Array
  readonly pages: number
}

/** Paper, margins and running header/footer: everything of Playwright's print options but what every PDF here shares. */
export type SheetOptions = Omit<
  NonNullable<Parameters<Page['pdf']>[0]>,
  'path' | 'tagged' | 'outline' | 'printBackground'
>

/** Prints the page as it is, tagged and outlined. */
export async function printPdf(page: Page, sheet: SheetOptions, properties: DocumentProperties): Promise<PrintedPdf> {
  const printed = await page.pdf({ ...sheet, printBackground: true, tagged: true, outline: true })
  return withProperties(printed, properties)
}

/**
 * Chromium sets the title from the page and no author. pdf-lib rewrites only
 * the information dictionary and keeps the structure tree and the outline.
 */
async function withProperties(pdf: Uint8Array, properties: DocumentProperties): Promise<PrintedPdf> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false })
  document.setTitle(properties.title, { showInWindowTitleBar: true })
  if (properties.author) document.setAuthor(properties.author)
  document.setSubject(properties.subject)
  document.setKeywords([...properties.keywords])
  document.setCreator('briefdeck')
  return { bytes: await document.save(), pages: document.getPageCount() }
}
