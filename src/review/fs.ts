import { open, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { briefName } from '../brief/index.js'
import type { ReviewEvent, ReviewState, Warning } from '../model/index.js'
import { foldReviewEvents } from './fold.js'
import { formatReviewEvent, isCompleteEventLine, parseReviewLog, type ReviewLog } from './log.js'

/** The review log sits beside the brief, so it travels, diffs and merges with it. */
export function reviewLogPath(briefPath: string): string {
  return join(dirname(briefPath), `${briefName(briefPath)}.review.jsonl`)
}

/** A log that does not exist yet is an empty one. */
export async function readReviewLog(file: string): Promise<ReviewLog> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return ''
    throw error
  })
  return parseReviewLog(text, file)
}

export async function readReviewState(briefPath: string): Promise<{ state: ReviewState; warnings: Warning[] }> {
  const { events, warnings } = await readReviewLog(reviewLogPath(briefPath))
  return { state: foldReviewEvents(events), warnings }
}

/** Long enough for any one event line (comments are capped at 10,000 characters). */
const tailWindow = 256 * 1024

/**
 * Appends one event durably: one `write` on an O_APPEND descriptor, so that
 * lines from concurrent writers (the server, a CLI in another terminal) never
 * interleave, then fsync before returning, so that an acknowledged event
 * survives a crash. Callers in one process serialise their calls (see the
 * server's queue); the repair of a torn tail assumes no other writer is
 * mid-line at that moment, which holds because each line is one write.
 */
export async function appendReviewEvent(file: string, event: ReviewEvent): Promise<void> {
  const line = formatReviewEvent(event)
  const handle = await open(file, 'a+')
  let created: boolean
  try {
    const { size } = await handle.stat()
    created = size === 0
    const prefix = await sealTail(handle, size)
    await handle.write(prefix + line)
    await handle.datasync()
  } finally {
    await handle.close()
  }
  if (created) await syncDirectory(dirname(file))
}

/**
 * Makes the file end with a newline before the next line goes on. A tail
 * that parses only lacks its newline (a hand edit); a tail that does not is
 * the remains of an interrupted, never-acknowledged write and is cut off, or
 * the next event would be glued to it and lost too.
 */
async function sealTail(handle: Awaited<ReturnType<typeof open>>, size: number): Promise<string> {
  if (size === 0) return ''
  const start = Math.max(0, size - tailWindow)
  const buffer = Buffer.alloc(size - start)
  await handle.read(buffer, 0, buffer.length, start)
  if (buffer.at(-1) === 0x0a) return ''
  const lastNewline = buffer.lastIndexOf(0x0a)
  const tail = buffer.subarray(lastNewline + 1).toString('utf8')
  if (isCompleteEventLine(tail)) return '\n'
  await handle.truncate(start + lastNewline + 1)
  return ''
}

/** A new file's directory entry must reach the disk too, or a crash can lose the whole log. */
async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
