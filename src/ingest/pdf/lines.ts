// Text runs into visual lines: runs that share a baseline and follow each other closely, with
// superscript footnote marks taken out of the text and recorded where they stood.
import type { FootnoteReference } from './types.js'
import type { PageText, TextRun } from './document.js'

export interface Line {
  page: number
  x0: number
  x1: number
  /** Baseline of the line's main text. */
  y: number
  /** The size most of the line's characters are set in. */
  size: number
  /** The font most of the line's characters are set in. */
  font: string
  text: string
  /** Superscript numbers removed from `text`, with their offsets in it. */
  marks: FootnoteReference[]
  /** The number a footnote starts with, when the line opens with a superscript (or smaller) number. */
  leadingMark?: string
  /** The line's text split where wide gaps separate it (table cells). */
  cells: string[]
}

/** Runs closer than this many ems on one baseline belong to one line; a column gutter is wider. */
const joinGapEms = 1
/** A gap (or a run of spaces) this many ems wide separates table cells. */
const cellGapEms = 1.2

export function pageLines(page: PageText): Line[] {
  const groups: TextRun[][] = []
  let current: TextRun[] = []
  let end = 0
  for (const run of page.runs) {
    const first = current[0]
    if (first && continuesLine(first, end, run)) {
      current.push(run)
      end = Math.max(end, run.x + run.width)
    } else {
      if (current.length) groups.push(current)
      current = [run]
      end = run.x + run.width
    }
  }
  if (current.length) groups.push(current)
  const lines = groups.map((runs) => buildLine(page.number, runs)).filter((line): line is Line => line !== null)
  return mergeSplitLines(lines)
}

function continuesLine(first: TextRun, end: number, run: TextRun): boolean {
  const size = Math.max(first.size, run.size)
  return Math.abs(run.y - first.y) <= 0.45 * size && run.x >= end - 0.5 * size && run.x - end <= joinGapEms * size
}

function buildLine(page: number, unsorted: TextRun[]): Line | null {
  const runs = [...unsorted].sort((a, b) => a.x - b.x)
  const visible = runs.filter((run) => run.text.trim() !== '')
  if (visible.length === 0) return null
  const size = dominant(visible, (run) => Math.round(run.size * 2) / 2)
  const font = dominant(
    visible.filter((run) => Math.abs(run.size - size) < 0.5),
    (run) => run.font,
  )
  const base = visible.find((run) => Math.abs(run.size - size) < 0.5) ?? visible[0]!
  let text = ''
  let cell = ''
  const cells: string[] = []
  const marks: FootnoteReference[] = []
  let leadingMark: string | undefined
  let previousEnd: number | undefined
  for (const run of runs) {
    const raw = run.text.replace(/\s+/g, ' ')
    const gap = previousEnd === undefined ? 0 : run.x - previousEnd
    const wideSpace = raw.trim() === '' && run.width > cellGapEms * size
    if (previousEnd !== undefined && (gap > cellGapEms * size || wideSpace)) {
      if (cell.trim()) cells.push(cell.trim())
      cell = ''
    }
    if (raw.trim() === '') {
      if (!text.endsWith(' ') && text !== '') text += ' '
      cell += ' '
      previousEnd = run.x + run.width
      continue
    }
    const superscript = run.size < 0.8 * size && run.y > base.y + 0.15 * size
    const number = raw.trim()
    if (superscript && /^\d{1,3}$/.test(number)) {
      if (text.trim() === '') leadingMark = number
      else marks.push({ label: number, offset: text.trimEnd().length })
      previousEnd = run.x + run.width
      continue
    }
    const needsSpace = gap > 0.12 * size && text !== '' && !text.endsWith(' ') && !raw.startsWith(' ')
    if (needsSpace && !superscript) {
      text += ' '
      cell += ' '
    }
    text += raw
    cell += raw
    previousEnd = run.x + run.width
  }
  if (cell.trim()) cells.push(cell.trim())
  const trimmed = text.replace(/\s+$/, '')
  const lead = trimmed.length - trimmed.trimStart().length
  const line: Line = {
    page,
    x0: visible[0]!.x,
    x1: Math.max(...visible.map((run) => run.x + run.width)),
    y: base.y,
    size,
    font,
    text: trimmed.trimStart(),
    marks: marks.map((mark) => ({ label: mark.label, offset: Math.max(0, mark.offset - lead) })),
    cells,
  }
  if (leadingMark !== undefined) line.leadingMark = leadingMark
  if (line.text === '' && leadingMark === undefined) return null
  return line
}

/** The value most of the runs' characters have. */
function dominant<T>(runs: TextRun[], key: (run: TextRun) => T): T {
  const weights = new Map<T, number>()
  for (const run of runs) weights.set(key(run), (weights.get(key(run)) ?? 0) + run.text.trim().length)
  let best = key(runs[0]!)
  let bestWeight = -1
  for (const [value, weight] of weights) {
    if (weight > bestWeight) {
      best = value
      bestWeight = weight
    }
  }
  return best
}

/**
 * Pieces of one visual line that the content stream wrote apart (a link drawn after its line, a
 * footnote label written before its text) are put back together.
 */
function mergeSplitLines(lines: Line[]): Line[] {
  const sorted = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  const merged: Line[] = []
  for (const line of sorted) {
    const partner = merged.find(
      (other) =>
        Math.abs(other.y - line.y) < 0.2 * Math.min(other.size, line.size) &&
        Math.abs(other.size - line.size) < 0.5 &&
        line.x0 >= other.x1 - 0.5 &&
        line.x0 - other.x1 <= joinGapEms * line.size,
    )
    if (partner) append(partner, line)
    else merged.push(line)
  }
  return merged
}

function append(target: Line, line: Line): void {
  const joiner = line.x0 - target.x1 > 0.12 * line.size ? ' ' : ''
  const offset = target.text.length + joiner.length
  target.marks.push(...line.marks.map((mark) => ({ label: mark.label, offset: mark.offset + offset })))
  target.text += joiner + line.text
  target.cells.push(...line.cells)
  target.x1 = line.x1
}
