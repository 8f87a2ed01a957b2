import { describe, expect, it } from 'vitest'
import { EnvironmentProblem } from '../../src/model/index.js'
import { chromiumArgs, chromiumCandidates, findChromium } from '../../src/export/index.js'

describe('finding Chromium', () => {
  it('looks at BRIEFDECK_CHROMIUM first, then Playwright’s own, then the system’s', () => {
    expect(chromiumCandidates({ BRIEFDECK_CHROMIUM: '/opt/c/chrome' }, '/pw/chrome')).toEqual([
      '/opt/c/chrome',
      '/pw/chrome',
      '/usr/lib/chromium/chromium-headless-shell',
      '/usr/bin/chromium',
      '/usr/bin/chromium-browser',
      '/usr/bin/google-chrome',
      '/usr/bin/google-chrome-stable',
    ])
    expect(chromiumCandidates({}, undefined)[0]).toBe('/usr/lib/chromium/chromium-headless-shell')
  })

  it('takes the first one that exists', () => {
    expect(findChromium({}, (path) => path === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome')
    expect(findChromium({ BRIEFDECK_CHROMIUM: '/opt/c/chrome' }, () => true)).toBe('/opt/c/chrome')
  })

  it('says how to get one when there is none', () => {
    expect(() => findChromium({}, () => false)).toThrow(EnvironmentProblem)
    expect(() => findChromium({}, () => false)).toThrow(/apt-get install chromium.*BRIEFDECK_CHROMIUM/)
  })

  it('does not quietly use another browser when BRIEFDECK_CHROMIUM points nowhere', () => {
    expect(() => findChromium({ BRIEFDECK_CHROMIUM: '/nowhere' }, (path) => path !== '/nowhere')).toThrow(
      /BRIEFDECK_CHROMIUM is set to \/nowhere/,
    )
  })

  it('keeps the browser offline, and adds --no-sandbox only as root', () => {
    expect(chromiumArgs(false)).toEqual(
      expect.arrayContaining([
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ]),
    )
    expect(chromiumArgs(false)).not.toContain('--no-sandbox')
    expect(chromiumArgs(true)).toContain('--no-sandbox')
  })
})
