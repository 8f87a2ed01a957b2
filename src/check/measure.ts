// What the check measures inside the page, slide by slide. `measureSlides`
// runs in the browser (Playwright sends its source), so it imports nothing
// and defines its helpers inside itself; axe-core is injected beforehand.
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'
import type { ElementNote, KnownContrast } from '../model/index.js'

const require = createRequire(import.meta.url)
const axeScript = require.resolve('axe-core/axe.min.js')

/**
 * axe-core's contrast rule as the check runs it. Pseudo-elements are left
 * out: the theme's are decoration under no text (the DRAFT watermark at 6 %
 * opacity over a body, the timeline's dots beside their dates), and axe-core
 * otherwise gives up on every text under the watermark: a draft deck's
 * contrast would go unchecked.
 */
const contrastRun = {
  runOnly: { type: 'rule', values: ['color-contrast'] },
  checks: { 'color-contrast': { options: { ignorePseudo: true } } },
  resultTypes: ['violations'],
  elementRef: true,
}

/** What contrast notes are measured by: notes that another axe-core or other options found are not taken over. */
export const contrastMethod = `axe-core ${(require('axe-core/package.json') as { version: string }).version} ${JSON.stringify(contrastRun)}`

export interface SlideMeasurement {
  /** 1-based: the slide's place in its deck. */
  readonly number: number
  readonly slideId: string | null
  readonly banners: { readonly top: boolean; readonly bottom: boolean }
  /** What each banner shown on the slide reads. */
  readonly bannerTexts: readonly string[]
  /** Whether the slide shows the DRAFT mark. */
  readonly draftMark: boolean
  readonly outside: readonly ElementNote[]
  readonly clipped: readonly ElementNote[]
  readonly failedImages: readonly ElementNote[]
  /** Image addresses on the slide, to tie a blocked request to its slide. */
  readonly imageSources: readonly string[]
  /** The slide's texts, one per paragraph, item, heading or cell, for the PDF comparison. */
  readonly texts: readonly string[]
  /** Text below WCAG AA contrast, as axe-core's `color-contrast` rule finds it. */
  readonly lowContrast: readonly ElementNote[]
}

/**
 * The scripts `measure` needs in the page. A page that runs them as it opens
 * (print-page.ts, `initScripts`) has axe-core compiled while it waits for
 * the deck's own files, instead of a seventh of a second after it is drawn.
 */
export const measureScripts: readonly string[] = [axeScript]

/**
 * Measures the `slideCount` slides the page has drawn (print-page.ts). axe-core, a fifth of a second to load and a
 * quarter to run over a deck, runs only on the slides whose contrast is not known.
 */
export async function measure(
  page: Page,
  slideCount: number,
  known: KnownContrast['slides'] = [],
): Promise<SlideMeasurement[]> {
  const knownBySlide = Array.from({ length: slideCount }, (_, index) => known[index] ?? null)
  if (knownBySlide.some((notes) => notes === null) && !(await page.evaluate(hasAxe)))
    await page.addScriptTag({ path: axeScript })
  return page.evaluate(measureSlides, { known: knownBySlide, contrastRun })
}

/** Whether axe-core runs in the page: by its API, as an element with the id `axe` would be `window.axe` too. */
function hasAxe(): boolean {
  return typeof (window as unknown as { axe?: { run?: unknown } }).axe?.run === 'function'
}

/** `known`: per slide, its contrast notes from an earlier check, or null to measure them with `contrastRun`. */
export async function measureSlides({
  known,
  contrastRun,
}: {
  known: readonly (readonly ElementNote[] | null)[]
  contrastRun: object
}): Promise<SlideMeasurement[]> {
  const contentSelector = 'p, li, h1, h2, h3, h4, h5, h6, pre, img, table, blockquote'
  const textUnitSelector = 'p, li, h1, h2, h3, h4, h5, h6, pre, blockquote, th, td, figcaption'
  // Rounding of fractional layout; anything past this is visible to a reader.
  const tolerance = 1

  const isShown = (element: Element): boolean => {
    const style = getComputedStyle(element)
    const box = element.getBoundingClientRect()
    return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0 && box.height > 0
  }

  const describe = (element: Element): string => {
    const siblings = element.parentElement
      ? [...element.parentElement.children].filter((other) => other.tagName === element.tagName)
      : [element]
    const tag = element.tagName.toLowerCase()
    const own = siblings.length > 1 ? `${tag}:nth-of-type(${siblings.indexOf(element) + 1})` : tag
    const parent = element.parentElement ? `${element.parentElement.tagName.toLowerCase()} > ` : ''
    const text = (
      element instanceof HTMLImageElement
        ? element.alt || element.getAttribute('src') || ''
        : (element as HTMLElement).innerText || ''
    )
      .replace(/\s+/g, ' ')
      .trim()
    const snippet = text.length > 48 ? `${text.slice(0, 47)}…` : text
    return snippet ? `${parent}${own} "${snippet}"` : `${parent}${own}`
  }

  const overlaps = (a: DOMRect, b: DOMRect): boolean =>
    a.left < b.right - tolerance &&
    a.right > b.left + tolerance &&
    a.top < b.bottom - tolerance &&
    a.bottom > b.top + tolerance

  const outsideBy = (inner: DOMRect, outer: DOMRect): string | undefined => {
    const sides = [
      ['above', outer.top - inner.top],
      ['below', inner.bottom - outer.bottom],
      ['left of', outer.left - inner.left],
      ['right of', inner.right - outer.right],
    ] as const
    const worst = sides.filter(([, by]) => by > tolerance).sort((a, b) => b[1] - a[1])[0]
    return worst ? `${Math.round(worst[1])}px ${worst[0]}` : undefined
  }

  /** The ancestor below the slide that cuts the element off, if any. */
  const clippingAncestor = (element: Element, slide: Element): Element | undefined => {
    const box = element.getBoundingClientRect()
    for (let ancestor = element.parentElement; ancestor && ancestor !== slide; ancestor = ancestor.parentElement) {
      const style = getComputedStyle(ancestor)
      if (style.overflowX === 'visible' && style.overflowY === 'visible') continue
      if (outsideBy(box, ancestor.getBoundingClientRect())) return ancestor
    }
    return undefined
  }

  const ownOverflow = (element: Element): string | undefined => {
    if (element instanceof HTMLImageElement) return undefined
    const style = getComputedStyle(element)
    const clips = style.overflowX !== 'visible' || style.overflowY !== 'visible'
    const wider = element.scrollWidth - element.clientWidth
    const taller = element.scrollHeight - element.clientHeight
    if (clips && (wider > tolerance || taller > tolerance))
      return `its text is cut off (${Math.max(wider, taller)}px hidden)`
    // Visible overflow sideways is an unbreakable word running out of its column.
    if (!clips && element.clientWidth > 0 && wider > tolerance) return `its text runs ${wider}px out of its box`
    return undefined
  }

  /**
   * The text a unit shows itself, without the texts of units nested in it (a
   * list inside a list item). Text in inline elements runs on (`{` in a span
   * before `{` is `{{`, as the PDF has it); a block inside the unit starts a
   * new line in print, so its text is set apart with a space.
   */
  const ownText = (unit: Element): string => {
    const blockOf = (node: Node): Element => {
      let element = node.parentElement ?? unit
      while (element !== unit && getComputedStyle(element).display.startsWith('inline'))
        element = element.parentElement ?? unit
      return element
    }
    const walker = document.createTreeWalker(unit, NodeFilter.SHOW_TEXT)
    const parts: string[] = []
    let previousBlock: Element | undefined
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest(textUnitSelector) !== unit) continue
      const block = blockOf(node)
      if (block === previousBlock && parts.length > 0) parts[parts.length - 1] += node.textContent ?? ''
      else parts.push(node.textContent ?? '')
      previousBlock = block
    }
    return parts.join(' ').replace(/\s+/g, ' ').trim()
  }

  const slideElements = [...document.querySelectorAll('.print-slide-container')]
  const unknown = slideElements.filter((_, index) => !known[index])
  // Injected by `measure` when some slide is to be measured.
  const axe = (window as unknown as { axe: { run: (context: Element[], options: object) => Promise<AxeResults> } }).axe
  const contrast = unknown.length > 0 ? await axe.run(unknown, contrastRun) : { violations: [] }
  const lowContrast = new Map<Element, ElementNote[]>()
  for (const node of contrast.violations.flatMap((violation) => violation.nodes)) {
    const slide = node.element?.closest('.print-slide-container')
    if (!node.element || !slide) continue
    const data = node.any[0]?.data as
      { contrastRatio?: number; expectedContrastRatio?: string; fgColor?: string; bgColor?: string } | undefined
    const detail = data?.contrastRatio
      ? `contrast ${data.contrastRatio}:1, needs ${data.expectedContrastRatio} (${data.fgColor} on ${data.bgColor})`
      : (node.failureSummary ?? 'contrast below WCAG AA').replace(/\s+/g, ' ')
    lowContrast.set(slide, [...(lowContrast.get(slide) ?? []), { element: describe(node.element), detail }])
  }

  return slideElements.map((slide, index) => {
    const slideBox = slide.getBoundingClientRect()
    const banners = [...slide.querySelectorAll('.marking-banner')].filter(
      (banner) => isShown(banner) && (banner.textContent ?? '').trim() !== '',
    )
    const bannerBoxes = banners.map((banner) => banner.getBoundingClientRect())
    const content = [...slide.querySelectorAll(contentSelector)].filter(
      (element) => isShown(element) && !element.closest('.marking-banner'),
    )
    const outside: ElementNote[] = []
    const clipped: ElementNote[] = []
    for (const element of content) {
      const box = element.getBoundingClientRect()
      const beyond = outsideBy(box, slideBox)
      if (beyond) outside.push({ element: describe(element), detail: `${beyond} the slide` })
      else if (bannerBoxes.some((banner) => overlaps(box, banner)))
        outside.push({ element: describe(element), detail: 'under the marking banner' })
      const cutBy = clippingAncestor(element, slide)
      const overflow = ownOverflow(element)
      if (cutBy) clipped.push({ element: describe(element), detail: `cut off by ${describe(cutBy)}` })
      else if (overflow) clipped.push({ element: describe(element), detail: overflow })
    }
    const images = [...slide.querySelectorAll('img')]
    const units = [...slide.querySelectorAll(textUnitSelector)].filter(
      (unit) => isShown(unit) && !unit.closest('.marking-banner'),
    )
    return {
      // The slide's place in its deck: Slidev numbers a slide (its id) by its place in the site, which several decks may share.
      number: index + 1,
      slideId: slide.querySelector('[data-slide-id]')?.getAttribute('data-slide-id') ?? null,
      banners: {
        top: banners.some((banner) => banner.getAttribute('data-position') === 'top'),
        bottom: banners.some((banner) => banner.getAttribute('data-position') === 'bottom'),
      },
      bannerTexts: banners.map((banner) => (banner.textContent ?? '').trim()),
      draftMark: [...slide.querySelectorAll('[data-draft-mark]')].some(isShown),
      outside,
      clipped,
      failedImages: images
        .filter((image) => image.complete && image.naturalWidth === 0)
        .map((image) => ({ element: describe(image), detail: image.currentSrc || image.src })),
      imageSources: images.map((image) => image.currentSrc || image.src),
      texts: units.map(ownText).filter((text) => text !== ''),
      lowContrast: known[index] ?? lowContrast.get(slide) ?? [],
    }
  })
}
