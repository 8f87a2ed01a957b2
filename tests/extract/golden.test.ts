// Golden extractions of the sample sources: reviewed by hand, rewritten only
// with UPDATE=1 (then read the diff before committing it).
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { extract, readKnowledge } from '../../src/extract/index.js'
import { readSource } from '../../src/ingest/index.js'
import { Extraction } from '../../src/model/index.js'

const knowledge = await readKnowledge()

const sources = [
  'briefs/sources/pacific-defense-pact-2025.txt',
  'briefs/sources/reassurance-dilemma-2015.txt',
  'tests/fixtures/sources/alliance-burden-sharing.md',
]

describe('golden extractions', () => {
  for (const source of sources) {
    it(`matches tests/extract/golden/${basename(source, extname(source))}.json`, async () => {
      const extraction = extract(await readSource(source), knowledge)
      expect(() => Extraction.parse(extraction)).not.toThrow()
      const text = readFileSync(source, 'utf8')
      for (const block of extraction.blocks) expect(block.text).toBe(text.slice(block.start, block.end))
      const golden = new URL(`golden/${basename(source, extname(source))}.json`, import.meta.url)
      const actual = `${JSON.stringify(extraction, null, 2)}\n`
      if (process.env['UPDATE'] === '1') writeFileSync(golden, actual)
      expect(actual).toBe(readFileSync(golden, 'utf8'))
    })
  }
})
