// Reads a PDF's text layer into laid-out blocks (see types.ts): text runs with positions from
// pdf.js, lines, columns and reading order, blocks, then the metadata the layout gives, with the
// document information dictionary as the fallback.
import { readPdfText } from './document.js'
import { pageLines, type Line } from './lines.js'
import { readingOrder } from './columns.js'
import { bodyType } from './body-size.js'
import { marginFurniture } from './margins.js'
import { readCover } from './cover.js'
import { blockText, layoutBlocks, tableRows, type Block, type LaidOutPage } from './blocks.js'
import { headingDepths, markBoilerplate, toFurniture } from './sections.js'
import { Vocabulary } from './hyphenation.js'
import { documentMetadata } from './metadata.js'
import type { FurnitureKind, PdfBlock, PdfReading } from './types.js'

export type { PdfBlock, PdfMetadata, PdfReading, FootnoteReference, FurnitureKind } from './types.js'

export async function readPdf(bytes: Uint8Array, file: string): Promise<PdfReading> {
  const { pages, info } = await readPdfText(bytes, file)
  const linesByPage = pages.map(pageLines)
  const allLines = linesByPage.flat()
  const vocabulary = new Vocabulary()
  for (const line of allLines) vocabulary.add(line.text)
  const body = bodyType(pages.map((page, i) => ({ lines: linesByPage[i]!, width: page.width, height: page.height })))
  const bodySize = body.size
  const margins = marginFurniture(
    pages.map((page, i) => ({ lines: linesByPage[i]!, height: page.height })),
    bodySize,
  )
  const furniture = new Map<Line, FurnitureKind>(margins)
  const firstPage = (linesByPage[0] ?? []).filter((line) => !margins.has(line))
  const cover = readCover(firstPage, bodySize)
  for (const line of cover.masthead) furniture.set(line, 'cover')
  if (cover.dateLine) furniture.set(cover.dateLine, 'cover')

  const laidOut: LaidOutPage[] = pages.map((page, i) => {
    const lines = linesByPage[i]!
    const inFlow = lines.filter((line) => !margins.has(line))
    const marginal = lines.filter((line) => margins.has(line)).sort((a, b) => b.y - a.y)
    return {
      number: page.number,
      height: page.height,
      flow: readingOrder(inFlow, page.width),
      header: marginal.filter((line) => line.y > page.height / 2),
      footer: marginal.filter((line) => line.y <= page.height / 2),
    }
  })
  const blocks = layoutBlocks(laidOut, { bodySize, bodyFont: body.font, furniture, vocabulary })
  for (const block of blocks) Object.assign(block, blockText(block.lines, vocabulary))

  const title = cover.titleLines.length ? blockText(cover.titleLines, vocabulary).text : undefined
  if (title) markRepeatedTitle(blocks, title)
  const contacts = markBoilerplate(blocks, headingDepths(blocks))
  // Depths again without the boilerplate's headings: a disclaimer's heading does not rank the text's.
  const depths = headingDepths(blocks)
  const metadata = documentMetadata({ title, cover, blocks, contacts, margins, info })
  markIdentifierLabels(blocks, metadata.identifier)
  return {
    metadata,
    blocks: blocks.filter((block) => block.text !== '').map((block) => toPdfBlock(block, depths)),
    pageCount: pages.length,
  }
}

/** The title set again on a summary page is the cover's, not a heading of the text. */
function markRepeatedTitle(blocks: Block[], title: string): void {
  const key = (text: string) => text.toLowerCase().replace(/\W+/g, '')
  const headings = blocks.filter((block) => block.kind === 'heading' && key(block.text) === key(title))
  for (const block of headings.slice(1)) toFurniture(block, 'cover')
}

/** The report number set alone on a page (under the byline, on the cover) is a label, not text. */
function markIdentifierLabels(blocks: Block[], identifier: string | undefined): void {
  for (const block of blocks) {
    if (identifier !== undefined && block.kind !== 'furniture' && block.text === identifier) toFurniture(block, 'other')
  }
}

function toPdfBlock(block: Block, depths: Map<Block, 1 | 2 | 3 | 4 | 5 | 6>): PdfBlock {
  const { page, text } = block
  const footnoteRefs = block.marks.length ? { footnoteRefs: block.marks } : {}
  switch (block.kind) {
    case 'heading':
      return { kind: 'heading', depth: depths.get(block) ?? 6, text, page }
    case 'paragraph':
      return { kind: 'paragraph', text, page, ...footnoteRefs }
    case 'list-item': {
      const bulletLength = /^[•◦▪▫●○■□‣⁃–-]\s*/.exec(text)?.[0].length ?? 0
      const marks = block.marks.map((mark) => ({ label: mark.label, offset: Math.max(0, mark.offset - bulletLength) }))
      return {
        kind: 'list-item',
        text: text.slice(bulletLength),
        page,
        ...(marks.length ? { footnoteRefs: marks } : {}),
      }
    }
    case 'footnote':
      return { kind: 'footnote', label: block.label ?? '', text, page }
    case 'caption':
      return { kind: 'caption', text, page }
    case 'table':
      return {
        kind: 'table',
        rows: tableRows(block.lines),
        ...(block.caption !== undefined ? { caption: block.caption } : {}),
        page,
      }
    case 'furniture':
      return { kind: 'furniture', furniture: block.furniture ?? 'other', text, page }
  }
}
