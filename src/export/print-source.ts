// What a deck's print site is built from, and the texts its print page is
// given: the deck's print slides and texts (model `printCatalogue`) when the
// render wrote them for the slides.md the folder has, else slides.md itself,
// with no texts. A slides.md edited since (by hand, say) prints as edited.
import { readFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { PrintTexts, printCatalogue } from '../model/index.js'
import { sha256 } from '../shared/index.js'

export interface PrintSource {
  /** The markdown the site is built from. */
  readonly entry: string
  /** The texts the page puts back, for a site built from print slides. */
  readonly texts?: readonly string[]
}

export async function printSource(slidesPath: string): Promise<PrintSource> {
  const dir = dirname(slidesPath)
  const [slides, catalogue] = await Promise.all([
    readFile(slidesPath),
    readFile(join(dir, printCatalogue.texts), 'utf8').then(readTexts, () => undefined),
  ])
  if (catalogue?.slides !== sha256(slides)) return { entry: slidesPath }
  return { entry: join(dir, printCatalogue.slides), texts: catalogue.texts }
}

/** A file that does not read as print texts is as good as none: it is derived, and slides.md holds everything. */
function readTexts(json: string): PrintTexts | undefined {
  try {
    return PrintTexts.parse(JSON.parse(json))
  } catch {
    return undefined
  }
}
