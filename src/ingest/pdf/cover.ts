// What the first page's layout says about the document: its title (the largest type on the page),
// the masthead above the title, and the dateline (`Updated June 5, 2024`, `April 10, 2026`).
import * as chrono from 'chrono-node/en'
import { isoDate, statedPrecision } from '../dates.js'
import type { Line } from './lines.js'

export interface Cover {
  titleLines: Line[]
  /** Lines above the title: series names, logos, labels. */
  masthead: Line[]
  date?: string
  dateLine?: Line
}

/** Words that may stand before a cover date. */
const dateLead = /^(?:(?:last\s+)?(?:updated|revised|published|issued|released|posted|dated?)\s*(?:on\s*)?:?\s*)/i

export function readCover(lines: Line[], bodySize: number): Cover {
  const titleLines = findTitleLines(lines, bodySize)
  const titleTop = titleLines.length ? Math.max(...titleLines.map((line) => line.y)) : Infinity
  const masthead = lines.filter((line) => line.y > titleTop + 1 && !titleLines.includes(line))
  const cover: Cover = { titleLines, masthead }
  for (const line of [...lines].sort((a, b) => b.y - a.y)) {
    if (titleLines.includes(line)) continue
    const date = dateOfLine(line.text)
    if (date) {
      cover.date = date
      cover.dateLine = line
      break
    }
  }
  return cover
}

/** The lines set in the page's largest type (of two words or more), read together. */
function findTitleLines(lines: Line[], bodySize: number): Line[] {
  const worded = lines.filter((line) => /\p{L}{2,}\S*\s+\S*\p{L}{2,}/u.test(line.text))
  if (worded.length === 0) return []
  const largest = Math.max(...worded.map((line) => line.size))
  if (largest < bodySize + 0.9) return []
  const top = worded.filter((line) => Math.abs(line.size - largest) < 0.5).sort((a, b) => b.y - a.y)[0]!
  const sameSize = lines.filter((line) => Math.abs(line.size - largest) < 0.5 && line.y < top.y)
  const title = [top]
  for (const line of sameSize.sort((a, b) => b.y - a.y)) {
    const previous = title.at(-1)!
    if (previous.y - line.y > 1.8 * line.size) break
    title.push(line)
  }
  return title
}

/** The ISO date a line states, when the line is a date (after a word such as `Updated`) and nothing more. */
export function dateOfLine(text: string): string | undefined {
  const rest = text.trim().replace(dateLead, '')
  if (rest.length > 40 || !/\d/.test(rest)) return undefined
  const [found] = chrono.casual.parse(rest, new Date(Date.UTC(2000, 0, 1)))
  if (!found || found.index > 2 || found.text.length < rest.length - 3) return undefined
  const precision = statedPrecision(found.start)
  return precision === 'day' && found.start.isCertain('year') ? isoDate(found.start, precision) : undefined
}
