// A markdown tree (from a markdown file, or converted from HTML) to blocks:
// link text stays in the sentence and URLs go; tables keep rows and cells;
// footnotes become notes; and the chrome pages carry (lines made only of
// links, label/value lines and tables, glued action links) becomes furniture
// or metadata, recognised by the shape of the line, not by the site.
import type { Nodes, Parent, PhrasingContent, Root, RootContent } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified, type Processor } from 'unified'
import { parse as parseYaml } from 'yaml'
import {
  mergeMetadata,
  type BlockFootnoteRef,
  type BlockReading,
  type DocumentBlock,
  type MetadataFields,
} from './blocks.js'
import { labelField, labelledValue } from './labels.js'

/**
 * remark-gfm also looks for bare addresses in every text node, with an
 * e-mail pattern that takes quadratic time on a long run of `_` or `-`
 * (mdast-util-gfm-autolink-literal). Ingest keeps the words, not links, so
 * that pass is left out; `<https://…>` and `www.` links still parse.
 */
function withoutTextAutolinks(this: Processor): void {
  const extensions = (this.data('fromMarkdownExtensions') ?? []).flat() as { transforms?: unknown }[]
  for (const extension of extensions) delete extension.transforms
}

const parser = unified().use(remarkParse).use(remarkGfm).use(withoutTextAutolinks).use(remarkFrontmatter, ['yaml'])

/** Inline markup whose rendering changes the letters of a paragraph. */
const inlineMarkup: ReadonlySet<string> = new Set([
  'link',
  'linkReference',
  'image',
  'imageReference',
  'emphasis',
  'strong',
  'delete',
  'inlineCode',
  'html',
  'break',
  'footnoteReference',
  'footnoteDefinition',
  'table',
  'yaml',
])

/** Quick test before parsing: characters without which markdown has no inline markup. */
const markupCharacters = /[*_`[\]<|]|^---\s*$/m

/** The blocks of a markdown text, or nothing when it has no inline markup (it is then read with the file's offsets). */
export function markdownReading(text: string): BlockReading | undefined {
  if (!markupCharacters.test(text)) return undefined
  const root = parser.parse(text) as Root
  if (!hasInlineMarkup(root)) return undefined
  return treeReading(root, text)
}

function hasInlineMarkup(node: Nodes): boolean {
  if (inlineMarkup.has(node.type)) return true
  if (node.type === 'paragraph' && /^\s*\|/m.test(textOfInline(node.children).text)) return true
  return 'children' in node && (node.children as Nodes[]).some(hasInlineMarkup)
}

/** The blocks of a markdown tree; `source` is the markdown it was parsed from, when there is one. */
export function treeReading(root: Root, source?: string): BlockReading {
  const reader = new TreeReader(source)
  for (const child of root.children) reader.block(child)
  return { blocks: reader.blocks, metadata: reader.metadata }
}

/** Rendered inline text with what it was made of. */
interface InlineText {
  text: string
  /** Characters inside links. */
  linkChars: number
  links: Array<{ text: string; url: string }>
  refs: BlockFootnoteRef[]
}

const notesHeading = /^(foot|end)?notes$|^references$|^sources and notes$/i
const captionStart = /^(figure|table|chart|map|exhibit|graph|box)\s+[\dA-Z]+[.:]/i
const sourceNoteStart = /^(sources?|notes?)\s*:/i

class TreeReader {
  readonly blocks: DocumentBlock[] = []
  metadata: MetadataFields = {}
  readonly #source: string | undefined
  /** Inside a `Footnotes` or `Notes` section, numbered entries are notes. */
  #inNotes = false

  constructor(source: string | undefined) {
    this.#source = source
  }

  block(node: RootContent): void {
    switch (node.type) {
      case 'yaml':
        this.metadata = mergeMetadata(this.metadata, frontMatter(node.value))
        return
      case 'heading': {
        const text = collapse(textOfInline(node.children)).text
        if (text === '') return
        this.#inNotes = notesHeading.test(text)
        if (this.#inNotes) this.blocks.push({ kind: 'furniture', furniture: 'heading', text })
        else this.blocks.push({ kind: 'heading', depth: node.depth, text })
        return
      }
      case 'paragraph':
        this.paragraph(node.children, this.#sourceOf(node))
        return
      case 'list':
        this.list(node)
        return
      case 'table':
        this.rows(node.children.map((row) => row.children.map((cell) => collapse(textOfInline(cell.children)).text)))
        return
      case 'footnoteDefinition':
        this.blocks.push({ kind: 'footnote', label: node.label ?? node.identifier, text: plainText(node) })
        return
      case 'blockquote':
        for (const child of node.children) this.block(child)
        return
      case 'code':
        // Copied articles often indent their paragraphs, which markdown reads as indented code; fences hold code.
        if (this.#source !== undefined && !/^[ \t]*(```|~~~)/.test(this.#sourceOf(node) ?? ''))
          this.paragraph([{ type: 'text', value: node.value }], undefined)
        return
      default:
        return
    }
  }

  /** `Fiscal years 2015 through 2024, in millions of dollars` under `Table 2. …`: a short unpunctuated line after a caption. */
  #continuesCaption(text: string): boolean {
    const previous = this.blocks.at(-1)
    const afterTitle =
      previous?.kind === 'furniture' && previous.furniture === 'caption' && captionStart.test(previous.text)
    return afterTitle && !/[.!?]["”)]?$/.test(text) && text.split(/\s+/).length <= 20
  }

  /** The `Table 2. …` title among the captions just before a table. */
  #openCaption(): string | undefined {
    for (let i = this.blocks.length - 1; i >= 0; i--) {
      const block = this.blocks[i]!
      if (block.kind !== 'furniture' || block.furniture !== 'caption') return undefined
      if (captionStart.test(block.text)) return block.text
    }
    return undefined
  }

  #sourceOf(node: Nodes): string | undefined {
    const start = node.position?.start.offset
    const end = node.position?.end.offset
    return this.#source === undefined || start === undefined || end === undefined
      ? undefined
      : this.#source.slice(start, end)
  }

  paragraph(children: PhrasingContent[], source: string | undefined): void {
    const inline = textOfInline(children)
    if (source !== undefined && /^\s*\|/.test(source) && source.split('\n').every((line) => /^\s*(\||$)/.test(line))) {
      this.rows(pipeRows(inline.text))
      return
    }
    const labelled = labelLines(inline.text)
    if (labelled) {
      this.furniture('metadata', collapse(inline).text, labelled)
      return
    }
    const lines = mixedLines(children)
    if (lines) {
      this.lines(lines)
      return
    }
    const glued = gluedActionLink(children)
    if (glued) {
      this.furniture('navigation', glued.link)
      this.paragraph(glued.rest, undefined)
      return
    }
    const line = collapse(inline)
    if (line.text === '') return
    if (isLinkLine(line)) return this.furniture(downloadLike(line.text) ? 'download' : 'navigation', line.text)
    if (this.#inNotes && /^\d+\.?\s/.test(line.text)) {
      const [, label, text] = /^(\d+)\.?\s+([\s\S]*)$/.exec(line.text)!
      this.blocks.push({ kind: 'footnote', label: label!, text: text! })
      return
    }
    if (captionStart.test(line.text) || sourceNoteStart.test(line.text) || this.#continuesCaption(line.text))
      return this.furniture('caption', line.text)
    this.blocks.push(
      line.refs.length > 0
        ? { kind: 'paragraph', text: line.text, footnoteRefs: line.refs }
        : { kind: 'paragraph', text: line.text },
    )
  }

  /**
   * The lines of a paragraph that holds several kinds of line (a boxed
   * sidebar copied as `| Heading` lines, a link line with prose glued under
   * it), each read on its own; lines after a caption that are not prose
   * belong to the caption.
   */
  lines(lines: PhrasingContent[][]): void {
    let inCaption = false
    for (const line of lines) {
      const before = this.blocks.length
      this.paragraph(line, undefined)
      const added = this.blocks.slice(before)
      const last = added.at(-1)
      if (inCaption && last?.kind === 'paragraph' && !/[.!?]["”)]?$/.test(last.text)) {
        this.blocks.splice(before, added.length, { kind: 'furniture', furniture: 'caption', text: last.text })
        continue
      }
      inCaption = last?.kind === 'furniture' && last.furniture === 'caption'
    }
  }

  list(node: Extract<RootContent, { type: 'list' }>): void {
    const items = node.children.map((item) => collapse(textOfBlocks(item.children)))
    if (items.length > 0 && items.every(isLinkLine)) {
      const fragmentsOnly = items.every((item) => item.links.every((link) => link.url.includes('#')))
      this.furniture(fragmentsOnly ? 'table-of-contents' : 'navigation', items.map((item) => item.text).join('\n'))
      return
    }
    node.children.forEach((item, i) => {
      if (isLinkLine(items[i]!)) {
        const fragment = items[i]!.links.every((link) => link.url.includes('#'))
        this.furniture(fragment ? 'table-of-contents' : 'navigation', items[i]!.text)
        return
      }
      if (this.#inNotes && node.ordered) {
        const label = String((node.start ?? 1) + i)
        this.blocks.push({ kind: 'footnote', label, text: items[i]!.text })
        return
      }
      for (const child of item.children) this.block(child)
    })
  }

  /** A table: label/value rows are metadata, numbered rows under `Notes` are notes, the rest a table. */
  rows(rows: string[][]): void {
    const cells = rows.map((row) => row.map((cell) => cell.trim())).filter((row) => row.some((cell) => cell !== ''))
    if (cells.length === 0) return
    // A box of one cell per row (a figure with its caption and source lines) is lines, not a table.
    if (cells.every((row) => row.length === 1)) {
      for (const [cell] of cells) this.paragraph([{ type: 'text', value: cell! }], undefined)
      return
    }
    const metadata = labelValueRows(cells)
    if (metadata) return this.furniture('metadata', cells.map((row) => row.join(' ')).join('\n'), metadata)
    if (this.#inNotes && cells.every((row) => /^\d+\.?$/.test(row[0]!) && row.length >= 2)) {
      for (const row of cells)
        this.blocks.push({ kind: 'footnote', label: row[0]!.replace(/\.$/, ''), text: row.slice(1).join(' ') })
      return
    }
    const caption = this.#openCaption()
    this.blocks.push(caption === undefined ? { kind: 'table', rows: cells } : { kind: 'table', rows: cells, caption })
  }

  furniture(kind: Extract<DocumentBlock, { kind: 'furniture' }>['furniture'], text: string, metadata?: MetadataFields) {
    this.blocks.push(
      metadata ? { kind: 'furniture', furniture: kind, text, metadata } : { kind: 'furniture', furniture: kind, text },
    )
  }
}

/**
 * The lines of a paragraph, each without a table border (`| `), when they
 * are of different kinds: some bordered or made only of links. Wrapped prose
 * stays one paragraph.
 */
function mixedLines(children: readonly PhrasingContent[]): PhrasingContent[][] | undefined {
  const lines: PhrasingContent[][] = [[]]
  for (const child of children) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child)
      continue
    }
    child.value.split('\n').forEach((part, i) => {
      if (i > 0) lines.push([])
      if (part !== '') lines.at(-1)!.push({ type: 'text', value: part })
    })
  }
  if (lines.length < 2) return undefined
  const bordered = (line: PhrasingContent[]) => line[0]?.type === 'text' && /^\s*\|/.test(line[0].value)
  const kinds = lines.map((line) =>
    bordered(line) ? 'bordered' : isLinkLine(collapse(textOfInline(line))) ? 'links' : 'text',
  )
  if (!kinds.some((kind) => kind !== 'text')) return undefined
  return lines.map((line) =>
    line.map((child, i) => (i === 0 && child.type === 'text' ? unbordered(child.value, line.length === 1) : child)),
  )
}

function unbordered(value: string, whole: boolean): PhrasingContent {
  const text = value.replace(/^\s*\|\s?/, '')
  return { type: 'text', value: whole ? text.replace(/\s*\|\s*$/, '') : text }
}

/** Inline content rendered: link text kept, URLs, images and markup dropped, footnote marks recorded. */
export function textOfInline(children: readonly PhrasingContent[]): InlineText {
  const out: InlineText = { text: '', linkChars: 0, links: [], refs: [] }
  const walk = (nodes: readonly PhrasingContent[], inLink: boolean) => {
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
        case 'inlineCode': {
          // Emphasis markers that did not parse (`**Sources: **`, with a space before the closing pair) are no text.
          const value = node.type === 'text' ? node.value.replace(/\*{2,}|_{2,}/g, '') : node.value
          out.text += value
          if (inLink) out.linkChars += value.length
          break
        }
        case 'break':
          out.text += '\n'
          break
        case 'footnoteReference':
          out.refs.push({ label: node.label ?? node.identifier, offset: out.text.length })
          break
        case 'link':
        case 'linkReference': {
          const before = out.text.length
          walk(node.children, true)
          out.links.push({ text: out.text.slice(before), url: node.type === 'link' ? node.url : '' })
          break
        }
        case 'emphasis':
        case 'strong':
        case 'delete':
          walk(node.children, inLink)
          break
        default:
          break
      }
    }
  }
  walk(children, false)
  return out
}

/** The rendered text of block content (a list item's paragraphs), joined by spaces. */
function textOfBlocks(children: readonly Nodes[]): InlineText {
  const out: InlineText = { text: '', linkChars: 0, links: [], refs: [] }
  for (const child of children) {
    const part =
      child.type === 'paragraph' || child.type === 'heading'
        ? textOfInline(child.children)
        : 'children' in child
          ? textOfBlocks(child.children as Nodes[])
          : { text: '', linkChars: 0, links: [], refs: [] }
    if (part.text.trim() === '') continue
    if (out.text !== '') out.text += ' '
    for (const ref of part.refs) out.refs.push({ label: ref.label, offset: ref.offset + out.text.length })
    out.text += part.text
    out.linkChars += part.linkChars
    out.links.push(...part.links)
  }
  return out
}

function plainText(node: Parent): string {
  return collapse(textOfBlocks(node.children as Nodes[])).text
}

/** White space runs made single spaces and the ends trimmed, with reference marks moved along. */
export function collapse(inline: InlineText): InlineText {
  let text = ''
  const map: number[] = []
  let pendingSpace = false
  for (let i = 0; i < inline.text.length; i++) {
    const char = inline.text[i]!
    map[i] = text.length + (pendingSpace && text !== '' ? 1 : 0)
    if (/\s/.test(char)) {
      pendingSpace = true
      continue
    }
    if (pendingSpace && text !== '') text += ' '
    pendingSpace = false
    text += char
  }
  map[inline.text.length] = text.length
  const refs = inline.refs.map((ref) => ({
    label: ref.label,
    offset: Math.min(map[ref.offset] ?? text.length, text.length),
  }))
  return { ...inline, text, refs }
}

/**
 * A line made only of links (breadcrumbs, navigation, share bars, `Download
 * PDF | Version History`): most of its letters are link text, and what is
 * left is a few words at most (separators, a product number).
 */
function isLinkLine(line: InlineText): boolean {
  if (line.links.length === 0) return false
  let rest = line.text
  for (const link of line.links) rest = rest.replace(link.text, ' ')
  const restWords = rest.split(/[\s|>»›•·/,–—-]+/).filter((word) => /[\p{L}\p{N}]/u.test(word))
  const letters = line.text.replace(/\s/g, '').length
  return restWords.length <= 3 && line.linkChars >= 0.5 * letters
}

function downloadLike(text: string): boolean {
  return /\b(download|print|pdf|epub)\b/i.test(text)
}

/**
 * `[Listen](…)ENERGY STAR Program Updated …`: a one- or two-word action link
 * glued to the text that follows it, with no space between, as pages put a
 * read-aloud or share button before a heading.
 */
function gluedActionLink(children: readonly PhrasingContent[]): { link: string; rest: PhrasingContent[] } | undefined {
  const [first, second] = children
  if (first?.type !== 'link' || second?.type !== 'text' || /^\s/.test(second.value)) return undefined
  const link = textOfInline(first.children).text.trim()
  if (link === '' || link.split(/\s+/).length > 2) return undefined
  const rest = children.slice(1)
  if (textOfInline(rest).text.trim().split(/\s+/).length < 3) return undefined
  return { link, rest }
}

/** `Product Type: In Focus` lines, every line a known label with its value: the metadata they give. */
function labelLines(text: string): MetadataFields | undefined {
  const lines = text.split('\n').filter((line) => line.trim() !== '')
  if (lines.length === 0) return undefined
  let metadata: MetadataFields = {}
  let known = 0
  for (const line of lines) {
    const match = /^\s*([^:\n]{1,40}?)\s*:\s*(.*)$/.exec(line)
    if (!match || match[1]!.split(/\s+/).length > 5) return undefined
    const field = labelField(match[1]!)
    if (!field) continue
    known++
    const value = labelledValue(field, match[2]!)
    if (value) metadata = mergeMetadata(metadata, value)
  }
  // A single `Note: …` line is prose; label lines come in a group, or name a known field alone.
  return known > 0 && (lines.length > 1 || known === lines.length) && known * 2 >= lines.length ? metadata : undefined
}

/** Two-cell rows whose first cells are labels (`Author:`, `Publication Date:`): the metadata they give. */
function labelValueRows(rows: string[][]): MetadataFields | undefined {
  if (!rows.every((row) => row.length === 2 && /:$/.test(row[0]!))) return undefined
  let metadata: MetadataFields = {}
  for (const [label, value] of rows) {
    const field = labelField(label!.replace(/:$/, ''))
    const given = field ? labelledValue(field, value!) : undefined
    if (given) metadata = mergeMetadata(metadata, given)
  }
  return metadata
}

/** `| a | b \n| c | d`: rows of cells from lines of pipes (pages copied without a header row). */
function pipeRows(text: string): string[][] {
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) =>
      line
        .trim()
        .replace(/^\|/, '')
        .replace(/\|$/, '')
        .split('|')
        .map((cell) => cell.replace(/\s+/g, ' ').trim()),
    )
}

/** YAML front matter's title, date, authors and the like. */
function frontMatter(yaml: string): MetadataFields {
  let data: unknown
  try {
    data = parseYaml(yaml)
  } catch {
    return {}
  }
  if (!data || typeof data !== 'object') return {}
  let metadata: MetadataFields = {}
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const field = labelField(key)
    if (!field) continue
    const values = (Array.isArray(value) ? value : [value]).map(yamlText).filter((v): v is string => v !== undefined)
    if (values.length === 0) continue
    const given =
      field === 'authors'
        ? { authors: values.flatMap((v) => labelledValue('authors', v)?.authors ?? []) }
        : labelledValue(field, values.join(', '))
    if (given) metadata = mergeMetadata(metadata, given)
  }
  return metadata
}

function yamlText(value: unknown): string | undefined {
  if (typeof value === 'string') return value
  if (typeof value === 'number') return String(value)
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (value && typeof value === 'object' && 'name' in value && typeof value.name === 'string') return value.name
  return undefined
}
