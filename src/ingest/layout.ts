// The layout pass every format shares: sorts lines into furniture and body,
// builds the heading tree, and gathers metadata from the furniture (title,
// bylines, datelines, label/value lines) that the format reader marked or
// that the text gives away.
import type { NoiseKind, NoiseLine, Section, Table } from '../model/index.js'
import { mergeMetadata, type BlockFootnoteRef, type MetadataFields } from './blocks.js'
import {
  bylineLine,
  datelineLine,
  disclaimerLine,
  imageCreditLine,
  sameText,
  titleDatelineLine,
  titleLike,
  weekdayLine,
  type Furniture,
} from './furniture.js'

/** A line of the document as the layout pass sees it. */
export type Line =
  | { kind: 'heading'; depth: number; text: string; start: number; end: number; implicit?: boolean }
  | { kind: 'paragraph'; text: string; start: number; end: number; footnoteRefs?: BlockFootnoteRef[] }
  | { kind: 'furniture'; furniture: NoiseKind; text: string; metadata?: MetadataFields; start: number; end: number }
  | { kind: 'table'; rows: string[][]; caption?: string }
  | { kind: 'footnote'; label: string; text: string }

export type ParagraphLine = Extract<Line, { kind: 'paragraph' }>
export type HeadingLine = Extract<Line, { kind: 'heading' }>

export interface BodyLine extends ParagraphLine {
  sectionPath: string[]
}

/** A heading that opens a section, and the line it came from. */
export interface SectionHeading {
  section: Section
  line: HeadingLine
}

export interface Layout {
  metadata: MetadataFields
  /** Furniture, each with the line it came from (offsets into the text the lines were read from). */
  noise: Array<{ kind: NoiseKind; line: Line & { text: string } }>
  body: BodyLine[]
  /** Sections in document order; a heading followed only by page chrome opens none. */
  sections: SectionHeading[]
  tables: Table[]
  footnotes: Array<{ label: string; text: string }>
}

interface OpenSection {
  heading: SectionHeading
  /** Whether anything but chrome has come under it yet. */
  hasContent: boolean
}

/** Furniture that marks page chrome: a heading that only such lines follow is chrome too. */
const chromeKinds: ReadonlySet<NoiseKind> = new Set(['navigation', 'metadata', 'download', 'table-of-contents'])

/**
 * Sorts lines into furniture and body: the front matter (the single lines
 * before the first paragraph of prose), credits, disclaimers and repeated
 * titles anywhere, headings, and a byline closing the text.
 */
export function layOut(lines: readonly Line[], given: MetadataFields = {}): Layout {
  const layout: Layout = { metadata: { ...given }, noise: [], body: [], sections: [], tables: [], footnotes: [] }
  const open: OpenSection[] = []
  let inFrontMatter = true
  const lastText = lastTextLineIndex(lines)
  const noteFurniture = (line: Line & { text: string }, furniture: Furniture): void => {
    layout.noise.push({ kind: furniture.kind, line })
    layout.metadata = mergeMetadata(layout.metadata, furniture.metadata)
  }
  lines.forEach((line, index) => {
    switch (line.kind) {
      case 'table':
        layout.tables.push({
          index: layout.tables.length,
          caption: line.caption ?? null,
          rows: line.rows,
          sectionPath: pathOf(open),
        })
        markContent(open)
        return
      case 'footnote':
        layout.footnotes.push({ label: line.label, text: line.text })
        return
      case 'furniture':
        noteFurniture(line, { kind: line.furniture, metadata: line.metadata ?? {} })
        if (chromeKinds.has(line.furniture)) dropEmptySection(open, layout)
        return
      case 'heading': {
        const furniture = headingFurniture(line, layout.metadata, inFrontMatter)
        if (furniture.kind !== 'heading') return noteFurniture(line, furniture)
        openSection(line, open, layout)
        layout.noise.push({ kind: 'heading', line })
        return
      }
      case 'paragraph': {
        const furniture =
          (inFrontMatter && !line.text.includes('\n') ? frontMatterFurniture(line.text, layout.metadata) : undefined) ??
          anywhereFurniture(line.text, layout.metadata) ??
          (index === lastText && index > 0 ? bylineLine(line.text, { nameAlone: true }) : undefined)
        if (furniture) return noteFurniture(line, furniture)
        inFrontMatter = false
        markContent(open)
        layout.body.push({ ...line, sectionPath: pathOf(open) })
        return
      }
    }
  })
  return layout
}

function lastTextLineIndex(lines: readonly Line[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (lines[i]!.kind === 'paragraph') return i
  return -1
}

function openSection(line: HeadingLine, open: OpenSection[], layout: Layout): void {
  // A heading without markup is a sibling of the one before it if that one was too, else a child of the open section.
  const innermost = open.at(-1)
  const depth = line.implicit
    ? innermost?.heading.line.implicit
      ? innermost.heading.section.depth
      : Math.min((innermost?.heading.section.depth ?? 0) + 1, 6)
    : line.depth
  while (open.length > 0 && open.at(-1)!.heading.section.depth >= depth) open.pop()
  const parent = open.at(-1)?.heading.section ?? null
  const section: Section = {
    index: layout.sections.length,
    heading: line.text,
    depth,
    path: [...(parent?.path ?? []), line.text],
    parent: parent?.index ?? null,
  }
  const heading = { section, line }
  layout.sections.push(heading)
  open.push({ heading, hasContent: false })
}

/** A heading directly followed by navigation or label/value chrome (`Overview`, `Contents`) heads no section of the text. */
function dropEmptySection(open: OpenSection[], layout: Layout): void {
  const current = open.at(-1)
  if (!current || current.hasContent) return
  open.pop()
  layout.sections.splice(layout.sections.indexOf(current.heading), 1)
  const noise = layout.noise.find((entry) => entry.line === current.heading.line)
  if (noise) noise.kind = 'navigation'
}

function markContent(open: OpenSection[]): void {
  for (const section of open) section.hasContent = true
}

function pathOf(open: readonly OpenSection[]): string[] {
  return open.map((entry) => entry.heading.section.heading)
}

function headingFurniture(line: HeadingLine, metadata: MetadataFields, inFrontMatter: boolean): Furniture {
  if (inFrontMatter && line.depth === 1 && !line.implicit && metadata.title == null)
    return { kind: 'title', metadata: { title: line.text } }
  if (metadata.title != null && sameText(line.text, metadata.title)) return { kind: 'repeated-title', metadata: {} }
  return { kind: 'heading', metadata: {} }
}

function frontMatterFurniture(text: string, metadata: MetadataFields): Furniture | undefined {
  return (
    weekdayLine(text) ??
    datelineLine(text) ??
    bylineLine(text, { nameAlone: false }) ??
    (metadata.title == null && titleLike(text) ? { kind: 'title', metadata: { title: text } } : undefined)
  )
}

function anywhereFurniture(text: string, metadata: MetadataFields): Furniture | undefined {
  if (metadata.title != null && sameText(text, metadata.title)) return { kind: 'repeated-title', metadata: {} }
  return (
    (metadata.title != null ? titleDatelineLine(text, metadata.title) : undefined) ??
    imageCreditLine(text) ??
    disclaimerLine(text)
  )
}

/** The noise entries in the form of the model, given where each line sits in the document's text. */
export function noiseLines(
  layout: Layout,
  placed: (line: Line) => { start: number; end: number } | undefined,
): NoiseLine[] {
  return layout.noise.map(({ kind, line }) => {
    const span = placed(line)
    return span ? { kind, text: line.text, start: span.start, end: span.end } : { kind, text: line.text }
  })
}
