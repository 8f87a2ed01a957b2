// Finding and launching the one Chromium that serves every deck of a build.
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { Browser } from 'playwright-core'
import { EnvironmentProblem } from '../model/index.js'

export const chromiumEnvironmentVariable = 'BRIEFDECK_CHROMIUM'

// Required, not imported: as an ES import Node first scans Playwright's CommonJS files for their
// exports, a tenth of a second more before Chromium can start.
const { chromium } = createRequire(import.meta.url)('playwright-core') as typeof import('playwright-core')

/**
 * Debian's headless shell comes first: the build of Chromium that Playwright
 * itself runs for headless work, without the browser's window and profile
 * machinery. On a two-core machine it starts in half the time and opens and
 * prints a deck about a third sooner, with the same Blink and the same
 * version as the full browser. Its binary, not the `/usr/bin` script, which
 * would stay between Playwright and the browser as a process of its own.
 */
const systemChromiumPaths = [
  '/usr/lib/chromium/chromium-headless-shell',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
]

/** Where briefdeck looks for Chromium, in order: our variable, Playwright's own download, then the system's. */
export function chromiumCandidates(env: NodeJS.ProcessEnv, playwrightPath: string | undefined): string[] {
  const fromEnv = env[chromiumEnvironmentVariable]
  return [...(fromEnv ? [fromEnv] : []), ...(playwrightPath ? [playwrightPath] : []), ...systemChromiumPaths]
}

/** The path of the first Chromium that exists; an `EnvironmentProblem` with the ways to get one otherwise. */
export function findChromium(
  env: NodeJS.ProcessEnv = process.env,
  exists: (path: string) => boolean = existsSync,
): string {
  const fromEnv = env[chromiumEnvironmentVariable]
  // A variable that points nowhere is a mistake to report, not a reason to quietly use another browser.
  if (fromEnv && !exists(fromEnv)) {
    throw new EnvironmentProblem(`${chromiumEnvironmentVariable} is set to ${fromEnv}, which does not exist`)
  }
  const found = chromiumCandidates(env, playwrightChromiumPath()).find((path) => exists(path))
  if (found) return found
  throw new EnvironmentProblem(
    `no Chromium found; install one (apt-get install chromium, or npx playwright install chromium) or set ${chromiumEnvironmentVariable} to its path`,
  )
}

function playwrightChromiumPath(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    // Playwright throws when it has no browser registered for this platform.
    return undefined
  }
}

/**
 * Chromium features Playwright switches on and off with its own
 * `--enable-features` and `--disable-features`. Chromium keeps only the last
 * of each flag it is given, so ours must repeat them; a browser test
 * compares these lists with what Playwright passes.
 */
export const playwrightFeatures = {
  enabled: ['CDPScreenshotNewSurface'],
  disabled: [
    'AvoidUnnecessaryBeforeUnloadCheckSync',
    'DestroyProfileOnBrowserClose',
    'DialMediaRouteProvider',
    'GlobalMediaControls',
    'HttpsUpgrades',
    'LensOverlay',
    'MediaRouter',
    'PaintHolding',
    'ThirdPartyStoragePartitioning',
    'BlockOriginHeaderModificationOnRedirect',
    'Translate',
    'AutoDeElevate',
    'OptimizationHints',
    'msForceBrowserSignIn',
    'msEdgeUpdateLaunchServicesPreferredVersion',
  ],
} as const

/**
 * Our own features. Printing needs no network service apart from the browser
 * process. Headless Chromium gives every browser context a window with an
 * address bar nobody sees, whose two popup pages are rendered ahead in a
 * renderer of their own: about a second of CPU and 150 MB for every deck.
 */
const ownFeatures = {
  enabled: ['NetworkServiceInProcess2'],
  disabled: ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'],
} as const

/**
 * Flags that keep the browser from calling home while it prints offline
 * decks, and that save processes: every process the browser starts adds its
 * own copy of Chromium's resident pages. Printing needs no GPU process
 * (about 160 MB less with the network service above), and no site isolation
 * either, since every page is a local deck with the network blocked (one
 * renderer less, about 75 MB).
 */
export function chromiumArgs(isRoot: boolean): string[] {
  const args = [
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--in-process-gpu',
    '--disable-site-isolation-trials',
    `--enable-features=${[...playwrightFeatures.enabled, ...ownFeatures.enabled].join(',')}`,
    `--disable-features=${[...playwrightFeatures.disabled, ...ownFeatures.disabled].join(',')}`,
  ]
  // Chromium refuses to start its sandbox as root (containers, CI).
  return isRoot ? [...args, '--no-sandbox'] : args
}

export async function launchBrowser(executablePath: string = findChromium()): Promise<Browser> {
  const isRoot = process.getuid?.() === 0
  return chromium.launch({ executablePath, args: chromiumArgs(isRoot) })
}
