// PNGs of the slides, taken from the same page the PDF is printed from. The
// window already shows every slide at once (see print-page.ts), so each
// picture is a clip of it taken straight through the DevTools protocol:
// Playwright's own screenshot waits and restyles the page around every
// call, several times slower for a deck's worth of slides. One clip at a
// time: Chromium answers concurrent clips all with the last one.
import type { Page } from 'playwright-core'

export async function captureSlides(page: Page, onSlide: (slideNumber: number) => void = () => {}): Promise<Buffer[]> {
  // A clip's scale is relative to CSS pixels: the page's pixel ratio keeps the pictures as sharp as the page.
  const clips = await page.locator('.print-slide-container').evaluateAll((slides) =>
    slides.map((slide) => {
      const box = slide.getBoundingClientRect()
      return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height, scale: window.devicePixelRatio }
    }),
  )
  const session = await page.context().newCDPSession(page)
  try {
    const images: Buffer[] = []
    for (const [index, clip] of clips.entries()) {
      const { data } = await session.send('Page.captureScreenshot', { format: 'png', clip, captureBeyondViewport: false })
      images.push(Buffer.from(data, 'base64'))
      onSlide(index + 1)
    }
    return images
  } finally {
    await session.detach()
  }
}
