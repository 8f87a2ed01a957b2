// The check's rules: from what was measured in the browser and read from the
// PDF to findings. Pure, so each rule is tested without a browser.
import {
  bannerText,
  type CheckFinding,
  type CheckRule,
  type DeckPlan,
  type ElementNote,
  type SlidePlan,
} from '../model/index.js'
import type { SlideMeasurement } from './measure.js'

export interface DeckObservation {
  readonly plan: DeckPlan
  readonly slides: readonly SlideMeasurement[]
  /** Console errors and uncaught exceptions while the deck loaded. */
  readonly pageErrors: readonly string[]
  /** Requests to other machines, blocked. */
  readonly blockedRequests: readonly string[]
  /** Addresses on the deck's own origin that its build does not have. */
  readonly missingFiles: readonly string[]
  /** Text of each PDF page, in order. */
  readonly pdfPages: readonly string[]
}

type Rule = (observation: DeckObservation) => CheckFinding[]

const slideCountMatchesPlan: Rule = ({ plan, slides }) =>
  slides.length === plan.slides.length
    ? []
    : [
        deckFinding(
          'slide-count',
          `the browser drew ${slides.length} slides but the deck plan has ${plan.slides.length}`,
        ),
      ]

const contentInsideSlide: Rule = ({ slides }) =>
  slides.flatMap((slide) =>
    slide.outside.map((note) => slideFinding('outside-slide', slide, note, `${note.element} is ${note.detail}`)),
  )

const textNotClipped: Rule = ({ slides }) =>
  slides.flatMap((slide) =>
    slide.clipped.map((note) => slideFinding('text-clipped', slide, note, `${note.element}: ${note.detail}`)),
  )

const imagesLoaded: Rule = ({ slides }) =>
  slides.flatMap((slide) =>
    slide.failedImages.map((note) => slideFinding('image-failed', slide, note, `image failed to load: ${note.detail}`)),
  )

const noPageErrors: Rule = ({ pageErrors, missingFiles, slides }) => {
  // A missing image is reported on its slide by `imagesLoaded`.
  const images = new Set(slides.flatMap((slide) => slide.imageSources))
  return [
    ...pageErrors.map((error) => deckFinding('page-error', `the page logged an error: ${firstLine(error)}`)),
    ...missingFiles
      .filter((url) => !images.has(url))
      .map((url) => deckFinding('page-error', `the page asked for ${url}, which its build does not have`)),
  ]
}

const noExternalRequests: Rule = ({ slides, blockedRequests }) =>
  blockedRequests.map((url) => {
    const slide = slides.find((candidate) => candidate.imageSources.includes(url))
    const message = `a request to ${url} was blocked: decks must not reach other machines`
    return slide
      ? slideFinding('external-request', slide, { element: `img "${url}"`, detail: '' }, message)
      : deckFinding('external-request', message)
  })

const bannersOnEverySlide: Rule = ({ slides }) =>
  slides.flatMap((slide) => {
    const missing = (['top', 'bottom'] as const).filter((position) => !slide.banners[position])
    return missing.map((position) =>
      slideFinding('banner-missing', slide, undefined, `the ${position} marking banner is missing`),
    )
  })

/** A banner that reads other than the deck's marking mislabels what the slide holds. */
const bannersReadTheMarking: Rule = ({ plan, slides }) => {
  const marking = bannerText(plan.marking)
  return slides.flatMap((slide) =>
    [...new Set(slide.bannerTexts)]
      .filter((text) => text !== marking)
      .map((text) =>
        slideFinding(
          'banner-wrong',
          slide,
          undefined,
          `a marking banner reads "${text}", but the deck is marked ${marking}`,
        ),
      ),
  )
}

/** The DRAFT mark shows exactly while the deck lacks the approvals its brief asks for. */
const draftMarkMatchesApprovals: Rule = ({ plan, slides }) =>
  slides
    .filter((slide) => slide.draftMark !== plan.draft)
    .map((slide) =>
      plan.draft
        ? slideFinding(
            'draft-mark-missing',
            slide,
            undefined,
            'the DRAFT mark is missing, but the deck lacks approvals',
          )
        : slideFinding('draft-mark-shown', slide, undefined, 'the slide shows DRAFT, but the deck is approved'),
    )

const contrastMeetsAA: Rule = ({ slides }) =>
  slides.flatMap((slide) =>
    slide.lowContrast.map((note) =>
      slideFinding('contrast', slide, note, `${note.element}: ${note.detail}, below WCAG AA`),
    ),
  )

/**
 * The PDF against the slide as drawn and against the plan itself: the
 * plan's title and bullets are the text as the source has it, so an escape
 * that leaked onto the page (`&#95;` for `_`) shows as missing text, which
 * a comparison with the drawn slide alone cannot see.
 */
const slideTextInPdf: Rule = ({ plan, slides, pdfPages }) => {
  const pageCount: CheckFinding[] =
    pdfPages.length === slides.length
      ? []
      : [deckFinding('text-missing-from-pdf', `the PDF has ${pdfPages.length} pages for ${slides.length} slides`)]
  const missing = slides.flatMap((slide, index) => {
    const page = pdfPages[index] ?? ''
    const planned = plannedTexts(plan.slides[index])
    const texts = [...new Set([...slide.texts, ...planned])]
    return texts
      .filter((text) => !appearsOnPage(page, text))
      .map((text) =>
        slideFinding(
          'text-missing-from-pdf',
          slide,
          { element: quoted(text), detail: '' },
          `text ${planned.includes(text) ? 'of the plan' : 'on the slide'} is missing from PDF page ${index + 1}: ${quoted(text)}`,
        ),
      )
  })
  return [...pageCount, ...missing]
}

/** What every layout shows of a planned slide: its title, its bullets' text and its table's cells. */
function plannedTexts(slide: SlidePlan | undefined): string[] {
  if (!slide) return []
  const cells = slide.table ? [...slide.table.header, ...slide.table.rows.flat()] : []
  return [slide.title, ...slide.bullets.map((bullet) => bullet.text), ...cells].filter((text) => text.trim() !== '')
}

/** In the order a reader fixes things: the deck as a whole, then slide by slide. */
export const rules: readonly Rule[] = [
  slideCountMatchesPlan,
  noPageErrors,
  noExternalRequests,
  contentInsideSlide,
  textNotClipped,
  imagesLoaded,
  bannersOnEverySlide,
  bannersReadTheMarking,
  draftMarkMatchesApprovals,
  contrastMeetsAA,
  slideTextInPdf,
]

export function deckFindings(observation: DeckObservation): CheckFinding[] {
  return rules.flatMap((rule) => rule(observation)).sort(bySlide)
}

/**
 * Words as both the DOM and pdftotext can agree on: compatibility forms
 * (ligatures) folded, case folded (CSS may print a heading in capitals),
 * soft hyphens dropped, and typographic quotes read as plain ones (Slidev's
 * typographer curls the plan's straight quotes on the page).
 */
export function words(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\u00ad/g, '')
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201e\u2033]/g, '"')
    .split(/\s+/)
    .filter(Boolean)
}

/**
 * Whether a slide's text made it onto its PDF page, in one of the shapes
 * pdftotext gives it: the same words in order; every word, as often as the
 * text has it, where pdftotext reads a wrapped line's end before its start
 * (a line set in a smaller style beside the DRAFT mark); or, for
 * letter-spaced text that it reads as single letters, the same letters in a row.
 */
export function appearsOnPage(pageText: string, text: string): boolean {
  const page = words(pageText)
  const wanted = words(text)
  // pdftotext joins a compound the slide broke at its hyphen (`energy-` / `efficient`) without the hyphen.
  const letters = (list: readonly string[]) => list.join('').replaceAll('-', '')
  return containsInOrder(page, wanted) || containsEvery(page, wanted) || letters(page).includes(letters(wanted))
}

/** Whether the page has each wanted word at least as often as it is wanted, in any order. */
export function containsEvery(page: readonly string[], wanted: readonly string[]): boolean {
  const available = new Map<string, number>()
  for (const word of page) available.set(word, (available.get(word) ?? 0) + 1)
  return wanted.every((word) => {
    const left = available.get(word) ?? 0
    available.set(word, left - 1)
    return left > 0
  })
}

/**
 * Whether the slide's words appear on the page in the same order. Other
 * words may come between them: pdftotext reads a diagonal DRAFT mark or a
 * second column into the middle of a sentence.
 */
export function containsInOrder(page: readonly string[], wanted: readonly string[]): boolean {
  let position = 0
  for (const word of wanted) {
    const found = page.indexOf(word, position)
    if (found === -1) return false
    position = found + 1
  }
  return true
}

function bySlide(a: CheckFinding, b: CheckFinding): number {
  return (a.slide ?? 0) - (b.slide ?? 0)
}

function slideFinding(
  rule: CheckRule,
  slide: SlideMeasurement,
  note: ElementNote | undefined,
  message: string,
): CheckFinding {
  return { rule, slide: slide.number, slideId: slide.slideId, element: note?.element ?? null, message }
}

function deckFinding(rule: CheckRule, message: string): CheckFinding {
  return { rule, slide: null, slideId: null, element: null, message }
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text
}

function quoted(text: string): string {
  return `"${text.length > 60 ? `${text.slice(0, 59)}…` : text}"`
}
