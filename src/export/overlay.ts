// Handouts and contact sheets are laid out over the deck's own print page:
// the sheet's HTML replaces the page's view, and each slot for a slide gets a
// copy of that slide, scaled to fit. The slides stay live HTML, so a handout
// prints them as vectors and text, and no picture is encoded and decoded.
import type { Page } from 'playwright-core'

/** HTML and CSS of a sheet, with `data-slide-slot="N"` on each element that shows slide N. */
export interface Sheet {
  readonly css: string
  readonly html: string
}

const overlayId = 'briefdeck-overlay'

export async function mountSheet(page: Page, sheet: Sheet): Promise<void> {
  await page.evaluate(
    ({ sheet, overlayId }) => {
      // Measured while the deck is still shown: hidden, its slides have no size.
      const slides = [...document.querySelectorAll<HTMLElement>('#print-content .print-slide-container')].map(
        (slide) => ({
          slide,
          width: slide.offsetWidth,
          height: slide.offsetHeight,
        }),
      )
      const overlay = document.createElement('div')
      overlay.id = overlayId
      overlay.innerHTML = `<style>${sheet.css}</style>${sheet.html}`
      document.getElementById('app')?.style.setProperty('display', 'none')
      document.body.append(overlay)
      for (const slot of overlay.querySelectorAll<HTMLElement>('[data-slide-slot]')) {
        const original = slides[Number(slot.dataset['slideSlot']) - 1]
        if (!original) continue
        const copy = original.slide.cloneNode(true) as HTMLElement
        // The slot is the picture for assistive technology; the copy's headings would repeat in the outline.
        copy.setAttribute('aria-hidden', 'true')
        // Zoom, not a transform: the copy's box shrinks with it, so page breaks see its real size.
        copy.style.zoom = String(slot.clientWidth / original.width)
        copy.style.breakAfter = 'auto'
        slot.append(copy)
      }
    },
    { sheet, overlayId },
  )
}

/** Gives the deck back its view, for the next sheet. */
export async function unmountSheet(page: Page): Promise<void> {
  await page.evaluate((overlayId) => {
    document.getElementById(overlayId)?.remove()
    document.getElementById('app')?.style.removeProperty('display')
  }, overlayId)
}
