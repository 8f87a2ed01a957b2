// The stages that decide what the decks say, in order:
// brief -> sources -> extract -> overrides -> compose -> review. They write
// no deck; a build keeps what the sources cost to analyse (analysis-cache.ts).
import { applyOverrides, repositoryRoot, sourcePath } from '../brief/index.js'
import { contentFindings } from '../check/content.js'
import { checkPinnedSections, compose, taggingWith, type TagRecord } from '../compose/index.js'
// Reading and extraction load only for a source the cache does not hold: PDF.js, Readability and the date parser take half a second.
import { readKnowledge } from '../extract/read-knowledge.js'
import { readSourceBytes } from '../ingest/source-bytes.js'
import { dirname, resolve } from 'node:path'
import {
  type AudienceProfile,
  type Brief,
  type CheckFinding,
  type DeckPlan,
  type DeckStatus,
  type Knowledge,
  type ReviewState,
  type Warning,
} from '../model/index.js'
import { applyReview, readReviewState, reviewDeck } from '../review/index.js'
import { analysisCache, cacheKey, type AnalysisCache, type SourceAnalysis } from './analysis-cache.js'
import { readBriefInputs, selectAudiences, type BriefInputs, type InputOptions } from './inputs.js'

export interface PlanOptions extends InputOptions {
  /** Only these of the brief's audiences; all of them when absent. */
  readonly audiences?: readonly string[]
}

export interface BriefPlan {
  readonly brief: Brief
  /** Orphaned overrides and unreadable review lines: the plan went on, but someone should look. */
  readonly warnings: Warning[]
  readonly decks: DeckPlan[]
  /** With `contentCheck`: each deck's content findings, in the order of `decks`. */
  readonly contentFindings?: CheckFinding[][]
  /** The review log as it stood when the decks were planned. */
  readonly review: ReviewState
}

/**
 * The deck plans of a brief's audiences as its files say now. Reads the
 * brief, its sources, templates and review log, and the analyses a build
 * kept (analysis-cache.ts); writes nothing.
 */
export async function planBrief(briefPath: string, options: PlanOptions = {}): Promise<BriefPlan> {
  const inputs = await readBriefInputs(briefPath, options)
  return planDecks(inputs, selectAudiences(inputs, options.audiences))
}

/**
 * Extraction runs once for all the audiences asked for; the review state
 * decides each deck's DRAFT mark. With `keepAnalyses` (a build), what the
 * sources cost to analyse is kept for the next run. With `contentCheck`,
 * the decks' content findings come too: the words they tag are then kept
 * with compose's, so that the next build tags only what changed.
 */
export async function planDecks(
  inputs: BriefInputs,
  audiences: readonly AudienceProfile[],
  { keepAnalyses = false, contentCheck = false } = {},
): Promise<BriefPlan> {
  const { brief } = inputs
  checkPinnedSections(brief, inputs.profiles)
  // The bundled knowledge, and the brief repository's own in knowledge/*.json.
  const knowledge = await readKnowledge([inputs.knowledgeDir])
  const root = await repositoryRoot(dirname(resolve(brief.file)))
  const cache = analysisCache(root, { keep: keepAnalyses })
  const analysed = { root, cache, knowledge, key: cacheKey([inputs.code, JSON.stringify(knowledge)]) }
  const analyses = await Promise.all(
    brief.sources.map((source) => analysedSource(sourcePath(brief, source), source.id, analysed)),
  )
  const documents = analyses.map((analysis) => analysis.document)
  const { extractions: corrected, orphans } = applyOverrides(
    analyses.map((analysis) => analysis.extraction),
    brief,
  )
  const review = await readReviewState(brief.file)
  const recalled = await cache.tags(brief.file, inputs.code)
  const { result, asked } = taggingWith(recalled, () => {
    const decks = audiences.map((audience) =>
      applyReview(
        compose({ extractions: corrected, documents, brief, audience, knowledge }),
        review.state,
        brief.reviewers[audience.id] ?? [],
      ),
    )
    return { decks, ...(contentCheck ? { contentFindings: decks.map(contentFindings) } : {}) }
  })
  if (!sameTexts(recalled, asked)) await cache.keepTags(brief.file, inputs.code, asked)
  return { brief, warnings: [...inputs.notices, ...orphans, ...review.warnings], ...result, review: review.state }
}

interface Analysed {
  /** The repository, which every source must be inside. */
  readonly root: string
  readonly cache: AnalysisCache
  readonly knowledge: Knowledge
  /** What every source's analysis is made from besides the source: briefdeck's code and the knowledge. */
  readonly key: string
}

/** A source's document and extraction: from the cache when it holds them for these bytes, else made and kept there. */
async function analysedSource(path: string, id: string, analysed: Analysed): Promise<SourceAnalysis> {
  // Checked on the opened file to lie inside the repository, so no link swapped meanwhile leads out.
  const bytes = await readSourceBytes(path, analysed.root)
  const key = cacheKey([analysed.key, id, path, bytes])
  const kept = await analysed.cache.source(path, key)
  if (kept) return kept
  const [{ sourceDocument }, { extract }] = await Promise.all([
    import('../ingest/index.js'),
    import('../extract/index.js'),
  ])
  const document = await sourceDocument(bytes, path, id)
  const analysis = { document, extraction: extract(document, analysed.knowledge) }
  await analysed.cache.keepSource(path, key, analysis)
  return analysis
}

/** Whether compose asked about just the texts it was handed, when nothing new is worth keeping. */
function sameTexts(recalled: readonly TagRecord[], asked: readonly TagRecord[]): boolean {
  const texts = new Set(recalled.map(([text]) => text))
  return asked.length === texts.size && asked.every(([text]) => texts.has(text))
}

/** A deck's standing for the library page: a draft, or approved by whom and when. */
export function deckStatus(brief: Brief, plan: DeckPlan, review: ReviewState): DeckStatus {
  const status = { title: plan.title, slides: plan.slides.length, draft: plan.draft }
  if (plan.draft) return { ...status, approvedBy: [], approvedAt: null }
  const approvals = reviewDeck(plan, review, brief.reviewers[plan.audience] ?? []).slides.flatMap((slide) =>
    slide.approvals.filter((approval) => approval.current),
  )
  const approvedBy = [...new Set(approvals.map((approval) => approval.author))].sort()
  const approvedAt =
    approvals
      .map((approval) => approval.at)
      .sort()
      .at(-1) ?? null
  return { ...status, approvedBy, approvedAt }
}
