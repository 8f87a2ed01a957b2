// PNGs of the slides, taken from the same page the PDF is printed from. Each
// picture is a clip taken straight through the DevTools protocol:
// Playwright's own screenshot waits and restyles the page around every
// call, several times slower for a deck's worth of slides. One clip at a
// time: Chromium answers concurrent clips all with the last one.
import type { Page } from 'playwright-core'

/**
 * `scale` is relative to CSS pixels, and Chromium draws each clip afresh at
 * that scale: a page at 1× gives pictures as sharp as a page at 2×, without
 * the page's four times the raster memory.
 */
export async function captureSlides(
  page: Page,
  scale: number,
  onSlide: (slideNumber: number) => void = () => {},
  /** A picture of the slide at this index taken earlier, when it is drawn the same (export-decks.ts); drawn afresh when there is none. */
  earlier: (index: number) => Promise<Buffer | undefined> = async () => undefined,
): Promise<Buffer[]> {
  const clips = await page.locator('.print-slide-container').evaluateAll((slides) =>
    slides.map((slide) => {
      const box = slide.getBoundingClientRect()
      return { x: box.x + window.scrollX, y: box.y + window.scrollY, width: box.width, height: box.height }
    }),
  )
  const viewport = page.viewportSize()
  const session = await page.context().newCDPSession(page)
  try {
    // A clip costs as much as drawing the whole window, so the window is one
    // slide tall, each slide scrolled into it: with the whole deck in view, a
    // 40-slide deck's pictures took half again as long each as a 10-slide
    // one's. The print page opens that tall (print-page.ts), but the sheets
    // laid over it later resize it, so the pictures do not count on it.
    if (viewport && clips[0]) await page.setViewportSize({ width: viewport.width, height: Math.ceil(clips[0].height) })
    const images: Buffer[] = []
    for (const [index, clip] of clips.entries()) {
      const taken = await earlier(index)
      if (taken) {
        images.push(taken)
        onSlide(index + 1)
        continue
      }
      await page.evaluate((top) => scrollTo(0, top), clip.y)
      // Fast encoding: a third quicker, for files a third larger (about 200 KB a slide at 2×).
      const { data } = await session.send('Page.captureScreenshot', {
        format: 'png',
        clip: { ...clip, scale },
        captureBeyondViewport: false,
        optimizeForSpeed: true,
      })
      images.push(Buffer.from(data, 'base64'))
      onSlide(index + 1)
    }
    return images
  } finally {
    await session.detach()
    await page.evaluate(() => scrollTo(0, 0))
    if (viewport) await page.setViewportSize(viewport)
  }
}
