// Lines in reading order into blocks: headings (set larger than the body text, or at its size in a
// font of its own), paragraphs and list items (lines that follow each other at the body's line
// spacing, across columns and pages while a sentence is unfinished), captions and the figures and tables they introduce (set smaller
// than the body), footnotes (smaller type at a page's foot, each opening with a raised number),
// and furniture (lines the margins and the cover page set aside, tables of contents).
import type { FootnoteReference, FurnitureKind } from './types.js'
import type { Line } from './lines.js'
import type { PageFlow } from './columns.js'
import { joinLines, type Vocabulary } from './hyphenation.js'
import { endsMidClause, finishedText, runsOn } from './run-on.js'

export interface LaidOutPage {
  number: number
  height: number
  flow: PageFlow
  /** Margin lines above the text (running headers) and below it (running footers, page numbers). */
  header: Line[]
  footer: Line[]
}

export interface LayoutContext {
  bodySize: number
  bodyFont: string | undefined
  /** Lines already known to be furniture: margins, the cover page's masthead and dateline. */
  furniture: Map<Line, FurnitureKind>
  vocabulary: Vocabulary
}

export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'footnote' | 'caption' | 'table' | 'furniture'

export interface Block {
  kind: BlockKind
  page: number
  lines: Line[]
  text: string
  marks: FootnoteReference[]
  label?: string
  furniture?: FurnitureKind
  /** For tables: the caption that introduced them. */
  caption?: string
}

/** `Figure 3.`, `Table A-1.`, `Source:`, `Notes:`. */
const captionStart = /^(?:(?:Figure|Table|Exhibit|Chart|Map|Box)\s+[A-Z]?-?\d+[.:]|(?:Sources?|Notes?)\s*:)/
const figureCaption = /^(?:Figure|Exhibit|Chart|Map)\s/
const tableCaption = /^(?:Table|Box)\s/
const bullet = /^[•◦▪▫●○■□‣⁃–-]\s*/
const numberedItem = /^(?:\(?\d{1,2}[.)]|\(?[a-z][.)]|\([ivx]{1,4}\))\s/
const dotLeaders = /(?:\.\s?){4,}\s*[\dA-Z-]*\s*$/

/** A line longer than this is text set large (a summary, a lead), not a heading. */
const maximumHeadingLine = 150
/** A run-in heading is a short label; a longer line in another font is emphasis inside the text. */
const maximumRunInHeading = 80
/** Share of the page height below which footnotes may begin. */
export const footnoteAreaTop = 0.85
/** Lines more than this many sizes apart start a new block. */
const paragraphGap = 1.45

export function layoutBlocks(pages: LaidOutPage[], context: LayoutContext): Block[] {
  return new BlockBuilder(context).build(pages)
}

type Region = 'text' | 'figure' | 'table' | 'notes' | 'footnotes'

class BlockBuilder {
  private readonly out: Block[] = []
  /** The block lines are being added to; pushed to `out` when the next block starts. */
  private open: Block | undefined
  /** Footnotes and furniture met while a paragraph is open: they follow it, so it is not cut. */
  private deferred: Block[] = []
  private region: Region = 'text'
  private lastTableCaption: string | undefined
  /** Lines at the top of this page's footnote area that end the previous page's last footnote. */
  private carriedOver = new Set<Line>()

  constructor(private readonly context: LayoutContext) {}

  build(pages: LaidOutPage[]): Block[] {
    for (const page of pages) this.page(page)
    this.close()
    return this.out
  }

  private page(page: LaidOutPage): void {
    for (const line of page.header) this.aside(this.furnitureBlock(line, this.furnitureOf(line)))
    this.region = 'text'
    this.carriedOver = carriedOverFootnote(page, this.context.bodySize)
    const contents = page.flow.lines.filter((line) => dotLeaders.test(line.text)).length
    const tableOfContents = contents >= 3 && contents >= 0.3 * page.flow.lines.length
    for (const line of page.flow.lines) {
      const known = this.context.furniture.get(line)
      if (known || tableOfContents) this.furnitureLine(line, known ?? 'table-of-contents')
      else this.line(line, page)
    }
    this.closeUnlessRunningOn()
    for (const group of groupLines(page.flow.sidebar)) {
      this.aside(this.furnitureBlockOf(group, 'cover'))
    }
    for (const line of page.footer) this.aside(this.furnitureBlock(line, this.furnitureOf(line)))
  }

  private furnitureOf(line: Line): FurnitureKind {
    return this.context.furniture.get(line) ?? 'other'
  }

  private line(line: Line, page: LaidOutPage): void {
    const { bodySize } = this.context
    const small = line.size < bodySize - 0.4
    if (isDropCap(line, bodySize) && this.attachedDropCap(line)) return
    if (opensFootnote(line, page, this.context.bodySize)) {
      this.region = 'footnotes'
      this.aside(this.start('footnote', line, { label: line.leadingMark }))
      return
    }
    if (this.region === 'text' && this.carriedOver.has(line)) {
      const footnote = this.lastFootnote()
      if (footnote) this.append(footnote, line)
      else this.aside(this.start('footnote', line, { label: '' }))
      return
    }
    if (this.region === 'footnotes' && small) {
      const footnote = this.deferredFootnote()
      if (footnote) {
        this.append(footnote, line)
        return
      }
    }
    if (captionStart.test(line.text)) {
      this.region = figureCaption.test(line.text) ? 'figure' : tableCaption.test(line.text) ? 'table' : 'notes'
      this.begin(this.start('caption', line))
      if (this.region === 'table') this.lastTableCaption = line.text
      return
    }
    const setLarge =
      line.size >= bodySize + 0.9 && /\p{L}{2}/u.test(line.text) && line.text.length <= maximumHeadingLine
    if (setLarge || (this.region === 'text' && this.isRunInHeading(line))) {
      this.region = 'text'
      if (this.open?.kind === 'heading' && this.continuesHeading(this.open, line)) this.append(this.open, line)
      else this.begin(this.start('heading', line))
      return
    }
    if ((this.region === 'figure' || this.region === 'table' || this.region === 'notes') && small) {
      this.inRegion(line)
      return
    }
    if (!small) this.region = 'text'
    if (small && line.cells.length >= 3) {
      // A row of cells in small type: a table, also where it runs on from a page with its caption.
      this.region = 'table'
      this.inRegion(line)
      return
    }
    const listItem = bullet.test(line.text) || (numberedItem.test(line.text) && !continuesEnumeration(this.open, line))
    if (!listItem && this.open && this.continuesText(this.open, line)) {
      this.append(this.open, line)
      return
    }
    this.begin(this.start(listItem ? 'list-item' : 'paragraph', line))
  }

  /**
   * A drop cap: the first letter of a paragraph set large beside its first
   * lines (`E` + `ach year, …`). Reading order puts it on its baseline, among
   * the lines it stands beside. Put in front of the open paragraph's first
   * line when that line lacks its first letter; says whether it was.
   */
  private attachedDropCap(cap: Line): boolean {
    const open = this.open
    if (open?.kind !== 'paragraph' || open.page !== cap.page || !/^\p{Ll}/u.test(open.lines[0]!.text)) return false
    open.lines[0] = withInitial(cap, open.lines[0]!)
    return true
  }

  /** A line inside a figure, a table or a caption's notes (all set smaller than the body). */
  private inRegion(line: Line): void {
    const open = this.open
    if (open?.kind === 'caption' && this.continuesCaption(open, line)) {
      this.append(open, line)
      return
    }
    if (this.region === 'notes') {
      if (open?.kind === 'caption') this.append(open, line)
      else this.begin(this.start('caption', line))
      return
    }
    if (this.region === 'figure') {
      // Labels and values drawn inside a chart: kept, but apart from the prose.
      if (open?.kind === 'furniture' && open.furniture === 'other') this.append(open, line)
      else this.begin(this.furnitureBlock(line, 'other'))
      return
    }
    if (open?.kind === 'table') {
      open.lines.push(line)
      return
    }
    const table = this.start('table', line)
    if (this.lastTableCaption !== undefined) table.caption = this.lastTableCaption
    this.begin(table)
  }

  /**
   * A heading set at the body's size but in a font of its own (bold, another face), on a line of
   * its own: a few capitalised words without a full stop, after text that ended its sentence.
   */
  private isRunInHeading(line: Line): boolean {
    const { bodySize, bodyFont } = this.context
    if (bodyFont === undefined || line.font === bodyFont || Math.abs(line.size - bodySize) > 0.4) return false
    if (line.cells.length > 1 || line.text.length > maximumRunInHeading || finishedText.test(line.text)) return false
    // A sentence ends inside the line (`… in 2025. The first …`, not `U.S. Court`): the line is prose, whatever its font.
    if (/(?:\p{Ll}{2}|\d)[.!?]\s+\p{Lu}/u.test(line.text)) return false
    if (!/^\p{Lu}/u.test(line.text) || !/\p{L}{2}/u.test(line.text)) return false
    const open = this.open
    const previous = open?.lines.at(-1)
    return !open || open.kind === 'heading' || (previous !== undefined && finishedText.test(previous.text))
  }

  private continuesHeading(block: Block, line: Line): boolean {
    const last = block.lines.at(-1)!
    const gap = last.y - line.y
    return last.page === line.page && Math.abs(last.size - line.size) < 0.5 && gap > 0 && gap <= 1.6 * line.size
  }

  private continuesCaption(block: Block, line: Line): boolean {
    const last = block.lines.at(-1)!
    const gap = last.y - line.y
    return (
      !captionStart.test(line.text) &&
      last.page === line.page &&
      Math.abs(last.size - line.size) < 0.3 &&
      gap > 0 &&
      gap <= paragraphGap * line.size
    )
  }

  private continuesText(block: Block, line: Line): boolean {
    if (block.kind !== 'paragraph' && block.kind !== 'list-item') return false
    const last = block.lines.at(-1)!
    if (Math.abs(last.size - line.size) >= 0.6) return false
    // The block's lines in the column the last one is in (a paragraph may have begun in another).
    const inColumn = block.lines.filter(
      (other) => other.page === last.page && Math.abs(other.x0 - last.x0) < 3 * line.size,
    )
    const left = Math.min(...inColumn.map((other) => other.x0))
    const gap = last.y - line.y
    const sameColumn = last.page === line.page && gap > 0 && Math.abs(line.x0 - left) < 3 * line.size
    if (sameColumn) {
      if (gap > paragraphGap * Math.max(line.size, last.size)) return false
      if (block.kind === 'list-item') return line.x0 > block.lines[0]!.x0 + 0.5 * line.size
      const right = Math.max(...inColumn.map((other) => other.x1))
      // A short line that ends a sentence ends its paragraph; an indented line starts one.
      if (finishedText.test(last.text) && last.x1 < right - 4 * line.size) return false
      return !(inColumn.length > 1 && line.x0 > left + line.size)
    }
    // Into the next column or page: only an unfinished sentence runs on.
    const moved = line.page !== last.page || gap <= 0
    return moved && runsOn(block.lines.map((other) => other.text).join(' '), line.text)
  }

  /** The footnote read last, wherever it went: a footnote may run on at the next page's foot. */
  private lastFootnote(): Block | undefined {
    return (
      [...this.deferred].reverse().find((block) => block.kind === 'footnote') ??
      this.out.findLast((block) => block.kind === 'footnote')
    )
  }

  private deferredFootnote(): Block | undefined {
    const last = this.deferred.at(-1) ?? this.out.at(-1)
    return last?.kind === 'footnote' ? last : undefined
  }

  private furnitureLine(line: Line, kind: FurnitureKind): void {
    const open = this.open
    if (open?.kind === 'furniture' && open.furniture === kind && open.lines.at(-1)?.page === line.page) {
      this.append(open, line)
    } else {
      this.begin(this.furnitureBlock(line, kind))
    }
  }

  private start(kind: BlockKind, line: Line, extra: Partial<Block> = {}): Block {
    return { kind, page: line.page, lines: [line], text: '', marks: [], ...extra }
  }

  private furnitureBlock(line: Line, furniture: FurnitureKind): Block {
    return this.furnitureBlockOf([line], furniture)
  }

  private furnitureBlockOf(lines: Line[], furniture: FurnitureKind): Block {
    return { kind: 'furniture', page: lines[0]!.page, lines, text: '', marks: [], furniture }
  }

  private append(block: Block, line: Line): void {
    block.lines.push(line)
  }

  /** Starts a block of the text flow: the open one is finished first. */
  private begin(block: Block): void {
    this.close()
    this.open = block
  }

  /** A block beside the flow (footnote, margin line): after the open paragraph, if one runs on. */
  private aside(block: Block): void {
    if (this.open) this.deferred.push(block)
    else this.out.push(block)
  }

  /** At a page's end only a paragraph or list item can run on into the next page. */
  private closeUnlessRunningOn(): void {
    if (this.open && this.open.kind !== 'paragraph' && this.open.kind !== 'list-item') this.close()
  }

  private close(): void {
    if (this.open) this.out.push(this.open)
    this.out.push(...this.deferred)
    this.open = undefined
    this.deferred = []
  }
}

/** One capital letter set at twice the body's size or more. */
function isDropCap(line: Line, bodySize: number): boolean {
  return line.size >= 2 * bodySize && /^\p{Lu}$/u.test(line.text)
}

/** The paragraph's first line with its drop cap in front (its footnote marks moved along). */
function withInitial(cap: Line, first: Line): Line {
  const shift = cap.text.length
  return {
    ...first,
    text: cap.text + first.text,
    marks: first.marks.map((mark) => ({ ...mark, offset: mark.offset + shift })),
  }
}

/**
 * `(1) …` or `(2) …` at the start of a line of a paragraph, an item of an
 * enumeration inside its sentence that a line break happened to put first on
 * the line, not an item of a list: the paragraph's last line stops mid-clause
 * (`… required that` | `(1) …`), or the paragraph holds the item before
 * (`… assess (1) …;` | `(2) …`). A list is led in with a colon or a full stop.
 */
function continuesEnumeration(block: Block | undefined, line: Line): boolean {
  if (block?.kind !== 'paragraph') return false
  const item = /^\((\d{1,2}|[a-z])\)\s/.exec(line.text)?.[1]
  if (item === undefined) return false
  if (endsMidClause(block.lines.at(-1)!.text)) return true
  const previous = /\d/.test(item) ? String(Number(item) - 1) : String.fromCharCode(item.charCodeAt(0) - 1)
  // Set off by spaces, as an enumeration's marks are: `403(i)(2)` cites a paragraph of a statute.
  const mark = new RegExp(`(?:^|\\s)\\(${previous}\\)\\s`)
  return block.lines.some((other) => mark.test(other.text))
}

/**
 * A footnote opens with a raised number, in type smaller than the body's, below the page's top
 * margin (a long footnote area can fill half the page).
 */
function opensFootnote(line: Line, page: LaidOutPage, bodySize: number): boolean {
  return line.leadingMark !== undefined && line.size < bodySize - 0.4 && line.y < page.height * footnoteAreaTop
}

/**
 * Small lines just above a page's first footnote, at line spacing and set apart from the text
 * above them: the end of a footnote begun on the page before.
 */
function carriedOverFootnote(page: LaidOutPage, bodySize: number): Set<Line> {
  const lines = page.flow.lines
  const opens = (line: Line) => opensFootnote(line, page, bodySize)
  const first = lines.findIndex(opens)
  const carried = new Set<Line>()
  if (first < 0) return carried
  // The carried lines end where the page's own footnotes begin, at the gap that parts one footnote
  // from the next (often wider than the lines' spacing); half a point for the rounding of positions.
  const footnoteBreak =
    Math.max(0, ...lines.flatMap((line, k) => (k > first && opens(line) ? [lines[k - 1]!.y - line.y] : []))) + 0.5
  let i = first - 1
  for (; i >= 0; i--) {
    const line = lines[i]!
    const below = lines[i + 1]!
    const spacing = line.y - below.y
    const allowed = i === first - 1 ? Math.max(paragraphGap * line.size, footnoteBreak) : paragraphGap * line.size
    if (line.size >= bodySize - 0.4 || captionStart.test(line.text) || spacing <= 0 || spacing > allowed) break
    carried.add(line)
  }
  const above = lines[i]
  const top = lines[i + 1]
  // Set apart: a wider gap than the text's spacing (the footnote rule) above the carried lines.
  if (!above || !top || above.y - top.y <= paragraphGap * above.size) return new Set()
  return carried
}

/** Lines of a sidebar, grouped where they follow each other at line spacing. */
function groupLines(lines: Line[]): Line[][] {
  const groups: Line[][] = []
  for (const line of lines) {
    const group = groups.at(-1)
    const last = group?.at(-1)
    if (group && last && last.y - line.y > 0 && last.y - line.y <= paragraphGap * line.size) group.push(line)
    else groups.push([line])
  }
  return groups
}

/** The block's lines as one text, broken words mended and footnote marks moved with the text. */
export function blockText(lines: Line[], vocabulary: Vocabulary): { text: string; marks: FootnoteReference[] } {
  let text = ''
  const marks: FootnoteReference[] = []
  for (const line of lines) {
    if (text === '') {
      text = line.text
      marks.push(...line.marks)
      continue
    }
    const joined = joinLines(text, line.text, vocabulary)
    const offset = joined.text.length - line.text.length
    for (const mark of marks) mark.offset = Math.min(mark.offset, text.length - joined.removed)
    text = joined.text
    marks.push(...line.marks.map((mark) => ({ label: mark.label, offset: mark.offset + offset })))
  }
  return { text, marks }
}

/**
 * A table's lines as rows of cells. A line of one cell that starts right of the table's first
 * column is the wrapped end of the row above it.
 */
export function tableRows(lines: Line[]): string[][] {
  const left = Math.min(...lines.map((line) => line.x0))
  const rows: string[][] = []
  for (const line of lines) {
    const cells = line.cells.length ? line.cells : [line.text]
    const row = rows.at(-1)
    if (row && cells.length === 1 && line.x0 > left + line.size) row[row.length - 1] += ` ${cells[0]}`
    else rows.push([...cells])
  }
  return rows
}
