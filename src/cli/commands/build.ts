import { formatPlace, type CheckReport, type Warning } from '../../model/index.js'
import type { BriefOutcome, BuildResult, DeckBuild } from '../../pipeline/index.js'
import { ExitCode, reportError } from '../exit.js'
import { buildOptions, exportSettings, shownPath, type ExportFlags } from '../options.js'

export interface BuildCommandOptions extends ExportFlags {
  readonly audience?: string
  readonly out: string
  /** Also export PDFs, handouts and PNGs, then check the decks (the export command's work). */
  readonly pdf?: boolean
  readonly force?: boolean
  readonly quiet?: boolean
}

/**
 * `briefdeck build BRIEF|DIR... [--audience ids] [--out DIR] [--pdf] [--force]`:
 * builds every brief named or found, redoing only what changed, and writes
 * the library page `<out>/index.html`. A brief that fails is reported and
 * the others still build.
 */
export async function run(briefs: string | readonly string[], options: BuildCommandOptions): Promise<number> {
  // Checked before anything is built: a wrong option should not cost a build.
  const settings = options.pdf ? exportSettings(options) : undefined
  const { buildBriefs, findBriefs, writeLibrary } = await import('../../pipeline/index.js')
  const briefPaths = await findBriefs(typeof briefs === 'string' ? [briefs] : briefs)
  const outcomes = await buildBriefs(briefPaths, {
    ...buildOptions(options),
    ...(settings ? { export: settings } : {}),
    quiet: options.quiet ?? false,
  })
  const codes = outcomes.map((outcome) => report(outcome, options))
  if (outcomes.some((outcome) => outcome.result)) {
    const library = await writeLibrary(options.out)
    if (briefPaths.length > 1) console.log(`library: ${shownPath(library, options.out)}`)
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
function report(outcome: BriefOutcome, options: BuildCommandOptions): number {
  if (!outcome.result) return reportError(outcome.error)
  outcome.result.warnings.forEach(printWarning)
  for (const line of deckLines(outcome.result, options)) console.log(line)
  return ExitCode.ok
}

function deckLines(result: BuildResult, options: BuildCommandOptions): string[] {
  return result.builds.flatMap((build) => {
    const at = (path: string) => shownPath(path, options.out)
    const head = `${at(build.deck.slidesPath)}${stateNote(build)}`
    const exported = build.exported
    if (!exported || build.state !== 'rebuilt') return [head]
    const pages = (count: number) => `${count} page${count === 1 ? '' : 's'}`
    const lines = [
      head,
      `  ${at(exported.pdf.path)} (${pages(exported.pdf.pages)})`,
      `  ${at(exported.handout.path)} (${pages(exported.handout.pages)})`,
      `  ${exported.slideImages.length} slide images, ${at(exported.contactSheet)}`,
    ]
    if (exported.pptx) lines.push(`  ${at(exported.pptx)}`)
    if (exported.blockedRequests.length > 0)
      lines.push(`  blocked requests to other machines: ${exported.blockedRequests.join(', ')}`)
    return lines
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
  return { ok: decks.every((deck) => deck.findings.length === 0), decks }
}

function printWarning(warning: Warning): void {
  console.error(`briefdeck: warning: ${formatPlace(warning.place)}: ${warning.message}`)
}
