// Sites of small texts written in a test: paragraphs of sentences, with a
// title and a heading for every paragraph (or one for all).
import { sitesOf, type UnitSite } from '../../src/extract/site.js'
import { unitsOf } from '../../src/extract/units.js'
import type { Sentence } from '../../src/model/index.js'

export function sites(
  paragraphs: string[][],
  options: { title?: string; heading?: string | string[]; thesis?: number } = {},
): UnitSite[] {
  let start = 0
  let index = 0
  const sentences: Sentence[] = paragraphs.flatMap((texts, paragraph) =>
    texts.map((text) => {
      const sentence = { index: index++, paragraph, start, end: start + text.length, text }
      start += text.length + 1
      return sentence
    }),
  )
  const headingOf = (paragraph: number) =>
    (Array.isArray(options.heading) ? options.heading[paragraph] : options.heading) ?? null
  const result = sitesOf(unitsOf(sentences), options.title ?? null, (unit) => headingOf(unit.sentence.paragraph))
  for (const site of result) site.thesis = options.thesis
  return result
}
