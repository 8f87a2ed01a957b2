// What a source file is, from its first bytes before its name: `%PDF`, a zip
// holding `word/document.xml`, HTML markup, or else text (markdown when its
// name says so).
import { BriefdeckProblem, type SourceFormat } from '../model/index.js'

const pdfMagic = '%PDF-'
const zipMagic = [0x50, 0x4b, 0x03, 0x04]

/** How far into the file a PDF header may start (PDF 1.7, annex H: within the first 1024 bytes). */
const pdfHeaderWindow = 1024

export function detectFormat(bytes: Uint8Array, file: string): SourceFormat {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, pdfHeaderWindow))
  if (head.includes(pdfMagic)) return 'pdf'
  if (zipMagic.every((byte, i) => bytes[i] === byte)) {
    if (zipHolds(bytes, 'word/document.xml')) return 'docx'
    throw new BriefdeckProblem(
      'source is a zip archive but not a Word document (no word/document.xml); give a .docx, PDF, HTML, markdown or text file',
      { file },
      'source-format',
    )
  }
  if (looksLikeHtml(head)) return 'html'
  return /\.(md|markdown|mdown|mkd)$/i.test(file) ? 'markdown' : 'text'
}

/**
 * Whether a zip's central directory names `entry`. The names are stored as
 * plain bytes, so a search for them is enough to tell a Word file from
 * another zip before any unpacking.
 */
function zipHolds(bytes: Uint8Array, entry: string): boolean {
  const name = new TextEncoder().encode(entry)
  outer: for (let i = 0; i + name.length <= bytes.length; i++) {
    for (let j = 0; j < name.length; j++) if (bytes[i + j] !== name[j]) continue outer
    return true
  }
  return false
}

/** A document that opens (after white space, a BOM or comments) with a doctype or an `<html>`/`<head>`/`<body>` tag. */
function looksLikeHtml(head: string): boolean {
  const start = head
    .replace(/^\uFEFF|^\xEF\xBB\xBF/, '')
    .replace(/^(\s|<!--[\s\S]*?-->|<\?xml[^>]*>)*/, '')
    .slice(0, 200)
    .toLowerCase()
  return /^<!doctype html|^<(html|head|body)[\s>]/.test(start)
}
