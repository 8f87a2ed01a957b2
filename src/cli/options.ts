import type { BuildOptions } from './pipeline.js'

/** The `buildBrief` options of a command that takes `--audience ids` and `--out DIR`. */
export function buildOptions(options: {
  readonly audience?: string
  readonly out: string
  /** False with `--no-repo-templates`. */
  readonly repoTemplates?: boolean
}): BuildOptions {
  const repoTemplates = options.repoTemplates === false ? { repoTemplates: false } : {}
  if (options.audience === undefined) return { outDir: options.out, ...repoTemplates }
  const audiences = String(options.audience)
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  return { audiences, outDir: options.out, ...repoTemplates }
}
