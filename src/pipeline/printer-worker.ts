// The printer's thread (printer-thread.ts) can start before briefdeck's own
// code has loaded: bin/briefdeck.js starts it first thing for a command that
// will most likely print, so that Playwright loads while the CLI and the
// pipeline do. Unreferenced until a printer takes it, it never keeps the
// process alive: a guess that was wrong (the build printed nothing, the
// options were refused) costs nothing but its loading.
import { Worker } from 'node:worker_threads'

let started: Worker | undefined

/** Starts the thread ahead of the printer that will take it. */
export function startPrinterThread(): void {
  started ??= newThread()
  started.unref()
}

/** The thread started ahead, or a new one; the process now stays alive while it runs. */
export function takePrinterThread(): Worker {
  const worker = started ?? newThread()
  started = undefined
  worker.ref()
  return worker
}

function newThread(): Worker {
  return new Worker(new URL('./printer-thread.js', import.meta.url))
}
