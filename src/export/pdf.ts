// PDFs printed by Chromium: tagged (a structure tree for screen readers) and
// with an outline built from the headings, then given document properties.
import type { Page } from 'playwright-core'
import { withProperties, type DocumentProperties, type FinishedPdf } from './pdf-properties.js'

/**
 * A PDF as Chromium printed it, for reading its text, and the same with its
 * document properties, for writing out. Chromium sets the title from the
 * page and no author.
 */
export interface PrintedPdf {
  readonly printed: Uint8Array
  readonly finished: FinishedPdf
}

/** Paper, margins and running header/footer: everything of Playwright's print options but what every PDF here shares. */
export type SheetOptions = Omit<
  NonNullable<Parameters<Page['pdf']>[0]>,
  'path' | 'tagged' | 'outline' | 'printBackground'
>

/** Prints the page as it is, tagged and outlined; the page is free again once this returns. */
export async function printPdf(page: Page, sheet: SheetOptions, properties: DocumentProperties): Promise<PrintedPdf> {
  const printed = await page.pdf({ ...sheet, printBackground: true, tagged: true, outline: true })
  return { printed, finished: withProperties(printed, properties) }
}
