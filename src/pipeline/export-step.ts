// The export of the decks a build wrote, across briefs: every print site
// goes to the one builder at once, one Chromium prints them, and briefs are
// printed one at a time, a deck at a time, while the builder goes on with
// the next ones' sites, so that memory stays that of the builder and one open
// deck however many briefs there are. One brief alone prints its decks
// together, as the export always has.
//
// Each deck is exported in its staged folder (see writeBrief in build.ts)
// and the folder is renamed into place once its PDFs and record are in:
// a build killed at any point leaves the previous deck with its exports, or
// the new one with its own. A deck whose export fails is put in place
// without any exports, so that its slides can be looked at.
import { rm } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { deckOutputs } from '../export/outputs.js'
import { ensurePrintSites, type PrintSiteBuilder } from '../export/print-site.js'
import type { BuiltDeck, DeckBuildRecord, DeckCheck, ExportedDeck } from '../model/index.js'
import type { StagedDeck } from '../render/index.js'
import type { ExportSettings } from './build.js'
import { exportRecord, recordedExport, writeRecord } from './record.js'

/** A deck written into a staged folder, to be exported there and then put in place. */
export interface StagedExport {
  /** The deck where it belongs, once published. */
  readonly deck: BuiltDeck
  /** The record the staged folder has now: what the deck is made of, no export. */
  readonly record: DeckBuildRecord
  readonly staged: StagedDeck
}

export interface ExportGroup {
  /** One brief's decks. */
  readonly decks: readonly StagedExport[]
}

export type GroupOutcome =
  | {
      readonly error?: undefined
      readonly decks: {
        readonly deck: BuiltDeck
        readonly kept: { readonly exported: ExportedDeck; readonly check?: DeckCheck }
      }[]
    }
  | { readonly error: unknown; readonly decks?: undefined }

const briefsAtOnce = 1

export async function exportBriefs(
  groups: readonly ExportGroup[],
  settings: ExportSettings,
  settingsKey: string,
  options: { readonly quiet: boolean; readonly builder?: PrintSiteBuilder },
): Promise<GroupOutcome[]> {
  const entries = groups.flatMap((group) => group.decks)
  // What a staged folder carried over from the previous deck's exports is of other slides: it never goes in place with the new ones.
  await Promise.all(entries.map(removeExports))
  const published = new Set<StagedExport>()
  const publish = async (entry: StagedExport) => {
    await entry.staged.publish()
    published.add(entry)
  }
  /** Puts decks whose export failed in place without exports, once no site build writes into their folders. */
  const publishUnexported = async (failed: readonly StagedExport[], sites: readonly Promise<string>[]) => {
    await Promise.allSettled(sites)
    for (const entry of failed.filter((each) => !published.has(each))) {
      await removeExports(entry)
      await publish(entry)
    }
  }
  let allSites: readonly Promise<string>[] = []
  try {
    allSites = await ensurePrintSites(entries.map(stagedDeck), options.builder)
    // Playwright and the check load while the sites build.
    const [{ exportDecks, findChromium, launchBrowser }, { exportAndCheckDecks }] = await Promise.all([
      import('../export/index.js'),
      import('../check/index.js'),
    ])
    const browser = await launchBrowser(findChromium())
    try {
      let next = 0
      const siteRanges = groups.map((group) => {
        const sites = allSites.slice(next, next + group.decks.length)
        next += group.decks.length
        return sites
      })
      const exportOptions = {
        ...settings,
        browser,
        // One progress display per terminal: bars of several briefs at once would overwrite each other.
        quiet: options.quiet || groups.length > 1,
      }
      const exportUnit = async (unit: readonly BuiltDeck[], sites: readonly Promise<string>[]) =>
        settings.check
          ? await exportAndCheckDecks(unit, { ...exportOptions, sites }).then(({ exported, report }) => ({
              exported,
              checks: report.decks,
            }))
          : { exported: await exportDecks(unit, { ...exportOptions, sites }), checks: [] as DeckCheck[] }
      const exportGroup = async (group: ExportGroup, index: number): Promise<GroupOutcome> => {
        const groupDecks = group.decks.map(stagedDeck)
        const sites = siteRanges[index]!
        // With several briefs, one deck at a time: each open deck is a Chromium renderer, most of the memory.
        const units =
          groups.length > 1 ? groupDecks.map((_, position) => [position]) : [groupDecks.map((_, position) => position)]
        const exported: ExportedDeck[] = []
        const checks: DeckCheck[] = []
        for (const unit of units) {
          const done = await exportUnit(
            unit.map((position) => groupDecks[position]!),
            unit.map((position) => sites[position]!),
          )
          exported.push(...done.exported)
          checks.push(...done.checks)
        }
        const decks = await Promise.all(
          group.decks.map(async (entry, position) => {
            const kept = await recordExport(entry, exported[position]!, checks[position], settingsKey)
            await publish(entry)
            return { deck: entry.deck, kept }
          }),
        )
        return { decks }
      }
      return await inTurns(groups, briefsAtOnce, (group, index) =>
        exportGroup(group, index).catch(async (error: unknown) => {
          await publishUnexported(group.decks, siteRanges[index]!)
          return { error }
        }),
      )
    } finally {
      await browser.close()
    }
  } catch (error) {
    await publishUnexported(entries, allSites)
    throw error
  }
}

/** The deck as the export sees it: in its staged folder. */
function stagedDeck({ deck, staged }: StagedExport): BuiltDeck {
  return { ...deck, dir: staged.dir, slidesPath: join(staged.dir, relative(deck.dir, deck.slidesPath)) }
}

/** Writes what the export made into the staged folder's record, and says what the deck holds once in place. */
async function recordExport(
  { deck, record, staged }: StagedExport,
  exported: ExportedDeck,
  check: DeckCheck | undefined,
  settingsKey: string,
): Promise<{ readonly exported: ExportedDeck; readonly check?: DeckCheck }> {
  const placedCheck = check ? { ...check, slidesPath: deck.slidesPath } : undefined
  const recorded = exportRecord(staged.dir, exported, { content: record.content, settings: settingsKey }, placedCheck)
  await writeRecord(staged.dir, { ...record, export: recorded })
  return { exported: recordedExport(deck.dir, deck.audience, recorded), ...(placedCheck ? { check: placedCheck } : {}) }
}

/** Deletes every file an export writes into the deck's staged folder (the print site is a cache, and stays). */
async function removeExports(entry: StagedExport): Promise<void> {
  const outputs = deckOutputs(stagedDeck(entry))
  const written = [outputs.pdf, outputs.handout, outputs.pptx, outputs.slideImagesDir, outputs.contactSheet]
  await Promise.all(written.map((path) => rm(path, { recursive: true, force: true })))
}

/** Runs `work` on every item, at most `width` at a time, keeping the items' order in the results. */
async function inTurns<T, R>(
  items: readonly T[],
  width: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const lane = async () => {
    while (next < items.length) {
      const index = next++
      results[index] = await work(items[index]!, index)
    }
  }
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, lane))
  return results
}
