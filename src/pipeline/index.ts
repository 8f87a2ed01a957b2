// The pipeline, written down once: planBrief decides what the decks say and
// writes nothing; buildBrief and buildBriefs plan, render, write and export,
// redoing only what changed. Commands are thin callers of these.
import type { BriefPlan, PlanOptions } from './plan.js'

export type { BriefPlan, PlanOptions }
export { templatesRootFor } from './inputs.js'
export {
  buildBrief,
  buildBriefs,
  type BuildOptions,
  type BuildResult,
  type BriefOutcome,
  type DeckBuild,
  type DeckState,
} from './build.js'
export type { ExportSettings } from './export-step.js'
export { findBriefs } from './briefs.js'
export { writeLibrary, libraryFile } from './library.js'
export { recordFile } from './record.js'
export { startBuildWorkers, type BuildWorkers } from './workers.js'

/** The deck plans of a brief as its files say now; see plan.ts. The stages load on the first call, so a build that skips every deck never loads them. */
export async function planBrief(briefPath: string, options: PlanOptions = {}): Promise<BriefPlan> {
  return (await import('./plan.js')).planBrief(briefPath, options)
}
