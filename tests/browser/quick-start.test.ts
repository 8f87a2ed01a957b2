// The README's main command as a user types it: the real binary, an output
// folder relative to where it runs, and a one-line error when a deck fails.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

const binary = resolve('bin/briefdeck.js')
const brief = resolve('briefs/pacific-alliances.brief.yaml')

describe('briefdeck build --pdf with a relative --out', () => {
  it('writes both decks’ PDFs, handouts and contact sheets and passes the check', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'briefdeck-quick-start-'))
    const result = spawnSync('node', [binary, 'build', brief, '--pdf', '--quiet', '--out', 'out'], {
      cwd,
      encoding: 'utf8',
    })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    expect(result.stdout).toContain('check passed')
    for (const audience of ['congressional-staff', 'allied-ministry']) {
      const deck = join(cwd, 'out', 'pacific-alliances', audience)
      for (const file of [
        `pacific-alliances-${audience}.pdf`,
        `pacific-alliances-${audience}-handout.pdf`,
        'contact-sheet.png',
      ]) {
        expect(existsSync(join(deck, file)), file).toBe(true)
      }
    }
  })
})
