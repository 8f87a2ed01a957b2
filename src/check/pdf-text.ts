// The text of each page of a PDF, as poppler's pdftotext reads it: a reader
// independent of the browser that printed the PDF.
import { spawn } from 'node:child_process'
import { EnvironmentProblem } from '../model/index.js'

export function pdfPageTexts(pdf: Uint8Array): Promise<string[]> {
  const child = spawn('pdftotext', ['-enc', 'UTF-8', '-', '-'], { stdio: ['pipe', 'pipe', 'pipe'] })
  const output: Buffer[] = []
  const errors: Buffer[] = []
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk))
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk))
  child.stdin.end(pdf)
  return new Promise((resolve, reject) => {
    child.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'ENOENT'
          ? new EnvironmentProblem(
              'pdftotext not found: install poppler-utils (apt-get install poppler-utils) to check PDF text',
            )
          : error,
      ),
    )
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`pdftotext failed: ${Buffer.concat(errors).toString().trim()}`))
      resolve(splitPages(Buffer.concat(output).toString('utf8')))
    })
  })
}

/** pdftotext ends every page with a form feed. */
export function splitPages(text: string): string[] {
  const pages = text.split('\f')
  return pages.at(-1)?.trim() === '' ? pages.slice(0, -1) : pages
}
