import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract, readKnowledge } from '../../src/extract/index.js'
import { ingest } from '../../src/ingest/index.js'
import { BriefdeckProblem, KnowledgeFile, mergeKnowledge } from '../../src/model/index.js'

const repository = mkdtempSync(join(tmpdir(), 'briefdeck-knowledge-'))
mkdirSync(join(repository, 'knowledge'))

describe('knowledge', () => {
  it('ships countries, organisations, offices, acronyms and eras that fit the schema', async () => {
    const knowledge = await readKnowledge()
    expect(knowledge.countries.length).toBeGreaterThan(100)
    expect(knowledge.organisations.length).toBeGreaterThan(50)
    expect(knowledge.offices).toContain('Secretary of State')
    expect(knowledge.acronyms['GAO']).toBe('Government Accountability Office')
    expect(knowledge.eras.map((era) => era.name)).toContain('Cold War')
  })

  it('takes a brief repository’s own files after the bundled ones', async () => {
    writeFileSync(
      join(repository, 'knowledge', 'region.json'),
      JSON.stringify({
        organisations: [{ name: 'Pacific Islands Forum', aliases: ['PIF'] }],
        acronyms: { PIF: 'Pacific Islands Forum', GAO: 'a local meaning' },
      }),
    )
    const knowledge = await readKnowledge([join(repository, 'knowledge'), join(repository, 'missing')])
    expect(knowledge.acronyms['GAO']).toBe('a local meaning')
    const extraction = extract(
      ingest('Leaders of the PIF met in Suva. The PIF said little.', { file: 'a.txt' }),
      knowledge,
    )
    expect(extraction.actors).toContainEqual(
      expect.objectContaining({ name: 'Pacific Islands Forum', aliases: ['PIF'] }),
    )
    expect(extraction.terms).toContainEqual(
      expect.objectContaining({ acronym: 'PIF', expansion: 'Pacific Islands Forum', origin: 'glossary' }),
    )
  })

  it('names the file of a knowledge file that is not JSON or does not fit the schema', async () => {
    const dir = join(repository, 'bad')
    mkdirSync(dir)
    writeFileSync(join(dir, 'eras.json'), JSON.stringify({ eras: [{ name: 'Long Peace', span: 'ages' }] }))
    const error = await readKnowledge([dir]).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(BriefdeckProblem)
    expect(String(error)).toBe(
      `${join(dir, 'eras.json')}: invalid knowledge file: eras #1.span: expected years such as 1939/1945`,
    )
    writeFileSync(join(dir, 'eras.json'), '{ not json')
    await expect(readKnowledge([dir])).rejects.toThrow(/not a JSON knowledge file/)
  })

  it('merges lists and lets later acronyms win', () => {
    const merged = mergeKnowledge([
      KnowledgeFile.parse({ offices: ['Mayor'], acronyms: { EU: 'European Union' } }),
      KnowledgeFile.parse({ offices: ['Mayor', 'Reeve'], acronyms: { EU: 'Union' } }),
    ])
    expect(merged.offices).toEqual(['Mayor', 'Reeve'])
    expect(merged.acronyms).toEqual({ EU: 'Union' })
  })
})
