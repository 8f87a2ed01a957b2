import { checkDecks, formatReport } from '../../check/index.js'
import { ExitCode, printWarnings } from '../exit.js'
import { buildBrief } from '../../pipeline/index.js'
import { buildOptions } from '../options.js'

export interface CheckCommandOptions {
  /** Comma-separated audience ids. */
  readonly audience?: string
  readonly out: string
  readonly json?: boolean
  readonly quiet?: boolean
  /** False with `--no-repo-templates`. */
  readonly repoTemplates?: boolean
}

/**
 * `briefdeck check BRIEF`: open every slide in Chromium; exit 1 with a report
 * when anything renders wrong. Usually run after an export, whose print sites
 * it reuses, so no site builder is started ahead of time.
 */
export async function run(brief: string, options: CheckCommandOptions): Promise<number> {
  const { warnings, decks } = await buildBrief(brief, buildOptions(options))
  printWarnings(warnings)
  const report = await checkDecks(decks, { quiet: options.quiet ?? false })
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report))
  return report.ok ? ExitCode.ok : ExitCode.findings
}
