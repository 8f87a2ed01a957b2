// One picture of the whole deck: every slide as a numbered thumbnail, for a
// reviewer's quick look or a chat message. Laid over the deck's print page
// (see overlay.ts) and photographed.
import type { Page } from 'playwright-core'
import { escapeHtml } from '../shared/index.js'
import { mountSheet, unmountSheet, type Sheet } from './overlay.js'

export interface Thumbnail {
  readonly number: number
  readonly title: string
}

const thumbnailWidth = 320

/** About as wide as tall for typical decks: four columns up to 16 slides, then more. */
export function columnCount(slides: number): number {
  return Math.max(1, Math.min(slides, Math.max(4, Math.ceil(Math.sqrt(slides * 1.6)))))
}

export function contactSheet(title: string, thumbnails: readonly Thumbnail[]): Sheet {
  const columns = columnCount(thumbnails.length)
  const css = `
    .contact-sheet { position: absolute; top: 0; left: 0; padding: 16px; background: #f2f2f2; font: 13px/1.3 'DejaVu Sans', sans-serif; color: #111; text-align: left; }
    .contact-sheet h1 { font-size: 18px; font-weight: 700; margin: 0 0 12px; }
    .contact-sheet .grid { display: grid; grid-template-columns: repeat(${columns}, ${thumbnailWidth}px); gap: 16px; }
    .contact-sheet figure { margin: 0; }
    .contact-sheet .thumbnail { width: ${thumbnailWidth}px; overflow: hidden; outline: 1px solid #999; background: #fff; }
    .contact-sheet figcaption { margin-top: 4px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  `
  const figures = thumbnails.map(
    (thumbnail) =>
      `<figure><div class="thumbnail" data-slide-slot="${thumbnail.number}"></div><figcaption>${thumbnail.number}. ${escapeHtml(thumbnail.title)}</figcaption></figure>`,
  )
  return {
    css,
    html: `<div class="contact-sheet"><h1>${escapeHtml(title)}</h1>\n<div class="grid">${figures.join('\n')}</div></div>`,
  }
}

export async function renderContactSheet(page: Page, sheet: Sheet): Promise<Buffer> {
  await mountSheet(page, sheet)
  try {
    const { scale, ...size } = await page.locator('.contact-sheet').evaluate((element) => ({
      width: Math.ceil(element.getBoundingClientRect().width),
      height: Math.ceil(element.getBoundingClientRect().height),
      scale: window.devicePixelRatio,
    }))
    await page.setViewportSize(size)
    // Straight through the DevTools protocol, like the slide pictures (see slide-images.ts).
    const session = await page.context().newCDPSession(page)
    try {
      const { data } = await session.send('Page.captureScreenshot', {
        format: 'png',
        clip: { x: 0, y: 0, ...size, scale },
        captureBeyondViewport: false,
        // A faster zlib setting: the same pixels in a somewhat larger file, a twentieth of a second sooner.
        optimizeForSpeed: true,
      })
      return Buffer.from(data, 'base64')
    } finally {
      await session.detach()
    }
  } finally {
    await unmountSheet(page)
  }
}
