import fc from 'fast-check'
import { stringify } from 'yaml'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { briefName, parseBrief } from '../../src/brief/index.js'
import { BriefFile, BriefdeckProblem, briefPlace } from '../../src/model/index.js'
import { expectGolden } from '../golden.js'

const valid = `title: Pacific alliances
sources:
  - id: pact
    path: sources/pact.txt
audiences: [congressional-staff, allied-ministry]
overrides:
  pact:0123abcd:
    kind: evidence
`

function problemOf(text: string): string {
  try {
    parseBrief(text, 'b.brief.yaml')
  } catch (error) {
    // Every problem of the file, one line each, as the CLI prints them.
    if (error instanceof BriefdeckProblem) return [error, ...error.also].map(String).join('\n')
    throw error
  }
  throw new Error('expected a BriefdeckProblem')
}

describe('parseBrief', () => {
  it('validates a brief, fills defaults and records where each value was written', () => {
    const brief = parseBrief(valid, 'briefs/pacific.brief.yaml')
    expect(brief.name).toBe('pacific')
    expect(brief.marking).toEqual({ classification: 'UNCLASSIFIED', handling: [] })
    expect(brief.reviewers).toEqual({})
    expect(briefPlace(brief, 'overrides', 'pact:0123abcd', 'kind')).toEqual({
      file: 'briefs/pacific.brief.yaml',
      line: 8,
      column: 5,
    })
    expect(briefPlace(brief, 'audiences', 1)).toEqual({ file: 'briefs/pacific.brief.yaml', line: 5, column: 34 })
    // A value without a position of its own points at its nearest written parent.
    expect(briefPlace(brief, 'overrides', 'pact:0123abcd', 'missing')).toMatchObject({ line: 7 })
  })

  it.each([
    ['a missing field', valid.replace('title: Pacific alliances\n', ''), "b.brief.yaml:1:1: missing field 'title'"],
    [
      'a mistyped key before the field it leaves missing',
      valid.replace('    path:', '    pth:'),
      "b.brief.yaml:4:5: unknown field 'sources #1.pth'\nb.brief.yaml:3:5: missing field 'sources #1.path'",
    ],
    [
      'an unknown kind',
      valid.replace('kind: evidence', 'kind: evidense'),
      "b.brief.yaml:8:5: overrides.pact:0123abcd.kind: must be one of 'thesis'",
    ],
    [
      'a malformed block id',
      valid.replace('pact:0123abcd', 'pact:12'),
      'b.brief.yaml:7:3: overrides.pact:12: expected a block id',
    ],
    [
      'an override audience the brief does not have',
      `${valid}    audiences: [press]\n`,
      "b.brief.yaml:9:17: overrides.pact:0123abcd.audiences #1: 'press' is not one of the brief's audiences",
    ],
    [
      'reviewers for an unknown audience',
      `${valid}reviewers:\n  press: [Ann]\n`,
      "b.brief.yaml:10:3: reviewers.press: 'press' is not one of the brief's audiences",
    ],
    [
      'a duplicate source id',
      valid.replace('audiences:', '  - id: pact\n    path: other.txt\naudiences:'),
      "b.brief.yaml:5:5: sources #2.id: source id 'pact' appears twice",
    ],
    [
      'an override that changes nothing',
      valid.replace('kind: evidence', 'reason: looked wrong'),
      'b.brief.yaml:7:3: overrides.pact:0123abcd: an override must change something',
    ],
    [
      'a mistyped marking key',
      `${valid}marking:\n  releasable: [USA]\n`,
      "b.brief.yaml:10:3: unknown field 'marking.releasable'",
    ],
    [
      'a bad trigraph',
      `${valid}marking:\n  releasableTo: [Australia]\n`,
      'b.brief.yaml:10:18: marking.releasableTo #1: expected a three-letter ISO 3166 code',
    ],
    ['broken YAML', 'title: [unclosed\nsources: 1\n', 'b.brief.yaml:2:1: invalid YAML'],
    ['a duplicate key', 'title: a\ntitle: b\n', 'b.brief.yaml:2:1: invalid YAML: Map keys must be unique'],
    ['an alias to nothing', 'title: a\nsubtitle: *nowhere\n', 'b.brief.yaml:2:11: invalid YAML: Unresolved alias'],
    ['an empty file', '', 'b.brief.yaml:1:1: the file is empty'],
    ['a file of comments only', '# nothing yet\n', 'b.brief.yaml:1:1: the file is empty'],
    ['a list instead of a mapping', '- title\n', 'b.brief.yaml:1:1: must be a mapping of fields, not a list'],
  ])('reports %s, each problem on one line with its line and column', (_, text, expected) => {
    const message = problemOf(text)
    expect(message.startsWith(expected), message).toBe(true)
    for (const line of message.split('\n')) expect(line).toMatch(/^b\.brief\.yaml:\d+:\d+: \S/)
  })

  it('throws nothing but positioned problems, whatever the text', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((value) => stringify(value)),
        ),
        (text) => {
          try {
            parseBrief(text, 'b.brief.yaml')
          } catch (error) {
            expect(error).toBeInstanceOf(BriefdeckProblem)
            expect((error as BriefdeckProblem).place.line).toBeGreaterThanOrEqual(1)
            expect((error as BriefdeckProblem).message).not.toContain('\n')
          }
        },
      ),
    )
  })

  it('names briefs after their file', () => {
    expect(briefName('briefs/pacific-alliances.brief.yaml')).toBe('pacific-alliances')
    expect(briefName('C:\\briefs\\harbors.brief.yml')).toBe('harbors')
    expect(briefName('plain.yaml')).toBe('plain')
    expect(briefName('briefs/harbor review 2.brief.yaml')).toBe('harbor review 2')
  })

  it('refuses a file name that would not be one ordinary folder name', () => {
    for (const file of [
      'briefs/...brief.yaml',
      'briefs/..yaml',
      'briefs/.brief.yaml',
      'briefs/.hidden.brief.yaml',
      'briefs/a\u0007b.brief.yaml',
    ])
      expect(() => briefName(file), file).toThrow(expect.objectContaining({ ruleId: 'brief-name', place: { file } }))
  })
})

describe('brief JSON Schema', () => {
  const schemaFile = new URL('../../schemas/brief.schema.json', import.meta.url)
  const generated = `${JSON.stringify(
    {
      ...z.toJSONSchema(BriefFile, { io: 'input' }),
      title: 'briefdeck brief',
      description: 'A *.brief.yaml file: sources, audiences, markings, reviewers and overrides.',
    },
    null,
    2,
  )}\n`

  it('is generated from the zod schema (UPDATE=1 regenerates it)', () => {
    expectGolden(generated, schemaFile)
  })

  it('lets editors complete the override fields', () => {
    const schema = JSON.parse(generated) as {
      properties: { overrides: { additionalProperties: { properties: Record<string, unknown> } } }
    }
    expect(Object.keys(schema.properties.overrides.additionalProperties.properties).sort()).toEqual([
      'audiences',
      'drop',
      'kind',
      'marking',
      'reason',
      'section',
      'short',
      'text',
    ])
  })
})
