// Reading exported files the way a recipient's tools do, independently of
// the code that wrote them: poppler for PDF facts and text, pdf-lib for the
// outline, the PNG header for picture sizes; and plain bytes for what a
// folder holds.
import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync, type Dirent } from 'node:fs'
import { join, relative } from 'node:path'
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib'

/** `pdfinfo` as a map: `Pages`, `Tagged`, `Title`, `Author`… */
export function pdfInfo(path: string): Record<string, string> {
  const lines = execFileSync('pdfinfo', [path], { encoding: 'utf8' }).split('\n')
  return Object.fromEntries(
    lines
      .filter((line) => line.includes(':'))
      .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 1).trim()]),
  )
}

/** The text of each page, as `pdftotext` reads it. */
export function pdfPages(path: string): string[] {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1)
}

/** Titles of the outline's top level, in order. */
export async function outlineTitles(path: string): Promise<string[]> {
  const document = await PDFDocument.load(readFileSync(path))
  const outlines = document.catalog.lookupMaybe(PDFName.of('Outlines'), PDFDict)
  const titles: string[] = []
  for (
    let item = outlines?.lookupMaybe(PDFName.of('First'), PDFDict);
    item;
    item = item.lookupMaybe(PDFName.of('Next'), PDFDict)
  ) {
    titles.push(item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText())
  }
  return titles
}

export function pngSize(path: string): { width: number; height: number } {
  const header = readFileSync(path).subarray(0, 24)
  return { width: header.readUInt32BE(16), height: header.readUInt32BE(20) }
}

/** The files under `dir` whose bytes hold `text` (as UTF-8), relative to it: what someone handed the folder could read. */
export function filesHolding(dir: string, text: string): string[] {
  const needle = Buffer.from(text)
  return (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .filter((path) => readFileSync(path).includes(needle))
    .map((path) => relative(dir, path))
}
