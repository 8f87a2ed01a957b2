// What every format is read into before it becomes a SourceDocument: blocks
// in reading order with what the format tells about each, and metadata hints.
// The PDF reader, the markdown tree, HTML and Word all converge here.
import type { NoiseKind, SourceMetadata } from '../model/index.js'

export type MetadataFields = Partial<Omit<SourceMetadata, 'id'>>

/** A footnote reference mark removed from a block's text, at `offset` in that text. */
export interface BlockFootnoteRef {
  label: string
  offset: number
}

export type DocumentBlock =
  | { kind: 'heading'; depth: number; text: string }
  | { kind: 'paragraph'; text: string; footnoteRefs?: BlockFootnoteRef[] }
  | { kind: 'footnote'; label: string; text: string }
  | { kind: 'table'; rows: string[][]; caption?: string }
  | { kind: 'furniture'; furniture: NoiseKind; text: string; metadata?: MetadataFields }

/** A format reader's result: the blocks, and metadata from outside the body (front matter, meta tags, properties). */
export interface BlockReading {
  blocks: DocumentBlock[]
  /** Metadata that wins over what the layout finds (front matter, JSON-LD, label/value tables). */
  metadata: MetadataFields
  /** Metadata used only where nothing else gives the field (a PDF's info dictionary, Word core properties). */
  fallback?: MetadataFields
}

/** `a` completed by `b`: fields `a` leaves empty are taken from `b`. */
export function mergeMetadata(a: MetadataFields, b: MetadataFields): MetadataFields {
  const merged: MetadataFields = { ...a }
  for (const [field, value] of Object.entries(b) as Array<
    [keyof MetadataFields, MetadataFields[keyof MetadataFields]]
  >) {
    const current = merged[field]
    const empty = current == null || (Array.isArray(current) && current.length === 0)
    if (empty && value != null) (merged as Record<string, unknown>)[field] = value
  }
  return merged
}
