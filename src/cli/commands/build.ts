import { exportSummary } from '../../export/summary.js'
import { isError, UsageError, type CheckReport } from '../../model/index.js'
import type { BriefOutcome, BuildResult, BuildWorkers, DeckBuild, ExportSettings } from '../../pipeline/index.js'
import { shownPath } from '../../shared/index.js'
import { ExitCode, printWarnings, reportError } from '../exit.js'
import { buildOptions, exportSettings, unusedExportOption, type ExportFlags } from '../options.js'

export interface BuildCommandOptions extends ExportFlags {
  readonly audience?: string
  readonly out: string
  /** Also export PDFs, handouts and PNGs, then check the decks (the export command's work). */
  readonly pdf?: boolean
  readonly force?: boolean
  readonly quiet?: boolean
  /** Keep running and build again whenever a file of the briefs' repositories changes. */
  readonly watch?: boolean
}

/**
 * `briefdeck build BRIEF|DIR... [--audience ids] [--out DIR] [--pdf] [--force] [--watch]`:
 * builds every brief named or found, redoing only what changed, and writes
 * the library page `<out>/index.html`. A brief that fails is reported and
 * the others still build.
 */
export async function run(briefs: string | readonly string[], options: BuildCommandOptions): Promise<number> {
  // Checked before anything is built: a wrong option should not cost a build.
  const unused = options.pdf ? undefined : unusedExportOption(options)
  if (unused) throw new UsageError('applies to exports only: add --pdf (or run briefdeck export)', unused)
  const settings = options.pdf ? exportSettings(options) : undefined
  const targets = typeof briefs === 'string' ? [briefs] : briefs
  if (!options.watch) return buildOnce(targets, options, settings)
  // Its own module: a build that does not watch loads neither it nor the file watcher.
  const { watchAndBuild } = await import('./build-watch.js')
  return watchAndBuild(targets, options, settings, buildOnce)
}

/** One build of every brief named or found, its report printed; the exit code it earns. */
async function buildOnce(
  targets: readonly string[],
  options: BuildCommandOptions,
  settings: ExportSettings | undefined,
  workers?: BuildWorkers,
): Promise<number> {
  // Started before the pipeline's code loads: Playwright loads in the printer's thread meanwhile.
  const printer = settings && !workers ? (await import('../../pipeline/printer.js')).startPrinter() : undefined
  const { buildBriefs, findBriefs, writeLibrary } = await import('../../pipeline/index.js')
  const outcomes = await findBriefs(targets)
    .then((briefPaths) =>
      buildBriefs(
        briefPaths,
        {
          ...buildOptions(options),
          ...(settings ? { export: settings } : {}),
          ...(printer ? { printer } : {}),
          quiet: options.quiet ?? false,
        },
        workers,
      ),
    )
    .finally(() => printer?.close())
  // Without the render check, the content check still reads every plan; with it, the check's report has them.
  const content = settings?.check ? undefined : await import('../../check/content.js')
  const { findingLine } = await import('../../check/finding-line.js')
  const codes = outcomes.map((outcome) => {
    const code = report(outcome)
    if (!content || !outcome.result) return code
    let failed = false
    for (const build of outcome.result.builds) {
      const findings = content.deckContentFindings(build.deck)
      for (const finding of findings) console.error(`briefdeck: ${build.deck.audience}: ${findingLine(finding)}`)
      failed ||= findings.some(isError)
    }
    return failed ? ExitCode.findings : code
  })
  if (outcomes.some((outcome) => outcome.result)) {
    const library = await writeLibrary(options.out)
    if (outcomes.length > 1) console.log(`library: ${shownPath(library)}`)
  }
  if (settings?.check) {
    const report = combinedCheck(outcomes)
    if (report.decks.length > 0) {
      const { formatReport } = await import('../../check/report.js')
      console.log(formatReport(report))
      if (!report.ok) codes.push(ExitCode.findings)
    }
  }
  return Math.max(ExitCode.ok, ...codes.filter((code) => code !== ExitCode.ok))
}

/** One brief's lines: its warnings on stderr, each deck and what the build did with it on stdout. */
function report(outcome: BriefOutcome): number {
  if (!outcome.result) return reportError(outcome.error)
  printWarnings(outcome.result.warnings)
  for (const line of deckLines(outcome.result)) console.log(line)
  return ExitCode.ok
}

/** Each deck's slides and what the build did with it; for a deck exported anew, what the export wrote. */
function deckLines(result: BuildResult): string[] {
  return result.builds.flatMap((build) => {
    const head = `${shownPath(build.deck.slidesPath)}${stateNote(build)}`
    // exportSummary's first line names the audience, which the deck's path already shows.
    return build.exported && build.state === 'rebuilt' ? [head, ...exportSummary([build.exported]).slice(1)] : [head]
  })
}

function stateNote(build: DeckBuild): string {
  if (build.state === 'skipped') return ' (unchanged, skipped)'
  if (build.state === 'unchanged')
    return build.exported ? ' (same deck as before, exports kept)' : ' (same deck as before)'
  return ''
}

/** Every deck's check, the new ones and those kept from the export that made the PDFs, in one report. */
function combinedCheck(outcomes: readonly BriefOutcome[]): CheckReport {
  const decks = outcomes.flatMap(
    (outcome) =>
      outcome.result?.builds.flatMap((build) =>
        build.check ? [{ ...build.check, slidesPath: build.deck.slidesPath }] : [],
      ) ?? [],
  )
  return { ok: decks.every((deck) => !deck.findings.some(isError)), decks }
}
