// The export of the decks a build wrote, across briefs: every print site
// goes to the one builder at once, one Chromium prints them, and briefs are
// printed one at a time while the builder goes on with the next ones' sites,
// so that memory stays that of the builder and one brief's pages however
// many briefs there are (two briefs' pages at once took six briefs past 2 GiB).
import { ensurePrintSites, type PrintSiteBuilder } from '../export/print-site.js'
import type { BuiltDeck, DeckBuildRecord, DeckCheck, ExportedDeck } from '../model/index.js'
import type { ExportSettings } from './build.js'
import { exportRecord, writeRecord } from './record.js'

export interface ExportGroup {
  /** One brief's decks, each with the record its folder has now. */
  readonly decks: readonly { readonly deck: BuiltDeck; readonly record: DeckBuildRecord }[]
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
  const decks = groups.flatMap((group) => group.decks.map((each) => each.deck))
  const allSites = await ensurePrintSites(decks, options.builder)
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
    const exportGroup = async (group: ExportGroup, index: number): Promise<GroupOutcome> => {
      const groupDecks = group.decks.map((each) => each.deck)
      const sites = siteRanges[index]!
      const { exported, checks } = settings.check
        ? await exportAndCheckDecks(groupDecks, { ...exportOptions, sites }).then(({ exported, report }) => ({
            exported,
            checks: report.decks,
          }))
        : { exported: await exportDecks(groupDecks, { ...exportOptions, sites }), checks: [] as DeckCheck[] }
      const done = group.decks.map(({ deck, record }, position) => {
        const check = checks[position]
        return { deck, record, kept: { exported: exported[position]!, ...(check ? { check } : {}) } }
      })
      await Promise.all(
        done.map(({ deck, record, kept }) =>
          writeRecord(deck.dir, {
            ...record,
            export: exportRecord(
              deck.dir,
              kept.exported,
              { content: record.content, settings: settingsKey },
              kept.check,
            ),
          }),
        ),
      )
      return { decks: done.map(({ deck, kept }) => ({ deck, kept })) }
    }
    return await inTurns(groups, briefsAtOnce, (group, index) =>
      exportGroup(group, index).catch((error: unknown) => ({ error })),
    )
  } finally {
    await browser.close()
  }
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
