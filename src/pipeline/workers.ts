// The processes an export works with: the print-site builder (Slidev and
// Vite, loaded once) and Chromium. A build starts its own and ends them when
// it is done; `build --watch` keeps one set for every rebuild, so that an
// edit finds Slidev loaded, Vite's and briefdeck's code compiled and the
// browser open, which is most of what a fresh build of one deck waits for.
import { startRecyclingBuilder, type PrintSiteBuilder } from '../export/site-builder.js'
import { startPrinter, type Printer } from './printer.js'

export interface BuildWorkers {
  /** Builds print sites in a builder started at the first site (or at once, see `startBuildWorkers`), and anew for a build after one that ended (a crash, a kill). */
  readonly builder: PrintSiteBuilder
  /** Chromium and the decks' pages (printer.ts): it starts loading now, launches the browser when asked and again should it have gone, and is started anew should it have stopped. */
  readonly printer: Printer
  /** Ends both; a build still using them fails. */
  close(): Promise<void>
}

/**
 * Slides one print-site builder builds before a fresh one takes over: a
 * builder grows with every slide (to about 0.9 GiB after 300), and a fresh
 * one costs a second or two of loading Slidev and warming up.
 */
const slidesPerBuilder = 300

/**
 * `loadBuilder`: start the builder now, so that Slidev loads while the
 * briefs are read and planned; without it, the builder starts at the first
 * site to build, for a build that most likely builds none (a deck whose
 * words alone changed prints from the site it has: model `printCatalogue`).
 * `printer`: one started earlier, to print with; its starter ends it.
 */
export function startBuildWorkers(
  options: { readonly loadBuilder?: boolean; readonly printer?: Printer } = {},
): BuildWorkers {
  let builder = options.loadBuilder === false ? undefined : startRecyclingBuilder(slidesPerBuilder)
  const runningBuilder = () => (builder ??= startRecyclingBuilder(slidesPerBuilder))
  let printer = options.printer ?? startPrinter()
  return {
    // A builder that died fails the decks of its build; the next build gets a new one.
    get builder(): PrintSiteBuilder {
      if (builder?.ended) builder = undefined
      return {
        build: (job) => runningBuilder().build(job),
        get ended() {
          return builder?.ended ?? false
        },
        close: () => builder?.close(),
      }
    },
    // A printer thread that stopped fails the decks of its build; the next build gets a new one.
    get printer(): Printer {
      if (printer.ended && !options.printer) printer = startPrinter()
      return printer
    },
    async close() {
      builder?.close()
      if (!options.printer) await printer.close()
    },
  }
}
