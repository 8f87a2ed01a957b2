// Goldens of what extraction makes of ten CRS products (the corpus sits
// beside the repository, as in CI; no corpus text is copied here beyond the
// reviewed output fields): thesis, recommendations, quotes with speakers,
// timeline and terms. Reviewed by hand; rewritten only with UPDATE=1.
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { extract, readKnowledge } from '../../src/extract/index.js'
import { readSource } from '../../src/ingest/index.js'
import type { Extraction } from '../../src/model/index.js'

const corpus = '../shared/corpus/crs/md'
const products = [
  'IN12614v3-section-232-national-security-tariffs-on-copper-',
  'IF13199v1-section-122-of-the-trade-act-of-1974',
  'IF13200v1-treasury-s-exchange-stabilization-fund',
  'IN12669v3-pentagon-anthropic-dispute-over-autonomous-weapo',
  'IN12680v1-recent-regulatory-changes-to-bank-capital-requir',
  'IF12608v18-u-s-interest-in-seabed-mining-in-areas-beyond-na',
  'IF13207v1-prediction-markets-legislation-in-the-119th-cong',
  'LSB11418v1-recent-developments-in-hart-scott-rodino-merger-',
  'R48910v2-trump-accounts-overview-and-policy-consideration',
  'R48914v2-cryptocurrency-mining-and-the-electricity-sector',
]
const knowledge = await readKnowledge()

/** Only the reviewed fields, compact enough to read in a diff. */
function reviewed(extraction: Extraction) {
  const of = (kind: string) => extraction.blocks.filter((block) => block.kind === kind).map((block) => block.text)
  return {
    thesis: of('thesis')[0] ?? null,
    recommendations: of('recommendation'),
    quotes: extraction.blocks
      .filter((block) => block.kind === 'quote')
      .map((block) => ({ text: block.text, speaker: block.speaker, role: block.speakerRole })),
    timeline: extraction.timeline.map((event) => `${event.date} ${event.expression}`),
    terms: Object.fromEntries(extraction.terms.map((term) => [term.acronym, term.expansion])),
  }
}

describe('CRS products', () => {
  for (const product of products) {
    it(`${product} matches tests/extract/golden/crs/${product.split('-')[0]}.json`, async () => {
      const extraction = extract(await readSource(`${corpus}/${product}.md`), knowledge)
      const golden = new URL(`golden/crs/${product.split('-')[0]}.json`, import.meta.url)
      const actual = `${JSON.stringify(reviewed(extraction), null, 2)}\n`
      if (process.env['UPDATE'] === '1') writeFileSync(golden, actual)
      expect(actual).toBe(readFileSync(golden, 'utf8'))
    })
  }
})
