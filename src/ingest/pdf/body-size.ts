// The size (and font) the document's text is set in: the size most words in lower case are set in (tables
// hold few), counting only lines a third of the page wide or wider and leaving out the footnote areas
// (from a page's first line that opens with a raised number down), which in a heavily annotated
// report can hold more characters than the text itself.
import type { Line } from './lines.js'
import { footnoteAreaTop } from './blocks.js'

export interface SizedPage {
  lines: Line[]
  width: number
  height: number
}

export interface BodyType {
  size: number
  /** The font most words of prose are set in: a line in another font at this size may be a heading. */
  font: string | undefined
}

export function bodyType(pages: SizedPage[]): BodyType {
  const prose = pages.flatMap((page) => proseLines(page)).filter((line) => proseWords(line.text) > 0)
  // Without lines of prose (a page of figures, a form), the size most characters are set in.
  const weigh = prose.length ? (line: Line) => proseWords(line.text) : (line: Line) => line.text.length
  const lines = prose.length ? prose : pages.flatMap((page) => page.lines)
  return {
    size: mostWeighed(lines, (line) => line.size, weigh) ?? 10,
    font: prose.length ? mostWeighed(prose, (line) => line.font, weigh) : undefined,
  }
}

function mostWeighed<T>(lines: Line[], key: (line: Line) => T, weigh: (line: Line) => number): T | undefined {
  const weights = new Map<T, number>()
  for (const line of lines) weights.set(key(line), (weights.get(key(line)) ?? 0) + weigh(line))
  return [...weights].sort((a, b) => b[1] - a[1])[0]?.[0]
}

/** Words in lower case: many in a line of text, few in a table's row of names and figures. */
function proseWords(text: string): number {
  return text.match(/(?<![\p{L}\p{N}])\p{Ll}{3,}(?![\p{L}\p{N}])/gu)?.length ?? 0
}

function proseLines({ lines, width, height }: SizedPage): Line[] {
  const footnoteTop = Math.max(
    -Infinity,
    ...lines
      .filter((line) => line.leadingMark !== undefined && line.y < footnoteAreaTop * height)
      .map((line) => line.y),
  )
  const footnoteSize = lines.find((line) => line.y === footnoteTop)?.size ?? 0
  return lines.filter(
    (line) => line.x1 - line.x0 >= width / 3 && !(line.y <= footnoteTop && line.size <= footnoteSize + 0.2),
  )
}
