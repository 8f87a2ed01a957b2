import { formatPlace } from '../../model/index.js'
import { ExitCode } from '../exit.js'
import { buildBrief } from '../pipeline.js'

export interface BuildCommandOptions {
  /** Comma-separated audience ids. */
  readonly audience?: string
  readonly out: string
}

/** `briefdeck build BRIEF [--audience ids] [--out DIR]`: prints each deck's path; orphaned overrides go to stderr. */
export async function run(brief: string, options: BuildCommandOptions): Promise<number> {
  const audiences = options.audience === undefined ? undefined : parseList(String(options.audience))
  const { warnings, decks } = await buildBrief(brief, audiences ? { audiences, outDir: options.out } : { outDir: options.out })
  for (const warning of warnings) console.error(`briefdeck: warning: ${formatPlace(warning.place)}: ${warning.message}`)
  for (const deck of decks) console.log(deck.slidesPath)
  return ExitCode.ok
}

function parseList(value: string): string[] {
  return value
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean)
}
