import { BriefdeckProblem, EnvironmentProblem, formatPlace } from '../model/index.js'

/** Exit codes: the only place where errors become process outcomes. */
export const ExitCode = {
  ok: 0,
  /** The work ran and found something wrong (a failed check, outstanding review with --strict). */
  findings: 1,
  /** Bad input: a source, brief, option or path the user gave. */
  badInput: 2,
  /** The machine lacks something (no Chromium, port taken). */
  environment: 3,
  /** A bug in briefdeck. */
  internal: 70,
} as const

/** Prints one line for an error and returns the exit code it maps to. */
export function reportError(error: unknown): number {
  if (error instanceof BriefdeckProblem) {
    console.error(`briefdeck: ${formatPlace(error.place)}: ${error.message}`)
    return ExitCode.badInput
  }
  if (error instanceof EnvironmentProblem) {
    console.error(`briefdeck: ${error.message}`)
    return ExitCode.environment
  }
  if (error instanceof Error && error.name === 'CACError') {
    console.error(`briefdeck: ${error.message} (see briefdeck --help)`)
    return ExitCode.badInput
  }
  console.error('briefdeck: internal error, please report it:')
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  return ExitCode.internal
}
