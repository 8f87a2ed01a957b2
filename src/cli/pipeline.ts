// The briefdeck pipeline, written down once and in order:
// brief -> sources -> extract -> overrides -> compose -> render -> write.
import { dirname, join, resolve } from 'node:path'
import { applyOverrides, readBrief, repositoryRoot, sourcePath } from '../brief/index.js'
import { checkPinnedSections, compose } from '../compose/index.js'
import { extract } from '../extract/index.js'
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
import type { StagedDeck } from '../render/index.js'
import {
  availableAudiences,
  bundledTemplatesRoot,
  loadAudienceProfile,
  loadTemplates,
  render,
  stageDeck,
  updateDeckInPlace,
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
  /** False (`--no-repo-templates`): the bundled templates and theme only, whatever the brief's repository holds. */
  readonly repoTemplates?: boolean
  /**
   * How the deck folders are written: `publish` (the default) replaces each
   * folder whole; `stage` leaves each new folder beside the old one, for an
   * export to fill before `BuildResult.publish`; `in-place` renames changed
   * files over, for a deck that a Slidev dev server is showing.
   */
  readonly write?: 'publish' | 'stage' | 'in-place'
}

export interface BuildResult {
  readonly brief: Brief
  /** Orphaned overrides: the build went on, but someone should look. */
  readonly warnings: Warning[]
  readonly decks: BuiltDeck[]
  /**
   * With `write: 'stage'`, the decks' folders are staging folders until this
   * moves them into place and returns the decks at their final folders;
   * otherwise it returns `decks`.
   */
  readonly publish: () => Promise<BuiltDeck[]>
  /** Drops staged folders, leaving the previous decks as they were. */
  readonly discard: () => Promise<void>
}

export async function buildBrief(briefPath: string, options: BuildOptions): Promise<BuildResult> {
  const brief = await readBrief(briefPath)
  const templatesRoot = options.templatesDir ?? (await templatesRootFor(brief, options.repoTemplates ?? true))
  const notices = options.templatesDir === undefined ? repositoryTemplatesNotice(templatesRoot) : []
  const profiles = await loadProfiles(brief, templatesRoot)
  checkPinnedSections(brief, profiles)
  const selected = selectAudiences(brief, profiles, options.audiences)
  const templates = await loadTemplates(templatesRoot)

  const root = await repositoryRoot(dirname(resolve(brief.file)))
  const extractions = await Promise.all(
    brief.sources.map(async (source) =>
      extract(await readSource(sourcePath(brief, source), { sourceId: source.id, root })),
    ),
  )
  const { extractions: corrected, orphans } = applyOverrides(extractions, brief)
  // The review stage: approvals of the current content decide `draft` before anything is rendered.
  const review = await readReviewState(brief.file)
  const plans = selected.map((audience) =>
    applyReview(compose({ extractions: corrected, brief, audience }), review.state, brief.reviewers[audience.id] ?? []),
  )
  const rendered = plans.map((plan) => ({ plan, deck: render(plan, templates) }))

  const mode = options.write ?? 'publish'
  const writeOptions = { outDir: options.outDir }
  const decks: BuiltDeck[] = []
  const staged: StagedDeck[] = []
  const final: BuiltDeck[] = []
  for (const { plan, deck } of rendered) {
    const dir = join(options.outDir, brief.name, plan.audience)
    const builtAt = (folder: string) => ({
      audience: plan.audience,
      dir: folder,
      slidesPath: join(folder, 'slides.md'),
      plan,
    })
    final.push(builtAt(dir))
    if (mode === 'stage') {
      const stage = await stageDeck(dir, deck, writeOptions)
      staged.push(stage)
      decks.push(builtAt(stage.dir))
    } else {
      await (mode === 'in-place' ? updateDeckInPlace : writeDeck)(dir, deck, writeOptions)
      decks.push(builtAt(dir))
    }
  }
  return {
    brief,
    warnings: [...notices, ...orphans, ...review.warnings],
    decks,
    publish: async () => {
      for (const stage of staged) await stage.publish()
      return final
    },
    discard: async () => {
      await Promise.all(staged.map((stage) => stage.discard()))
    },
  }
}

/** A brief's repository may bring its own `templates/` (unless `repoTemplates` is false); otherwise the ones briefdeck ships. */
export async function templatesRootFor(brief: Brief, repoTemplates = true): Promise<string> {
  if (!repoTemplates) return bundledTemplatesRoot
  const own = join(await repositoryRoot(dirname(resolve(brief.file))), 'templates')
  return (await exists(join(own, 'audiences'))) ? own : bundledTemplatesRoot
}

/**
 * A repository's own theme is code (Vue components, setup scripts, a Vite
 * config) that runs with the user's rights when the deck is built,
 * presented or exported, like any npm package: said every time it is used.
 */
function repositoryTemplatesNotice(templatesRoot: string): Warning[] {
  if (resolve(templatesRoot) === resolve(bundledTemplatesRoot)) return []
  return [
    new BriefdeckProblem(
      "using the repository's own templates and theme: its theme is code that runs when the deck is built, presented or exported (--no-repo-templates uses briefdeck's own)",
      { file: templatesRoot },
      'repository-templates',
      { fatal: false, source: 'build' },
    ),
  ]
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
