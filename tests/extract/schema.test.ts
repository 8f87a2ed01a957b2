// schemas/extraction.schema.json is generated from the zod schema; this test
// fails when it is stale (UPDATE=1 regenerates it).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ExtractionOutput } from '../../src/model/index.js'
import { expectGolden } from '../golden.js'

const schemaFile = new URL('../../schemas/extraction.schema.json', import.meta.url)

describe('the JSON Schema of `briefdeck extract --json`', () => {
  it('is up to date with the zod schema', () => {
    const generated = `${JSON.stringify(z.toJSONSchema(ExtractionOutput), null, 2)}\n`
    expectGolden(generated, schemaFile)
  })

  it('says where offsets count from', () => {
    const schema = JSON.parse(readFileSync(schemaFile, 'utf8')) as {
      items: { properties: { blocks: { items: { properties: { start: { description: string } } } } } }
    }
    expect(schema.items.properties.blocks.items.properties.start.description).toMatch(
      /UTF-16 code units .* after a leading byte-order mark is removed/,
    )
  })
})
