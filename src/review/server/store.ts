import { watch, type FSWatcher } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { ReviewEvent, ReviewEventDraft, ReviewState, Warning } from '../../model/index.js'
import { stampEvent } from '../events.js'
import { foldReviewEvents } from '../fold.js'
import { appendReviewEvent, readReviewLog } from '../fs.js'
import { parseReviewLog } from '../log.js'

export interface ReviewStore {
  state(): ReviewState
  /** Stamps, appends durably and returns the event once it is on disk. */
  append(draft: ReviewEventDraft): Promise<ReviewEvent>
  /** Called for every new event in the log, the server's own and other writers' (a CLI, a git pull). */
  onEvent(listener: (event: ReviewEvent) => void): () => void
  close(): void
}

export interface ReviewStoreOptions {
  /** Problems found after start (a torn or broken line written by someone else): reported, not fatal. */
  readonly onWarning?: (warning: Warning | Error) => void
}

/**
 * The server's view of the review log: it tails the file rather than keeping
 * its own copy of the truth, so events appended by anyone show up alike.
 * Every append and every catch-up runs through one queue, which is what keeps
 * concurrent requests from interleaving or reading half a line.
 */
export async function openReviewStore(file: string, options: ReviewStoreOptions = {}): Promise<ReviewStore> {
  const events: ReviewEvent[] = []
  const ids = new Set<string>()
  const listeners = new Set<(event: ReviewEvent) => void>()
  let consumedBytes = 0
  let nextLine = 1
  let folded: ReviewState | null = null
  let queue: Promise<unknown> = Promise.resolve()

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }

  /** Reads whole lines added since the last call; a line still being written waits for the next call. */
  async function catchUp(): Promise<void> {
    const handle = await open(file, 'r')
    try {
      const { size } = await handle.stat()
      if (size < consumedBytes) restart()
      const fresh = Buffer.alloc(size - consumedBytes)
      await handle.read(fresh, 0, fresh.length, consumedBytes)
      const chunk = fresh.subarray(0, fresh.lastIndexOf(0x0a) + 1)
      const firstLine = nextLine
      consumedBytes += chunk.length
      nextLine += chunk.filter((byte) => byte === 0x0a).length
      const { events: added } = parseReviewLog(chunk.toString('utf8'), file, { firstLine })
      for (const event of added) remember(event)
    } finally {
      await handle.close()
    }
  }

  /** The file shrank: it was replaced (a checkout, a hand edit), so read it again; events already seen are kept, not repeated. */
  function restart(): void {
    consumedBytes = 0
    nextLine = 1
  }

  function remember(event: ReviewEvent): void {
    if (ids.has(event.id)) return
    ids.add(event.id)
    events.push(event)
    folded = null
    for (const listener of listeners) listener(event)
  }

  await (await open(file, 'a')).close()
  // Fails on a broken line before the server takes any request; a torn tail only warns.
  for (const warning of (await readReviewLog(file)).warnings) options.onWarning?.(warning)
  await catchUp()

  const base = basename(file)
  // The folder, not the file: git replaces files by renaming, which a watch on the old file would miss.
  const watcher: FSWatcher = watch(dirname(file), (_, name) => {
    if (name === base) serial(catchUp).catch((error: Error) => options.onWarning?.(error))
  })

  return {
    state: () => (folded ??= foldReviewEvents(events)),
    append: (draft) =>
      serial(async () => {
        const event = stampEvent(draft)
        await appendReviewEvent(file, event)
        await catchUp()
        return event
      }),
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: () => watcher.close(),
  }
}
