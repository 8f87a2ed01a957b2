// Prints the handout: the HTML of handout-html.ts on A4 or Letter, with the
// deck's marking banner at the top and bottom of every sheet and page numbers.
import type { Page } from 'playwright-core'
import type { HandoutLayout, PaperSize } from '../model/index.js'
import { isLandscape } from './handout-html.js'
import { escapeHtml } from './html.js'
import { printPdf, type DocumentProperties, type PrintedPdf } from './pdf.js'

export interface HandoutPrint {
  readonly html: string
  readonly layout: HandoutLayout
  readonly paper: PaperSize
  /** The banner text, e.g. `UNCLASSIFIED//REL TO USA, AUS`: handouts travel without their deck. */
  readonly marking: string
  readonly properties: DocumentProperties
}

const bannerStyle = 'width: 100%; text-align: center; font: bold 8pt sans-serif; color: #111;'

/** Replaces the page's content with the handout and prints it. */
export async function printHandout(page: Page, handout: HandoutPrint): Promise<PrintedPdf> {
  await page.setContent(handout.html, { waitUntil: 'load' })
  const marking = escapeHtml(handout.marking)
  return printPdf(
    page,
    {
      format: handout.paper,
      landscape: isLandscape(handout.layout),
      margin: { top: '16mm', bottom: '16mm', left: '14mm', right: '14mm' },
      displayHeaderFooter: true,
      headerTemplate: `<div style="${bannerStyle}">${marking}</div>`,
      footerTemplate: `<div style="${bannerStyle}">${marking}<br><span style="font-weight: normal">${escapeHtml(handout.properties.title)} · page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
    },
    handout.properties,
  )
}
