// Errors from the printer thread keep what the CLI reports them by: their
// class (exit code), place, rule and the further problems found with them.
import { describe, expect, it } from 'vitest'
import { BriefdeckProblem, EnvironmentProblem } from '../../src/model/index.js'
import { decodeError, encodeError } from '../../src/pipeline/thread-errors.js'

/** Through a structured clone, as a worker's message goes. */
const acrossThreads = (error: unknown) => decodeError(structuredClone(encodeError(error)))

describe('errors across threads', () => {
  it('keeps a problem with its place, rule, source, warning state and further problems', () => {
    const also = new BriefdeckProblem('second', { file: 'b.md', line: 3 }, 'second-rule')
    const problem = new BriefdeckProblem('first', { file: 'a.yaml', line: 2, column: 5 }, 'brief-schema', {
      source: 'brief',
      fatal: false,
      also: [also],
    })
    const back = acrossThreads(problem)
    expect(back).toBeInstanceOf(BriefdeckProblem)
    expect((back as BriefdeckProblem).toJSON()).toEqual(problem.toJSON())
    expect(String(back)).toBe('a.yaml:2:5: first')
    expect((back as BriefdeckProblem).also.map((each) => each.toJSON())).toEqual([also.toJSON()])
  })

  it('keeps a problem of the machine apart from one in the files', () => {
    const back = acrossThreads(new EnvironmentProblem('no Chromium found'))
    expect(back).toBeInstanceOf(EnvironmentProblem)
    expect(back).not.toBeInstanceOf(BriefdeckProblem)
    expect(back.message).toBe('no Chromium found')
  })

  it('keeps any other error as an Error with its message and stack, and a thrown value as its text', () => {
    const error = new TypeError('page crashed')
    const back = acrossThreads(error)
    expect(back.message).toBe('page crashed')
    expect(back.stack).toBe(error.stack)
    expect(acrossThreads('closed').message).toBe('closed')
  })
})
