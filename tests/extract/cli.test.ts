import { spawnSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { run } from '../../src/cli/commands/extract.js'
import { ExitCode } from '../../src/cli/exit.js'
import { captureOutput } from '../cli/capture.js'
import { ExtractionOutput } from '../../src/model/index.js'

const pacific = 'briefs/sources/pacific-defense-pact-2025.txt'
const reassurance = 'briefs/sources/reassurance-dilemma-2015.txt'
const dir = mkdtempSync(join(tmpdir(), 'briefdeck-extract-'))
const binary = join(dir, 'scan.pdf.txt')
writeFileSync(binary, new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01]))

/** Runs the command module and returns what it printed. */
const capture = (files: string[], options: { json?: boolean }) => captureOutput(() => run(files, options))

describe('briefdeck extract', () => {
  it('prints the contract as a JSON array, one object per file, with the paths as given', async () => {
    const { code, stdout } = await capture([pacific, reassurance], { json: true })
    expect(code).toBe(ExitCode.ok)
    const output = ExtractionOutput.parse(JSON.parse(stdout))
    expect(output.map((extraction) => extraction.file)).toEqual([pacific, reassurance])
    expect(output[0]!.source).toMatchObject({
      title: 'The Imperative for a Collective Defense Pact in Asia',
      date: '2025-05-30',
      authors: ['Charlotte Hayes'],
    })
    expect(Object.keys(output[0]!.blocks[0]!)).toEqual(
      expect.arrayContaining(['id', 'kind', 'text', 'start', 'end', 'paragraph', 'confidence', 'rule']),
    )
  })

  it('prints a summary per file without --json', async () => {
    const { code, stdout } = await capture([reassurance], {})
    expect(code).toBe(ExitCode.ok)
    expect(stdout).toContain("title: America's Real Challenge in Asia: The Reassurance Dilemma")
    expect(stdout).toContain('date: 2015-04-16')
    expect(stdout).toMatch(
      /blocks: \d+ \(thesis 1, claim \d+, evidence \d+, recommendation \d+, counterargument \d+, quote 1\)/,
    )
    expect(stdout).toMatch(/thesis: .+ \[reassurance-dilemma-2015:[0-9a-f]{8}\]/)
  })

  it('prints only the bad file’s error line, and no JSON at all, when one file is bad', async () => {
    const { code, stdout, stderr } = await capture([pacific, binary], { json: true })
    expect(code).toBe(ExitCode.badInput)
    expect(stdout).toBe('')
    expect(stderr).toEqual([
      `briefdeck: ${binary}:1:5: source looks binary (it contains a NUL byte); not a PDF, web page, Word, markdown or text file`,
    ])
  })

  it('exits non-zero with one line per bad file from the real binary', () => {
    const empty = join(dir, 'empty.txt')
    writeFileSync(empty, '')
    const result = spawnSync(
      process.execPath,
      ['bin/briefdeck.js', 'extract', '--json', empty, join(dir, 'missing.txt'), reassurance],
      { encoding: 'utf8' },
    )
    expect(result.status).toBe(ExitCode.badInput)
    expect(result.stdout).toBe('')
    expect(result.stderr.trim().split('\n')).toEqual([
      `briefdeck: ${empty}: source is empty`,
      `briefdeck: ${join(dir, 'missing.txt')}: cannot read source: no such file`,
    ])
  })
})
