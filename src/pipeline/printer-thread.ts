// The printer's worker thread (printer.ts): Playwright loads as it starts,
// the export and the check as Chromium does; each message of the main thread
// is answered by a printer of this thread. Sites arrive as the main thread's
// builder finishes them, and go back to it to be released; progress goes to
// its terminal.
import { parentPort } from 'node:worker_threads'
import type { PrintSite } from '../export/print-site.js'
import type { Progress } from '../export/progress.js'
import type { FromPrinter, ToPrinter } from './printer.js'

// Playwright first, before anything else: it is the half second this thread
// is for, and Chromium waits for it. The main thread's messages wait in the
// port meanwhile.
await import('../export/browser.js')
const [{ decodeError, encodeError }, { localPrinter }] = await Promise.all([
  import('./thread-errors.js'),
  import('./printer.js'),
])

const port = parentPort!
const printer = localPrinter()
const send = (message: FromPrinter) => port.postMessage(message)
/** Per print, its sites as they arrive. */
const arriving = new Map<number, { resolve(site: PrintSite): void; reject(error: unknown): void }[]>()

port.on('message', (message: ToPrinter) => {
  switch (message.kind) {
    case 'launch':
      printer.launch()
      // The export and the check load while Chromium starts.
      return void Promise.all([import('../export/index.js'), import('../check/index.js')])
    case 'early':
      return printer.openEarly(message.deckDir, message.check)
    case 'print':
      return void answer(message.call, () =>
        printer.print(message.request, sitesOf(message.call, message.request.decks.length), progressOf(message.call)),
      ).finally(() => arriving.delete(message.call))
    case 'site': {
      const site = arriving.get(message.call)?.[message.index]
      if (message.site) site?.resolve({ ...message.site, release: async () => release(message.call, message.index) })
      else site?.reject(decodeError(message.error!))
      return
    }
    case 'discard-early':
      return void answer(message.call, async () => void (await printer.discardEarly()))
    case 'close':
      return void answer(message.call, async () => void (await printer.close()))
  }
})

function sitesOf(call: number, count: number): Promise<PrintSite>[] {
  const handles: { resolve(site: PrintSite): void; reject(error: unknown): void }[] = []
  const sites = Array.from({ length: count }, (_, index) => {
    const site = new Promise<PrintSite>((resolve, reject) => (handles[index] = { resolve, reject }))
    // A deck that fails before its site is awaited must not leave the rejection unhandled.
    site.catch(() => undefined)
    return site
  })
  arriving.set(call, handles)
  return sites
}

function release(call: number, index: number): void {
  send({ kind: 'release', call, index })
}

function progressOf(call: number): Progress {
  const forward =
    (method: keyof Progress) =>
    (...args: unknown[]) =>
      send({ kind: 'progress', call, method, args })
  return { step: forward('step'), slide: forward('slide'), done: forward('done'), stop: forward('stop') }
}

async function answer(call: number, work: () => Promise<unknown>): Promise<void> {
  try {
    const value = await work()
    send({ kind: 'reply', call, ...(value === undefined ? {} : { value: value as never }) })
  } catch (error) {
    send({ kind: 'reply', call, error: encodeError(error) })
  }
}
