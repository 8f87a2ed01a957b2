// Errors across a worker thread's messages: a structured clone keeps an
// Error's message but not its class, and the CLI tells problems in the
// user's files (exit 1, with their place) from problems of the machine
// (exit 3) by class.
import { BriefdeckProblem, EnvironmentProblem, type Place } from '../model/index.js'

export type EncodedError =
  | {
      readonly kind: 'problem'
      readonly message: string
      readonly place: Place
      readonly ruleId: string
      readonly fatal: boolean
      readonly source?: string
      readonly also: readonly EncodedError[]
    }
  | { readonly kind: 'environment' | 'error'; readonly message: string; readonly stack?: string }

export function encodeError(error: unknown): EncodedError {
  if (error instanceof BriefdeckProblem) {
    const { message, place, ruleId, fatal, source, also } = error
    return {
      kind: 'problem',
      message,
      place,
      ruleId,
      fatal,
      ...(source === undefined ? {} : { source }),
      also: also.map(encodeError),
    }
  }
  if (error instanceof EnvironmentProblem) return { kind: 'environment', message: error.message }
  if (error instanceof Error)
    return { kind: 'error', message: error.message, ...(error.stack ? { stack: error.stack } : {}) }
  return { kind: 'error', message: String(error) }
}

export function decodeError(encoded: EncodedError): Error {
  switch (encoded.kind) {
    case 'problem':
      return new BriefdeckProblem(encoded.message, encoded.place, encoded.ruleId, {
        fatal: encoded.fatal,
        ...(encoded.source === undefined ? {} : { source: encoded.source }),
        also: encoded.also.map((each) => decodeError(each) as BriefdeckProblem),
      })
    case 'environment':
      return new EnvironmentProblem(encoded.message)
    case 'error': {
      const error = new Error(encoded.message)
      if (encoded.stack) error.stack = encoded.stack
      return error
    }
  }
}
