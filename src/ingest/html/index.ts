// A web page (or the HTML mammoth makes of a Word file) to blocks: parsed
// with rehype-parse, its main content found by rules over hast, footnote
// marks and notes recognised, then converted to mdast so that the markdown
// reader serves both. Nothing runs and nothing is fetched: scripts are text
// to drop, images are never loaded.
import type { Element, ElementContent, Root } from 'hast'
import { toMdast, type Handle } from 'hast-util-to-mdast'
import type { FootnoteReference, Root as MdastRoot } from 'mdast'
import rehypeParse from 'rehype-parse'
import { unified } from 'unified'
import { BriefdeckProblem } from '../../model/index.js'
import { mergeMetadata, type BlockReading, type DocumentBlock } from '../blocks.js'
import { treeReading } from '../markdown-reading.js'
import { mainContent } from './main-content.js'
import { pageMetadata } from './metadata.js'
import { elements, rawText } from './tree.js'

const parser = unified().use(rehypeParse)

/**
 * Markup beyond this is refused before parsing: parse5 holds several times
 * the page in memory, and no article needs it (saved pages with inline
 * images are the usual cause).
 */
const maxHtmlCharacters = 16 * 1024 * 1024

/** A saved web page: metadata from its head, blocks from its main content. */
export function htmlReading(html: string, file: string): BlockReading {
  const tree = parseHtml(html, file)
  const metadata = pageMetadata(tree)
  const { content, removed } = mainContent(tree)
  const reading = contentReading(content)
  const chrome: DocumentBlock[] = removed.map(({ kind, text }) => ({ kind: 'furniture', furniture: kind, text }))
  return { blocks: [...chrome, ...reading.blocks], metadata: mergeMetadata(metadata, reading.metadata) }
}

/** HTML that is all content (a Word file through mammoth): every block of its body. */
export function documentHtmlReading(html: string, file: string): BlockReading {
  const tree = parseHtml(html, file)
  const body: Element = { type: 'element', tagName: 'div', properties: {}, children: tree.children as ElementContent[] }
  return contentReading(body)
}

function parseHtml(html: string, file: string): Root {
  if (html.length > maxHtmlCharacters)
    throw new BriefdeckProblem(
      `web page is too large to read (${Math.round(html.length / 1024 / 1024)} MB of markup; the limit is ${maxHtmlCharacters / 1024 / 1024} MB)`,
      { file },
      'source-too-large',
    )
  return parser.parse(withoutInertMarkup(html))
}

/**
 * The page without what is never text: scripts (JSON-LD kept, it is
 * metadata), styles, inline SVG drawings, noscript, template and iframe
 * bodies, comments, and data, srcset and event-handler attributes. Saved
 * pages are often mostly these, and dropping them before parsing halves the
 * time parse5 takes. Their ends are found as the HTML tokenizer finds them:
 * the first `</script`, `</style`, `-->`.
 */
function withoutInertMarkup(html: string): string {
  return html
    .replace(/<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi, (whole, attributes: string) =>
      /application\/ld\+json/i.test(attributes) ? whole : '',
    )
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, '')
    .replace(/<(noscript|template|iframe)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\s(?:data-[\w-]+|srcset|sizes|on\w+)="[^"]*"/gi, '')
}

function contentReading(content: Element): BlockReading {
  const notes = takeNotes(content)
  const captions = tableCaptions(content)
  const mdast = toMdast({ type: 'root', children: [content] }, { handlers: { sup: footnoteMark(notes.labels) } })
  const reading = treeReading(mdast as MdastRoot)
  const footnotes: DocumentBlock[] = notes.texts.map(([label, text]) => ({ kind: 'footnote', label, text }))
  const blocks = reading.blocks.map((block) => {
    if (block.kind !== 'table' || block.caption !== undefined) return block
    const caption = captions.shift()
    return caption ? { ...block, caption } : block
  })
  return { blocks: [...blocks, ...footnotes], metadata: reading.metadata }
}

/** The `<caption>` of each table in order (an empty string for a table without one); mdast has no place for them. */
function tableCaptions(content: Element): string[] {
  const captions: string[] = []
  for (const element of elements(content)) {
    if (element.tagName !== 'table') continue
    const caption = element.children.find(
      (child): child is Element => child.type === 'element' && child.tagName === 'caption',
    )
    captions.push(caption ? rawText(caption).replace(/\s+/g, ' ').trim() : '')
  }
  return captions
}

interface Notes {
  /** Note labels by the id the reference mark links to. */
  labels: Map<string, string>
  texts: Array<[string, string]>
}

/**
 * Footnotes as HTML writes them: a superscript link to an element of the
 * page (`<sup><a href="#fn1">1</a></sup>` … `<li id="fn1">`). The notes are
 * taken out of the content, so they become notes, not prose.
 */
function takeNotes(content: Element): Notes {
  const labels = new Map<string, string>()
  for (const element of elements(content)) {
    if (element.tagName !== 'sup') continue
    const link = element.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a')
    const href = link ? String(link.properties['href'] ?? '') : ''
    const label = rawText(element).replace(/[[\]\s]/g, '')
    if (href.startsWith('#') && /^[\dA-Za-z*†‡]{1,4}$/.test(label)) labels.set(href.slice(1), label)
  }
  const texts: Array<[string, string]> = []
  if (labels.size === 0) return { labels, texts }
  const remove = (parent: Element) => {
    parent.children = parent.children.filter((child) => {
      if (child.type !== 'element') return true
      const id = String(child.properties['id'] ?? '')
      const label = labels.get(id)
      if (label !== undefined) {
        texts.push([label, noteText(child)])
        return false
      }
      remove(child)
      return true
    })
  }
  remove(content)
  return { labels, texts }
}

/** A note's text without its link back to the mark (`↑`, `^`). */
function noteText(note: Element): string {
  const strip = (element: Element): string =>
    element.children
      .map((child) => {
        if (child.type === 'text') return child.value
        if (child.type !== 'element') return ''
        const href = String(child.properties['href'] ?? '')
        if (child.tagName === 'a' && href.startsWith('#') && /^(?:\s|↑|\^|↩\uFE0E?|⤴)*$/u.test(rawText(child)))
          return ''
        return strip(child)
      })
      .join(' ')
  return strip(note).replace(/\s+/g, ' ').trim()
}

/** The mdast handler that turns a superscript note mark into a footnote reference. */
function footnoteMark(labels: Map<string, string>): Handle {
  return (state, node) => {
    const link = node.children.find((child): child is Element => child.type === 'element' && child.tagName === 'a')
    const href = link ? String(link.properties['href'] ?? '') : ''
    const label = href.startsWith('#') ? labels.get(href.slice(1)) : undefined
    if (label === undefined) return state.all(node)
    const reference: FootnoteReference = { type: 'footnoteReference', identifier: label, label }
    return reference
  }
}
