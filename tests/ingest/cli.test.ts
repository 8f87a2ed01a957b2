// `briefdeck ingest`: the JSON contract score-sources reads, the summary,
// and several files in one run where one cannot be read.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { run } from '../../src/cli/commands/ingest.js'
import { ExitCode } from '../../src/cli/exit.js'
import { captureOutput } from '../cli/capture.js'
import { htmlReading } from '../../src/ingest/index.js'

const page = 'tests/fixtures/sources/harbour-levies.html'
const report = 'tests/fixtures/sources/IF10753v6-energy-star-program.md'
const dir = mkdtempSync(join(tmpdir(), 'briefdeck-ingest-'))

/** Runs the command module and returns what it printed. */
const capture = (files: string[], options: { json?: boolean }) => captureOutput(() => run(files, options))

afterEach(() => vi.restoreAllMocks())

describe('briefdeck ingest', () => {
  it('prints the contract: file, format, source, text, sections, paragraphs, tables, footnotes, noise', async () => {
    const { code, stdout } = await capture([page, report], { json: true })
    expect(code).toBe(ExitCode.ok)
    const [html, markdown] = JSON.parse(stdout) as Array<Record<string, unknown>>
    expect(Object.keys(html!)).toEqual([
      'file',
      'format',
      'source',
      'text',
      'sections',
      'paragraphs',
      'tables',
      'footnotes',
      'noise',
    ])
    expect(html).toMatchObject({
      file: page,
      format: 'html',
      source: { title: 'Port Levies Are Back on the Table', authors: ['Ana Ribeiro', 'Tomás Lind'] },
    })
    // Derived formats: paragraphs are separated by blank lines and their offsets point into `text`.
    const text = html!['text'] as string
    for (const paragraph of html!['paragraphs'] as Array<{ start: number; end: number; text: string }>)
      expect(text.slice(paragraph.start, paragraph.end)).toBe(paragraph.text)
    expect(text).not.toMatch(/cookie|Share|Related|All rights reserved/)
    expect(markdown).toMatchObject({ format: 'markdown', source: { date: '2026-04-20', identifier: 'IF10753' } })
    expect(markdown!['text']).not.toMatch(/https?:|\]\(|\|/)
    for (const paragraph of markdown!['paragraphs'] as Array<{ start: number; end: number; text: string }>)
      expect((markdown!['text'] as string).slice(paragraph.start, paragraph.end)).toBe(paragraph.text)
  })

  it('reports an unreadable file on one line and still prints the others, exiting non-zero', async () => {
    const missing = join(dir, 'missing.pdf')
    const other = join(dir, 'other.docx')
    writeFileSync(other, new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))
    const { code, stdout, stderr } = await capture([page, missing, other], { json: true })
    expect(code).toBe(ExitCode.badInput)
    expect(stderr).toEqual([
      `briefdeck: ${missing}: cannot read source: no such file`,
      expect.stringMatching(new RegExp(`^briefdeck: ${other}: source is a zip archive but not a Word document`)),
    ])
    expect((JSON.parse(stdout) as Array<{ file: string }>).map((doc) => doc.file)).toEqual([page])
  })

  it('summarises each file: format, metadata, counts and furniture by kind with an example', async () => {
    const { stdout } = await capture([report], {})
    expect(stdout).toContain(`${report} (markdown)`)
    expect(stdout).toMatch(/authors: Clark, Corrie E\./)
    expect(stdout).toMatch(/sections: 6, paragraphs: \d+, tables: 2, footnotes: 0, furniture: \d+/)
    expect(stdout).toMatch(/furniture download: 1, e\.g\. "Download PDF \(292KB\) \| PDF Version History"/)
  })
})

describe('a page full of scripts and remote images', () => {
  it('runs nothing and fetches nothing, and keeps none of it as text', () => {
    const fetch = vi.spyOn(globalThis, 'fetch')
    const scripts = Array.from(
      { length: 200 },
      (_, i) =>
        `<script>globalThis.__ran${i} = true; fetch('https://x.example/${i}')</script><img src="https://x.example/${i}.png" onerror="globalThis.__ran = 1">`,
    ).join('')
    const reading = htmlReading(
      `<!doctype html><html><head><script src="https://x.example/a.js"></script></head><body>${scripts}<article><p>Ports should share one levy, the council said, because fees differ widely between terminals.</p></article><iframe src="https://x.example/frame"></iframe></body></html>`,
      'scripts.html',
    )
    expect(fetch).not.toHaveBeenCalled()
    expect(Object.keys(globalThis).filter((key) => key.startsWith('__ran'))).toEqual([])
    const text = reading.blocks.map((block) => ('text' in block ? block.text : '')).join(' ')
    expect(text).toContain('Ports should share one levy')
    expect(text).not.toMatch(/globalThis|fetch|x\.example/)
  })
})
