// One CRS product in two formats, read for real: every block extraction finds in the markdown
// version has the same id in the PDF version, so overrides and comments survive a swap of format.
import { expect, it } from 'vitest'
import { extract, readKnowledge } from '../../../src/extract/index.js'
import { readSource } from '../../../src/ingest/index.js'

it('extracts the same block ids from the PDF as from the markdown of the same product', async () => {
  const knowledge = await readKnowledge()
  const read = (file: string) => readSource(file, { sourceId: 'energy-star' })
  const fromMarkdown = extract(await read('tests/fixtures/sources/IF10753v6-energy-star-program.md'), knowledge)
  const fromPdf = extract(await read('tests/fixtures/sources/IF10753v6.pdf'), knowledge)
  const pdfIds = new Set(fromPdf.blocks.map((block) => block.id))
  expect(fromMarkdown.blocks.length).toBeGreaterThan(20)
  expect(fromMarkdown.blocks.filter((block) => !pdfIds.has(block.id)).map((block) => block.text)).toEqual([])
})
