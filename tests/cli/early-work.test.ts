// The guess bin/briefdeck.js makes before the CLI parses anything: start the
// printer's thread for commands that print, and for no other.
import { describe, expect, it } from 'vitest'
import { printsPdfs } from '../../src/cli/early-work.js'

describe('printsPdfs', () => {
  it('is true for export and for build with --pdf, wherever --pdf stands', () => {
    expect(printsPdfs(['export', 'briefs/a.brief.yaml'])).toBe(true)
    expect(printsPdfs(['build', 'briefs/a.brief.yaml', '--pdf'])).toBe(true)
    expect(printsPdfs(['build', '--pdf', 'briefs'])).toBe(true)
  })

  it('is false for a build without --pdf, for other commands and for no command', () => {
    expect(printsPdfs(['build', 'briefs/a.brief.yaml'])).toBe(false)
    expect(printsPdfs(['present', 'briefs/a.brief.yaml', '--pdf'])).toBe(false)
    expect(printsPdfs(['review', 'export'])).toBe(false)
    expect(printsPdfs([])).toBe(false)
  })
})
