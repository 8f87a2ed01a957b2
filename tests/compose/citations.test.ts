// Full citations on the sources slide and short ones under slides, for
// sources with several authors and with names written `Surname, Given`.
import { describe, expect, it } from 'vitest'
import { referenceText, sourceCitation } from '../../src/compose/notes.js'
import type { DeckPlan, SourceMetadata } from '../../src/model/index.js'
import { slideView } from '../../src/render/view.js'
import { sourceMetadata } from '../fixtures/briefs/extractions.js'

const source = (fields: Partial<SourceMetadata>): SourceMetadata =>
  sourceMetadata({ id: 'source', title: 'ENERGY STAR Program', date: '2026-04-20', ...fields })

/** The short reference under a slide citing `metadata`. */
function sourceNote(metadata: SourceMetadata): string | null {
  const slide = {
    id: 's',
    section: 'key-points',
    layout: 'bullets',
    title: 'T',
    bullets: [],
    notes: [],
    blockIds: [],
    citations: [sourceCitation(metadata, 0)],
    marking: {},
  }
  return slideView({ slides: [slide] } as unknown as DeckPlan, 0).sourceNote
}

describe('citations', () => {
  it('give author, title, publisher, number and date on the sources slide', () => {
    expect(
      referenceText(
        source({ authors: ['Clark, Corrie E.'], publisher: 'Congressional Research Service', identifier: 'IF10753' }),
      ),
    ).toBe('Clark, Corrie E., “ENERGY STAR Program”, Congressional Research Service, IF10753, 20 Apr 2026')
    expect(referenceText(source({ authors: ['Feickert, Andrew', "M'Bai, Ebrima"] }))).toBe(
      "Feickert, Andrew; M'Bai, Ebrima, “ENERGY STAR Program”, 20 Apr 2026",
    )
    expect(referenceText(source({ authors: ['Ana Ribeiro', 'Tomás Lind', 'Jo Park'] }))).toMatch(
      /^Ana Ribeiro, Tomás Lind and Jo Park, “/,
    )
  })

  it('name the first author by surname under a slide', () => {
    expect(sourceNote(source({ authors: ['Clark, Corrie E.'] }))).toBe('Source: Clark 2026, ¶1')
    expect(sourceNote(source({ authors: ['Feickert, Andrew', "M'Bai, Ebrima"] }))).toBe(
      'Source: Feickert et al. 2026, ¶1',
    )
    expect(sourceNote(source({ authors: ['Ana Ribeiro', 'Tomás Lind', 'Jo Park'] }))).toBe(
      'Source: Ribeiro et al. 2026, ¶1',
    )
    expect(sourceNote(source({ authors: ['Charlotte Hayes'] }))).toBe('Source: Hayes 2026, ¶1')
  })
})
