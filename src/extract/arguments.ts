// From sentences to argument blocks. Sentences are split into units (a
// conceded clause becomes a unit of its own); the thesis is chosen among the
// candidates (see thesis.ts); the fitted counterargument model
// then marks the other side's points; the plain kinds (recommendation,
// evidence, claim) are read from the wording that defines them.
import type { ArgumentBlock, Sentence, SourceDocument, TimelineEvent } from '../model/index.js'
import { BlockIds } from './ids.js'
import { counterVerdict, shippedModel, type ArgumentModel } from './model.js'
import { plainKind, quotesIn, rebuttedParagraphs, type Finding } from './rules/index.js'
import { citedSupport } from './cues.js'
import { sectionsOf } from './sections.js'
import { sitesOf, type UnitSite } from './site.js'
import { chooseThesis, recentSentences } from './thesis.js'
import { unitsOf } from './units.js'

/** The units of a document with their sites: what the models read, for extraction and for fitting. */
export function argumentSites(document: SourceDocument): UnitSite[] {
  const sections = sectionsOf(document)
  const sentences = document.sentences.filter((sentence) => !sections.isHeading(sentence.paragraph))
  return sitesOf(unitsOf(sentences), document.metadata.title, (unit) => sections.headingOf(unit.sentence.paragraph))
}

/** `timeline`, the document's dated events, tells a report's news from its background when the thesis is chosen. */
export function argumentBlocks(
  document: SourceDocument,
  model: ArgumentModel = shippedModel,
  timeline: readonly TimelineEvent[] = [],
): ArgumentBlock[] {
  const sites = argumentSites(document)
  const thesis = chooseThesis(sites, model, recentSentences(timeline, document.metadata.date))
  for (const site of sites) site.thesis = thesis?.site.index
  const rebutted = rebuttedParagraphs(sites)
  const findings = sites.map((site): Finding => {
    if (site === thesis?.site) return finding('thesis', thesis.probability, thesis.rule, thesis.verdict.cues)
    // A fact given with its source or as an example is the author's support, whatever turns after it.
    if (citedSupport.test(site.unit.text)) return plainKind(site)
    const counter = counterVerdict(model, site)
    const probability = 1 / (1 + Math.exp(-counter.score))
    if (probability >= model.counterargument.threshold)
      return finding('counterargument', probability, 'counterargument-model', counter.cues)
    const rebuttal = rebutted.get(site.paragraph)
    if (rebuttal) return finding('counterargument', 0.6, 'rebutted-paragraph', [rebuttal])
    return plainKind(site)
  })
  return toBlocks(document, sites, findings)
}

/** The sentence that holds an offset: a binary search, sentences being in text order. */
function sentenceAt(document: SourceDocument, offset: number): Sentence | undefined {
  const { sentences } = document
  let low = 0
  let high = sentences.length - 1
  while (low <= high) {
    const middle = (low + high) >> 1
    const sentence = sentences[middle]!
    if (offset < sentence.start) high = middle - 1
    else if (offset >= sentence.end) low = middle + 1
    else return sentence
  }
  return undefined
}

function finding(kind: Finding['kind'], confidence: number, rule: string, cues: readonly string[]): Finding {
  return {
    kind,
    confidence: Math.round(confidence * 100) / 100,
    rule,
    ...(cues.length ? { cue: cues.join(', ') } : {}),
  }
}

/** Blocks in document order; the quotes of a paragraph follow its units (a quotation may run over several sentences). */
function toBlocks(document: SourceDocument, sites: readonly UnitSite[], findings: readonly Finding[]): ArgumentBlock[] {
  const sourceId = document.metadata.id
  const ids = new BlockIds(sourceId)
  const blocks: ArgumentBlock[] = []
  const paragraphs = new Map(document.paragraphs.map((paragraph) => [paragraph.index, paragraph]))
  let lastSpeaker: string | undefined
  sites.forEach(({ unit }, i) => {
    const found = findings[i]!
    blocks.push({
      id: ids.next(unit.text),
      kind: found.kind,
      text: unit.text,
      start: unit.start,
      end: unit.end,
      sourceId,
      paragraph: unit.sentence.paragraph,
      sentence: unit.sentence.index,
      confidence: found.confidence,
      rule: found.rule,
      // Every block has the same keys (absent ones undefined, which JSON leaves out): one shape, compact in memory.
      cue: found.cue,
      speaker: undefined,
      speakerRole: undefined,
    })
    const paragraph = paragraphs.get(unit.sentence.paragraph)
    if (!paragraph || sites[i + 1]?.unit.sentence.paragraph === paragraph.index) return
    const lead = paragraphs.get(paragraph.index - 1)?.text
    for (const quote of quotesIn(paragraph, lastSpeaker, lead)) {
      lastSpeaker = quote.speaker
      const text = document.text.slice(quote.start, quote.end)
      const sentence = sentenceAt(document, quote.start) ?? unit.sentence
      blocks.push({
        id: ids.next(text),
        kind: 'quote',
        text,
        start: quote.start,
        end: quote.end,
        sourceId,
        paragraph: paragraph.index,
        sentence: sentence.index,
        confidence: 0.8,
        rule: quote.rule,
        cue: quote.cue,
        speaker: quote.speaker,
        speakerRole: quote.role,
      })
    }
  })
  return blocks
}
