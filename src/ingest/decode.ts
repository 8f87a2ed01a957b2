// Bytes to source text, refusing what is not a text file. Pure, so that the
// checks are testable without files.
import { BriefdeckProblem } from '../model/index.js'
import { decodeUtf8 } from '../shared/index.js'

const maxSourceBytes = 50 * 1024 * 1024

/**
 * The text of a source file. The decoder drops a byte-order mark, so offsets
 * count from the first character after it.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  checkSourceSize(bytes.length, file)
  const nul = bytes.indexOf(0)
  if (nul >= 0) {
    throw new BriefdeckProblem(
      'source looks binary (it contains a NUL byte); not a PDF, web page, Word, markdown or text file',
      { file, ...placeOfByte(bytes, nul) },
      'source-binary',
    )
  }
  const text = decodeUtf8(bytes)
  if (text === undefined) {
    const bad = firstInvalidUtf8Byte(bytes)
    throw new BriefdeckProblem(
      'source is not valid UTF-8; convert it to UTF-8 first',
      { file, ...placeOfByte(bytes, bad) },
      'source-encoding',
    )
  }
  if (text.trim() === '') throw new BriefdeckProblem('source is empty', { file }, 'source-empty')
  return text
}

/** Sources above 50 MB are refused: no policy text is that long, and it would not fit a deck. */
export function checkSourceSize(bytes: number, file: string): void {
  if (bytes > maxSourceBytes) {
    throw new BriefdeckProblem(
      `source is too large (${megabytes(bytes)} MB; the limit is ${megabytes(maxSourceBytes)} MB)`,
      { file },
      'source-too-large',
    )
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')
}

/** The offset of the first byte that cannot start or continue valid UTF-8 (found by bisection, only on failure). */
function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  let valid = 0
  let invalid = bytes.length
  while (invalid - valid > 1) {
    const middle = Math.floor((valid + invalid) / 2)
    if (decodes(bytes.subarray(0, middle), { stream: true })) valid = middle
    else invalid = middle
  }
  // The longest valid prefix may end inside a character that the next byte breaks: blame the character's first byte.
  if (decodes(bytes.subarray(0, valid), { stream: false })) return valid
  let start = valid - 1
  while (start > 0 && (bytes[start]! & 0xc0) === 0x80) start--
  return start
}

/** Whether `bytes` is valid UTF-8 (with `stream`, up to a possibly unfinished last character). */
function decodes(bytes: Uint8Array, options: { stream: boolean }): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, options)
    return true
  } catch {
    return false
  }
}

/** 1-based line and column (in characters) of a byte. */
function placeOfByte(bytes: Uint8Array, offset: number): { line: number; column: number } {
  const before = new TextDecoder('utf-8').decode(bytes.subarray(0, offset))
  const lineStart = before.lastIndexOf('\n') + 1
  return { line: before.split('\n').length, column: before.length - lineStart + 1 }
}
