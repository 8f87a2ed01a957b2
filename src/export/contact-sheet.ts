// One picture of the whole deck: every slide as a numbered thumbnail, for a
// reviewer's quick look or a chat message.
import type { Page } from 'playwright-core'
import { escapeHtml, htmlDocument } from './html.js'

export interface Thumbnail {
  readonly number: number
  readonly title: string
  /** Data URL of the slide's PNG. */
  readonly image: string
}

const thumbnailWidth = 320

/** About as wide as tall for typical decks: four columns up to 16 slides, then more. */
export function columnCount(slides: number): number {
  return Math.max(1, Math.min(slides, Math.max(4, Math.ceil(Math.sqrt(slides * 1.6)))))
}

export function contactSheetHtml(title: string, thumbnails: readonly Thumbnail[]): string {
  const columns = columnCount(thumbnails.length)
  const css = `
    body { margin: 0; padding: 16px; background: #f2f2f2; font: 13px/1.3 'DejaVu Sans', sans-serif; color: #111; width: ${columns * (thumbnailWidth + 16) + 16}px; }
    h1 { font-size: 18px; margin: 0 0 12px; }
    .grid { display: grid; grid-template-columns: repeat(${columns}, ${thumbnailWidth}px); gap: 16px; }
    figure { margin: 0; }
    img { display: block; width: ${thumbnailWidth}px; border: 1px solid #999; background: #fff; }
    figcaption { margin-top: 4px; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  `
  const figures = thumbnails.map(
    (thumbnail) =>
      `<figure><img src="${thumbnail.image}" alt=""><figcaption>${thumbnail.number}. ${escapeHtml(thumbnail.title)}</figcaption></figure>`,
  )
  return htmlDocument(title, css, `<h1>${escapeHtml(title)}</h1>\n<div class="grid">${figures.join('\n')}</div>`)
}

/** Replaces the page's content with the contact sheet and takes its picture. */
export async function renderContactSheet(page: Page, html: string): Promise<Buffer> {
  await page.setContent(html, { waitUntil: 'load' })
  // The window may still be as tall as a deck, and a document is never shorter than its window.
  await page.setViewportSize({ width: 320, height: 100 })
  const { scale, ...size } = await page.evaluate(() => ({
    width: document.documentElement.scrollWidth,
    height: document.documentElement.scrollHeight,
    scale: window.devicePixelRatio,
  }))
  await page.setViewportSize(size)
  // Straight through the DevTools protocol, like the slide pictures: Playwright's
  // own screenshot can stall on a page that has just printed.
  const session = await page.context().newCDPSession(page)
  try {
    const { data } = await session.send('Page.captureScreenshot', { format: 'png', clip: { x: 0, y: 0, ...size, scale } })
    return Buffer.from(data, 'base64')
  } finally {
    await session.detach()
  }
}
