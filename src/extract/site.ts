// Where a unit sits: its place in the text, paragraph and section, its
// neighbours, and what the whole text is about. Features read units through
// their site, so that each feature is a function of one argument.
import { normaliseText } from '../ingest/index.js'
import { conclusionOpener, exampleOpener, inferenceWord, question, strongNormative } from './cues.js'
import type { Unit } from './units.js'

export interface UnitSite {
  unit: Unit
  /** How much the unit shares the vocabulary of the rest of the text (see `centralityOf`). */
  centrality: number
  /** The share of the title's content words that the unit uses. */
  titleShare: number
  index: number
  count: number
  /** Ordinal of the unit's paragraph among the paragraphs that hold units, and their number. */
  paragraph: number
  paragraphs: number
  /** Place of the unit in its paragraph, and the number of units there. */
  inParagraph: number
  paragraphSize: number
  /** The heading of the section the unit sits under, lower-cased; empty when there is none. */
  heading: string
  /** Neighbours in the same paragraph. */
  previous: Unit | undefined
  next: Unit | undefined
  text: TextProfile
  /** Index of the thesis among the units, once it is chosen (the counterargument features use it). */
  thesis: number | undefined
}

/** What the whole text is about. */
export interface TextProfile {
  /** Indexes of the units that state (not ask) what `should`, `must` or `ought to` be, in order. */
  obligations: readonly number[]
  /** Indexes of the units that draw a conclusion (`So …`, `… therefore …`), in order. */
  conclusions: readonly number[]
  /** Whether the text is set in sections (more than one heading): a report rather than an op-ed. */
  sectioned: boolean
  /** The highest centrality of any unit in the text (see `centrality`), to scale it to [0, 1]. */
  maxCentrality: number
  /** For each content word, the number of units that use it (what the document-level thesis choice compares). */
  unitsUsing: ReadonlyMap<string, number>
}

const stopWords = new Set(
  (
    'the a an of in on for to and or nor but is are was were be been being its it this that these those with at by ' +
    'from as how why what who whom which when where there their they them he she his her we our us you your i me my ' +
    'not no so than then too very can could would should will shall may might must do does did has have had also ' +
    'more most such only just into about over after before between because if while all any some each other own'
  ).split(' '),
)

/** Content words of a text, stemmed crudely (six letters) so that `reassurance` meets `reassuring`. */
export function contentWords(text: string): string[] {
  return normaliseText(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 2 && !stopWords.has(word))
    .map((word) => word.slice(0, 6))
}

/** The sites of a text's units, with `heading` giving the section heading of each unit's paragraph. */
export function sitesOf(
  units: readonly Unit[],
  title: string | null,
  headingOf: (unit: Unit) => string | null,
): UnitSite[] {
  const paragraphOrder = new Map<number, number>()
  const paragraphSizes: number[] = []
  const inParagraph: number[] = []
  for (const unit of units) {
    const ordinal = paragraphOrder.get(unit.sentence.paragraph) ?? paragraphOrder.size
    paragraphOrder.set(unit.sentence.paragraph, ordinal)
    inParagraph.push(paragraphSizes[ordinal] ?? 0)
    paragraphSizes[ordinal] = (paragraphSizes[ordinal] ?? 0) + 1
  }
  // Words are counted in a first pass and compared in a second, so that no unit keeps its word list.
  const wordCounts = new Map<string, number>()
  const unitsUsing = new Map<string, number>()
  for (const unit of units) {
    const words = contentWords(unit.text)
    for (const word of words) wordCounts.set(word, (wordCounts.get(word) ?? 0) + 1)
    for (const word of new Set(words)) unitsUsing.set(word, (unitsUsing.get(word) ?? 0) + 1)
  }
  const titleWords = new Set(contentWords(title ?? ''))
  const obligations = units.flatMap((unit, index) => (statesObligation(unit.text) ? [index] : []))
  const conclusions = units.flatMap((unit, index) => (drawsConclusion(unit.text) ? [index] : []))
  const profile = { obligations, conclusions, sectioned: false, maxCentrality: 0, unitsUsing }
  const sites = units.map((unit, index): UnitSite => {
    const paragraph = paragraphOrder.get(unit.sentence.paragraph)!
    const sameParagraph = (other: Unit | undefined) =>
      other?.sentence.paragraph === unit.sentence.paragraph ? other : undefined
    const words = contentWords(unit.text)
    return {
      unit,
      centrality: centralityOf(words, wordCounts),
      titleShare: shareOf(titleWords, words),
      index,
      count: units.length,
      paragraph,
      paragraphs: paragraphSizes.length,
      inParagraph: inParagraph[index]!,
      paragraphSize: paragraphSizes[paragraph]!,
      heading: headingOf(unit)?.toLowerCase() ?? '',
      previous: sameParagraph(units[index - 1]),
      next: sameParagraph(units[index + 1]),
      text: profile,
      thesis: undefined,
    }
  })
  profile.sectioned = sites.some((site) => site.heading !== sites[0]!.heading)
  profile.maxCentrality = sites.reduce((max, site) => Math.max(max, site.centrality), 0)
  return sites
}

/** `So …`, `… is therefore …`; not an example (`For instance, X and thus Y`), which illustrates a point made elsewhere. */
export function drawsConclusion(text: string): boolean {
  return (conclusionOpener.test(text) || inferenceWord.test(text)) && !exampleOpener.test(text)
}

/** `X should …` stated, not asked: `Why should X …?` takes no position. */
export function statesObligation(text: string): boolean {
  return strongNormative.test(text) && !question.test(text)
}

/**
 * How much a unit shares the vocabulary of the rest of the text: the mean,
 * over its content words, of the log of how often the rest of the text uses
 * them. A thesis is what the other sentences keep coming back to.
 */
export function centralityOf(words: readonly string[], wordCounts: ReadonlyMap<string, number>): number {
  if (words.length === 0) return 0
  let sum = 0
  for (const word of words) sum += Math.log1p((wordCounts.get(word) ?? 1) - 1)
  return sum / words.length
}

/** The share of `reference`'s words that `words` uses. */
function shareOf(reference: ReadonlySet<string>, words: readonly string[]): number {
  if (reference.size === 0) return 0
  const own = new Set(words)
  let shared = 0
  for (const word of reference) if (own.has(word)) shared++
  return shared / reference.size
}
