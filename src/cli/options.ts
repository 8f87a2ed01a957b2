import type { BuildOptions } from './pipeline.js'

/** The `buildBrief` options of a command that takes `--audience ids` and `--out DIR`. */
export function buildOptions(options: { readonly audience?: string; readonly out: string }): BuildOptions {
  if (options.audience === undefined) return { outDir: options.out }
  const audiences = String(options.audience)
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
  return { audiences, outDir: options.out }
}

/** A wrong option: reported like cac's own errors (exit 2, with a pointer to --help). */
export function usageError(message: string): Error {
  return Object.assign(new Error(message), { name: 'CACError' })
}
