// The text of each page of a PDF, as poppler's pdftotext reads it: a reader
// independent of the browser that printed the PDF.
import { EnvironmentProblem } from '../model/index.js'
import { runProcess } from '../shared/index.js'

export async function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const { exitCode, stdout, stderr } = await runProcess('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
    input: pdf,
    install: 'poppler-utils (apt-get install poppler-utils) to check PDF text',
  })
  // The PDF is ours, printed by Chromium a moment ago: when poppler cannot read it, the machine's poppler is at fault.
  if (exitCode !== 0) throw new EnvironmentProblem(`pdftotext could not read a printed PDF: ${stderr.trim()}`)
  return splitPages(stdout)
}

/** pdftotext ends every page with a form feed. */
export function splitPages(text: string): string[] {
  const pages = text.split('\f')
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages
}
