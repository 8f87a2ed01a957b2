// The flags briefdeck starts Chromium with, read back from the running
// browser: Chromium keeps only the last --enable-features and
// --disable-features, so ours must carry every feature Playwright names.
import { readdirSync, readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser } from '../../src/export/index.js'

let browser: Browser
let commandLine: string[]

beforeAll(async () => {
  browser = await launchBrowser()
  commandLine = browserCommandLine()
})

afterAll(async () => {
  await browser?.close()
})

/** The arguments of the Chromium this process started (Playwright talks to it over a pipe). */
function browserCommandLine(): string[] {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    const args = readIfThere(`/proc/${entry}/cmdline`)?.split('\0') ?? []
    const parent = Number(readIfThere(`/proc/${entry}/stat`)?.split(') ')[1]?.split(' ')[1])
    if (parent === process.pid && args.includes('--remote-debugging-pipe')) return args
  }
  throw new Error('the browser process was not found')
}

function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}

/** Every feature named by each occurrence of a flag, in order. */
function featureLists(flag: string): string[][] {
  return commandLine.filter((arg) => arg.startsWith(`${flag}=`)).map((arg) => arg.slice(flag.length + 1).split(','))
}

describe.each(['--enable-features', '--disable-features'])('Chromium’s %s', (flag) => {
  it('is given last by briefdeck, with every feature Playwright names before it', () => {
    const lists = featureLists(flag)
    expect(lists.length).toBeGreaterThan(0)
    const last = lists.at(-1) ?? []
    for (const feature of lists.flat()) expect(last).toContain(feature)
  })
})

describe('a deck’s browser context', () => {
  it('has no hidden address-bar pages beside the deck', async () => {
    const context = await browser.newContext()
    try {
      await context.newPage()
      const session = await browser.newBrowserCDPSession()
      const { targetInfos } = (await session.send('Target.getTargets')) as {
        targetInfos: { type: string; url: string }[]
      }
      expect(targetInfos.filter((target) => target.type !== 'page')).toEqual([])
    } finally {
      await context.close()
    }
  })

  it('keeps the offline flags', () => {
    expect(commandLine).toEqual(
      expect.arrayContaining([
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ]),
    )
  })
})
