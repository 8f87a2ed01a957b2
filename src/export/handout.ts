// Prints the handout: the sheet of handout-html.ts laid over the deck's print
// page, on A4 or Letter, with the deck's marking banner at the top and bottom
// of every page and page numbers.
import type { Page } from 'playwright-core'
import type { HandoutLayout, PaperSize } from '../model/index.js'
import { escapeHtml } from '../shared/index.js'
import { isLandscape } from './handout-html.js'
import { mountSheet, unmountSheet, type Sheet } from './overlay.js'
import { printPdf, type PrintedPdf } from './pdf.js'
import type { DocumentProperties } from './pdf-properties.js'

export interface HandoutPrint {
  readonly sheet: Sheet
  readonly layout: HandoutLayout
  readonly paper: PaperSize
  /** The banner text, e.g. `UNCLASSIFIED//REL TO USA, AUS`: handouts travel without their deck. */
  readonly marking: string
  readonly properties: DocumentProperties
}

const bannerStyle = 'width: 100%; text-align: center; font: bold 8pt sans-serif; color: #111;'

/** Paper sides in millimetres, short then long. */
const paperMillimetres: Record<PaperSize, readonly [number, number]> = { A4: [210, 297], Letter: [215.9, 279.4] }
const marginMillimetres = { vertical: 16, horizontal: 14 }

/** The width of the paper between the margins in CSS pixels: what the handout's layout has to fill. */
export function printableWidth(paper: PaperSize, landscape: boolean): number {
  const [short, long] = paperMillimetres[paper]
  return Math.floor(((landscape ? long : short) - 2 * marginMillimetres.horizontal) * (96 / 25.4))
}

/**
 * Prints the handout over the deck's page. The window takes the paper's
 * width first, so that the slides scaled into the sheet are laid out at the
 * size they print.
 */
export async function printHandout(page: Page, handout: HandoutPrint): Promise<PrintedPdf> {
  const landscape = isLandscape(handout.layout)
  await page.setViewportSize({
    width: printableWidth(handout.paper, landscape),
    height: page.viewportSize()?.height ?? 800,
  })
  // The deck's print styles ask for slide-sized pages without margins; the handout asks for its paper and room for the banners.
  const margins = `${marginMillimetres.vertical}mm ${marginMillimetres.horizontal}mm`
  const paperRule = `@page { size: ${handout.paper} ${landscape ? 'landscape' : 'portrait'}; margin: ${margins}; }`
  await mountSheet(page, { ...handout.sheet, css: `${handout.sheet.css}\n${paperRule}` })
  try {
    const marking = escapeHtml(handout.marking)
    return await printPdf(
      page,
      {
        preferCSSPageSize: true,
        displayHeaderFooter: true,
        headerTemplate: `<div style="${bannerStyle}">${marking}</div>`,
        footerTemplate: `<div style="${bannerStyle}">${marking}<br><span style="font-weight: normal">${escapeHtml(handout.properties.title)} · page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`,
      },
      handout.properties,
    )
  } finally {
    await unmountSheet(page)
  }
}
