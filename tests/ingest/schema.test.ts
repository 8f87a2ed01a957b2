// schemas/ingest.schema.json is generated from the zod schema; this test
// fails when it is stale (UPDATE=1 regenerates it), and checks real output
// against it.
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ingestJson } from '../../src/cli/commands/ingest.js'
import { readSource } from '../../src/ingest/index.js'
import { IngestOutput } from '../../src/model/index.js'

const schemaFile = new URL('../../schemas/ingest.schema.json', import.meta.url)

describe('the JSON Schema of `briefdeck ingest --json`', () => {
  it('is up to date with the zod schema', () => {
    const generated = `${JSON.stringify(z.toJSONSchema(IngestOutput), null, 2)}\n`
    if (process.env['UPDATE'] === '1') writeFileSync(schemaFile, generated)
    expect(readFileSync(schemaFile, 'utf8')).toBe(generated)
  })

  it('holds for what the command prints', async () => {
    const documents = await Promise.all(
      ['tests/fixtures/sources/harbour-levies.html', 'briefs/sources/pacific-defense-pact-2025.txt'].map((file) =>
        readSource(file),
      ),
    )
    expect(() => IngestOutput.parse(JSON.parse(JSON.stringify(documents.map(ingestJson))))).not.toThrow()
  })
})
