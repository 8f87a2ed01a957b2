/**
 * A problem in user content (a source, a brief, a review file), with the
 * place it was found. Modelled on vfile-message: stages throw or collect
 * these; only the CLI turns them into exit codes.
 */
export interface Place {
  readonly file: string
  readonly line?: number
  readonly column?: number
}

export class BriefdeckProblem extends Error {
  readonly place: Place
  /** Short machine-readable name of the check that failed, e.g. `brief-schema`. */
  readonly ruleId: string

  constructor(message: string, place: Place, ruleId: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'BriefdeckProblem'
    this.place = place
    this.ruleId = ruleId
  }

  /** `file:line:column: message`, the one-line form every error takes. */
  override toString(): string {
    return `${formatPlace(this.place)}: ${this.message}`
  }
}

export function formatPlace(place: Place): string {
  const parts = [place.file]
  if (place.line !== undefined) parts.push(String(place.line))
  if (place.line !== undefined && place.column !== undefined) parts.push(String(place.column))
  return parts.join(':')
}

/** A problem with the machine rather than the input, e.g. no browser found; the CLI exits 3 on it. */
export class EnvironmentProblem extends Error {
  override name = 'EnvironmentProblem'
}

/** A non-fatal problem (for example an orphaned override) reported beside a result. */
export interface Warning {
  readonly message: string
  readonly place: Place
  readonly ruleId: string
}
