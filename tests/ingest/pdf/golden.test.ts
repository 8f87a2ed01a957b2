// Golden reading of one CRS In Focus product (a US government work) as congress.gov serves it: two
// columns, a table and a figure with captions, running headers and footers, a closing byline and a
// disclaimer page. The same product's markdown is tests/fixtures/sources/IF10753v6-energy-star-program.md.
// The golden is reviewed by hand and rewritten only with UPDATE=1.
import { readFile } from 'node:fs/promises'
import { it } from 'vitest'
import { readPdf } from '../../../src/ingest/pdf/index.js'
import { expectGolden } from '../../golden.js'

const fixture = 'tests/fixtures/sources/IF10753v6.pdf'

it('reads the CRS In Focus PDF as the golden says: metadata, headings, captions, tables and furniture', async () => {
  const reading = await readPdf(new Uint8Array(await readFile(fixture)), fixture)
  expectGolden(`${JSON.stringify(reading, null, 2)}\n`, new URL('golden/IF10753v6.json', import.meta.url))
})
