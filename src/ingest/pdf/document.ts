// Opens a PDF with pdf.js and returns each page's text runs with their positions, and the document
// information dictionary. Nothing in the file runs (no eval, no font loading) and nothing is fetched.
import { BriefdeckProblem } from '../../model/index.js'

/** One run of text as pdf.js reports it, in PDF user space (y grows upwards, baseline at `y`). */
export interface TextRun {
  text: string
  x: number
  y: number
  width: number
  /** Font size in points (the text matrix's vertical scale). */
  size: number
  font: string
}

export interface PageText {
  /** 1-based. */
  number: number
  width: number
  height: number
  runs: TextRun[]
}

export interface DocumentInfo {
  title?: string
  author?: string
  subject?: string
  keywords?: string
  creationDate?: string
}

export interface PdfText {
  pages: PageText[]
  info: DocumentInfo
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs')
let pdfjs: Promise<PdfJs> | undefined

/** pdf.js is large: loaded once, on the first PDF. The legacy build runs in Node without a worker thread. */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs')
  return pdfjs
}

export async function readPdfText(bytes: Uint8Array, file: string): Promise<PdfText> {
  const { getDocument } = await loadPdfJs()
  const task = getDocument({
    // A copy, and a plain Uint8Array (pdf.js refuses Node's Buffer): pdf.js may take ownership of it.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    stopAtErrors: false,
    verbosity: 0,
  })
  let document
  try {
    document = await task.promise
  } catch (error) {
    await task.destroy()
    throw openingProblem(error, file)
  }
  try {
    const pages: PageText[] = []
    for (let number = 1; number <= document.numPages; number++) pages.push(await readPage(document, number))
    if (!pages.some((page) => page.runs.some((run) => run.text.trim() !== ''))) {
      throw new BriefdeckProblem(
        'has no text layer (a scanned PDF?); run it through OCR first (for example ocrmypdf) and read the result',
        { file },
        'pdf-no-text',
      )
    }
    return { pages, info: documentInfo((await document.getMetadata()).info) }
  } catch (error) {
    if (error instanceof BriefdeckProblem) throw error
    throw new BriefdeckProblem(`cannot be read as a PDF (${messageOf(error)})`, { file }, 'pdf-corrupt', {
      cause: error,
    })
  } finally {
    await document.destroy()
  }
}

type PdfDocument = Awaited<ReturnType<PdfJs['getDocument']>['promise']>

async function readPage(document: PdfDocument, number: number): Promise<PageText> {
  const page = await document.getPage(number)
  const [, , width, height] = page.view as [number, number, number, number]
  const content = await page.getTextContent()
  const runs: TextRun[] = []
  for (const item of content.items) {
    if (!('str' in item) || item.str === '') continue
    const [a, b, c, d, x, y] = item.transform as [number, number, number, number, number, number]
    // Rotated text (axis labels of charts, stamps in the margin) is not part of the reading flow.
    if (Math.abs(b) > 0.01 * Math.abs(a) || Math.abs(c) > 0.01 * Math.abs(d)) continue
    runs.push({ text: item.str, x, y, width: item.width, size: Math.hypot(c, d), font: item.fontName })
  }
  page.cleanup()
  return { number, width, height, runs }
}

function openingProblem(error: unknown, file: string): BriefdeckProblem {
  const name = error instanceof Error ? error.name : ''
  if (name === 'PasswordException') {
    return new BriefdeckProblem(
      'is encrypted with a password; save an unprotected copy and read that',
      { file },
      'pdf-encrypted',
      { cause: error },
    )
  }
  return new BriefdeckProblem(
    `is not a readable PDF, perhaps truncated or corrupt (${messageOf(error)})`,
    { file },
    'pdf-corrupt',
    { cause: error },
  )
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}

function documentInfo(raw: unknown): DocumentInfo {
  const record = (raw ?? {}) as Record<string, unknown>
  const text = (key: string): string | undefined => {
    const value = record[key]
    return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
  }
  const info: DocumentInfo = {}
  const fields = [
    ['title', 'Title'],
    ['author', 'Author'],
    ['subject', 'Subject'],
    ['keywords', 'Keywords'],
    ['creationDate', 'CreationDate'],
  ] as const
  for (const [field, key] of fields) {
    const value = text(key)
    if (value !== undefined) info[field] = value
  }
  return info
}
