// Reads a PDF's text layer into laid-out blocks (see types.ts). Placeholder until the PDF reader lands.
import { BriefdeckProblem } from '../../model/index.js'
import type { PdfReading } from './types.js'

export type { PdfBlock, PdfMetadata, PdfReading, FootnoteReference, FurnitureKind } from './types.js'

export async function readPdf(_bytes: Uint8Array, file: string): Promise<PdfReading> {
  throw new BriefdeckProblem('PDF sources are not read yet', { file }, 'source-format')
}
