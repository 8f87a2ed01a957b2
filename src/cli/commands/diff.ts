import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { briefName, readBrief } from '../../brief/index.js'
import type { DeckPlan } from '../../model/index.js'
import { checkOutBriefAt, diffDecks, formatDeckDiffs, readBuiltPlans } from '../../review/index.js'
import { isDirectory } from '../../shared/index.js'
import { ExitCode } from '../exit.js'
import { planBrief, templatesRootFor } from '../../pipeline/index.js'

export interface DiffOptions {
  /** A git revision or a build folder; cac's default is HEAD. */
  readonly from: string
  /** A git revision or a build folder; the work tree when absent. */
  readonly to?: string
}

/** `briefdeck diff BRIEF [--from REV|DIR] [--to REV|DIR]`: slide by slide, what a reviewer must look at again. */
export async function run(briefPath: string, options: DiffOptions): Promise<number> {
  const scratch = await mkdtemp(join(tmpdir(), 'briefdeck-diff-'))
  try {
    const [before, after] = await Promise.all([
      plansAt(briefPath, String(options.from), join(scratch, 'from')),
      plansAt(briefPath, options.to === undefined ? undefined : String(options.to), join(scratch, 'to')),
    ])
    process.stdout.write(formatDeckDiffs(diffDecks(before, after), { color: process.stdout.isTTY === true }))
    return ExitCode.ok
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/** The brief's deck plans at one end of the comparison: the work tree, a build folder, or a git revision composed afresh. */
async function plansAt(briefPath: string, where: string | undefined, scratch: string): Promise<DeckPlan[]> {
  if (where !== undefined && (await isDirectory(where))) return readBuiltPlans(where, briefName(briefPath))
  // Both ends use today's templates and profiles, so the diff shows what the brief and its sources changed.
  const templatesDir = await templatesRootFor(await readBrief(briefPath))
  const built = where === undefined ? briefPath : await checkOutBriefAt(briefPath, where, join(scratch, 'tree'))
  return (await planBrief(built, { templatesDir })).decks
}
