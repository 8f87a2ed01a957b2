// The JSON Schema of audience profiles, generated from the zod schema as the
// brief's is (UPDATE=1 regenerates it), and the README's field reference.
import { readFileSync, writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { AudienceProfile } from '../../src/model/index.js'

const schemaFile = new URL('../../schemas/audience.schema.json', import.meta.url)
const generated = `${JSON.stringify(
  {
    ...z.toJSONSchema(AudienceProfile, { io: 'input' }),
    title: 'briefdeck audience profile',
    description: 'A templates/audiences/<id>.yaml file: who a deck is for, its limits, exclusions and sections.',
  },
  null,
  2,
)}\n`

describe('audience profile JSON Schema', () => {
  it('is generated from the zod schema (UPDATE=1 regenerates it)', () => {
    if (process.env['UPDATE'] === '1') writeFileSync(schemaFile, generated)
    expect(readFileSync(schemaFile, 'utf8')).toBe(generated)
  })

  it('is named by the shipped profiles, so editors complete them', () => {
    for (const id of ['congressional-staff', 'allied-ministry']) {
      const text = readFileSync(new URL(`../../templates/audiences/${id}.yaml`, import.meta.url), 'utf8')
      expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../schemas/audience.schema.json')
    }
  })

  it('has every field described in the README’s field reference', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8')
    const reference = readme.slice(readme.indexOf('### Audience profiles'))
    const schema = JSON.parse(generated) as { properties: Record<string, unknown>; $defs?: unknown }
    const fields = new Set<string>(Object.keys(schema.properties))
    const collect = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(collect)
      if (!node || typeof node !== 'object') return
      const properties = (node as { properties?: Record<string, unknown> }).properties
      if (properties) for (const key of Object.keys(properties)) fields.add(key)
      Object.values(node).forEach(collect)
    }
    collect(schema)
    for (const field of fields) expect(reference, field).toContain(`\`${field}\``)
  })
})
