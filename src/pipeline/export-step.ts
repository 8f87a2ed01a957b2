// The export of the decks a build wrote, across briefs: each brief's print
// sites go to the one builder's queue as soon as the brief is written (the
// builder works while the next briefs are planned, whose decks then share a
// site; print-site.ts), and one Chromium prints them, a
// deck at a time, in brief order, while the builder goes on with the next
// ones' sites, so that memory stays that of the builder and one open deck
// however many briefs there are. Once the last site is built and the builder
// has gone, two decks print at a time, one on each core. One brief alone
// prints its decks together, as the export always has.
//
// Each deck is exported in its staged folder (see writeBrief in build.ts)
// and the folder is renamed into place once its PDFs and record are in:
// a build killed at any point leaves the previous deck with its exports, or
// the new one with its own. A deck whose export fails is put in place
// without any exports, so that its slides can be looked at.
import { rm } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import pLimit from 'p-limit'
import type { InspectedDeck } from '../check/index.js'
import type { EarlierExport } from '../export/export-decks.js'
import { deckOutputs } from '../export/outputs.js'
import { ensurePrintSites, releaseSites, type PrintSite, type PrintSiteQueue } from '../export/print-site.js'
import { createProgress } from '../export/progress.js'
import { settleAll } from '../export/settle.js'
import {
  BriefdeckProblem,
  type BuiltDeck,
  type DeckBuildRecord,
  type DeckCheck,
  type ExportedDeck,
  type HandoutLayout,
  type PaperSize,
} from '../model/index.js'
import type { StagedDeck } from '../render/index.js'
import type { Printer } from './printer.js'
import { exportRecord, recordedExport, writeRecord } from './record.js'

/** What the export does to each deck; a deck whose last export had other settings is exported again. */
export interface ExportSettings {
  readonly handoutLayout: HandoutLayout
  readonly paper: PaperSize
  readonly pngScale: number
  readonly pptx: boolean
  /** Run the render check on each exported deck. */
  readonly check: boolean
}

/** A deck written into a staged folder, to be exported there and then put in place. */
export interface StagedExport {
  /** The deck where it belongs, once published. */
  readonly deck: BuiltDeck
  /** The record the staged folder has now: what the deck is made of, no export. */
  readonly record: DeckBuildRecord
  readonly staged: StagedDeck
  /** The record of the deck in place before this build, whose export may lend the new one its unchanged slides' PNGs. */
  readonly previous?: DeckBuildRecord
}

export interface ExportGroup {
  /** One brief's decks. */
  readonly decks: readonly StagedExport[]
  /** Each deck's print site, on its way from the builder. */
  readonly sites: readonly Promise<PrintSite>[]
}

/**
 * Clears the brief's staged folders of what they carried over from the
 * previous decks' exports (of other slides: it never goes in place with the
 * new ones) and sends the decks to the builder's queue. Should that fail,
 * the decks go in place without exports.
 */
export async function startExport(decks: readonly StagedExport[], queue: PrintSiteQueue): Promise<ExportGroup> {
  try {
    await Promise.all(decks.map(removeExports))
    return { decks, sites: await ensurePrintSites(decks.map(stagedDeck), queue) }
  } catch (error) {
    for (const entry of decks) {
      await removeExports(entry)
      await entry.staged.publish()
    }
    throw error
  }
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

/** Decks open at once while the builder still holds its memory, and once it has gone. */
const decksAtOnce = { whileBuilding: 1, afterBuilding: 2 } as const

/** Exports every group's decks with the caller's printer, which stays open. */
export async function exportBriefs(
  groups: readonly ExportGroup[],
  settings: ExportSettings,
  settingsKey: string,
  options: { readonly quiet: boolean; readonly printer: Printer },
): Promise<GroupOutcome[]> {
  const entries = groups.flatMap((group) => group.decks)
  const allSites = groups.flatMap((group) => group.sites)
  const published = new Set<StagedExport>()
  const publish = async (entry: StagedExport) => {
    await entry.staged.publish()
    published.add(entry)
  }
  /** Puts decks whose export failed in place without exports, once no site build writes into their folders. */
  const publishUnexported = async (failed: readonly StagedExport[], sites: readonly Promise<PrintSite>[]) => {
    await Promise.allSettled(sites)
    for (const entry of failed.filter((each) => !published.has(each))) {
      await removeExports(entry)
      await publish(entry)
    }
  }
  try {
    const entryIn = new Map(entries.map((entry) => [entry.staged.dir, entry]))
    // One progress display per terminal: bars of several briefs at once would overwrite each other.
    const quiet = options.quiet || groups.length > 1
    const exportUnit = (unit: readonly BuiltDeck[], sites: readonly Promise<PrintSite>[]) => {
      const placed = unit.map((deck) => entryIn.get(deck.dir)!)
      const request = {
        decks: unit,
        settings,
        earlier: placed.map((entry) => earlierExport(entry, settingsKey)),
        placedDirs: placed.map((entry) => entry.deck.dir),
      }
      return options.printer.print(request, sites, createProgress({ quiet }))
    }
    // Each open deck is a Chromium renderer, most of the memory; decks wait their turn in brief order.
    const lanes = pLimit(decksAtOnce.whileBuilding)
    void Promise.allSettled(allSites).then(() => (lanes.concurrency = decksAtOnce.afterBuilding))
    const exportGroup = async (group: ExportGroup): Promise<GroupOutcome> => {
      const groupDecks = group.decks.map(stagedDeck)
      // With several briefs, a deck at a time; one brief alone, all its decks together.
      const units =
        groups.length > 1 ? groupDecks.map((_, position) => [position]) : [groupDecks.map((_, position) => position)]
      const done = await settleAll(
        units.map((unit) =>
          lanes(() =>
            exportUnit(
              unit.map((position) => groupDecks[position]!),
              unit.map((position) => group.sites[position]!),
            ),
          ),
        ),
      )
      const exported = done.flatMap((each) => each.exported)
      const checks = done.flatMap((each) => each.checks)
      const browsers = done.flatMap((each) => each.exported.map(() => each.browser))
      const decks = await Promise.all(
        group.decks.map(async (entry, position) => {
          const keys = { settings: settingsKey, browser: browsers[position]! }
          const kept = await recordExport(entry, exported[position]!, checks[position], keys)
          await publish(entry)
          return { deck: entry.deck, kept }
        }),
      )
      return { decks }
    }
    return await Promise.all(
      groups.map((group) =>
        exportGroup(group).catch(async (error: unknown) => {
          await publishUnexported(group.decks, group.sites)
          return { error: placedInDeck(error, group.decks) }
        }),
      ),
    )
  } catch (error) {
    await publishUnexported(entries, allSites)
    throw error
  } finally {
    // Shared sites of decks that never printed (their brief failed first) go too.
    await releaseSites(allSites)
  }
}

/** A problem found in a staged folder, named where the deck is now: the staged folder is gone once the deck is in place. */
function placedInDeck(error: unknown, decks: readonly StagedExport[]): unknown {
  if (!(error instanceof BriefdeckProblem)) return error
  const file = error.place.file
  const entry = decks.find(({ staged }) => file.startsWith(staged.dir + sep))
  if (!entry) return error
  const place = { ...error.place, file: join(entry.deck.dir, relative(entry.staged.dir, file)) }
  return new BriefdeckProblem(error.message, place, error.ruleId, {
    fatal: error.fatal,
    source: error.source,
    also: error.also,
    cause: error,
  })
}

/** The deck as the export sees it: in its staged folder. */
function stagedDeck({ deck, staged }: StagedExport): BuiltDeck {
  return { ...deck, dir: staged.dir, slidesPath: join(staged.dir, relative(deck.dir, deck.slidesPath)) }
}

/**
 * The PNGs of the deck's last export, in its folder as it is until the new
 * one takes its place, and what its check found of contrast, for each slide
 * whose key is the same as then.
 */
function earlierExport({ deck, record, previous }: StagedExport, settingsKey: string): EarlierExport | undefined {
  const last = previous?.export
  const keys = previous?.slides
  if (!last?.browser || !keys || last.content !== previous.content || last.settings !== settingsKey) return undefined
  if (last.slideImages.length !== keys.length) return undefined
  const same = (record.slides ?? []).map((key, index) => keys[index] === key)
  const files = same.map((kept, index) => (kept ? join(deck.dir, last.slideImages[index]!) : undefined))
  const contrast = last.contrast?.slides.length === keys.length ? last.contrast : undefined
  return {
    browser: last.browser,
    files,
    ...(contrast && {
      contrast: {
        method: contrast.method,
        slides: same.map((kept, index) => (kept ? contrast.slides[index] : undefined)),
      },
    }),
  }
}

/** Writes what the export made into the staged folder's record, and says what the deck holds once in place. */
async function recordExport(
  { deck, record, staged }: StagedExport,
  exported: ExportedDeck,
  checked: InspectedDeck | undefined,
  keys: { readonly settings: string; readonly browser: string },
): Promise<{ readonly exported: ExportedDeck; readonly check?: DeckCheck }> {
  const placed = checked && { ...checked, check: { ...checked.check, slidesPath: deck.slidesPath } }
  const recorded = exportRecord(staged.dir, exported, { content: record.content, ...keys }, placed)
  await writeRecord(staged.dir, { ...record, export: recorded })
  return { exported: recordedExport(deck.dir, deck.audience, recorded), ...(placed ? { check: placed.check } : {}) }
}

/** Deletes every file an export writes into the deck's staged folder (the print site is a cache, and stays). */
async function removeExports(entry: StagedExport): Promise<void> {
  const outputs = deckOutputs(stagedDeck(entry))
  const written = [outputs.pdf, outputs.handout, outputs.pptx, outputs.slideImagesDir, outputs.contactSheet]
  await Promise.all(written.map((path) => rm(path, { recursive: true, force: true })))
}
