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
      plansAt(briefPath, { where: String(options.from), option: '--from' }, join(scratch, 'from')),
      plansAt(
        briefPath,
        options.to === undefined ? undefined : { where: String(options.to), option: '--to' },
        join(scratch, 'to'),
      ),
    ])
    process.stdout.write(formatDeckDiffs(diffDecks(before, after), { color: process.stdout.isTTY === true }))
    return ExitCode.ok
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/**
 * The brief's deck plans at one end of the comparison: the work tree (no
 * `end`), a build folder, or a git revision composed afresh; `end` says
 * which option named it, for its errors.
 */
async function plansAt(
  briefPath: string,
  end: { readonly where: string; readonly option: string } | undefined,
  scratch: string,
): Promise<DeckPlan[]> {
  if (end !== undefined && (await isDirectory(end.where))) return readBuiltPlans(end.where, briefName(briefPath))
  // Both ends use today's templates and profiles, so the diff shows what the brief and its sources changed.
  const templatesDir = await templatesRootFor(await readBrief(briefPath))
  const built =
    end === undefined ? briefPath : await checkOutBriefAt(briefPath, end.where, join(scratch, 'tree'), end.option)
  return (await planBrief(built, { templatesDir })).decks
}
