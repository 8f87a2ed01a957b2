// Markdown structure through unified + remark-parse: which spans of the text
// are headings and which are paragraphs. Plain text is markdown too (every
// run of lines between blank lines is a paragraph).
import type { Heading, Nodes, Root } from 'mdast'
import remarkParse from 'remark-parse'
import { unified } from 'unified'

export interface TextBlock {
  type: 'paragraph' | 'heading'
  /** Heading level 1-6; 0 for paragraphs. */
  depth: number
  start: number
  end: number
}

/**
 * micromark keeps an event for every token of the text it parses, which costs
 * about 30 times the input in memory; parsing at most this many characters at
 * a time keeps ingest within a small multiple of the input on long reports.
 */
const chunkSize = 16 * 1024

const parser = unified().use(remarkParse)

/** The headings and paragraphs of a markdown text, in document order, with offsets into `text`. */
export function markdownBlocks(text: string): TextBlock[] {
  const blocks: TextBlock[] = []
  for (const chunk of markdownChunks(text)) {
    const source = text.slice(chunk.start, chunk.end)
    if (isProse(source)) blocks.push(...proseBlocks(source, chunk.start))
    else blocks.push(...remarkBlocks(source, chunk.start))
  }
  return blocks
}

/** The blocks remark-parse finds in `source`, with offsets moved by `offset`. */
export function remarkBlocks(source: string, offset: number): TextBlock[] {
  const blocks: TextBlock[] = []
  collectBlocks(parser.parse(source) as Root, offset, source, blocks)
  return blocks
}

/**
 * A line that may open a markdown block other than a paragraph (CommonMark
 * sections 4 and 5: headings, breaks, fences, HTML, link definitions, block
 * quotes, lists, indented code), or a setext underline.
 */
const blockSyntax = /^(?: {0,3}(?:[#>*+\-=_`~<[]|\d{1,9}[.)])| {4}|\t)/m

/**
 * Whether `source` holds only paragraphs separated by blank lines. Most
 * copied articles are such prose, and splitting it at blank lines gives the
 * paragraphs remark would give three times faster (tests/ingest check both
 * agree); anything else goes through remark.
 */
export function isProse(source: string): boolean {
  return !blockSyntax.test(source)
}

/** The paragraphs of prose: runs of non-blank lines. */
export function proseBlocks(source: string, offset: number): TextBlock[] {
  const blocks: TextBlock[] = []
  let start = -1
  let end = 0
  for (const line of source.matchAll(/[^\r\n]*(?:\r\n?|\n|$)/g)) {
    const content = line[0].replace(/[\r\n]+$/, '')
    if (content.trim() === '') {
      if (start >= 0) blocks.push({ type: 'paragraph', depth: 0, start: offset + start, end: offset + end })
      start = -1
    } else {
      if (start < 0) start = line.index + content.length - content.trimStart().length
      end = line.index + content.trimEnd().length
    }
    if (line[0] === '') break
  }
  if (start >= 0) blocks.push({ type: 'paragraph', depth: 0, start: offset + start, end: offset + end })
  return blocks
}

/**
 * Cuts the text at blank lines outside fenced code, so that every chunk is
 * whole markdown blocks. A list whose items are separated by blank lines may
 * be cut between items; each item still parses as a paragraph.
 */
function markdownChunks(text: string): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = []
  const lineBreak = /\r\n?|\n/g
  let chunkStart = 0
  let lineStart = 0
  let fence: string | null = null
  while (lineStart < text.length) {
    lineBreak.lastIndex = lineStart
    const match = lineBreak.exec(text)
    const lineEnd = match ? match.index : text.length
    const next = match ? match.index + match[0].length : text.length
    const line = text.slice(lineStart, lineEnd)
    fence = nextFenceState(line, fence)
    if (fence === null && line.trim() === '' && next - chunkStart >= chunkSize) {
      chunks.push({ start: chunkStart, end: next })
      chunkStart = next
    }
    lineStart = next
  }
  if (chunkStart < text.length || chunks.length === 0) chunks.push({ start: chunkStart, end: text.length })
  return chunks
}

/** The fence that is open after `line`, given the one open before it. */
function nextFenceState(line: string, open: string | null): string | null {
  const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1]
  if (!marker) return open
  if (open === null) return marker
  return marker[0] === open[0] && marker.length >= open.length && line.trim() === marker ? null : open
}

function collectBlocks(node: Nodes, offset: number, source: string, into: TextBlock[]): void {
  switch (node.type) {
    case 'heading':
      pushHeading(node, offset, into)
      return
    case 'paragraph':
      pushSpan('paragraph', 0, node, offset, into)
      return
    case 'code':
      // Copied articles often indent their paragraphs, which markdown reads
      // as indented code; fenced code is code and carries no argument.
      if (!isFenced(node, source)) pushSpan('paragraph', 0, node, offset, into)
      return
    case 'root':
    case 'blockquote':
    case 'list':
    case 'listItem':
      for (const child of node.children) collectBlocks(child, offset, source, into)
      return
    default:
      return
  }
}

function pushHeading(node: Heading, offset: number, into: TextBlock[]): void {
  const first = node.children[0]?.position
  const last = node.children.at(-1)?.position
  if (!first || !last) return
  into.push({ type: 'heading', depth: node.depth, start: offset + first.start.offset!, end: offset + last.end.offset! })
}

function pushSpan(type: TextBlock['type'], depth: number, node: Nodes, offset: number, into: TextBlock[]): void {
  const position = node.position
  if (!position || position.start.offset === undefined || position.end.offset === undefined) return
  into.push({ type, depth, start: offset + position.start.offset, end: offset + position.end.offset })
}

function isFenced(node: Nodes, source: string): boolean {
  const start = node.position?.start.offset
  return start !== undefined && /^[ \t]*(```|~~~)/.test(source.slice(start, start + 8))
}
