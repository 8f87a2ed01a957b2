import { watch, type FSWatcher } from 'node:fs'
import { open } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Approval, CommentThread, ReviewEvent, ReviewEventDraft, ReviewState, Warning } from '../../model/index.js'
import { stampEvent } from '../events.js'
import { ReviewFold } from '../fold.js'
import { appendReviewEvent, checkSignatures, conflictingId, readReviewLog } from '../fs.js'
import { parseReviewLog } from '../log.js'
import type { ApprovalVerifier } from '../signatures.js'

export interface ReviewStore {
  state(): ReviewState
  /** The standing approvals of one audience's deck, without copying the rest of the state. */
  approvalsOf(audience: string): Approval[]
  thread(id: string): CommentThread | undefined
  /** Stamps, signs (approvals), appends durably and returns the event once it is on disk. */
  append(draft: ReviewEventDraft): Promise<ReviewEvent>
  /** Called for every new event in the log, the server's own and other writers' (a CLI, a git pull). */
  onEvent(listener: (event: ReviewEvent) => void): () => void
  close(): void
}

export interface ReviewStoreOptions {
  /** Problems found after start (a torn or broken line written by someone else): reported, not fatal. */
  readonly onWarning?: (warning: Warning | Error) => void
  /** Checks the signatures of approvals as they come in; without one, no approval counts. */
  readonly verifier?: ApprovalVerifier
  /** Signs an approval the server writes (with the server's key); other events pass through. */
  readonly sign?: (event: ReviewEvent) => Promise<ReviewEvent>
}

/**
 * The server's view of the review log: it tails the file rather than keeping
 * its own copy of the truth, so events appended by anyone show up alike.
 * Every append and every catch-up runs through one queue, which is what keeps
 * concurrent requests from interleaving or reading half a line. Each new
 * event updates the fold in place, so a write costs the same however long
 * the log has grown.
 */
export async function openReviewStore(file: string, options: ReviewStoreOptions = {}): Promise<ReviewStore> {
  const fold = new ReviewFold()
  const listeners = new Set<(event: ReviewEvent) => void>()
  const verifier: ApprovalVerifier = options.verifier ?? { trustOf: async () => 'forged' }
  let consumedBytes = 0
  let nextLine = 1
  let inode: number | undefined
  let queue: Promise<unknown> = Promise.resolve()

  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task)
    queue = run.catch(() => undefined)
    return run
  }

  /** Reads whole lines added since the last call; a line still being written waits for the next call. */
  async function catchUp(): Promise<void> {
    const handle = await open(file, 'r')
    const added: ReviewEvent[] = []
    try {
      const { size, ino } = await handle.stat()
      // A file that shrank or was replaced (a checkout, a pull, a hand edit) is read again from the start; events already seen are not repeated.
      if (size < consumedBytes || (inode !== undefined && ino !== inode)) restart()
      inode = ino
      const fresh = Buffer.alloc(size - consumedBytes)
      await handle.read(fresh, 0, fresh.length, consumedBytes)
      const chunk = fresh.subarray(0, fresh.lastIndexOf(0x0a) + 1)
      const firstLine = nextLine
      consumedBytes += chunk.length
      nextLine += chunk.filter((byte) => byte === 0x0a).length
      const { events, lines } = parseReviewLog(chunk.toString('utf8'), file, { firstLine })
      events.forEach((event, index) => {
        const outcome = fold.apply(event)
        if (outcome === 'applied') added.push(event)
        else if (outcome === 'conflicting') options.onWarning?.(conflictingId(event, { file, line: lines[index]! }))
      })
    } finally {
      await handle.close()
    }
    await checkSignatures(fold, verifier)
    for (const event of added) for (const listener of listeners) listener(event)
  }

  function restart(): void {
    consumedBytes = 0
    nextLine = 1
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
    state: () => fold.state(),
    approvalsOf: (audience) => fold.approvalsOf(audience),
    thread: (id) => fold.thread(id),
    append: (draft) =>
      serial(async () => {
        const stamped = stampEvent(draft)
        const event = options.sign ? await options.sign(stamped) : stamped
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
