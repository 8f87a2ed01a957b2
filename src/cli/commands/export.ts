import { exportAndCheckDecks, formatReport } from '../../check/index.js'
import { exportDecks, exportSummary, startPrintSiteBuilder } from '../../export/index.js'
import { formatPlace, HandoutLayout, PaperSize } from '../../model/index.js'
import { ExitCode } from '../exit.js'
import { buildOptions, usageError } from '../options.js'
import { buildBrief } from '../pipeline.js'

export interface ExportCommandOptions {
  /** Comma-separated audience ids. */
  readonly audience?: string
  readonly out: string
  readonly pptx?: boolean
  readonly handoutLayout: string
  readonly paper: string
  /** False with `--no-check`. */
  readonly check: boolean
  readonly quiet?: boolean
}

/** `briefdeck export BRIEF`: build the decks, export PDFs, handouts and PNGs, then check them unless `--no-check`. */
export async function run(brief: string, options: ExportCommandOptions): Promise<number> {
  const exportOptions = {
    quiet: options.quiet ?? false,
    handoutLayout: choice(HandoutLayout, options.handoutLayout, '--handout-layout'),
    paper: choice(PaperSize, options.paper, '--paper'),
    pptx: options.pptx ?? false,
  }
  // Slidev and Vite load in the builder while the decks are generated.
  const builder = startPrintSiteBuilder()
  try {
    const { warnings, decks } = await buildBrief(brief, buildOptions(options))
    for (const warning of warnings) console.error(`briefdeck: warning: ${formatPlace(warning.place)}: ${warning.message}`)
    if (!options.check) {
      console.log(exportSummary(await exportDecks(decks, { ...exportOptions, builder })).join('\n'))
      return ExitCode.ok
    }
    const { exported, report } = await exportAndCheckDecks(decks, { ...exportOptions, builder })
    console.log(exportSummary(exported).join('\n'))
    console.log(formatReport(report))
    return report.ok ? ExitCode.ok : ExitCode.findings
  } finally {
    builder.close()
  }
}

/** An option value checked against its schema's choices; a wrong one is a usage error, like cac's own. */
function choice<T extends string>(schema: { options: readonly T[] }, value: string, flag: string): T {
  const found = schema.options.find((option) => option === value)
  if (found) return found
  throw usageError(`${flag} must be one of ${schema.options.join(', ')}, not '${value}'`)
}
