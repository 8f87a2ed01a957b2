import { BriefdeckProblem, EnvironmentProblem, UsageError, type Warning } from '../model/index.js'
import { printable } from '../shared/printable.js'

/** Exit codes: the only place where errors become process outcomes. */
export const ExitCode = {
  ok: 0,
  /** The work ran and found something wrong (a failed check, outstanding review with --strict). */
  findings: 1,
  /** Bad input: a source, brief, option or path the user gave. */
  badInput: 2,
  /** The machine lacks something (no Chromium, no pdftotext, port taken). */
  environment: 3,
  /** A bug in briefdeck. */
  internal: 70,
} as const

/**
 * The one printer: a line on stderr per message, `briefdeck: [warning: ]file:line:column: reason`
 * (an error that is not briefdeck's own, such as a failed read of a file being watched, by its message).
 */
export function printMessage(message: Error): void {
  const ours = message instanceof BriefdeckProblem || message instanceof EnvironmentProblem
  const severity = message instanceof BriefdeckProblem && !message.fatal ? 'warning: ' : ''
  const help = message instanceof UsageError ? ' (see briefdeck --help)' : ''
  // Names and texts from review logs, briefs and sources reach the terminal escaped.
  console.error(printable(`briefdeck: ${severity}${ours ? message.toString() : message.message}${help}`))
  if (message instanceof BriefdeckProblem) message.also.forEach(printMessage)
}

export function printWarnings(warnings: readonly Warning[]): void {
  warnings.forEach(printMessage)
}

/** Prints an error and returns the exit code it maps to. */
export function reportError(error: unknown): number {
  if (error instanceof BriefdeckProblem || error instanceof EnvironmentProblem) {
    printMessage(error)
    return error instanceof EnvironmentProblem ? ExitCode.environment : ExitCode.badInput
  }
  // cac's own complaints (an unknown option, a missing argument) are usage errors too, worded like ours.
  if (error instanceof Error && error.name === 'CACError') {
    console.error(`briefdeck: ${error.message.charAt(0).toLowerCase()}${error.message.slice(1)} (see briefdeck --help)`)
    return ExitCode.badInput
  }
  console.error('briefdeck: internal error, please report it:')
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error))
  return ExitCode.internal
}
