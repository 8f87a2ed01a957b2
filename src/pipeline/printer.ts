// The printing of a build's decks: one Chromium, each deck's page, and from
// it the deck's PDFs, pictures and render check. The build runs it in a
// worker thread of its own (printer-thread.ts): Playwright takes almost half
// a second to load, and there it loads while this thread reads the briefs,
// then Chromium starts and the first deck's page loads while the decks are
// planned, its files answered at once instead of after the planning.
import { constants } from 'node:os'
import type { Browser } from 'playwright-core'
import type { InspectedDeck } from '../check/index.js'
import type { EarlyPage } from '../export/early-page.js'
import type { EarlierExport } from '../export/index.js'
import type { PrintSite } from '../export/print-site.js'
import type { Progress } from '../export/progress.js'
import type { BuiltDeck, ExportedDeck } from '../model/index.js'
import { stopSignals } from '../shared/index.js'
import type { ExportSettings } from './export-step.js'
import { takePrinterThread } from './printer-worker.js'
import { decodeError, encodeError, type EncodedError } from './thread-errors.js'

/** Decks to export together, as `exportDecks` takes them; everything in it is data, so that it can go to another thread. */
export interface PrintRequest {
  /** In their staged folders. */
  readonly decks: readonly BuiltDeck[]
  readonly settings: ExportSettings
  /** One per deck: what its last export lends it. */
  readonly earlier: readonly (EarlierExport | undefined)[]
  /** One per deck: the folder it goes to once published, which the early page is of. */
  readonly placedDirs: readonly string[]
}

export interface PrintResult {
  readonly exported: ExportedDeck[]
  /** One per deck with the check on, else none. */
  readonly checks: InspectedDeck[]
  /** The version of the Chromium that printed them. */
  readonly browser: string
}

/** The printing, in this thread or in a worker. */
export interface Printer {
  /** Starts Chromium now, for decks to come; a browser that has gone is started again. */
  launch(): void
  /** Opens the page of the deck in `deckDir` on its last site (early-page.ts), for the next `print` of that deck, ready for the check when `check`. */
  openEarly(deckDir: string, check: boolean): void
  /** Exports the decks, each once its site is there; the sites are released as their pages close. */
  print(request: PrintRequest, sites: readonly Promise<PrintSite>[], progress: Progress): Promise<PrintResult>
  /** Closes the early page, unless a print took it. */
  discardEarly(): Promise<void>
  /** Closes Chromium; a print still running fails. */
  close(): Promise<void>
  /** True once it can print no more (its thread stopped, or it was closed). */
  readonly ended: boolean
}

/** The printer in a worker thread when briefdeck runs from dist/; from its TypeScript sources (under test), in this thread. */
export function startPrinter(): Printer {
  return import.meta.url.endsWith('.js') ? threadPrinter() : localPrinter()
}

/** The printer's work itself, in whichever thread calls it. Playwright loads at the first launch, the export and the check at the first print. */
export function localPrinter(): Printer {
  let launched: Promise<Browser> | undefined
  let early: Promise<EarlyPage> | undefined
  let closed = false
  /** The browser launched last, if its launch worked: a failed one is launched again at the next use. */
  const launchedBrowser = () => launched?.catch(() => undefined)
  const browser = () => {
    // Set at once, so that callers at the same moment share one launch.
    const previous = launchedBrowser() ?? Promise.resolve(undefined)
    launched = previous.then(async (current) => {
      if (current?.isConnected()) return current
      const { findChromium, launchBrowser } = await import('../export/browser.js')
      return launchBrowser(findChromium())
    })
    return launched
  }
  const discardEarly = async () => {
    const page = early
    early = undefined
    await (await page)?.discard()
  }
  return {
    launch() {
      void browser().catch(() => undefined)
    },
    openEarly(deckDir, check) {
      void discardEarly()
      early = Promise.all([import('../export/early-page.js'), check ? import('../check/index.js') : undefined]).then(
        ([{ openEarlyPage }, checking]) => openEarlyPage(browser(), deckDir, checking?.measureScripts),
      )
    },
    async print(request, sites, progress) {
      const [{ exportDecks }, { exportAndCheckDecks }] = await Promise.all([
        import('../export/index.js'),
        import('../check/index.js'),
      ])
      const [launchedNow, earlyPage] = await Promise.all([browser(), early])
      const position = new Map(request.decks.map((deck, index) => [deck, index]))
      const options = {
        ...request.settings,
        browser: launchedNow,
        sites,
        progress,
        earlier: (deck: BuiltDeck) => request.earlier[position.get(deck) ?? -1],
        earlyPage: (deck: BuiltDeck) =>
          request.placedDirs[position.get(deck) ?? -1] === earlyPage?.deckDir ? earlyPage : undefined,
      }
      const printed = request.settings.check
        ? await exportAndCheckDecks(request.decks, options).then(({ exported, inspected }) => ({
            exported,
            checks: inspected,
          }))
        : { exported: await exportDecks(request.decks, options), checks: [] }
      return { ...printed, browser: launchedNow.version() }
    },
    discardEarly,
    async close() {
      closed = true
      await discardEarly()
      await (await launchedBrowser())?.close()
    },
    get ended() {
      return closed
    },
  }
}

/** What the main thread asks of the printer thread. */
export type ToPrinter =
  | { readonly kind: 'launch' }
  | { readonly kind: 'early'; readonly deckDir: string; readonly check: boolean }
  | { readonly kind: 'print'; readonly call: number; readonly request: PrintRequest }
  | {
      readonly kind: 'site'
      readonly call: number
      readonly index: number
      readonly site?: { readonly dir: string; readonly range?: string }
      readonly error?: EncodedError
    }
  | { readonly kind: 'discard-early' | 'close'; readonly call: number }

/** What the printer thread answers. */
export type FromPrinter =
  | { readonly kind: 'reply'; readonly call: number; readonly value?: PrintResult; readonly error?: EncodedError }
  | { readonly kind: 'release'; readonly call: number; readonly index: number }
  | { readonly kind: 'progress'; readonly call: number; readonly method: keyof Progress; readonly args: unknown[] }

interface Pending {
  readonly resolve: (value: PrintResult | undefined) => void
  readonly reject: (error: unknown) => void
  readonly sites?: readonly Promise<PrintSite>[]
  readonly progress?: Progress
}

/**
 * The printer in a worker thread. It loads Playwright at once; Chromium
 * starts only when asked, so that a build that prints nothing ends the
 * thread before any browser is there to close.
 */
function threadPrinter(): Printer {
  const worker = takePrinterThread()
  let asked = false
  let ended: Error | undefined
  let closing: Promise<void> | undefined
  let lastCall = 0
  const pending = new Map<number, Pending>()
  const failAll = (error: Error) => {
    ended = error
    for (const each of pending.values()) each.reject(error)
    pending.clear()
  }
  worker.on('error', failAll)
  worker.on('exit', (code) => failAll(new Error(`the printer thread stopped (exit code ${code})`)))
  worker.on('message', (message: FromPrinter) => {
    const call = pending.get(message.call)
    if (!call) return
    if (message.kind === 'release') void call.sites?.[message.index]?.then((site) => site.release())
    else if (message.kind === 'progress')
      (call.progress?.[message.method] as (...args: unknown[]) => void)(...message.args)
    else {
      pending.delete(message.call)
      if (message.error) call.reject(decodeError(message.error))
      else call.resolve(message.value)
    }
  })
  const send = (message: ToPrinter) => {
    if (!asked) stopSignals.forEach((signal) => process.on(signal, closeOnSignal))
    asked = true
    worker.postMessage(message)
  }
  /** Sends the message made for a new call number; the answer settles with the thread's reply. */
  const ask = (message: (call: number) => ToPrinter, extra: Omit<Pending, 'resolve' | 'reject'> = {}) => {
    const number = ++lastCall
    const answer = new Promise<PrintResult | undefined>((resolve, reject) => {
      if (ended) return reject(ended)
      pending.set(number, { resolve, reject, ...extra })
      send(message(number))
    })
    return { number, answer }
  }
  const call = (kind: 'discard-early' | 'close') => ask((number) => ({ kind, call: number })).answer
  return {
    launch: () => send({ kind: 'launch' }),
    openEarly: (deckDir, check) => send({ kind: 'early', deckDir, check }),
    async print(request, sites, progress) {
      const { number, answer } = ask((call) => ({ kind: 'print', call, request }), { sites, progress })
      sites.forEach((site, index) =>
        site.then(
          ({ dir, range }) =>
            send({ kind: 'site', call: number, index, site: { dir, ...(range === undefined ? {} : { range }) } }),
          (error: unknown) => send({ kind: 'site', call: number, index, error: encodeError(error) }),
        ),
      )
      return (await answer)!
    },
    async discardEarly() {
      if (asked && !ended) await call('discard-early')
    },
    close,
    get ended() {
      return ended !== undefined || closing !== undefined
    },
  }
  function close(): Promise<void> {
    closing ??= (async () => {
      if (!asked) {
        // No browser to close: the thread is let go as it is, mid-way through loading Playwright
        // most likely, and the process need not wait for it to stop.
        worker.unref()
        void worker.terminate()
        return
      }
      if (!ended) await call('close').catch(() => undefined)
      await worker.terminate()
      stopSignals.forEach((signal) => process.off(signal, closeOnSignal))
    })()
    return closing
  }
  /**
   * Playwright closes its browsers on a stop signal, which a worker thread
   * never hears: here Chromium and its profile folder would outlive a build
   * stopped with Ctrl-C. Closed here instead; the process then ends as the
   * signal would have ended it, unless a command listens for it too
   * (`present`, `build --watch`) and ends on its own.
   */
  function closeOnSignal(signal: NodeJS.Signals): void {
    const alone = process.listenerCount(signal) === 1
    void close().then(() => {
      if (alone) process.exit(128 + constants.signals[signal])
    })
  }
}
