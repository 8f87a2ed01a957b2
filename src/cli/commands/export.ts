// Only the print-site builder is imported up front: its Slidev builds are
// the longest part of an export, so they start before the rest of briefdeck
// (Playwright most of all, about a second) has even loaded.
import { join, relative } from 'node:path'
import { ensurePrintSites, startPrintSiteBuilder } from '../../export/print-site.js'
import { HandoutLayout, PaperSize, UsageError, type BuiltDeck, type ExportedDeck } from '../../model/index.js'
import { ExitCode, printWarnings } from '../exit.js'
import { buildOptions } from '../options.js'

export interface ExportCommandOptions {
  /** Comma-separated audience ids. */
  readonly audience?: string
  readonly out: string
  readonly pptx?: boolean
  readonly handoutLayout: string
  readonly paper: string
  /** 1 or 2 (cac parses it as a number). */
  readonly pngScale: number | string
  /** False with `--no-check`. */
  readonly check: boolean
  readonly quiet?: boolean
  /** False with `--no-repo-templates`. */
  readonly repoTemplates?: boolean
}

/** `briefdeck export BRIEF`: build the decks, export PDFs, handouts and PNGs, then check them unless `--no-check`. */
export async function run(brief: string, options: ExportCommandOptions): Promise<number> {
  const exportOptions = {
    quiet: options.quiet ?? false,
    handoutLayout: choice(HandoutLayout, options.handoutLayout, '--handout-layout'),
    paper: choice(PaperSize, options.paper, '--paper'),
    pngScale: Number(choice({ options: ['1', '2'] }, String(options.pngScale), '--png-scale')),
    pptx: options.pptx ?? false,
  }
  // Slidev and Vite load in the builder while this process loads the pipeline and generates the decks.
  const builder = startPrintSiteBuilder()
  try {
    const { buildBrief } = await import('../pipeline.js')
    // Each deck is made and exported in a folder of its own and replaces the previous one only when complete.
    const build = await buildBrief(brief, { ...buildOptions(options), write: 'stage' })
    try {
      printWarnings(build.warnings)
      // The builds are under way once this resolves; Playwright and the rest of the export load while they run.
      const sites = await ensurePrintSites(build.decks, builder)
      const [{ exportDecks, exportSummary }, { exportAndCheckDecks, formatReport }] = await Promise.all([
        import('../../export/index.js'),
        import('../../check/index.js'),
      ])
      const { exported, report } = options.check
        ? await exportAndCheckDecks(build.decks, { ...exportOptions, sites })
        : { exported: await exportDecks(build.decks, { ...exportOptions, sites }), report: undefined }
      const published = await build.publish()
      const moved = exported.map((deck, index) => movedTo(deck, build.decks[index]!, published[index]!))
      console.log(exportSummary(moved).join('\n'))
      if (report) console.log(formatReport(report))
      return !report || report.ok ? ExitCode.ok : ExitCode.findings
    } finally {
      await build.discard()
    }
  } finally {
    builder.close()
  }
}

/** An exported deck's paths once its staging folder has become the deck folder. */
function movedTo(exported: ExportedDeck, staged: BuiltDeck, published: BuiltDeck): ExportedDeck {
  const move = (path: string) => join(published.dir, relative(staged.dir, path))
  return {
    ...exported,
    pdf: { ...exported.pdf, path: move(exported.pdf.path) },
    handout: { ...exported.handout, path: move(exported.handout.path) },
    slideImages: exported.slideImages.map(move),
    contactSheet: move(exported.contactSheet),
    ...(exported.pptx ? { pptx: move(exported.pptx) } : {}),
  }
}

/** An option value checked against its schema's choices; a wrong one is a usage error, like cac's own. */
function choice<T extends string>(schema: { options: readonly T[] }, value: string, flag: string): T {
  const found = schema.options.find((option) => option === value)
  if (found) return found
  throw new UsageError(`'${value}' is not one of ${schema.options.join(', ')}`, flag)
}
