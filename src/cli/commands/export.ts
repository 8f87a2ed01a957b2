import type { ExportFlags } from '../options.js'

export interface ExportCommandOptions extends ExportFlags {
  readonly audience?: string
  readonly out: string
  readonly force?: boolean
  readonly quiet?: boolean
}

/** `briefdeck export BRIEF|DIR...`: `briefdeck build --pdf` by another name. */
export async function run(briefs: string | readonly string[], options: ExportCommandOptions): Promise<number> {
  return (await import('./build.js')).run(briefs, { ...options, pdf: true })
}
