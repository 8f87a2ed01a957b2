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
  const { buildBrief } = await import('../pipeline.js')
  const { warnings, decks } = await buildBrief(brief, buildOptions(options))
  printWarnings(warnings)
  for (const deck of decks) console.log(deck.slidesPath)
  return ExitCode.ok
}
