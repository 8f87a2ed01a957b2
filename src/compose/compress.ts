/**
 * Sentence compression: a source sentence made slide-length by removing
 * what the slide does not need — an opening discourse marker, an
 * attribution (the source line carries it), a parenthetical, an appositive
 * or a non-restrictive clause — and by splitting coordinated clauses and
 * `;` into sentences of their own. Nothing is ever cut mid-sentence and no
 * word is added: a removable part that holds a number, a negation or a
 * name stays, because it may be the point. A sentence that still does not
 * fit is kept whole and flagged, so the slide shows it in a smaller style.
 */
import { isFragment } from './fragments.js'
import { hasTag, startsWithTag, taggedTerms } from './tags.js'
import { collapseWhitespace, countWords } from './wording.js'

export interface Compressed {
  /** Complete sentences, in the source's order; more than one when the sentence was split. */
  readonly parts: string[]
  /** Some part is still longer than the limit: it is shown whole, in a smaller style. */
  readonly long: boolean
}

/** Openers that link a sentence to the previous one and carry nothing on their own. */
const discourseMarkers = [
  'additionally',
  'after all',
  'also',
  'as a result',
  'as such',
  'at the same time',
  'by contrast',
  'consequently',
  'finally',
  'first',
  'for example',
  'for instance',
  'for its part',
  'fortunately',
  'furthermore',
  'hence',
  'however',
  'importantly',
  'in addition',
  'in contrast',
  'in fact',
  'in other words',
  'in particular',
  'in short',
  'in turn',
  'indeed',
  'instead',
  'likewise',
  'meanwhile',
  'moreover',
  'nevertheless',
  'nonetheless',
  'notably',
  'of course',
  'on the other hand',
  'overall',
  'put simply',
  'second',
  'similarly',
  'still',
  'then',
  'therefore',
  'third',
  'thus',
  'to be sure',
  'ultimately',
  'yet',
]

const negation = /\b(not|no|never|none|neither|nor|without|cannot|n[o']t|unless)\b|n[’']t\b/iu
const digit = /\p{N}/u
/** A parenthetical that points elsewhere (a figure, a table, a statute, another report) rather than saying anything. */
const reference =
  /^\(\s*(see|e\.g\.|i\.e\.|cf\.|figure|fig\.|table|appendix|box|footnote|note|section|sec\.|§|\d+\s+U\.S\.C\.|P\.L\.|[A-Z]{1,3}\d{3,})/iu
/** Words that open a comma-bounded part which only describes what precedes it. */
const descriptiveOpeners = /^(which|who|whom|whose|a|an|the|one of|formerly|also known as|known as|once)\b/iu
const trailingExamples = /^(particularly|especially|notably|such as|including)\b/iu
const subordinators =
  /^(while|although|though|even if|even though|if|because|since|as|whereas|unless|when|whether|despite|after|before|until)\b/iu

/** Compressions already made: compose asks for the same sentence at the same limit from several sections. */
const compressed = new Map<string, Compressed>()
const cacheSize = 5000

export function compressSentence(text: string, limit: number): Compressed {
  if (!Number.isInteger(limit) || limit < 1) throw new TypeError(`word limit must be a positive integer, got ${limit}`)
  const key = `${limit}\u0000${text}`
  const known = compressed.get(key)
  if (known) return known
  const result = compress(text, limit)
  if (compressed.size >= cacheSize) compressed.clear()
  compressed.set(key, result)
  return result
}

function compress(text: string, limit: number): Compressed {
  // A bullet stands alone: the marker that tied the sentence to the one before goes first.
  const sentence = tidy(dropDiscourseMarker(tidy(text)))
  if (countWords(sentence) <= limit) return { parts: [sentence], long: false }
  const parts = splitClauses(compressPart(sentence, limit)).map((part) => {
    const opened = tidy(dropDiscourseMarker(part))
    return countWords(opened) <= limit ? opened : compressPart(opened, limit)
  })
  return { parts, long: parts.some((part) => countWords(part) > limit) }
}

/**
 * One sentence, shortened by removals only, each tried in turn until it
 * fits; dropping a comma-bounded part that would leave no whole sentence
 * (the part held the main verb) is not done.
 */
function compressPart(sentence: string, limit: number): string {
  const removals = [dropDiscourseMarker, dropAttribution, dropParentheticals, dropDescriptiveParts]
  let result = sentence
  for (const removal of removals) {
    if (countWords(result) <= limit) break
    const shorter = tidy(removal(result))
    // Only a comma-bounded part can hold the main verb (behind a quotation's comma, say); the others never do.
    if (removal !== dropDescriptiveParts || !isFragment(shorter) || isFragment(result)) result = shorter
  }
  return result
}

/** Spaces the source left before punctuation (`weapons , China`) and runs of white space. */
function tidy(text: string): string {
  return collapseWhitespace(text)
    .replace(/\s+([,;:.?!)”’])(?=\s|$)/gu, '$1')
    .replace(/([(“‘])\s+/gu, '$1')
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

function dropDiscourseMarker(sentence: string): string {
  const lower = sentence.toLowerCase()
  const marker = discourseMarkers.find((candidate) => lower.startsWith(`${candidate}, `))
  const rest = marker ? capitalise(sentence.slice(marker.length + 2)) : sentence
  // `, of course,` inside the sentence: inside the predicate (`is solid`, `to act`, `and …`) both
  // commas go; after an opening phrase (`According to X, however, the …`) one stays.
  const inner = new RegExp(`, (${discourseMarkers.join('|')}), `, 'iu')
  const match = inner.exec(rest)
  if (!match) return rest
  const after = rest.slice(match.index + match[0].length)
  const inPredicate = /^(to|and|or|but)\b/iu.test(after) || startsWithTag(after, 'Verb', 'Adverb')
  return `${rest.slice(0, match.index)}${inPredicate ? ' ' : ', '}${after}`
}

/** `According to X, …` and `…, according to X.`: who said it is on the source line. */
function dropAttribution(sentence: string): string {
  const leading = /^(according to|as reported by|in the words of|in the view of|as noted by)\s+[^,]+,\s*/iu.exec(
    sentence,
  )
  if (leading && !digit.test(leading[0])) return capitalise(sentence.slice(leading[0].length))
  const trailing = /,\s*(according to|as reported by|as noted by|says|said)\s+[^,()“"]+?([.?!])$/iu.exec(sentence)
  if (trailing && !digit.test(trailing[0].slice(0, -1))) return `${sentence.slice(0, trailing.index)}${trailing[2]}`
  return sentence
}

/** Parentheticals that only spell out, point elsewhere or aside: `(PLA)`, `(see Figure 1)`, `(notably …)`. */
function dropParentheticals(sentence: string): string {
  const dropped = sentence.replace(/\s*\([^()]*\)/gu, (group) => {
    const inner = group.trim()
    if (reference.test(inner) || /^\([\p{Lu}\p{N}&.-]{2,}\)$/u.test(inner)) return ''
    return carriesPoint(inner.slice(1, -1)) ? group : ''
  })
  // `… of the E.O. (e.g., H.R. 4018).` loses its parenthetical: the short form's dot ends the sentence.
  return dropped.replace(/(\p{L})\.\.$/u, '$1.')
}

/**
 * Comma-bounded parts that describe what precedes them: a non-restrictive
 * relative clause (`, which …,`), an appositive (`, the country's largest
 * supplier,`), a participial phrase (`, reducing …,`) or a trailing list of
 * examples (`, particularly …`).
 */
function dropDescriptiveParts(sentence: string): string {
  const segments = splitTopLevel(sentence, /,\s+/gu).map((segment, index, all) =>
    index < all.length - 1 ? `${segment},` : segment,
  )
  if (segments.length < 2) return sentence
  const kept: string[] = [segments[0]!]
  for (let index = 1; index < segments.length; index++) {
    const segment = segments[index]!
    const isLast = index === segments.length - 1
    const next = segments[index + 1]
    // A middle part is an aside only if the main clause resumes after it (`X, the …, is …`).
    const resumes = next === undefined || resumesMainClause(next)
    // Examples after a relative clause exemplify its words (`…, which drove miners to other countries,
    // including the United States.`): dropping the clause alone would leave them pointing at the wrong ones.
    const exemplified =
      next !== undefined && /^(which|who|whom|whose)\b/iu.test(segment) && /^(including|such as)\b/iu.test(next)
    const droppable =
      resumes &&
      !exemplified &&
      (descriptiveOpeners.test(segment) || (isLast && trailingExamples.test(segment)) || startsWithGerund(segment)) &&
      !/^(and|or)\b/iu.test(segments[index + 1] ?? '') &&
      isDescriptive(segment, isLast) &&
      !carriesPoint(segment)
    if (!droppable) {
      kept.push(segment)
      continue
    }
    // An enclosed part takes both its commas, unless another aside follows; a last part leaves its full stop.
    const previous = kept[kept.length - 1]!
    if (isLast) kept[kept.length - 1] = `${previous.replace(/,$/u, '')}${terminalOf(segment)}`
    else if (!opensAside(next!)) kept[kept.length - 1] = previous.replace(/,$/u, '')
  }
  return kept.join(' ')
}

function terminalOf(segment: string): string {
  return /[?!]$/u.test(segment) ? segment.slice(-1) : '.'
}

/** A relative clause always describes; a noun phrase does only without a verb of its own (else it is a list item or a clause). */
function isDescriptive(segment: string, isLast: boolean): boolean {
  if (/^(which|who|whom|whose)\b/iu.test(segment)) return true
  if (trailingExamples.test(segment)) return isLast
  if (startsWithGerund(segment)) return true
  return !hasTag(segment, 'Verb') && !/\b(and|or)$/iu.test(segment.replace(/,$/u, ''))
}

function resumesMainClause(segment: string): boolean {
  return opensAside(segment) || startsWithTag(segment, 'Verb', 'Adverb')
}

function opensAside(segment: string): boolean {
  return descriptiveOpeners.test(segment) || trailingExamples.test(segment) || startsWithGerund(segment)
}

function startsWithGerund(segment: string): boolean {
  return startsWithTag(segment, 'Gerund')
}

/** A number, a negation or a name may be the very point of the sentence: such a part is never removed. */
export function carriesPoint(part: string): boolean {
  if (digit.test(part) || negation.test(part)) return true
  return hasTag(part, 'ProperNoun')
}

/**
 * `A; B.` and `A, and B.` (when B is a clause with its own subject and
 * verb) become `A.` and `B.`, each a sentence of its own.
 */
export function splitClauses(sentence: string): string[] {
  const semicolonPieces = splitTopLevel(sentence, /;\s+/gu)
  // `;` also separates the items of a list (`…; changes in portfolios; and changes in visitors.`): its items stay together.
  const isList = semicolonPieces.length > 2 && /^(and|or)\s/iu.test(semicolonPieces.at(-1)!)
  const pieces = (isList ? [sentence] : semicolonPieces).flatMap(splitCoordination)
  if (pieces.length === 1) return [sentence]
  return pieces.map((piece, index) => {
    const ended = index === pieces.length - 1 ? piece : piece.replace(/[,:]$/u, '')
    const withStop = /[.?!”’"]$/u.test(ended) ? ended : `${ended}.`
    return capitalise(withStop)
  })
}

function splitCoordination(clause: string): string[] {
  const match = topLevelMatch(clause, /,\s+(and|but|yet|so|while|whereas)\s+/giu)
  if (!match) return [clause]
  const left = clause.slice(0, match.index)
  const right = clause.slice(match.index + match.length)
  // The tagger misreads short clauses (`prices rose` as two nouns); the left side only needs to be no list.
  if (countWords(left) < 3 || !isIndependentClause(right) || endsInList(left)) return [clause]
  if (subordinators.test(left)) return [clause]
  const joiner = match.word.toLowerCase()
  // `but`, `yet`, `while` and `whereas` contrast the two: the second keeps its contrast word.
  const second =
    joiner === 'and' || joiner === 'so'
      ? right
      : `${joiner === 'while' || joiner === 'whereas' ? 'But' : capitalise(joiner)} ${right}`
  return [left, ...splitCoordination(second)]
}

/** `…, political, diplomatic` before `, and …`: the `and` closes a list, it does not join two clauses. */
function endsInList(left: string): boolean {
  const segments = splitTopLevel(left, /,\s+/gu)
  return segments.length > 1 && !hasTag(segments.at(-1)!, 'Verb')
}

/** A subject followed by a finite verb: enough to stand as a sentence. */
function isIndependentClause(text: string): boolean {
  if (countWords(text) < 3) return false
  const terms = taggedTerms(text)
  const first = terms[0]
  const startsWithSubject = ['Noun', 'Pronoun', 'Determiner', 'Adjective', 'Value'].some((tag) => first?.tags.has(tag))
  if (!first || !startsWithSubject || first.tags.has('Gerund')) return false
  // The first word is the subject even where the tagger reads it as a verb (`demand did not fall`);
  // the first verb after it must be the clause's own, not an infinitive or one of a relative clause.
  const firstVerb = terms.findIndex((term, index) => index > 0 && term.tags.has('Verb'))
  if (firstVerb <= 0 || /^to$/iu.test(terms[firstVerb - 1]!.text) || terms[firstVerb]!.tags.has('Gerund')) return false
  return !terms.slice(0, firstVerb).some((term) => /^(that|which|who|whom|whose|where)$/iu.test(term.text))
}

/** The text with everything inside parentheses and quotation marks blanked, so that splits only fall between them. */
function maskNested(text: string): string {
  let depth = 0
  let quoted = false
  let masked = ''
  for (const char of text) {
    if (char === '(') depth++
    if (char === '“') quoted = true
    const hidden = depth > 0 || quoted
    if (char === ')') depth = Math.max(0, depth - 1)
    if (char === '”') quoted = false
    masked += hidden ? '\u0000'.repeat(char.length) : char
  }
  return masked
}

/** The first match of the separator outside parentheses and quotations: where it starts, its length and its first group. */
function topLevelMatch(text: string, separator: RegExp): { index: number; length: number; word: string } | undefined {
  const match = maskNested(text).matchAll(separator).next().value
  return match ? { index: match.index, length: match[0].length, word: match[1] ?? '' } : undefined
}

function splitTopLevel(text: string, separator: RegExp): string[] {
  const masked = maskNested(text)
  const pieces: string[] = []
  let start = 0
  for (const match of masked.matchAll(separator)) {
    pieces.push(text.slice(start, match.index))
    start = match.index + match[0].length
  }
  pieces.push(text.slice(start))
  return pieces
}
