import { HandoutLayout, PaperSize, UsageError } from '../model/index.js'
import type { BuildOptions, ExportSettings, PlanOptions } from '../pipeline/index.js'

/** The audiences of `--audience a,b`; all of the brief's when absent. */
export function planOptions(options: {
  readonly audience?: string
  /** False with `--no-repo-templates`. */
  readonly repoTemplates?: boolean
}): PlanOptions {
  const trust = options.repoTemplates === false ? { repoTemplates: false } : {}
  if (options.audience === undefined) return trust
  const audiences = String(options.audience)
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  return { audiences, ...trust }
}

/** The `buildBrief` options of a command that takes `--audience ids` and `--out DIR`. */
export function buildOptions(options: {
  readonly audience?: string
  readonly out: string
  readonly force?: boolean
  readonly repoTemplates?: boolean
}): BuildOptions {
  return { ...planOptions(options), outDir: options.out, ...(options.force ? { force: true } : {}) }
}

/** What the export does unless told otherwise; `--help` shows these. */
export const exportDefaults = { handoutLayout: '1up', paper: 'A4', pngScale: 1 } as const

/**
 * The export option that `build` without `--pdf` was given and would
 * ignore, if any: such a build exports nothing, so the option is a mistake
 * to report rather than drop (a default given again changes nothing either way).
 */
export function unusedExportOption(options: ExportFlags): string | undefined {
  if (options.handoutLayout !== exportDefaults.handoutLayout) return '--handout-layout'
  if (options.paper !== exportDefaults.paper) return '--paper'
  if (String(options.pngScale) !== String(exportDefaults.pngScale)) return '--png-scale'
  if (options.pptx) return '--pptx'
  if (!options.check) return '--no-check'
  return undefined
}

/** The export options as cac parses them, checked before anything is built. */
export interface ExportFlags {
  readonly pptx?: boolean
  readonly handoutLayout: string
  readonly paper: string
  /** 1 or 2 (cac parses it as a number). */
  readonly pngScale: number | string
  /** False with `--no-check`. */
  readonly check: boolean
}

export function exportSettings(options: ExportFlags): ExportSettings {
  return {
    handoutLayout: choice(HandoutLayout, options.handoutLayout, '--handout-layout'),
    paper: choice(PaperSize, options.paper, '--paper'),
    pngScale: Number(choice({ options: ['1', '2'] }, String(options.pngScale), '--png-scale')),
    pptx: options.pptx ?? false,
    check: options.check,
  }
}

/** An option value checked against its schema's choices; a wrong one is a usage error, like cac's own. */
function choice<T extends string>(schema: { options: readonly T[] }, value: string, flag: string): T {
  const found = schema.options.find((option) => option === value)
  if (found) return found
  throw new UsageError(`'${value}' is not one of ${schema.options.join(', ')}`, flag)
}
