// Reading the files people hand briefdeck (briefs, templates, profiles,
// review files): one strict way, with one-line errors for what users give
// by mistake (a folder, a binary, a file in another encoding).
import { access, readFile, stat } from 'node:fs/promises'
import { BriefdeckProblem } from '../model/index.js'

export function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  )
}

export function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isFile(),
    () => false,
  )
}

export function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (info) => info.isDirectory(),
    () => false,
  )
}

/** The text of UTF-8 bytes (a byte-order mark dropped), or undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return undefined
  }
}

export interface TextFileOptions {
  /** The `ruleId` of the problems this read reports. */
  readonly ruleId: string
  /** What the file should hold, for the message about a binary file: `YAML text`. */
  readonly expected?: string
  /** Files above this size are refused, with `kind` in the message: `a brief is at most 1048576`. */
  readonly maxBytes?: number
  readonly kind?: string
}

/** Reads a UTF-8 text file; a missing, binary, oversized or non-UTF-8 file is a `BriefdeckProblem` naming it. */
export async function readTextFile(path: string, options: TextFileOptions): Promise<string> {
  const fail = (reason: string) => new BriefdeckProblem(reason, { file: path }, options.ruleId)
  const info = await stat(path).catch(() => {
    throw fail('file not found')
  })
  if (!info.isFile()) throw fail('not a file')
  if (options.maxBytes !== undefined && info.size > options.maxBytes)
    throw fail(`file is too large (${info.size} bytes; ${options.kind ?? 'a file'} is at most ${options.maxBytes})`)
  const bytes = await readFile(path)
  if (bytes.includes(0)) throw fail(`binary file, expected ${options.expected ?? 'text'}`)
  const text = decodeUtf8(bytes)
  if (text === undefined) throw fail('not UTF-8 text')
  return text
}
