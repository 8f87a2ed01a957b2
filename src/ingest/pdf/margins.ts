// Running headers, footers and page numbers: lines in a page's top or bottom margin that recur on
// other pages (numbers aside), that are only a page number, an address or a document code, or
// that sit in the first page's margin in small type beneath the text (a masthead's small print).
import type { FurnitureKind } from './types.js'
import type { Line } from './lines.js'

/** Share of the page height, at the top and at the bottom, where running lines are looked for. */
const marginShare = 0.12

export interface MarginPage {
  lines: Line[]
  height: number
}

export function marginFurniture(pages: MarginPage[], bodySize: number): Map<Line, FurnitureKind> {
  const found = new Map<Line, FurnitureKind>()
  const repeats = new RunningLines(pages)
  for (const { lines, height } of pages) {
    const body = lines.filter((line) => Math.abs(line.size - bodySize) < 0.5)
    const textTop = Math.max(...body.map((line) => line.y))
    const textBottom = Math.min(...body.map((line) => line.y))
    for (const line of lines) {
      const where = zone(line, height)
      if (!where) {
        // The running line set once more inside the page (the cover's imprint), in its small type.
        if (line.page === 1 && repeats.elsewhere(line) && line.size < bodySize - 0.4) found.set(line, 'running-footer')
        continue
      }
      const kind: FurnitureKind = where === 'top' ? 'running-header' : 'running-footer'
      const text = line.text.trim()
      if (pageNumber.test(text)) found.set(line, 'page-number')
      else if ((repeats.inPlace(line) || repeats.extended(line)) && setApart(line, lines, where)) found.set(line, kind)
      else if (address.test(text) || documentCode.test(text)) found.set(line, kind)
      else if (line.page === 1 && line.size < bodySize - 0.5 && (line.y < textBottom || line.y > textTop)) {
        found.set(line, 'cover')
      }
    }
  }
  return found
}

/**
 * A running line stands apart from the text on its inner side; a line at text spacing from the one
 * before it (the end of a footnote that happens to recur) is text.
 */
function setApart(line: Line, lines: Line[], where: 'top' | 'bottom'): boolean {
  const gaps = lines
    .filter((other) => other !== line && other.x0 < line.x1 && other.x1 > line.x0)
    .map((other) => (where === 'bottom' ? other.y - line.y : line.y - other.y))
    .filter((gap) => gap > 0.5)
  return gaps.length === 0 || Math.min(...gaps) > 1.5 * line.size
}

/** The margin lines of all pages by their words, to tell which recur. */
class RunningLines {
  private readonly places = new Map<string, { page: number; y: number }[]>()

  constructor(pages: MarginPage[]) {
    for (const { lines, height } of pages) {
      for (const line of lines) {
        const key = repetitionKey(line.text)
        if (!zone(line, height) || key.length < 6 || line.leadingMark !== undefined) continue
        this.places.set(key, [...(this.places.get(key) ?? []), { page: line.page, y: line.y }])
      }
    }
  }

  /** The line recurs at the same height on another page: a running header or footer. */
  inPlace(line: Line): boolean {
    const places = this.places.get(repetitionKey(line.text)) ?? []
    return places.some((place) => place.page !== line.page && Math.abs(place.y - line.y) <= 3)
  }

  /** The line runs in the margins of two other pages or more, wherever it stands there. */
  elsewhere(line: Line): boolean {
    const places = this.places.get(repetitionKey(line.text)) ?? []
    return new Set(places.filter((place) => place.page !== line.page).map((place) => place.page)).size >= 2
  }

  /** The line opens with a running line's words (the last page's footer adds a version and a date). */
  extended(line: Line): boolean {
    const key = repetitionKey(line.text)
    for (const [running, places] of this.places) {
      if (key.startsWith(`${running} `) && new Set(places.map((place) => place.page)).size >= 2) return true
    }
    return false
  }
}

const pageNumber = /^(?:page\s+)?(?:\d{1,4}|[ivxlc]{1,6})(?:\s*(?:of|\/)\s*\d{1,4})?$/i
/** A line that opens with a web address (`https://… | IF10491 · VERSION 6`). */
const address = /^(?:https?:\/\/|www\.)\S+(?:\s*[|·•–-].*)?$/i
/** A report number standing alone, such as `IF10491` or `R46729`. */
export const documentCode = /^[A-Z]{1,5}\d{3,6}$/

function zone(line: Line, height: number): 'top' | 'bottom' | undefined {
  if (line.y > height * (1 - marginShare)) return 'top'
  if (line.y < height * marginShare) return 'bottom'
  return undefined
}

/** The line's words without numbers, so that `Page 2` and `Page 3` or a dated footer still match. */
function repetitionKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/\d+/g, ' ')
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()
}
