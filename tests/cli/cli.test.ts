import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

// Runs the real binary; `npm test` builds dist/ through `prepare`/`npm ci`.
const run = (...args: string[]) => spawnSync('node', ['bin/briefdeck.js', ...args], { encoding: 'utf8' })

describe('briefdeck command', () => {
  it('lists every subcommand in --help', () => {
    const help = execFileSync('node', ['bin/briefdeck.js', '--help'], { encoding: 'utf8' })
    for (const command of [
      'extract',
      'build',
      'export',
      'check',
      'present',
      'comment',
      'resolve',
      'approve',
      'review',
      'diff',
      'serve',
      'ci',
    ]) {
      expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'))
    }
  })

  it('marks required options and words --no-* options so their defaults read right', () => {
    const help = (command: string) =>
      execFileSync('node', ['bin/briefdeck.js', command, '--help'], { encoding: 'utf8' })
    expect(help('present')).toMatch(/^\s+--audience <id>\s+.*\(required\)/im)
    expect(help('approve')).toMatch(/^\s+--as <name>\s+.*\(required\)/im)
    for (const [command, option] of [
      ['present', '--no-open'],
      ['build', '--no-check'],
      ['export', '--no-check'],
    ] as const) {
      const line = help(command)
        .split('\n')
        .find((each) => each.trim().startsWith(option))
      expect(line, `${command} ${option}`).toBeDefined()
      expect(line).not.toContain('(default: true)')
    }
  })

  it('rejects an unknown command with a one-line error and exit code 2', () => {
    const result = run('frobnicate')
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
    expect(result.stderr.trim()).toBe('briefdeck: frobnicate: unknown command (see briefdeck --help)')
  })

  it('rejects a wrong export option before building anything', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'briefdeck-cli-')), 'out')
    const result = run('build', 'briefs/pacific-alliances.brief.yaml', '--pdf', '--png-scale', '3', '--out', out)
    expect(result.status).toBe(2)
    expect(result.stderr.trim()).toBe("briefdeck: --png-scale: '3' is not one of 1, 2 (see briefdeck --help)")
    expect(existsSync(out)).toBe(false)
  })

  it('rejects an export option that a build without --pdf would ignore, before building anything', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'briefdeck-cli-')), 'out')
    for (const option of [
      ['--png-scale', '2'],
      ['--paper', 'Letter'],
      ['--handout-layout', '2up'],
      ['--pptx'],
      ['--no-check'],
    ]) {
      const result = run('build', 'briefs/pacific-alliances.brief.yaml', ...option, '--out', out)
      expect(result.status, option.join(' ')).toBe(2)
      expect(result.stderr.trim()).toBe(
        `briefdeck: ${option[0]}: applies to exports only: add --pdf (or run briefdeck export) (see briefdeck --help)`,
      )
    }
    expect(existsSync(out)).toBe(false)
  })
})
