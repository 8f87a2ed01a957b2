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

/**
 * ICU's sentence segmenter slows down far faster than the text grows on some
 * inputs (`U.S. U.S. …`: 20k of them take a second, 40k seventeen), so it
 * is given a window at a time. The last segment of a window may be cut short
 * by the window's end, so the next window starts where that segment starts;
 * a window without any break (no sentence is that long) is cut where it ends.
 */
const windowLength = 8192

function* boundedSegments(text: string): Generator<{ index: number; segment: string }> {
  for (let from = 0; from < text.length;) {
    const to = Math.min(text.length, from + windowLength)
    const pieces = [...segmenter.segment(text.slice(from, to))]
    const kept = to === text.length || pieces.length === 1 ? pieces : pieces.slice(0, -1)
    for (const { index, segment } of kept) yield { index: from + index, segment }
    const last = kept.at(-1)!
    from += last.index + last.segment.length
  }
}

/** Segment spans of each paragraph of a group, relative to the paragraph. */
function segmentsOf(group: readonly string[]): SentenceSpan[][] {
  const spans: SentenceSpan[][] = group.map(() => [])
  let paragraph = 0
  let paragraphStart = 0
  for (const { index, segment } of boundedSegments(group.join('\n'))) {
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
      endsInsideSentence(
        // Only the end of the sentence so far matters; slicing all of it would make long runs of abbreviations quadratic.
        paragraph.slice(Math.max(previous.start, previous.end - lookBehindChars), previous.end),
        paragraph.slice(segment.start, segment.end),
      )
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
  if (insideParenthesis(before)) return true
  const lastWord = wordBeforeFinalDot(before.replace(/[)\]]+\s*$/, ''))
  if (!lastWord) return false
  const word = lastWord.replace(/^[("“‘'[]+/, '').toLowerCase()
  if (nonFinalAbbreviations.has(word)) return true
  const isDottedShortForm = /^([a-z]\.)*[a-z]$/.test(word)
  if (!isDottedShortForm) return false
  // A number after `(E.O.)` or `U.S.C.` is the order's or the code's, never a new sentence.
  const nextWord = /^\s*[("“‘']?([A-Za-z]+|\d)/.exec(after)?.[1]?.toLowerCase()
  return nextWord !== undefined && !sentenceOpeners.has(nextWord)
}

/**
 * `The authority (19 U.S.C.` : a parenthesis opened and not yet closed, so
 * the sentence goes on. Only the look-behind window counts, so a stray `(`
 * holds at most that much text together.
 */
function insideParenthesis(before: string): boolean {
  let depth = 0
  for (const character of before) {
    if (character === '(') depth++
    else if (character === ')' && depth > 0) depth--
  }
  return depth > 0
}

/** An abbreviation is short: this much of the text before a break is enough to find the word before its dot. */
const lookBehindChars = 256

/**
 * `Gen` in `… said Gen.  `: the word before a final dot. Written as a scan
 * from the end, since `/(\S+)\.\s*$/` retries every start in a long run of
 * non-spaces and takes quadratic time.
 */
function wordBeforeFinalDot(text: string): string | undefined {
  const end = text.trimEnd()
  if (!end.endsWith('.')) return undefined
  let start = end.length - 1
  while (start > 0 && !/\s/u.test(end[start - 1]!)) start--
  return start < end.length - 1 ? end.slice(start, -1) : undefined
}

/** The span without surrounding white space; nothing when it holds no letter or digit. */
function trimmed(text: string, span: SentenceSpan): SentenceSpan[] {
  const slice = text.slice(span.start, span.end)
  if (!/[\p{L}\p{N}]/u.test(slice)) return []
  const leading = slice.length - slice.trimStart().length
  const trailing = slice.length - slice.trimEnd().length
  return [{ start: span.start + leading, end: span.end - trailing }]
}
