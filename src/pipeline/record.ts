// The build record each deck folder keeps (`.briefdeck-build.json`): what
// the deck was made from and what its last export wrote. It is a dot-file so
// that the print site's own fingerprint, which hashes the deck's files, leaves it out.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join, relative, resolve } from 'node:path'
import type { InspectedDeck } from '../check/index.js'
import { exists, writeFileAtomic } from '../shared/index.js'
import { DeckBuildRecord, type ExportRecord, type ExportedDeck, type RenderedDeck } from '../model/index.js'

export const recordFile = '.briefdeck-build.json'

/** The deck folder's record, or nothing when it has none (or one this briefdeck cannot read: the deck is built again). */
export async function readRecord(deckDir: string): Promise<DeckBuildRecord | undefined> {
  const text = await readFile(join(deckDir, recordFile), 'utf8').catch(() => undefined)
  if (text === undefined) return undefined
  try {
    const result = DeckBuildRecord.safeParse(JSON.parse(text))
    return result.success ? result.data : undefined
  } catch {
    return undefined
  }
}

export function writeRecord(deckDir: string, record: DeckBuildRecord): Promise<void> {
  return writeFileAtomic(join(deckDir, recordFile), `${JSON.stringify(record, null, 2)}\n`)
}

/** A hash of the deck's files as rendered, in path order. */
export function contentHash(deck: RenderedDeck): string {
  const hash = createHash('sha256')
  for (const path of Object.keys(deck.files).sort()) {
    const text = deck.files[path] ?? ''
    hash.update(`${Buffer.byteLength(path)}:${path}${Buffer.byteLength(text)}:`).update(text)
  }
  return hash.digest('hex')
}

export function exportRecord(
  deckDir: string,
  exported: ExportedDeck,
  keys: { readonly content: string; readonly settings: string; readonly browser: string },
  checked: InspectedDeck | undefined,
): ExportRecord {
  const inDeck = (path: string) => relative(deckDir, path)
  return {
    ...keys,
    pdf: { ...exported.pdf, path: inDeck(exported.pdf.path) },
    handout: { ...exported.handout, path: inDeck(exported.handout.path) },
    slideImages: exported.slideImages.map(inDeck),
    contactSheet: inDeck(exported.contactSheet),
    ...(exported.pptx ? { pptx: inDeck(exported.pptx) } : {}),
    blockedRequests: [...exported.blockedRequests],
    ...(checked ? { check: checked.check, contrast: checked.contrast } : {}),
  }
}

/** The export a record describes, with paths in the deck folder as it is now. */
export function recordedExport(deckDir: string, audience: string, record: ExportRecord): ExportedDeck {
  const inDeck = (path: string) => resolve(deckDir, path)
  return {
    audience,
    pdf: { ...record.pdf, path: inDeck(record.pdf.path) },
    handout: { ...record.handout, path: inDeck(record.handout.path) },
    slideImages: record.slideImages.map(inDeck),
    contactSheet: inDeck(record.contactSheet),
    ...(record.pptx ? { pptx: inDeck(record.pptx) } : {}),
    blockedRequests: record.blockedRequests,
  }
}

/** Whether every file the record names is still there: someone may have deleted a PDF by hand. */
export async function recordedFilesExist(deckDir: string, record: ExportRecord): Promise<boolean> {
  const files = [record.pdf.path, record.handout.path, record.contactSheet, ...record.slideImages]
  if (record.pptx) files.push(record.pptx)
  const found = await Promise.all(files.map((file) => exists(resolve(deckDir, file))))
  return found.every(Boolean)
}
