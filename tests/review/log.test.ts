import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BriefdeckProblem, type ReviewEvent } from '../../src/model/index.js'
import { formatReviewEvent, parseReviewLog } from '../../src/review/index.js'

const file = 'briefs/sample.review.jsonl'

function comment(id: string, text = 'Check the date.'): ReviewEvent {
  return {
    id,
    at: '2025-06-01T10:00:00.000Z',
    author: 'alice',
    audience: 'congressional-staff',
    slideId: 'bluf',
    blockIds: ['pact:0000000a'],
    type: 'comment',
    text,
  }
}

const log = (...events: ReviewEvent[]) => events.map(formatReviewEvent).join('')

describe('parseReviewLog', () => {
  it('reads one event per line and skips blank lines', () => {
    const { events, warnings } = parseReviewLog(`${log(comment('aaaaaa1'))}\n${log(comment('aaaaaa2'))}`, file)
    expect(events.map((event) => event.id)).toEqual(['aaaaaa1', 'aaaaaa2'])
    expect(warnings).toEqual([])
  })

  it('skips a torn last line with a warning naming its line', () => {
    const torn = log(comment('aaaaaa1')).slice(0, 40)
    const { events, warnings } = parseReviewLog(`${log(comment('aaaaaa1'), comment('aaaaaa2'))}${torn}`, file)
    expect(events).toHaveLength(2)
    expect(warnings).toEqual([expect.objectContaining({ place: { file, line: 3 }, ruleId: 'review-torn-line' })])
  })

  it('keeps a complete last line that only lacks its newline', () => {
    const { events, warnings } = parseReviewLog(log(comment('aaaaaa1')).trimEnd(), file)
    expect(events).toHaveLength(1)
    expect(warnings).toEqual([])
  })

  it('refuses a broken line before the end, naming file and line', () => {
    const text = `${log(comment('aaaaaa1'))}{"id": oops\n${log(comment('aaaaaa2'))}`
    expect(() => parseReviewLog(text, file)).toThrow(BriefdeckProblem)
    expect(() => parseReviewLog(text, file)).toThrow(
      expect.objectContaining({ place: { file, line: 2, column: 1 }, ruleId: 'review-json' }),
    )
  })

  it('refuses an event that breaks the schema, naming the field', () => {
    const text = `${JSON.stringify({ ...comment('aaaaaa1'), text: 42 })}\n`
    expect(() => parseReviewLog(text, file)).toThrow(/line|text/)
    expect(() => parseReviewLog(text, file)).toThrow(
      expect.objectContaining({ place: { file, line: 1, column: 1 }, ruleId: 'review-schema' }),
    )
  })

  it('never fails on a log cut anywhere in its last line, and keeps every whole event', () => {
    const ids = fc.uniqueArray(fc.stringMatching(/^[a-z0-9]{6,12}$/), { minLength: 1, maxLength: 6 })
    const texts = fc.string({ minLength: 1, maxLength: 60 }).filter((text) => text.trim() !== '')
    fc.assert(
      fc.property(ids, texts, fc.nat(), (eventIds, text, cutAt) => {
        const events = eventIds.map((id) => comment(id, text))
        const whole = log(...events.slice(0, -1))
        const last = formatReviewEvent(events.at(-1)!)
        const cut = cutAt % last.length // never the whole line with its newline
        const parsed = parseReviewLog(whole + last.slice(0, cut), file)
        const complete = cut === last.length - 1 // everything but the newline: still a whole event
        expect(parsed.events.map((event) => event.id)).toEqual(complete ? eventIds : eventIds.slice(0, -1))
        expect(parsed.warnings).toHaveLength(cut === 0 || complete ? 0 : 1)
      }),
    )
  })
})
