import type { CommentThread, DeckReview, SlideReview, Warning } from '../model/index.js'
import { printable } from '../shared/printable.js'

export interface ReviewReport {
  readonly decks: readonly DeckReview[]
  /** Overrides in the brief whose block no longer exists. */
  readonly orphans: readonly Warning[]
  /** Lines of the review log that reuse another event's id: ignored, and someone should look. */
  readonly conflicts: readonly Warning[]
}

/** Whether `review --strict` fails: a slide awaiting approval, an open thread, a stale approval, an orphaned override or a reused event id. */
export function isOutstanding(report: ReviewReport): boolean {
  return report.orphans.length > 0 || report.conflicts.length > 0 || report.decks.some((deck) => deck.outstanding > 0)
}

/** A table per audience, then open threads with their ids (for `briefdeck resolve`), then orphaned overrides. */
export function formatReviewReport(report: ReviewReport): string {
  const sections = report.decks.map(formatDeck)
  if (report.orphans.length > 0) {
    sections.push(
      [
        'Orphaned overrides (their block no longer exists):',
        ...report.orphans.map((orphan) => `  ${printable(orphan.toString())}`),
      ].join('\n'),
    )
  }
  if (report.conflicts.length > 0) {
    sections.push(
      [
        'Lines that reuse an event id (ignored):',
        ...report.conflicts.map((conflict) => `  ${printable(conflict.toString())}`),
      ].join('\n'),
    )
  }
  return `${sections.join('\n\n')}\n`
}

function formatDeck(deck: DeckReview): string {
  const state = deck.draft ? 'DRAFT' : 'approved'
  const reviewers =
    deck.requiredReviewers.length > 0
      ? deck.requiredReviewers.map(printable).join(', ')
      : 'anyone (the brief names no reviewers)'
  const header = `${deck.audience}: ${state}, ${deck.outstanding} outstanding; approval needed from ${reviewers}`
  const rows = [
    ['#', 'slide', 'approved by', 'awaiting', 'open', 'changed since approval'],
    ...deck.slides.map(slideRow),
  ]
  const lines = [header, ...table(rows).map((row) => `  ${row}`)]
  const open = [
    ...deck.slides.flatMap((slide) =>
      slide.threads.map((thread) => ({ thread, where: `slide ${slide.number} ${slide.slideId}` })),
    ),
    ...deck.strayThreads.map((thread) => ({ thread, where: `removed slide ${thread.slideId}` })),
  ].filter(({ thread }) => !thread.resolved)
  if (open.length > 0)
    lines.push('  Open comments:', ...open.map(({ thread, where }) => `    ${formatThread(thread, where)}`))
  const untrusted = deck.slides.flatMap((slide) =>
    slide.untrusted.map(
      (approval) =>
        `    slide ${slide.number} ${slide.slideId}  ${printable(approval.author)}: ${untrustedReason[approval.trust]} (event ${approval.eventId})`,
    ),
  )
  if (untrusted.length > 0) lines.push('  Approvals that do not count:', ...untrusted)
  return lines.join('\n')
}

const untrustedReason = {
  unsigned: 'unsigned',
  forged: 'forged (its signature does not verify against allowed_signers for this name)',
  unchecked: 'signature not checked',
  verified: 'verified',
} as const

function slideRow(slide: SlideReview): string[] {
  const approvedBy = slide.approvals
    .filter((approval) => approval.current)
    .map((approval) => printable(approval.author))
  const stale = slide.approvals.filter((approval) => !approval.current).map((approval) => printable(approval.author))
  return [
    String(slide.number),
    slide.slideId,
    approvedBy.join(', ') || '-',
    slide.awaiting.map(printable).join(', ') || '-',
    String(slide.openThreads),
    stale.length > 0 ? `yes (${stale.join(', ')})` : '-',
  ]
}

function formatThread(thread: CommentThread, where: string): string {
  const replies = thread.replies.length === 1 ? '1 reply' : `${thread.replies.length} replies`
  return `${thread.id}  ${printable(where)}  ${printable(thread.author)}: ${printable(JSON.stringify(oneLine(thread.text)))} (${replies})`
}

function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function table(rows: readonly string[][]): string[] {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? []
  return rows.map((row) =>
    row
      .map((cell, column) => cell.padEnd(widths[column] ?? 0))
      .join('  ')
      .trimEnd(),
  )
}
