import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { expectGolden } from './golden.js'

const dir = mkdtempSync(join(tmpdir(), 'briefdeck-golden-'))
const golden = join(dir, 'expected.txt')
const saved = process.env['UPDATE']

afterEach(() => {
  if (saved === undefined) delete process.env['UPDATE']
  else process.env['UPDATE'] = saved
  rmSync(golden, { force: true })
})

describe('golden files', () => {
  it.each([undefined, '', '0', 'true', 'yes', '2'])('are never rewritten with UPDATE=%j', (value) => {
    if (value === undefined) delete process.env['UPDATE']
    else process.env['UPDATE'] = value
    writeFileSync(golden, 'reviewed\n')
    expect(() => expectGolden('changed\n', golden)).toThrow()
    expect(readFileSync(golden, 'utf8')).toBe('reviewed\n')
  })

  it('are rewritten with UPDATE=1', () => {
    process.env['UPDATE'] = '1'
    writeFileSync(golden, 'reviewed\n')
    expectGolden('changed\n', golden)
    expect(readFileSync(golden, 'utf8')).toBe('changed\n')
  })

  it('say how to write one that is missing', () => {
    delete process.env['UPDATE']
    expect(() => expectGolden('new\n', join(dir, 'none.txt'))).toThrow(/UPDATE=1/)
  })
})
