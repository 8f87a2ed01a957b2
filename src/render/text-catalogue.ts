// A deck's print site is a Vite build, most of an export's time, yet an edit
// of a brief or a source mostly changes words, not the slides' make-up. So
// the site is built from the deck's slides with every text from the plan
// taken out (`print-slides.md`, each text a Vue interpolation of its number)
// and the texts kept beside it (`print-texts.json`), which the print page
// puts back as it draws (export/print-page.ts, export/print-site-config.ts).
// A deck whose words alone changed prints from the site it already has.
//
// Vue interpolates only in text: a template that puts a text in an
// attribute, a code span or a link address gets no catalogue, and its deck
// prints from slides.md as before.
import { parseSync } from '@slidev/parser/core'
import type { Nodes } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { printCatalogue } from '../model/index.js'
import { slideTextLine } from './escape.js'

/** Takes the texts of one rendering out, in order, each replaced by its interpolation. */
export interface TextCollector {
  readonly texts: string[]
  take(text: string): string
}

export function textCollector(): TextCollector {
  const texts: string[] = []
  return {
    texts,
    take(text) {
      texts.push(slideTextLine(text))
      return `{{ ${printCatalogue.textFunction}(${texts.length - 1}) }}`
    },
  }
}

const interpolation = new RegExp(`\\{\\{ ${printCatalogue.textFunction}\\(\\d+\\) \\}\\}`, 'g')

/**
 * Whether every text of the skeleton lands where Vue interpolates it: in
 * markdown text, or in raw HTML between tags. Read with remark, which keeps
 * code, link addresses, image descriptions and tags apart from text.
 */
export function interpolatesEveryText(skeleton: string): boolean {
  const parser = unified().use(remarkParse)
  let inText = 0
  const visit = (node: Nodes): void => {
    // `[label](…)` with a text as its address reads as text here, for the spaces of the interpolation, but as a link in slides.md.
    if (node.type === 'text') inText += count(node.value) - count(node.value, linkAddress)
    else if (node.type === 'html') inText += /\bv-pre\b/.test(node.value) ? 0 : count(betweenTags(node.value))
    if ('children' in node) node.children.forEach(visit)
  }
  for (const slide of parseSync(skeleton, printCatalogue.slides).slides) visit(parser.parse(slide.content))
  return inText === count(skeleton)
}

const linkAddress = new RegExp(`\\]\\(\\s*${interpolation.source}`, 'g')

function count(text: string, pattern = interpolation): number {
  return text.match(pattern)?.length ?? 0
}

/** Raw HTML less its tags and comments: what an element shows as text. */
function betweenTags(html: string): string {
  return html.replace(/<!--[\s\S]*?-->/g, ' ').replace(/<[^>]*>/g, ' ')
}
