/**
 * The one kind of message briefdeck reports, for errors and warnings alike,
 * modelled on vfile-message: a `reason`, the `place` it was found, the
 * `ruleId` of the check that fired, the `source` (the part of briefdeck that
 * checked) and whether it is `fatal`. Stages throw fatal ones and collect the
 * others beside their results; only the CLI prints them (with `toString()`)
 * and turns them into exit codes.
 */
export interface Place {
  /** The file the problem is in; for a command-line problem, the option (`--port`). */
  readonly file: string
  /** 1-based. */
  readonly line?: number
  /** 1-based. */
  readonly column?: number
}

export interface ProblemOptions extends ErrorOptions {
  /** True (the default) for an error that stops the work; false for a warning reported beside a result. */
  readonly fatal?: boolean
  /** The part of briefdeck that found it, e.g. `brief` or `review`. */
  readonly source?: string
  /** Further problems found in the same pass (every schema problem of a file): each is printed on its own line. */
  readonly also?: readonly BriefdeckProblem[]
}

export class BriefdeckProblem extends Error {
  readonly place: Place
  /** Short machine-readable name of the check that failed, e.g. `brief-schema`. */
  readonly ruleId: string
  readonly fatal: boolean
  readonly source: string | undefined
  readonly also: readonly BriefdeckProblem[]

  constructor(message: string, place: Place, ruleId: string, options: ProblemOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = 'BriefdeckProblem'
    this.place = place
    this.ruleId = ruleId
    this.fatal = options.fatal ?? true
    this.source = options.source
    this.also = options.also ?? []
  }

  /** vfile-message's name for the message text. */
  get reason(): string {
    return this.message
  }

  /** `file:line:column: message`, the one-line form every message takes (the printer says which are warnings). */
  override toString(): string {
    return `${formatPlace(this.place)}: ${this.message}`
  }

  /** What `--json` prints: an Error's own message is not enumerable, so it would be left out. */
  toJSON(): { message: string; place: Place; ruleId: string; fatal: boolean; source?: string } {
    const { message, place, ruleId, fatal, source } = this
    return { message, place, ruleId, fatal, ...(source === undefined ? {} : { source }) }
  }
}

/** A warning is a problem that does not stop the work (for example an orphaned override). */
export type Warning = BriefdeckProblem

/**
 * A wrong or missing command-line option, placed at the option rather than
 * at a file: `--port: 99999 is not a port number`. The CLI exits 2 on it and
 * points at `--help`.
 */
export class UsageError extends BriefdeckProblem {
  constructor(message: string, option: string, options: ProblemOptions = {}) {
    super(message, { file: option }, 'usage', { source: 'cli', ...options })
    this.name = 'UsageError'
  }

  get option(): string {
    return this.place.file
  }
}

export function formatPlace(place: Place): string {
  const parts = [place.file]
  if (place.line !== undefined) parts.push(String(place.line))
  if (place.line !== undefined && place.column !== undefined) parts.push(String(place.column))
  return parts.join(':')
}

/**
 * A problem with the machine rather than the input (no browser, no
 * `pdftotext`, a port in use); the CLI exits 3 on it. It has no place in the
 * user's files, so it prints as its message alone.
 */
export class EnvironmentProblem extends Error {
  override name = 'EnvironmentProblem'
  readonly fatal = true

  get reason(): string {
    return this.message
  }

  override toString(): string {
    return this.message
  }
}
