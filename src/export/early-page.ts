// A deck's print page opened while the build still plans and renders it: on
// the print site its folder has, with the texts it last printed. A deck whose
// words alone changed comes out with the same print slides, so the same
// site: the page then shows the new texts in place (print-page.ts) instead
// of loading again, half a second of a one-word rebuild. Any other deck
// closes the page and opens its own as before.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { slideSize } from './deck-info.js'
import { printSiteFolder } from './outputs.js'
import { openPrintPage, type PrintPage } from './print-page.js'
import { ownSite, siteStamp, type PrintSite } from './print-site.js'
import { printSource } from './print-source.js'

export interface EarlyPage {
  /** The deck folder whose site the page shows. */
  readonly deckDir: string
  /** The page, showing `texts`, when `site` is the very site it was opened on; else it is closed, and nothing. */
  take(site: PrintSite, texts: readonly string[] | undefined): Promise<PrintPage | undefined>
  /** Closes the page, unless taken. */
  discard(): Promise<void>
}

interface Opened {
  readonly page: PrintPage
  /** The fingerprint of the site it was opened on. */
  readonly stamp: string
}

/** Opens the page of the deck in `deckDir`, when the folder has a site of its own built from print slides; `initScripts` as the print will want them (print-page.ts). */
export function openEarlyPage(
  browser: Promise<Browser>,
  deckDir: string,
  initScripts: readonly string[] = [],
): EarlyPage {
  let taken = false
  const opened = openOn(browser, deckDir, initScripts).catch(() => undefined)
  return {
    deckDir,
    async take(site, texts) {
      const early = await opened
      if (!early || taken) return undefined
      taken = true
      if (texts && site.range === undefined && (await siteStamp(site.dir)) === early.stamp) {
        await early.page.showTexts(texts)
        return early.page
      }
      await early.page.close()
      return undefined
    },
    async discard() {
      const early = await opened
      if (early && !taken) await early.page.close()
      taken = true
    },
  }
}

async function openOn(
  browser: Promise<Browser>,
  deckDir: string,
  initScripts: readonly string[],
): Promise<Opened | undefined> {
  const slidesPath = join(deckDir, 'slides.md')
  const siteDir = join(deckDir, printSiteFolder)
  // The browser awaited with the rest at once: a launch that fails is this page's failure, never an unhandled one.
  const [{ entry, texts }, stamp, launched] = await Promise.all([printSource(slidesPath), siteStamp(siteDir), browser])
  if (!texts || stamp === undefined) return undefined
  const size = slideSize(await readFile(entry, 'utf8'), entry)
  const page = await openPrintPage(launched, ownSite(siteDir), size, { texts, initScripts })
  return { page, stamp }
}
