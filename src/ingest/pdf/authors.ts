// Authors as the layout presents them: in an author-information section (each author a group of
// lines, the name first and the position under it, sometimes in a grid), or, without one, as
// `Name, Position` lines closing the text (the byline of a two-page brief).
import type { Line } from './lines.js'

/** One word of a person's name: an initial, or a capitalised word (`M'Bai`, `McDermott`, `Keating-Bitonti`). */
const nameWord = /^(?:\p{Lu}\.|\p{Lu}[\p{L}'’-]*\p{Ll}[\p{L}'’-]*\.?)$/u
const particle = /^(?:de|da|del|della|di|du|van|von|der|den|la|le|bin|ibn|al)$/
const suffix = /^(?:Jr\.?|Sr\.?|II|III|IV)$/

/** The name a text opens with, before a comma or the end: `Corrie E. Clark, Specialist in …` → `Corrie E. Clark`. */
export function leadingName(text: string): string | undefined {
  const head = (text.split(/,\s+/, 1)[0] ?? '').trim()
  const words = head.split(/\s+/)
  if (words.length < 2 || words.length > 5 || !nameWord.test(words[0]!)) return undefined
  if (!words.every((word) => nameWord.test(word) || particle.test(word) || suffix.test(word))) return undefined
  // Not initials alone.
  return words.some((word) => nameWord.test(word) && !/^\p{Lu}\.$/u.test(word)) ? head : undefined
}

/**
 * Names from an author section's lines: the lines are grouped by their left edge (a grid of
 * authors has several) and by the gaps between them; each group opens with a name.
 */
export function namesInSection(lines: Line[]): string[] {
  const groups: Line[][] = []
  for (const column of byLeftEdge(lines)) {
    let group: Line[] = []
    for (const line of column.sort((a, b) => a.page - b.page || b.y - a.y)) {
      const last = group.at(-1)
      const gap = last && last.page === line.page ? last.y - line.y : Infinity
      if (gap > 0 && gap <= 1.45 * line.size) {
        group.push(line)
      } else {
        group = [line]
        groups.push(group)
      }
    }
  }
  groups.sort((a, b) => a[0]!.page - b[0]!.page || b[0]!.y - a[0]!.y || a[0]!.x0 - b[0]!.x0)
  return groups.map((group) => leadingName(group[0]!.text)).filter((name): name is string => name !== undefined)
}

function byLeftEdge(lines: Line[]): Line[][] {
  const columns: Line[][] = []
  for (const line of lines) {
    const column = columns.find((other) => Math.abs(other[0]!.x0 - line.x0) < 6)
    if (column) column.push(line)
    else columns.push([line])
  }
  return columns
}

/** `Name, Position` (a position in capitals: `Specialist in Energy Policy`, `Legislative Attorney`). */
export function bylineName(text: string): string | undefined {
  const comma = text.indexOf(', ')
  if (comma < 0 || text.length > 120 || /[.;:]$/.test(text)) return undefined
  const position = text.slice(comma + 2)
  if (!/^\p{Lu}/u.test(position) || position.split(/\s+/).length > 10) return undefined
  return leadingName(text)
}
