// From sentences to argument blocks: split sentences into units, find the
// counterarguments that announce themselves, pick the thesis, then let the
// rules that depend on the thesis and the plain kinds take the rest.
import type { ArgumentBlock, SourceDocument } from '../model/index.js'
import { BlockIds } from './ids.js'
import {
  contrastedByNext,
  evidenceRules,
  explicitCounterRules,
  objectionAfterSupport,
  pickThesis,
  plainClaim,
  quotesIn,
  recommendationRules,
  thesisFinding,
  type Finding,
  type Rule,
  type UnitContext,
} from './rules/index.js'
import { unitsOf, type Unit } from './units.js'

const plainRules: readonly Rule[] = [...recommendationRules, ...evidenceRules, plainClaim]

export function argumentBlocks(document: SourceDocument): ArgumentBlock[] {
  const units = unitsOf(document.sentences)
  const findings: Array<Finding | undefined> = units.map((_, i) =>
    firstFinding(explicitCounterRules, contextAt(units, i)),
  )

  // A text whose opening is all announced objections still makes a point: the thesis is then picked among them.
  const thesis =
    pickThesis(units, new Set(units.filter((_, i) => findings[i])), document.metadata.title) ??
    pickThesis(units, new Set(), document.metadata.title)
  if (thesis) findings[units.indexOf(thesis.unit)] = thesisFinding(thesis)

  units.forEach((_, i) => {
    const context = contextAt(units, i)
    findings[i] ??= contrastedByNext(context, thesis?.unit) ?? objectionAfterSupport(context, thesis?.unit)
  })
  units.forEach((_, i) => {
    findings[i] ??= firstFinding(plainRules, contextAt(units, i))
  })
  return toBlocks(document, units, findings)
}

/** A unit with its neighbours in the same paragraph. */
function contextAt(units: readonly Unit[], i: number): UnitContext {
  const unit = units[i]!
  const sameParagraph = (other: Unit | undefined) =>
    other?.sentence.paragraph === unit.sentence.paragraph ? other : undefined
  return { unit, previous: sameParagraph(units[i - 1]), next: sameParagraph(units[i + 1]) }
}

function firstFinding(rules: readonly Rule[], context: UnitContext): Finding | undefined {
  for (const rule of rules) {
    const finding = rule(context)
    if (finding) return finding
  }
  return undefined
}

/** Blocks in document order; the quotes of a sentence follow its units. */
function toBlocks(
  document: SourceDocument,
  units: readonly Unit[],
  findings: ReadonlyArray<Finding | undefined>,
): ArgumentBlock[] {
  const sourceId = document.metadata.id
  const ids = new BlockIds(sourceId)
  const blocks: ArgumentBlock[] = []
  units.forEach((unit, i) => {
    const finding = findings[i]!
    blocks.push({
      id: ids.next(unit.text),
      kind: finding.kind,
      text: unit.text,
      start: unit.start,
      end: unit.end,
      sourceId,
      paragraph: unit.sentence.paragraph,
      sentence: unit.sentence.index,
      confidence: finding.confidence,
      rule: finding.rule,
      // Every block has the same keys (absent ones undefined, which JSON leaves out): one shape, compact in memory.
      cue: finding.cue,
      speaker: undefined,
    })
    if (units[i + 1]?.sentence === unit.sentence) return
    for (const quote of quotesIn(unit.sentence)) {
      const text = document.text.slice(quote.start, quote.end)
      blocks.push({
        id: ids.next(text),
        kind: 'quote',
        text,
        start: quote.start,
        end: quote.end,
        sourceId,
        paragraph: unit.sentence.paragraph,
        sentence: unit.sentence.index,
        confidence: 0.8,
        rule: 'attributed-quote',
        cue: quote.cue,
        speaker: quote.speaker,
      })
    }
  })
  return blocks
}
