import { describe, expect, it } from 'vitest'
import { runsOn } from '../../../src/ingest/pdf/run-on.js'

describe('runsOn', () => {
  it('runs an unfinished sentence on into text that starts in lower case', () => {
    expect(runsOn('The agency said it would', 'review the rule by June.')).toBe(true)
    expect(runsOn('The agency said it would review the rule.', 'review it again.')).toBe(false)
  })

  it('runs a sentence cut after an article, a preposition or a comma on into a capital', () => {
    expect(runsOn('The order was signed by the Secretary of the', 'Army in May.')).toBe(true)
    expect(runsOn('The program is funded by several agencies in the end,', 'NASA among them.')).toBe(true)
    expect(
      runsOn('The budget request proposes creation of a new mission area—', 'Geology and Minerals—in the agency.'),
    ).toBe(true)
  })

  it('leaves a short cut text (a label, a table cell) apart from the capital after it', () => {
    expect(runsOn('Loans to', 'Provides loans to lenders.')).toBe(false)
    expect(runsOn('Subcommittee on', 'Appropriations')).toBe(false)
  })
})
