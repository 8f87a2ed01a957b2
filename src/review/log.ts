import { BriefdeckProblem, describeIssues, ReviewEvent, safeParseInOwnWords, type Warning } from '../model/index.js'

export interface ReviewLog {
  readonly events: ReviewEvent[]
  /** The line of each event, in the same order. */
  readonly lines: number[]
  readonly warnings: Warning[]
}

/**
 * Parses a review log, one JSON event per line. A last line without its
 * newline that does not parse is a write that was cut short (a server killed
 * mid-append): it was never acknowledged, so it is skipped with a warning.
 * Any other bad line is a problem with its line number: silently dropping a
 * reviewer's comment is worse than stopping. `firstLine` numbers the lines
 * of a chunk read from the middle of the file.
 */
export function parseReviewLog(text: string, file: string, options: { readonly firstLine?: number } = {}): ReviewLog {
  const firstLine = options.firstLine ?? 1
  const lines = text.split('\n')
  const unterminated = lines.pop() ?? ''
  const events: ReviewEvent[] = []
  const numbers: number[] = []
  const warnings: Warning[] = []
  lines.forEach((line, index) => {
    if (line.trim() === '') return
    events.push(parseEventLine(line, { file, line: firstLine + index }))
    numbers.push(firstLine + index)
  })
  if (unterminated.trim() !== '') {
    const place = { file, line: firstLine + lines.length }
    try {
      events.push(parseEventLine(unterminated, place))
      numbers.push(place.line)
    } catch {
      warnings.push(
        new BriefdeckProblem('skipped an incomplete last line (a write was interrupted)', place, 'review-torn-line', {
          fatal: false,
          source: 'review',
        }),
      )
    }
  }
  return { events, lines: numbers, warnings }
}

/** Whether a line (without its newline) holds a whole, valid event: tells a torn tail from one that only lacks its newline. */
export function isCompleteEventLine(line: string): boolean {
  try {
    return ReviewEvent.safeParse(JSON.parse(line)).success
  } catch {
    return false
  }
}

/** One event as the line that is appended to the log, newline included. */
export function formatReviewEvent(event: ReviewEvent): string {
  return `${JSON.stringify(ReviewEvent.parse(event))}\n`
}

function parseEventLine(line: string, place: { file: string; line: number }): ReviewEvent {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch (error) {
    throw new BriefdeckProblem(
      `not a JSON review event (${(error as Error).message})`,
      { ...place, column: 1 },
      'review-json',
      { cause: error },
    )
  }
  const result = safeParseInOwnWords(ReviewEvent, json)
  if (!result.success)
    throw new BriefdeckProblem(
      `invalid review event: ${describeIssues(result.error)}`,
      { ...place, column: 1 },
      'review-schema',
    )
  return result.data
}
