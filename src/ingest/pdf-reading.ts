// A PDF's laid-out blocks (from the reader in ./pdf) to the blocks every
// format shares: headings, paragraphs with their footnote marks, notes,
// tables, and furniture (running heads, page numbers, captions) as noise.
import type { NoiseKind } from '../model/index.js'
import type { BlockReading, DocumentBlock, MetadataFields } from './blocks.js'
import { readPdf, type PdfBlock, type PdfMetadata, type PdfReading } from './pdf/index.js'
import { finishedText, runsOn } from './pdf/run-on.js'

export async function pdfReading(bytes: Uint8Array, file: string): Promise<BlockReading> {
  // pdf.js refuses Node's Buffer and may take over the memory it is given: it gets a copy of its own.
  return readingOfPdf(await readPdf(new Uint8Array(bytes), file))
}

/** Pure: the conversion alone, testable with hand-made readings. */
export function readingOfPdf(reading: PdfReading): BlockReading {
  const blocks = joinAcrossPages(reading.blocks).map(blockOfPdf)
  const metadata = metadataOfPdf(reading.metadata)
  return { blocks, metadata }
}

function blockOfPdf(block: PdfBlock): DocumentBlock {
  switch (block.kind) {
    case 'heading':
      return { kind: 'heading', depth: block.depth, text: block.text }
    case 'paragraph':
    case 'list-item':
      return block.footnoteRefs && block.footnoteRefs.length > 0
        ? { kind: 'paragraph', text: block.text, footnoteRefs: block.footnoteRefs.map((ref) => ({ ...ref })) }
        : { kind: 'paragraph', text: block.text }
    case 'footnote':
      return { kind: 'footnote', label: block.label, text: block.text }
    case 'caption':
      return { kind: 'furniture', furniture: 'caption', text: block.text }
    case 'table':
      return block.caption === undefined
        ? { kind: 'table', rows: block.rows }
        : { kind: 'table', rows: block.rows, caption: block.caption }
    case 'furniture':
      return { kind: 'furniture', furniture: furnitureKind(block.furniture), text: block.text }
  }
}

function furnitureKind(kind: Extract<PdfBlock, { kind: 'furniture' }>['furniture']): NoiseKind {
  return kind
}

/**
 * A paragraph that a page break cuts (its sentence unfinished, and the next
 * paragraph, past furniture and notes, goes on with it: see run-on.ts) is one
 * paragraph: its sentence then hashes the same as in the HTML or markdown.
 */
function joinAcrossPages(blocks: readonly PdfBlock[]): PdfBlock[] {
  const out: PdfBlock[] = []
  let open: Extract<PdfBlock, { kind: 'paragraph' }> | undefined
  for (const block of blocks) {
    if (block.kind === 'paragraph' && open && block.page > open.page && runsOn(open.text, block.text)) {
      const joined = joinedText(open.text, block.text)
      const shift = joined.length - block.text.length
      const refs = [
        ...(open.footnoteRefs ?? []),
        ...(block.footnoteRefs ?? []).map((r) => ({ ...r, offset: r.offset + shift })),
      ]
      const merged = { ...open, text: joined, ...(refs.length > 0 ? { footnoteRefs: refs } : {}) }
      out[out.indexOf(open)] = merged
      open = finishedText.test(joined) ? undefined : merged
      continue
    }
    out.push(block)
    if (block.kind === 'paragraph') open = finishedText.test(block.text) ? undefined : block
    else if (block.kind === 'heading' || block.kind === 'table' || block.kind === 'list-item') open = undefined
  }
  return out
}

/** Two halves of a word cut by a page break (`infra-` + `structure`) join without the hyphen; others with a space. */
function joinedText(first: string, second: string): string {
  return /\p{Ll}-$/u.test(first) ? `${first.slice(0, -1)}${second}` : `${first} ${second}`
}

function metadataOfPdf(metadata: PdfMetadata): MetadataFields {
  const fields: MetadataFields = {}
  if (metadata.title) fields.title = metadata.title
  if (metadata.subtitle) fields.subtitle = metadata.subtitle
  if (metadata.date) fields.date = metadata.date
  if (metadata.authors && metadata.authors.length > 0) fields.authors = [...metadata.authors]
  if (metadata.identifier) fields.identifier = metadata.identifier
  if (metadata.publisher) fields.publisher = metadata.publisher
  if (metadata.documentType) fields.documentType = metadata.documentType
  if (metadata.url) fields.url = metadata.url
  return fields
}
