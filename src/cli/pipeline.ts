// The briefdeck pipeline, written down once and in order:
// brief -> sources -> extract -> overrides -> compose -> render -> write.
import { dirname, join, resolve } from 'node:path'
import { applyOverrides, readBrief, repositoryRoot, sourcePath } from '../brief/index.js'
import { checkPinnedSections, compose } from '../compose/index.js'
import { extract, readKnowledge } from '../extract/index.js'
import { readSource } from '../ingest/index.js'
import {
  BriefdeckProblem,
  briefPlace,
  type AudienceProfile,
  type Brief,
  type BuiltDeck,
  type Warning,
  UsageError,
} from '../model/index.js'
import {
  availableAudiences,
  bundledTemplatesRoot,
  loadAudienceProfile,
  loadTemplates,
  render,
  writeDeck,
} from '../render/index.js'
import { applyReview, readReviewState } from '../review/index.js'
import { exists } from '../shared/index.js'

export type { BuiltDeck }

export interface BuildOptions {
  /** Only these of the brief's audiences; all of them when absent. */
  readonly audiences?: readonly string[]
  /** Decks go to `<outDir>/<brief name>/<audience>/`. */
  readonly outDir: string
  /** Where profiles, templates and the theme come from; see `templatesRootFor`. */
  readonly templatesDir?: string
}

export interface BuildResult {
  readonly brief: Brief
  /** Orphaned overrides: the build went on, but someone should look. */
  readonly warnings: Warning[]
  readonly decks: BuiltDeck[]
}

export async function buildBrief(briefPath: string, options: BuildOptions): Promise<BuildResult> {
  const brief = await readBrief(briefPath)
  const templatesRoot = options.templatesDir ?? (await templatesRootFor(brief))
  const profiles = await loadProfiles(brief, templatesRoot)
  checkPinnedSections(brief, profiles)
  const selected = selectAudiences(brief, profiles, options.audiences)
  const templates = await loadTemplates(templatesRoot)

  // The bundled knowledge, and the brief repository's own in knowledge/*.json.
  const knowledge = await readKnowledge([join(await repositoryRoot(dirname(resolve(brief.file))), 'knowledge')])
  const extractions = await Promise.all(
    brief.sources.map(async (source) =>
      extract(await readSource(sourcePath(brief, source), { sourceId: source.id }), knowledge),
    ),
  )
  const { extractions: corrected, orphans } = applyOverrides(extractions, brief)
  // The review stage: approvals of the current content decide `draft` before anything is rendered.
  const review = await readReviewState(brief.file)
  const plans = selected.map((audience) =>
    applyReview(compose({ extractions: corrected, brief, audience }), review.state, brief.reviewers[audience.id] ?? []),
  )
  const rendered = plans.map((plan) => ({ plan, deck: render(plan, templates) }))

  const decks: BuiltDeck[] = []
  for (const { plan, deck } of rendered) {
    const dir = join(options.outDir, brief.name, plan.audience)
    await writeDeck(dir, deck)
    decks.push({ audience: plan.audience, dir, slidesPath: join(dir, 'slides.md'), plan })
  }
  return { brief, warnings: [...orphans, ...review.warnings], decks }
}

/** A brief's repository may bring its own `templates/`; otherwise the ones briefdeck ships. */
export async function templatesRootFor(brief: Brief): Promise<string> {
  const own = join(await repositoryRoot(dirname(resolve(brief.file))), 'templates')
  return (await exists(join(own, 'audiences'))) ? own : bundledTemplatesRoot
}

/** Every audience the brief names must have a profile, whichever of them this build makes. */
async function loadProfiles(brief: Brief, templatesRoot: string): Promise<AudienceProfile[]> {
  const available = await availableAudiences(templatesRoot)
  brief.audiences.forEach((id, index) => {
    if (available.includes(id)) return
    throw new BriefdeckProblem(
      `unknown audience '${id}': there is no ${join(templatesRoot, 'audiences', `${id}.yaml`)} (known: ${available.join(', ') || 'none'})`,
      briefPlace(brief, 'audiences', index),
      'unknown-audience',
    )
  })
  return Promise.all(brief.audiences.map((id) => loadAudienceProfile(templatesRoot, id)))
}

function selectAudiences(
  brief: Brief,
  profiles: readonly AudienceProfile[],
  wanted: readonly string[] | undefined,
): AudienceProfile[] {
  if (!wanted) return [...profiles]
  return wanted.map((id) => {
    const profile = profiles.find((candidate) => candidate.id === id)
    if (profile) return profile
    throw new UsageError(`'${id}' is not one of the brief's audiences (${brief.audiences.join(', ')})`, '--audience')
  })
}
