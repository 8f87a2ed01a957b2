import { isError } from '../../model/index.js'
import { ExitCode, printWarnings } from '../exit.js'
import { buildOptions } from '../options.js'
import type { ExportCommandOptions } from './export.js'

export interface BuildCommandOptions extends ExportCommandOptions {
  /** Also export PDFs, handouts and PNGs, then check the decks (the export command's work). */
  readonly pdf?: boolean
}

/** `briefdeck build BRIEF [--audience ids] [--out DIR] [--pdf]`: prints each deck's path; orphaned overrides go to stderr. */
export async function run(brief: string, options: BuildCommandOptions): Promise<number> {
  // Loaded only with --pdf, so that a plain build never starts Playwright or Vite;
  // the export command starts its Slidev build before it loads the pipeline.
  if (options.pdf) return (await import('./export.js')).run(brief, options)
  const [{ buildBrief }, { contentFindings }, { findingLine }] = await Promise.all([
    import('../pipeline.js'),
    // The content check reads plans only: no browser is loaded for it.
    import('../../check/content.js'),
    import('../../check/finding-line.js'),
  ])
  const { warnings, decks } = await buildBrief(brief, buildOptions(options))
  printWarnings(warnings)
  let failed = false
  for (const deck of decks) {
    console.log(deck.slidesPath)
    const findings = contentFindings(deck.plan)
    for (const finding of findings) console.error(`briefdeck: ${deck.audience}: ${findingLine(finding)}`)
    failed ||= findings.some(isError)
  }
  return failed ? ExitCode.findings : ExitCode.ok
}
