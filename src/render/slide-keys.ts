// A key per slide of a rendered deck, of everything its picture is drawn
// from: its own markdown, its place in the deck, and the deck around it, that
// is the theme and the other files Slidev reads, and every slide's
// frontmatter and title, which the banner, the numbering or a table of
// contents may show; and what draws it, briefdeck's code with the Slidev it
// builds with. Two slides with one key draw alike, so an export may take
// over an earlier export's picture of a slide whose key is unchanged.
import { createHash } from 'node:crypto'
import { parseSync } from '@slidev/parser/core'
import { printCatalogue, type RenderedDeck } from '../model/index.js'
import { hashParts } from '../shared/index.js'

/**
 * Files that add nothing to what a slide is drawn from: the plan, written
 * beside the slides for briefdeck, and the text catalogue, which is the
 * slides again in two parts.
 */
const notDrawn = new Set(['deck-plan.json', printCatalogue.slides, printCatalogue.texts])

/** `code`: briefdeck's version as far as its output goes (`BriefInputs.code`). */
export function slideKeys(deck: RenderedDeck, code: string): string[] {
  const slides = parseSync(deck.files['slides.md'] ?? '', 'slides.md').slides
  const otherFiles = Object.keys(deck.files)
    .filter((path) => path !== 'slides.md' && !notDrawn.has(path))
    .sort()
  const around = hashParts(createHash('sha256'), [
    code,
    ...otherFiles.flatMap((path) => [path, deck.files[path] ?? '']),
    ...slides.flatMap((slide) => [JSON.stringify(slide.frontmatter), slide.title ?? '']),
  ]).digest('hex')
  return slides.map((slide, index) =>
    hashParts(createHash('sha256'), [around, String(index), String(slides.length), slide.raw]).digest('hex'),
  )
}
