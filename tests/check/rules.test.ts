import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { appearsOnPage, deckFindings, type DeckObservation, type SlideMeasurement } from '../../src/check/index.js'
import { DeckPlan, bannerText } from '../../src/model/index.js'

const marking = { classification: 'UNCLASSIFIED' as const, handling: [] }

function plan(slideCount: number): DeckPlan {
  return DeckPlan.parse({
    brief: 'b',
    audience: 'a',
    title: 'T',
    marking,
    draft: false,
    slides: Array.from({ length: slideCount }, (_, index) => ({
      id: `s-${index + 1}`,
      section: 's',
      layout: 'bullets',
      title: `Slide ${index + 1}`,
      bullets: [],
      notes: [],
      blockIds: [],
      citations: [],
      marking,
    })),
  })
}

function slide(number: number, changes: Partial<SlideMeasurement> = {}): SlideMeasurement {
  return {
    number,
    slideId: `s-${number}`,
    banners: { top: true, bottom: true },
    bannerTexts: [bannerText(marking), bannerText(marking)],
    draftMark: false,
    outside: [],
    clipped: [],
    failedImages: [],
    imageSources: [],
    texts: [`Slide ${number} text`],
    lowContrast: [],
    ...changes,
  }
}

function observe(changes: Partial<DeckObservation> = {}): DeckObservation {
  const slides = changes.slides ?? [slide(1), slide(2)]
  return {
    plan: plan(slides.length),
    slides,
    pageErrors: [],
    blockedRequests: [],
    missingFiles: [],
    pdfPages: slides.map((measured) => `BANNER\n${measured.texts.join('\n')}\nBANNER`),
    ...changes,
  }
}

const rulesAndSlides = (observation: DeckObservation) =>
  deckFindings(observation).map((finding) => `${finding.slide ?? 'deck'}:${finding.rule}`)

describe('deckFindings', () => {
  it('finds nothing in a deck that rendered as planned', () => {
    expect(deckFindings(observe())).toEqual([])
  })

  it('reports a slide count that differs from the plan', () => {
    expect(deckFindings({ ...observe(), plan: plan(3) })).toEqual([
      {
        rule: 'slide-count',
        slide: null,
        slideId: null,
        element: null,
        message: 'the browser drew 2 slides but the deck plan has 3',
      },
    ])
  })

  it('reports overflow and clipping on their slide with the element', () => {
    const note = { element: 'ul > li:nth-of-type(9) "Point 9"', detail: '40px below the slide' }
    const findings = deckFindings(
      observe({
        slides: [
          slide(1),
          slide(2, { outside: [note], clipped: [{ element: 'p', detail: 'its text is cut off (12px hidden)' }] }),
        ],
      }),
    )
    expect(findings).toEqual([
      {
        rule: 'outside-slide',
        slide: 2,
        slideId: 's-2',
        element: note.element,
        message: 'ul > li:nth-of-type(9) "Point 9" is 40px below the slide',
      },
      { rule: 'text-clipped', slide: 2, slideId: 's-2', element: 'p', message: 'p: its text is cut off (12px hidden)' },
    ])
  })

  it('ties a blocked request to the slide whose image asked for it, and keeps others deck-wide', () => {
    const url = 'https://example.com/a.png'
    const observation = observe({
      slides: [slide(1), slide(2, { imageSources: [url] })],
      blockedRequests: [url, 'https://fonts.example/x.css'],
    })
    expect(rulesAndSlides(observation)).toEqual(['deck:external-request', '2:external-request'])
  })

  it('reports page errors and missing files, but not a missing image twice', () => {
    const image = 'http://deck.localhost/missing.png'
    const observation = observe({
      slides: [slide(1, { imageSources: [image], failedImages: [{ element: 'img', detail: image }] }), slide(2)],
      pageErrors: ['TypeError: x is undefined\n    at stack'],
      missingFiles: [image, 'http://deck.localhost/extra.js'],
    })
    const findings = deckFindings(observation)
    expect(findings.map((finding) => finding.message)).toEqual([
      'the page logged an error: TypeError: x is undefined',
      'the page asked for http://deck.localhost/extra.js, which its build does not have',
      `image failed to load: ${image}`,
    ])
  })

  it('reports each missing banner and each low-contrast element', () => {
    const observation = observe({
      slides: [
        slide(1, { banners: { top: false, bottom: true } }),
        slide(2, { lowContrast: [{ element: 'p "pale"', detail: 'contrast 1.7:1, needs 4.5:1' }] }),
      ],
    })
    expect(deckFindings(observation).map((finding) => finding.message)).toEqual([
      'the top marking banner is missing',
      'p "pale": contrast 1.7:1, needs 4.5:1, below WCAG AA',
    ])
  })

  it("reports a banner that reads other than the deck's marking, once a slide", () => {
    const observation = observe({
      slides: [slide(1), slide(2, { bannerTexts: ['UNCLASSIFIED//REL TO USA, GBR', 'UNCLASSIFIED//REL TO USA, GBR'] })],
    })
    expect(deckFindings(observation).map((finding) => [finding.slide, finding.rule, finding.message])).toEqual([
      [
        2,
        'banner-wrong',
        'a marking banner reads "UNCLASSIFIED//REL TO USA, GBR", but the deck is marked UNCLASSIFIED',
      ],
    ])
  })

  it('reports a DRAFT mark missing from a deck that lacks approvals, and one shown on an approved deck', () => {
    const draft = { ...plan(2), draft: true }
    const unmarked = observe({ plan: draft, slides: [slide(1, { draftMark: true }), slide(2)] })
    expect(deckFindings(unmarked).map((finding) => `${finding.slide}:${finding.rule}`)).toEqual([
      '2:draft-mark-missing',
    ])
    const marked = observe({ slides: [slide(1, { draftMark: true }), slide(2)] })
    expect(deckFindings(marked).map((finding) => `${finding.slide}:${finding.rule}`)).toEqual(['1:draft-mark-shown'])
  })

  it('reports slide text missing from its PDF page, and a page count that differs', () => {
    const slides = [slide(1), slide(2, { texts: ['Slide 2 text', 'A line the PDF lost'] })]
    expect(rulesAndSlides(observe({ slides, pdfPages: ['Slide 1 text', 'Slide 2 text', ''] }))).toEqual([
      'deck:text-missing-from-pdf',
      '2:text-missing-from-pdf',
    ])
  })

  it("compares the PDF with the plan's own text, so an escape that leaked onto the page is reported", () => {
    const address = 'https://example.org/defense_budget/2025#table-3'
    const leaked = 'https://example.org/defense&#95;budget/2025&#35;table-3'
    const planned = plan(1)
    const withBullets = (texts: string[]): DeckPlan => ({
      ...planned,
      slides: [{ ...planned.slides[0]!, bullets: texts.map((text) => ({ text, blockIds: [] })) }],
    })
    const drawn = (texts: string[]) => [slide(1, { texts: ['Slide 1', ...texts] })]
    const findings = (bullets: string[], shown: string[]) =>
      deckFindings({
        ...observe({ slides: drawn(shown), pdfPages: [`Slide 1\n${shown.join('\n')}`] }),
        plan: withBullets(bullets),
      })
    expect(findings([`See ${address}.`], [`See ${leaked}.`]).map((finding) => finding.message)).toEqual([
      `text of the plan is missing from PDF page 1: "See ${address}."`,
    ])
    expect(findings([`See ${address}.`], [`See ${address}.`])).toEqual([])
    expect(findings(['{{ Budget }} lines should rise.'], ['{{ Budget }} lines should rise.'])).toEqual([])
  })
})

describe('appearsOnPage', () => {
  const word = fc.stringMatching(/^[a-z0-9’]{1,8}$/)

  it('finds a text whose words come in order with other words between them (a DRAFT mark read into a sentence)', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        fc.array(fc.array(word, { maxLength: 3 })),
        (wanted, noise) => {
          const page = wanted.flatMap((each, index) => [each, ...(noise[index] ?? [])]).join('\n')
          return appearsOnPage(page, wanted.join(' '))
        },
      ),
    )
  })

  it('does not find a text with a word the page lacks', () => {
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 12 }),
        (wanted) => !appearsOnPage(wanted.join(' '), `${wanted.join(' ')} zzzzzzzzz`),
      ),
    )
  })

  it('finds letter-spaced text that pdftotext reads as single letters, and text in other case', () => {
    expect(appearsOnPage('B R I E F I N G F O R S TA F F', 'Briefing for staff')).toBe(true)
    expect(appearsOnPage('ＦＵＬＬ ﬁne', 'full fine')).toBe(true)
    expect(appearsOnPage('Briefing for', 'Briefing for staff')).toBe(false)
  })

  it('finds a wrapped line whose end pdftotext reads before its start, but not a word the page has once for two', () => {
    const page = '4\n\na commitment.\n\nD R A F T\n\nAllies should expect rotation, not reducing'
    expect(appearsOnPage(page, 'Allies should expect rotation, not reducing a commitment.')).toBe(true)
    expect(appearsOnPage(page, 'Allies should expect a commitment, not a rotation.')).toBe(false)
  })

  it('finds a compound the slide broke at its hyphen, which pdftotext joins without it', () => {
    const page = 'a voluntary labeling program for energyefficient products, homes'
    expect(appearsOnPage(page, 'a voluntary labeling program for energy-efficient products, homes')).toBe(true)
    expect(appearsOnPage(page, 'a voluntary labeling program for energy-saving products, homes')).toBe(false)
  })

  it('reads the typographer’s curly quotes on the page as the plan’s straight ones', () => {
    expect(appearsOnPage('Shared interests and partners’ roles', "Shared interests and partners' roles")).toBe(true)
    expect(appearsOnPage('“America’s Real Challenge”', '"America\'s Real Challenge"')).toBe(true)
  })
})
