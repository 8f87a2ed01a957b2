import { open, readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { briefName } from '../brief/index.js'
import {
  BriefdeckProblem,
  type Approval,
  type Place,
  type ReviewEvent,
  type ReviewState,
  type Warning,
} from '../model/index.js'
import { printable } from '../shared/printable.js'
import { ReviewFold } from './fold.js'
import { allowedSignersPath, approvalVerifier, type ApprovalVerifier } from './signatures.js'
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

/**
 * The review state beside a brief, with every signed approval checked
 * against the brief's allowed-signers file. A line that reuses an earlier
 * event's id for another event is ignored and reported.
 */
export async function readReviewState(briefPath: string): Promise<{ state: ReviewState; warnings: Warning[] }> {
  const file = reviewLogPath(briefPath)
  const { events, lines, warnings } = await readReviewLog(file)
  const fold = new ReviewFold()
  const firstLineOf = new Map<string, number>()
  const conflicts = events.flatMap((event, index) => {
    const line = lines[index]!
    if (fold.apply(event) !== 'conflicting') {
      if (!firstLineOf.has(event.id)) firstLineOf.set(event.id, line)
      return []
    }
    return [conflictingId(event, { file, line }, firstLineOf.get(event.id))]
  })
  await checkSignatures(fold, approvalVerifier(briefName(briefPath), allowedSignersPath(briefPath)))
  return { state: fold.state(), warnings: [...warnings, ...conflicts] }
}

/** Which of two lines with one id is genuine, the log cannot tell: both are named, and the gate stays shut until someone looks. */
export function conflictingId(event: ReviewEvent, place: Place, firstLine?: number): Warning {
  const earlier = firstLine === undefined ? 'an earlier line' : `line ${firstLine}`
  return new BriefdeckProblem(
    `event id ${event.id} is already used by ${earlier} for another event; this ${event.type} by ${printable(event.author)} is ignored, and the one on ${earlier} may not be genuine either`,
    place,
    'review-duplicate-id',
    { fatal: false, source: 'review' },
  )
}

/**
 * Checks the signatures of approvals not checked yet, newest first per
 * reviewer and slide, stopping at the first that verifies (the older ones
 * cannot count any more).
 */
export async function checkSignatures(fold: ReviewFold, verifier: ApprovalVerifier): Promise<void> {
  const byDecision = new Map<string, Approval[]>()
  for (const approval of fold.unchecked()) {
    const key = JSON.stringify([approval.audience, approval.slideId, approval.author])
    byDecision.set(key, [...(byDecision.get(key) ?? []), approval])
  }
  const queue = [...byDecision.values()]
  const worker = async () => {
    for (let newestFirst = queue.shift(); newestFirst; newestFirst = queue.shift()) {
      for (const approval of newestFirst) {
        const trust = await verifier.trustOf(approval)
        fold.setTrust(approval.eventId, trust)
        if (trust === 'verified') break
      }
    }
  }
  // A few ssh-keygen processes at a time: enough to hide their start-up, few enough for a small machine.
  await Promise.all(Array.from({ length: signatureChecksAtOnce }, worker))
}

const signatureChecksAtOnce = 4

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
  // The last byte alone settles the usual case, so a write reads the same few bytes however long the log is.
  const last = Buffer.alloc(1)
  await handle.read(last, 0, 1, size - 1)
  if (last[0] === 0x0a) return ''
  const start = Math.max(0, size - tailWindow)
  const buffer = Buffer.alloc(size - start)
  await handle.read(buffer, 0, buffer.length, start)
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
