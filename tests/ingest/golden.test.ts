// Golden readings of real-shaped documents, reviewed by hand and rewritten
// only with UPDATE=1 (then read the diff before committing it): a CRS
// product as a public archive serves it in markdown, with congress.gov's
// chrome, and a web page of our own making with the usual chrome (navigation,
// share bar, related links, cookie banner, JSON-LD). Each golden holds the
// metadata, sections, paragraphs with their section paths, tables, footnotes
// and furniture.
import { readFileSync, writeFileSync } from 'node:fs'
import { basename, extname } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readSource } from '../../src/ingest/index.js'
import { SourceDocument } from '../../src/model/index.js'

const sources = [
  'tests/fixtures/sources/IF10753v6-energy-star-program.md',
  'tests/fixtures/sources/harbour-levies.html',
]

/** What a reviewer reads: everything but offsets, which the property tests check. */
function reviewed(document: SourceDocument) {
  return {
    file: document.file,
    format: document.format,
    source: document.metadata,
    sections: document.sections.map(({ heading, depth, path }) => ({ heading, depth, path })),
    paragraphs: document.paragraphs.map(({ text, sectionPath }) => ({ sectionPath, text })),
    tables: document.tables,
    footnotes: document.footnotes.map(({ label, text, paragraph, sentence }) => ({ label, paragraph, sentence, text })),
    noise: document.noise.map(({ kind, text }) => ({ kind, text })),
  }
}

describe('golden readings', () => {
  for (const source of sources) {
    const name = basename(source, extname(source))
    it(`matches tests/ingest/golden/${name}.json`, async () => {
      const document = await readSource(source)
      expect(() => SourceDocument.parse(document)).not.toThrow()
      for (const paragraph of document.paragraphs)
        expect(document.text.slice(paragraph.start, paragraph.end)).toBe(paragraph.text)
      const golden = new URL(`golden/${name}.json`, import.meta.url)
      const actual = `${JSON.stringify(reviewed(document), null, 2)}\n`
      if (process.env['UPDATE'] === '1') writeFileSync(golden, actual)
      expect(actual).toBe(readFileSync(golden, 'utf8'))
    })
  }
})
