import { textPatterns, type SlidePlan, type SlideTable, type SourceDocument, type Table } from '../model/index.js'
import { referenceText, sourceCitation } from './notes.js'
import { exclusionPatterns, matchesAny } from './pool.js'
import type { SectionContext, SectionOf } from './section-context.js'
import { collapseWhitespace, countWords } from './wording.js'

// Table slides: a source's table with its caption and citation, its cells
// whole, a page of rows at a time.

/** A table as a slide shows it: one header row, then rows of exactly as many cells. */
interface ShownTable {
  readonly source: SourceDocument
  readonly label: string | null
  readonly caption: string
  readonly title: string
  readonly header: string[]
  readonly rows: string[][]
}

/** `Table 1.`, `Table A-2:`: the number a caption opens with. */
const captionLabel = /^((?:table|exhibit)\s+[A-Z]?-?\d+[a-z]?)[.:]?\s*/iu

/** Characters a table's full width holds in one line at the table's type size. */
const lineWidth = 110
/** What a cell's padding takes of a line, in characters. */
const cellPadding = 3

/**
 * The slides of a tables section: the tables of every source that fit it,
 * in reading order, each split by rows over as many slides as it may take.
 * A table whose rows do not line up with its header (a reader could not
 * recover its columns, as happens with tables set in PDF), that has too
 * many columns, or a cell too long to show whole, is left out: half a
 * table, or a cut cell, says something the source does not. A list of
 * abbreviations is left to the glossary.
 */
export function tableSlides(section: SectionOf<'tables'>, context: SectionContext): SlidePlan[] {
  const exclusions = exclusionPatterns(context.profile)
  const captions = section.match ? textPatterns(section.match) : undefined
  const tables = context.extractions
    .flatMap((extraction) => {
      const document = context.documents.get(extraction.source.id)
      return document
        ? joinedAcrossPages(document.tables).map((table) => shownTable(document, table, section.title))
        : []
    })
    .filter((table): table is ShownTable => table !== undefined)
    .filter(
      (table) =>
        table.header.length <= section.maxColumns &&
        !isAcronymList(table) &&
        [table.header, ...table.rows].every((row) => row.every((cell) => countWords(cell) <= section.cellWords)) &&
        (!captions || matchesAny([table.caption], captions)) &&
        !matchesAny([table.caption, ...table.header, ...table.rows.flat()], exclusions),
    )
    .slice(0, section.limit)
  const slides: SlidePlan[] = []
  for (const table of tables) {
    const pages = rowPages(table, section.rowLines).slice(0, section.slidesPerTable)
    // Only the last slide can say what no slide shows.
    const left = table.rows.length - pages.reduce((sum, rows) => sum + rows.length, 0)
    pages.forEach((rows, page) => {
      const rowsLeft = page === pages.length - 1 ? left : 0
      slides.push(tableSlide(section, context, table, rows, page, rowsLeft, slides.length + 1))
    })
  }
  return slides
}

/** A list of abbreviations and what they stand for is the glossary's, not a slide of its own. */
function isAcronymList(table: ShownTable): boolean {
  const acronyms = table.rows.filter(([first]) => /^[\p{Lu}][\p{Lu}\p{N}&./-]{1,9}s?$/u.test(first ?? '')).length
  return acronyms >= 0.8 * table.rows.length
}

/** A table the source's layout broke across pages comes as two with one caption: they are one table. */
function joinedAcrossPages(tables: readonly Table[]): Table[] {
  const joined: Table[] = []
  for (const table of tables) {
    const previous = joined.at(-1)
    const width = (each: Table) => each.rows[0]?.length ?? 0
    if (previous && table.caption !== null && table.caption === previous.caption && width(table) === width(previous)) {
      const repeatsHeader = table.rows[0]?.join('\u0000') === previous.rows[0]?.join('\u0000')
      joined[joined.length - 1] = { ...previous, rows: [...previous.rows, ...table.rows.slice(repeatsHeader ? 1 : 0)] }
    } else joined.push(table)
  }
  return joined
}

/** The table as a slide would show it, named by its caption, else its heading, else the section; undefined when its columns were not recovered. */
function shownTable(source: SourceDocument, table: Table, sectionTitle: string): ShownTable | undefined {
  const rows = table.rows.map((row) => row.map(collapseWhitespace))
  const [header, ...body] = rows
  if (!header || header.length < 2 || body.length === 0) return undefined
  if (rows.some((row) => row.length !== header.length) || body.some((row) => row.every((cell) => cell === '')))
    return undefined
  const caption = table.caption ? collapseWhitespace(table.caption) : (table.sectionPath.at(-1) ?? sectionTitle)
  const label = captionLabel.exec(caption)
  const title = label ? caption.slice(label[0].length) : caption
  return { source, label: label ? label[1]! : null, caption, title: title || caption, header, rows: body }
}

/**
 * Rows in pages of at most `lines` lines each, a row taking as many lines
 * as its longest cell wraps to, filled evenly (a table of 10 lines' worth on
 * two slides gets 5 and 5, not 9 and 1); a row never splits, and a row
 * taller than a page has one to itself.
 */
function rowPages(table: ShownTable, lines: number): string[][][] {
  // The browser gives a long cell the width its short neighbours leave: a row wraps as its text's sum does.
  const height = (row: readonly string[]) =>
    Math.max(1, Math.ceil(row.reduce((sum, cell) => sum + cell.length + cellPadding, 0) / lineWidth))
  const budget = lines - height(table.header)
  const count = fill(table.rows, height, () => budget).length
  const total = table.rows.reduce((sum, row) => sum + height(row), 0)
  return fill(table.rows, height, (page, placed) =>
    Math.min(budget, Math.ceil((total - placed) / Math.max(1, count - page))),
  )
}

/**
 * Rows in order into pages, a page closing before the row that would take
 * it over its capacity, which may depend on the page and the lines placed
 * on the pages before it.
 */
function fill(
  rows: readonly string[][],
  height: (row: readonly string[]) => number,
  capacity: (page: number, placed: number) => number,
): string[][][] {
  const pages: string[][][] = []
  let page: string[][] = []
  let used = 0
  let placed = 0
  for (const row of rows) {
    if (page.length > 0 && used + height(row) > capacity(pages.length, placed)) {
      pages.push(page)
      placed += used
      page = []
      used = 0
    }
    page.push(row)
    used += height(row)
  }
  if (page.length > 0) pages.push(page)
  return pages
}

function tableSlide(
  section: SectionOf<'tables'>,
  context: SectionContext,
  table: ShownTable,
  rows: string[][],
  page: number,
  rowsLeft: number,
  number: number,
): SlidePlan {
  const source = table.source.metadata
  const shown: SlideTable = { label: table.label, caption: table.caption, header: table.header, rows, rowsLeft }
  const continues = rowsLeft > 0 ? ` The table continues in the source: ${rowsLeft} more rows.` : ''
  return {
    id: `${section.id}-${number}`,
    section: section.id,
    layout: 'table',
    ...(section.template ? { template: section.template } : {}),
    ...(section.lead ? { lead: section.lead } : {}),
    title: page === 0 ? table.title : `${table.title} (cont.)`,
    bullets: [],
    notes: [
      `${table.caption} — ${referenceText(source)}; rows ${pageStart(table, rows) + 1}–${pageStart(table, rows) + rows.length} of ${table.rows.length}.${continues}`,
    ],
    blockIds: [],
    citations: [sourceCitation(source)],
    marking: context.brief.marking,
    table: shown,
  }
}

function pageStart(table: ShownTable, rows: readonly string[][]): number {
  return table.rows.indexOf(rows[0]!)
}
