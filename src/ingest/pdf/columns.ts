// Reading order on a page: lines are read top to bottom, except where the page is set in columns.
// A column is recognised by its layout alone: many lines start at one left edge, and the lines
// beside them on the left all end before that edge (the gutter). Lines that cross the gutter (a
// title, a figure or table set across the page) divide the page into bands; each band is read
// column by column. A narrow column (a sidebar with the report number and authors, a pull quote)
// is not part of the text's flow and is read after the page.
import type { Line } from './lines.js'

export interface PageFlow {
  /** The page's lines in reading order. */
  lines: Line[]
  /** Lines of a narrow column beside the text, in reading order. */
  sidebar: Line[]
}

/** A column edge needs at least this many lines starting on it. */
const minimumColumnLines = 5
/** Share of the lines beside a column that must end before its edge. */
const gutterShare = 0.85
/** A gap of this many line sizes with no text in any column cuts the page across. */
const blankStrip = 3

export function readingOrder(lines: Line[], pageWidth: number): PageFlow {
  const byHeight = [...lines].sort((a, b) => b.y - a.y || a.x0 - b.x0)
  const gutter = findGutter(byHeight, pageWidth)
  if (gutter === undefined) return { lines: byHeight, sidebar: [] }
  const left = byHeight.filter((line) => line.x1 <= gutter)
  const right = byHeight.filter((line) => line.x0 >= gutter)
  const spanning = byHeight.filter((line) => line.x1 > gutter && line.x0 < gutter)
  const narrowSide = sidebarSide(left, right, pageWidth)
  if (narrowSide) {
    const sidebar = narrowSide === 'left' ? left : right
    return { lines: byHeight.filter((line) => !sidebar.includes(line)), sidebar }
  }
  return { lines: bands(byHeight, spanning, gutter), sidebar: [] }
}

/** The x position of a gutter between two columns, if the page has one. */
function findGutter(lines: Line[], pageWidth: number): number | undefined {
  const edges = leftEdges(lines)
  for (const edge of edges) {
    if (edge < pageWidth * 0.2 || edge > pageWidth * 0.85) continue
    const starting = lines.filter((line) => Math.abs(line.x0 - edge) <= 2)
    if (starting.length < minimumColumnLines) continue
    const top = Math.max(...starting.map((line) => line.y))
    const bottom = Math.min(...starting.map((line) => line.y))
    const beside = lines.filter((line) => line.x0 < edge - 3 && line.y <= top + 1 && line.y >= bottom - 1)
    if (beside.length < 3) continue
    // Columns of text, or a sidebar beside one; not the columns of a table, where both sides are short.
    if (medianWidth(starting) < pageWidth * 0.25 && medianWidth(beside) < pageWidth * 0.4) continue
    const before = beside.filter((line) => line.x1 <= edge - 3)
    // The gutter's middle: lines of the right column may start left of the edge that revealed it.
    if (before.length >= gutterShare * beside.length) return (Math.max(...before.map((line) => line.x1)) + edge) / 2
  }
  return undefined
}

function medianWidth(lines: Line[]): number {
  const widths = lines.map((line) => line.x1 - line.x0).sort((a, b) => a - b)
  return widths[Math.floor(widths.length / 2)] ?? 0
}

/** Left edges that several lines share, from left to right. */
function leftEdges(lines: Line[]): number[] {
  const counts = new Map<number, number>()
  for (const line of lines) counts.set(Math.round(line.x0), (counts.get(Math.round(line.x0)) ?? 0) + 1)
  const edges: number[] = []
  for (const x of [...counts.keys()].sort((a, b) => a - b)) {
    const near = (counts.get(x - 1) ?? 0) + (counts.get(x) ?? 0) + (counts.get(x + 1) ?? 0)
    if (near >= minimumColumnLines && !edges.some((edge) => Math.abs(edge - x) <= 2)) edges.push(x)
  }
  return edges
}

function sidebarSide(left: Line[], right: Line[], pageWidth: number): 'left' | 'right' | undefined {
  const extent = (side: Line[]) =>
    side.length ? Math.max(...side.map((line) => line.x1)) - Math.min(...side.map((line) => line.x0)) : 0
  const [leftWidth, rightWidth] = [extent(left), extent(right)]
  if (rightWidth < pageWidth * 0.25 && leftWidth > pageWidth * 0.45) return 'right'
  if (leftWidth < pageWidth * 0.25 && rightWidth > pageWidth * 0.45) return 'left'
  return undefined
}

/**
 * Bands between the lines that cross the gutter and the blank strips across both columns (the
 * space after a grid of authors, before a closing notice); each band is read left column first.
 */
function bands(byHeight: Line[], spanning: Line[], gutter: number): Line[] {
  const ordered: Line[] = []
  let band: Line[] = []
  const flush = () => {
    ordered.push(...band.filter((line) => line.x1 <= gutter), ...band.filter((line) => line.x1 > gutter))
    band = []
  }
  let previous: Line | undefined
  for (const line of byHeight) {
    if (spanning.includes(line)) {
      flush()
      ordered.push(line)
    } else {
      if (previous && previous.y - line.y > blankStrip * line.size) flush()
      band.push(line)
    }
    previous = line
  }
  flush()
  return ordered
}
