// Sentence boundaries with Intl.Segmenter, corrected for the abbreviations it
// does not know.
import { nonFinalAbbreviations, sentenceOpeners } from './abbreviations.js'

export interface SentenceSpan {
  start: number
  end: number
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' })

/**
 * Paragraphs are segmented a few kilobytes at a time, joined by line breaks
 * (which always end a segment): each `segment()` call holds native ICU
 * memory until the collector runs, and one call per short paragraph costs
 * several times the text on long reports.
 */
const groupLength = 2048

/**
 * The sentences of each span of `text`, as trimmed spans into `text`. Line
 * breaks inside a paragraph are wrapping, not sentence ends, so they are read
 * as spaces (which keeps CRLF and LF sources in step).
 */
export function sentenceSpans(text: string, paragraphs: ReadonlyArray<SentenceSpan>): SentenceSpan[][] {
  const sentences: SentenceSpan[][] = []
  for (let first = 0; first < paragraphs.length;) {
    const group: string[] = []
    let length = 0
    while (first + group.length < paragraphs.length && (group.length === 0 || length < groupLength)) {
      const { start, end } = paragraphs[first + group.length]!
      const raw = text.slice(start, end)
      group.push(/[\r\n]/.test(raw) ? raw.replace(/[\r\n]/g, ' ') : raw)
      length += end - start + 1
    }
    const segments = segmentsOf(group)
    group.forEach((paragraph, i) =>
      sentences.push(sentencesOfParagraph(paragraph, paragraphs[first + i]!.start, segments[i]!)),
    )
    first += group.length
  }
  return sentences
}

/** Segment spans of each paragraph of a group, relative to the paragraph. */
function segmentsOf(group: readonly string[]): SentenceSpan[][] {
  const spans: SentenceSpan[][] = group.map(() => [])
  let paragraph = 0
  let paragraphStart = 0
  for (const { index, segment } of segmenter.segment(group.join('\n'))) {
    while (index >= paragraphStart + group[paragraph]!.length + 1) {
      paragraphStart += group[paragraph]!.length + 1
      paragraph++
    }
    const start = index - paragraphStart
    spans[paragraph]!.push({ start, end: Math.min(start + segment.length, group[paragraph]!.length) })
  }
  return spans
}

function sentencesOfParagraph(paragraph: string, offset: number, segments: readonly SentenceSpan[]): SentenceSpan[] {
  const pieces: SentenceSpan[] = []
  for (const segment of segments) {
    const previous = pieces.at(-1)
    if (
      previous &&
      endsInsideSentence(paragraph.slice(previous.start, previous.end), paragraph.slice(segment.start, segment.end))
    ) {
      previous.end = segment.end
    } else {
      pieces.push({ ...segment })
    }
  }
  return pieces
    .flatMap((piece) => trimmed(paragraph, piece))
    .map((piece) => ({ start: offset + piece.start, end: offset + piece.end }))
}

/**
 * Whether a segment break after `before` falls inside a sentence: after
 * `Gen.`, `U.S. President`, `J. Smith`, or before a lower-case word
 * (`almost 20 (!!!) years to go`), since no sentence starts in lower case.
 */
function endsInsideSentence(before: string, after: string): boolean {
  if (/^[\s("“‘']*\p{Ll}/u.test(after)) return true
  const lastWord = /(\S+)\.\s*$/.exec(before)?.[1]
  if (!lastWord) return false
  const word = lastWord.replace(/^[("“‘'[]+/, '').toLowerCase()
  if (nonFinalAbbreviations.has(word)) return true
  const isDottedShortForm = /^([a-z]\.)*[a-z]$/.test(word)
  if (!isDottedShortForm) return false
  const nextWord = /^\s*[("“‘']?([A-Za-z]+)/.exec(after)?.[1]?.toLowerCase()
  return nextWord !== undefined && !sentenceOpeners.has(nextWord)
}

/** The span without surrounding white space; nothing when it holds no letter or digit. */
function trimmed(text: string, span: SentenceSpan): SentenceSpan[] {
  const slice = text.slice(span.start, span.end)
  if (!/[\p{L}\p{N}]/u.test(slice)) return []
  const leading = slice.length - slice.trimStart().length
  const trailing = slice.length - slice.trimEnd().length
  return [{ start: span.start + leading, end: span.end - trailing }]
}
