import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyOverrides, parseBrief } from '../../src/brief/index.js'
import { formatPlace } from '../../src/model/index.js'
import { blockId, sampleExtractions } from '../fixtures/briefs/extractions.js'

const briefFile = 'tests/fixtures/briefs/sample.brief.yaml'
const brief = parseBrief(readFileSync(briefFile, 'utf8'), briefFile)
const blocks = (extractions: typeof sampleExtractions) => extractions.flatMap((extraction) => extraction.blocks)
const byId = (extractions: typeof sampleExtractions, id: string) => blocks(extractions).find((block) => block.id === id)

describe('applyOverrides', () => {
  const { extractions, orphans } = applyOverrides(sampleExtractions, brief)

  it('reports an override whose block no longer exists, at its line, and keeps the rest', () => {
    expect(orphans).toHaveLength(1)
    const [orphan] = orphans
    expect(formatPlace(orphan!.place)).toBe(`${briefFile}:29:3`)
    expect(orphan!.message).toMatch(
      /'pacific-defense-pact-2025:00000000' is orphaned: no block of source 'pacific-defense-pact-2025' has this id/,
    )
    expect(orphan!.ruleId).toBe('orphaned-override')
  })

  it('drops, re-kinds and leaves alone as the brief says', () => {
    expect(byId(extractions, 'reassurance-dilemma-2015:297cb00d')).toBeUndefined()
    expect(byId(extractions, 'pacific-defense-pact-2025:ea09dcd5')).toMatchObject({ kind: 'evidence', confidence: 1 })
    expect(blocks(extractions)).toHaveLength(blocks(sampleExtractions).length - 1)
    // Placement (short, audiences) is compose's business; the block itself is unchanged.
    expect(byId(extractions, 'pacific-defense-pact-2025:3e35e8f6')).toEqual(
      byId(sampleExtractions, 'pacific-defense-pact-2025:3e35e8f6'),
    )
  })

  it('replaces text and only ever tightens a marking', () => {
    const id = blockId(
      'pacific-defense-pact-2025',
      'Failure to counteract these ambitions raises the potential for a destabilized region, reducing the United States to a peripheral power, less prosperous and less secure.',
    )
    const [pact, reassurance] = sampleExtractions
    const marked = {
      ...pact!,
      blocks: pact!.blocks.map((block) =>
        block.id === id ? { ...block, marking: { classification: 'CUI' as const, handling: [] } } : block,
      ),
    }
    const corrected = parseBrief(
      `title: t\nsources:\n  - id: pacific-defense-pact-2025\n    path: x.txt\naudiences: [congressional-staff]\noverrides:\n  ${id}:\n    text: Replaced.\n    marking:\n      releasableTo: [USA]\n`,
      'b.brief.yaml',
    )
    const result = applyOverrides([marked, reassurance!], corrected)
    expect(byId(result.extractions, id)).toMatchObject({
      text: 'Replaced.',
      marking: { classification: 'CUI', releasableTo: ['USA'] },
    })
    expect(result.orphans).toEqual([])
  })

  it('names a source the brief does not have', () => {
    const stray = parseBrief(
      'title: t\nsources:\n  - id: a\n    path: a.txt\naudiences: [x]\noverrides:\n  elsewhere:0123abcd:\n    drop: true\n',
      'b.brief.yaml',
    )
    expect(applyOverrides([], stray).orphans[0]?.message).toMatch(/the brief has no source 'elsewhere'/)
  })
})
