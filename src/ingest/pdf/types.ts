// The contract between the PDF reader (this folder) and the rest of ingest: a PDF's text laid out
// into blocks in reading order, with what the layout tells about each, and the metadata found on
// the page or in the document information dictionary. The rest of ingest turns this into the same
// SourceDocument that markdown, HTML and Word files become.

/** Metadata read from the first pages' layout, falling back to the document information dictionary. */
export interface PdfMetadata {
  title?: string
  subtitle?: string
  /** ISO `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`). */
  date?: string
  /** People, in the order the document names them, e.g. `Clark, Corrie E.` or `Corrie E. Clark`. */
  authors?: string[]
  /** A report number such as `IF10491` or `R46729`. */
  identifier?: string
  publisher?: string
  /** For example `In Focus`, `Insight`, `Report`, `Legal Sidebar`. */
  documentType?: string
  url?: string
}

/** A footnote reference mark (a superscript number) removed from a block's text. */
export interface FootnoteReference {
  label: string
  /** Offset in the block's text (after the mark was removed) where the mark stood. */
  offset: number
}

export type FurnitureKind =
  | 'running-header'
  | 'running-footer'
  | 'page-number'
  | 'disclaimer'
  | 'cover'
  | 'table-of-contents'
  | 'contact'
  | 'other'

export type PdfBlock =
  | { kind: 'heading'; depth: 1 | 2 | 3 | 4 | 5 | 6; text: string; page: number }
  | { kind: 'paragraph'; text: string; page: number; footnoteRefs?: FootnoteReference[] }
  | { kind: 'list-item'; text: string; page: number; footnoteRefs?: FootnoteReference[] }
  | { kind: 'footnote'; label: string; text: string; page: number }
  /** `Figure 1. …`, `Table 2. …`, `Source: …`, `Notes: …` lines. */
  | { kind: 'caption'; text: string; page: number }
  | { kind: 'table'; rows: string[][]; caption?: string; page: number }
  | { kind: 'furniture'; furniture: FurnitureKind; text: string; page: number }

export interface PdfReading {
  metadata: PdfMetadata
  /** Every block in reading order; furniture included, marked as such. */
  blocks: PdfBlock[]
  pageCount: number
}
