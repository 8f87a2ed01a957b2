// The content check: what a staffer would have to fix before presenting a
// deck, read from its plan. Pure, so each rule is tested without a browser.
// Errors fail the build; warnings are reported and the build goes on.
import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'
import { countWords, documentTalkReason, furnitureReason, isFragment, sentenceKey } from '../compose/index.js'
import type { BuiltDeck, Bullet, CheckFinding, CheckRule, DeckPlan, SlidePlan } from '../model/index.js'

/** Layouts whose bullets are source sentences; glossary, sources and cover entries are reference matter. */
const contentLayouts = new Set(['bluf', 'bullets', 'options', 'quote', 'timeline'])
/** Layouts where a lone bullet is a thin slide; a BLUF or a quote may well have one. */
const listLayouts = new Set(['bullets', 'options', 'timeline'])

interface BulletAt {
  readonly slide: SlidePlan
  readonly number: number
  readonly index: number
  readonly bullet: Bullet
}

type ContentRule = (plan: DeckPlan, bullets: readonly BulletAt[]) => CheckFinding[]

/** A built deck's content problems: those the build found as it planned the deck, else found now. */
export function deckContentFindings(deck: BuiltDeck): readonly CheckFinding[] {
  return deck.contentFindings ?? contentFindings(deck.plan)
}

/** Every content problem of a deck, in slide order within each rule. */
export function contentFindings(plan: DeckPlan): CheckFinding[] {
  const bullets = plan.slides.flatMap((slide, index) =>
    contentLayouts.has(slide.layout)
      ? slide.bullets.map((bullet, position) => ({ slide, number: index + 1, index: position + 1, bullet }))
      : [],
  )
  return rules.flatMap((rule) => rule(plan, bullets))
}

/** A bullet cut with an ellipsis has lost the end of its sentence, and often its point. */
const noCutBullets: ContentRule = (_plan, bullets) =>
  bullets.flatMap((at) =>
    [at.bullet.text, at.bullet.detail ?? ''].some((text) => /^(…|\.\.\.)|(…|\.\.\.)$/u.test(text.trim()))
      ? [finding('cut-bullet', 'error', at, 'is cut off with an ellipsis; show the whole sentence')]
      : [],
  )

const noOverlongBullets: ContentRule = (_plan, bullets) =>
  bullets.flatMap((at) => {
    const limit = at.slide.bulletWords
    if (limit === undefined) return []
    const words = countWords(at.bullet.text)
    // A sentence shown whole in the smaller style is allowed up to twice the limit.
    const allowed = at.bullet.long ? 2 * limit : limit
    return words > allowed
      ? [
          finding(
            'over-long',
            'warning',
            at,
            `has ${words} words, more than ${allowed}; shorten it in the brief (short:)`,
          ),
        ]
      : []
  })

const noFragments: ContentRule = (_plan, bullets) =>
  bullets.flatMap((at) =>
    at.slide.layout !== 'quote' &&
    at.bullet.wording !== 'brief' &&
    (!/[.?!”’"]$/u.test(at.bullet.text.trim()) || isFragment(at.bullet.text))
      ? [finding('fragment', 'warning', at, 'is not a whole sentence (a list item, a clause, a phrase)')]
      : [],
  )

/** No sentence twice in a deck: the same words on two slides waste one of them. */
const noDuplicates: ContentRule = (_plan, bullets) => {
  const first = new Map<string, BulletAt>()
  return bullets.flatMap((at) => {
    const key = sentenceKey(at.bullet.text)
    const earlier = first.get(key)
    if (!earlier) {
      first.set(key, at)
      return []
    }
    return [finding('duplicate', 'error', at, `repeats bullet ${earlier.index} of slide ${earlier.number}`)]
  })
}

const noFurniture: ContentRule = (_plan, bullets) =>
  bullets.flatMap((at) => {
    const reason = furnitureReason(at.bullet.text) ?? (at.bullet.detail ? furnitureReason(at.bullet.detail) : undefined)
    return reason ? [finding('furniture', 'error', at, `is page furniture (${reason}), not argument`)] : []
  })

/** A sentence about the document ("This report discusses…", "Table 1 shows…") points at nothing on a slide. */
const noDocumentTalk: ContentRule = (_plan, bullets) =>
  bullets.flatMap((at) => {
    if (at.bullet.wording === 'brief') return []
    const reason = documentTalkReason(at.bullet.fullText ?? at.bullet.text)
    return reason ? [finding('document-talk', 'warning', at, `says ${reason}, not what it finds`)] : []
  })

/** Every content bullet names its blocks, and the slide's notes name them too, so a reader can trace it. */
const everyBulletSourced: ContentRule = (_plan, bullets) =>
  bullets.flatMap((at) => {
    if (at.bullet.blockIds.length === 0) return [finding('unsourced', 'error', at, 'names no source block')]
    const notes = at.slide.notes.join('\n')
    const missing = at.bullet.blockIds.filter((id) => !notes.includes(id))
    return missing.length > 0
      ? [finding('unsourced', 'error', at, `its block ${missing.join(', ')} is not in the slide's notes`)]
      : []
  })

/**
 * Words on a bullet that its source sentence does not have were written by
 * someone else: a profile's canned line, or a template's. A brief's own
 * wording (`short:`) is the analyst's and allowed; an acronym's spelled-out
 * form is the glossary's.
 */
const noCannedText: ContentRule = (_plan, bullets) =>
  bullets.flatMap((at) => {
    if (at.bullet.wording === 'brief' || at.bullet.blockIds.length === 0) return []
    const source = new Set(wordsOf(`${at.bullet.fullText ?? ''} ${at.slide.notes.join(' ')}`))
    const novel = wordsOf(withoutExpansions(at.bullet.text)).filter((word) => !source.has(word))
    return novel.length > 2
      ? [finding('canned-text', 'error', at, `says what its source does not (${novel.slice(0, 5).join(', ')})`)]
      : []
  })

const noThinSlides: ContentRule = (plan) =>
  plan.slides.flatMap((slide, index) =>
    listLayouts.has(slide.layout) && slide.bullets.length === 1 && !/\(cont\.\)$/u.test(slide.title)
      ? [slideLevel('thin-slide', 'warning', slide, index + 1, 'has a single bullet; merge it or leave it out')]
      : [],
  )

/** Flesch–Kincaid grade of each slide's bullets read as one passage, against the audience's target. */
const readableSlides: ContentRule = (plan, bullets) => {
  const target = plan.readingGrade
  if (target === undefined) return []
  return plan.slides.flatMap((slide, index) => {
    const texts = bullets.filter((at) => at.slide === slide).map((at) => at.bullet.text)
    if (texts.length === 0) return []
    const grade = readingGrade(texts)
    return grade > target
      ? [
          slideLevel(
            'reading-grade',
            'warning',
            slide,
            index + 1,
            `reads at grade ${grade.toFixed(1)}, above the audience's ${target}`,
          ),
        ]
      : []
  })
}

/** Every source on the sources slide has at least its title and date. */
const completeCitations: ContentRule = (plan) =>
  plan.slides.flatMap((slide, index) =>
    slide.citations
      .filter(() => slide.layout === 'sources')
      .flatMap((citation) => {
        const missing = [citation.title === citation.sourceId ? 'title' : '', citation.date ? '' : 'date'].filter(
          Boolean,
        )
        return missing.length > 0
          ? [
              slideLevel(
                'citation-incomplete',
                'warning',
                slide,
                index + 1,
                `source '${citation.sourceId}' has no ${missing.join(' or ')}`,
              ),
            ]
          : []
      }),
  )

const rules: readonly ContentRule[] = [
  noCutBullets,
  noFurniture,
  noDocumentTalk,
  noDuplicates,
  everyBulletSourced,
  noCannedText,
  noOverlongBullets,
  noFragments,
  noThinSlides,
  readableSlides,
  completeCitations,
]

/** The Flesch–Kincaid grade of texts read as one passage, each text a sentence or more. */
export function readingGrade(texts: readonly string[]): number {
  const words = texts.flatMap((text) => text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? [])
  if (words.length === 0) return 0
  const sentences = texts.reduce((sum, text) => sum + Math.max(1, (text.match(/[.?!]+(\s|$)/gu) ?? []).length), 0)
  const syllables = words.reduce((sum, word) => sum + (/\p{N}/u.test(word) ? 1 : syllable(word)), 0)
  return fleschKincaid({ sentence: sentences, word: words.length, syllable: syllables })
}

function wordsOf(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((word) => word.replace(/[’']s$/u, ''))
}

/**
 * `Central Intelligence Agency (CIA)` -> `CIA`, `gross domestic product (GDP)` -> `GDP`, `… Act of 2022 (MoCRA)` -> `MoCRA`: an
 * expansion the deck added on first use. The words before an acronym in parentheses go, at most
 * as many as it has letters and a few joining words (`of`, `and`, a year).
 */
function withoutExpansions(text: string): string {
  return text.replace(
    /((?:[^\s()]+\s+){1,12})\(((?=[^)]*\p{Lu}[^)]*\p{Lu})[\p{L}\p{N}&.-]{2,12})\)/gu,
    (_match, before: string, acronym: string) => {
      const words = before.trim().split(/\s+/u)
      const spelled = Math.min(words.length, acronym.replace(/[^\p{L}]/gu, '').length + 3)
      return `${words.slice(0, words.length - spelled).join(' ')} ${acronym}`
    },
  )
}

function finding(rule: CheckRule, severity: 'error' | 'warning', at: BulletAt, message: string): CheckFinding {
  return {
    rule,
    severity,
    slide: at.number,
    slideId: at.slide.id,
    bullet: at.index,
    element: `bullet ${at.index} "${snippet(at.bullet.text)}"`,
    message: `bullet ${at.index} ${message}`,
  }
}

function slideLevel(
  rule: CheckRule,
  severity: 'error' | 'warning',
  slide: SlidePlan,
  number: number,
  message: string,
): CheckFinding {
  return { rule, severity, slide: number, slideId: slide.id, element: null, message: `the slide ${message}` }
}

function snippet(text: string): string {
  return text.length > 48 ? `${text.slice(0, 47)}…` : text
}
