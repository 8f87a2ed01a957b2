// Choosing the thesis. The fitted ranker learnt from texts of one short
// untitled paragraph, so the features of long documents (the title, the
// paragraphs, the sections, how central a sentence is to the rest) never
// got a weight from it. A text of one paragraph is therefore ranked by the
// fitted model; a text of several paragraphs by a document-level choice with
// no fitted weights: among the sentences of its opening that can state a
// point, the one that is most central to the whole text, shares most of its
// title, and either turns to the writer's own view (an argument) or reports
// what is new (a report); in a summary, the first sentence (its bottom line)
// counts too. Each signal lies in [0, 1] and counts the same.
import type { TimelineEvent } from '../model/index.js'
import { contrastOpener, correction, earlyHowever, exampleOpener, question, recentWording } from './cues.js'
import { describesDocument, inIntroduction, summaryHeading } from './features.js'
import { thesisVerdict, type ArgumentModel, type Verdict } from './model.js'
import { documentRemark } from './rules/index.js'
import { contentWords, type UnitSite } from './site.js'

/**
 * The units that may be the thesis. A long text states its point in its
 * summary or introduction, in a sentence that is about the subject rather
 * than about the document; a short one may state it anywhere.
 */
export function thesisCandidates(sites: readonly UnitSite[]): UnitSite[] {
  const inSummary = sites.filter((site) => summaryHeading(site) === 1)
  const opening =
    inSummary.length > 0
      ? inSummary
      : sites[0]?.text.sectioned
        ? firstSection(sites)
        : sites.filter(inOpeningParagraphs)
  // A sentence about the document (`This report discusses …`) or one that only opens a list (`… the following:`) states no finding.
  const substantive = opening.filter((site) => describesDocument(site) === 0 && !/:$/.test(site.unit.text))
  return substantive.length > 0 ? substantive : opening.length > 0 ? opening : [...sites]
}

/** The units before the second heading: the opening section of a report. */
function firstSection(sites: readonly UnitSite[]): UnitSite[] {
  const heading = sites[0]!.heading
  const end = sites.findIndex((site) => site.heading !== heading)
  return sites.slice(0, end)
}

function inOpeningParagraphs(site: UnitSite): boolean {
  return site.paragraphs < 4 || inIntroduction(site) === 1
}

export interface ThesisChoice {
  site: UnitSite
  verdict: Verdict
  probability: number
  /** `thesis-model` (the fitted ranker) or `thesis-document` (the document-level choice). */
  rule: string
}

/**
 * The thesis of a text: by the fitted model in a text of one paragraph, by
 * the document-level choice in a longer one. `recent` (the indexes of the
 * sentences that tell recent events, see `recentSentences`) tells a
 * report's news from its background.
 */
export function chooseThesis(
  sites: readonly UnitSite[],
  model: ArgumentModel,
  recent: ReadonlySet<number> = new Set(),
): ThesisChoice | undefined {
  if ((sites[0]?.paragraphs ?? 0) > 1) return documentThesis(sites, recent)
  // The later candidate on a tie: a short text builds up to its point.
  const scored = thesisCandidates(sites).map((site) => ({ site, verdict: thesisVerdict(model, site) }))
  return best(scored, 'later', 'thesis-model')
}

/** The document-level choice: the candidate that is most central, closest to the title and turns or reports news. */
export function documentThesis(
  sites: readonly UnitSite[],
  recent: ReadonlySet<number> = new Set(),
): ThesisChoice | undefined {
  const opening = thesisCandidates(sites)
  const statements = opening.filter(statesAPoint)
  // Every text has a thesis, even one made only of short or broken sentences.
  const candidates = statements.length > 0 ? statements : opening
  if (candidates.length === 0) return undefined
  const centralities = candidates.map(lexicalCentrality)
  const top = Math.max(...centralities)
  const scored = candidates.map((site, i) => {
    const signals: Record<string, number> = {
      centrality: top > 0 ? centralities[i]! / top : 0,
      titleOverlap: site.titleShare,
      // A summary opens with its bottom line.
      ...(summaryHeading(site) === 1 ? { lead: site === candidates[0] ? 1 : 0 } : {}),
      // An argument turns to its point; a report leads with what is new.
      ...(site.text.sectioned
        ? { recent: recent.has(site.unit.sentence.index) || recentWording.test(site.unit.text) ? 1 : 0 }
        : { turn: turnsToOwnView(site.unit.text) ? 1 : 0 }),
    }
    return { site, verdict: verdictOf(signals) }
  })
  // The earlier candidate on a tie: a document states its point early.
  return best(scored, 'earlier', 'thesis-document')
}

/**
 * Whether a unit can state a text's point: a whole statement about the
 * subject, not a granted clause, a question, an example, a remark about the
 * document or a piece of a sentence.
 */
export function statesAPoint(site: UnitSite): boolean {
  const { text, part } = site.unit
  if (part === 'conceded' || question.test(text) || text.split(/\s+/).length < 5) return false
  if (exampleOpener.test(text) || documentRemark(site)) return false
  // A sentence split in the wrong place: its tail opens in lower case or with a digit, its head ends on a comma.
  if (!/[.!]["”’')\]]*$/.test(text)) return false
  return part === 'main' || /^[\p{Lu}"“‘']/u.test(text)
}

/** `However, …`, `X is not A, but B`: the writer turning from the received view to their own. */
export function turnsToOwnView(text: string): boolean {
  return contrastOpener.test(text) || earlyHowever.test(text) || correction.test(text)
}

/**
 * Degree centrality (after LexRank and TextRank): how many words the unit
 * shares with the other units of the text, summed over them, over the log of
 * its length so that long sentences are not favoured for their length alone.
 */
export function lexicalCentrality(site: UnitSite): number {
  const words = new Set(contentWords(site.unit.text))
  let shared = 0
  for (const word of words) shared += (site.text.unitsUsing.get(word) ?? 1) - 1
  return shared / Math.log(2 + words.size)
}

/**
 * The sentences that tell an event of the document's year or the year
 * before: a report's news. For an undated document, the year of its newest
 * event stands in.
 */
export function recentSentences(timeline: readonly TimelineEvent[], date: string | null): Set<number> {
  const yearOf = (date: string) => Number(date.slice(0, 4))
  const reference = date ? yearOf(date) : Math.max(...timeline.map((event) => yearOf(event.date)))
  return new Set(
    timeline
      .filter((event) => yearOf(event.date) >= reference - 1 && yearOf(event.date) <= reference)
      .map((event) => event.sentence),
  )
}

function verdictOf(signals: Record<string, number>): Verdict {
  const names = Object.keys(signals)
  return {
    score: names.reduce((sum, name) => sum + signals[name]!, 0),
    cues: names.filter((name) => signals[name]! >= 0.25).sort((a, b) => signals[b]! - signals[a]!),
  }
}

/** The best-scoring choice, with its softmax probability among the others. */
function best(
  scored: ReadonlyArray<{ site: UnitSite; verdict: Verdict }>,
  onTie: 'earlier' | 'later',
  rule: string,
): ThesisChoice | undefined {
  if (scored.length === 0) return undefined
  const top = scored.reduce((winner, candidate) =>
    candidate.verdict.score > winner.verdict.score ||
    (onTie === 'later' && candidate.verdict.score === winner.verdict.score)
      ? candidate
      : winner,
  )
  const total = scored.reduce((sum, candidate) => sum + Math.exp(candidate.verdict.score - top.verdict.score), 0)
  return { ...top, probability: 1 / total, rule }
}
