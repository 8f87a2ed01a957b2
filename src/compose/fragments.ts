/**
 * What reads as a whole sentence on a slide. Compose asks it of every block
 * it would show and of every shortening it makes; the content check asks it
 * of every bullet.
 */
import { hasTag, taggedTerms } from './tags.js'

const subordinateOpening =
  /^(while|although|though|even if|even though|if|because|since|whereas|unless|despite|whether|as long as|so that)\b/iu

/**
 * Ends that promise more: an item of a list (`; and`), a lead-in to one (`including:`), a sentence
 * cut at an abbreviation (`e.g., S.`, `issued Executive Order (E.O.).`, the number in the next);
 * a short form of several letters (`aspects of the E.O.`) may end one.
 */
const unfinishedEnding =
  /(;|,|;\s*(and|or)|,\s*(and|or)|:|\b(including|such as|following|as follows|e\.g\.|i\.e\.|(?<!\p{Lu}\.)[A-Z])|\((\p{Lu}\.){2,}\))\.?$/u

/** A subordinate clause, a list item or a phrase without a verb does not stand as a bullet. */
export function isFragment(text: string): boolean {
  const trimmed = text.trim()
  // `While X, Y.` needs its Y: a main clause without a verb was cut (`Although A stopped B, the provision in C.`).
  if (
    subordinateOpening.test(trimmed) &&
    (!/,/u.test(trimmed) || !hasTag(trimmed.slice(trimmed.indexOf(',') + 1), 'Verb'))
  )
    return true
  if (unfinishedEnding.test(trimmed)) return true
  // A sentence the page cut before its object (`the role of federal agencies in relation.`).
  if (
    /\b(of|for|with|from|into|than|the|a|an|and|or|in relation|with respect|relative|prior|according)\.$/iu.test(
      trimmed,
    )
  )
    return true
  // The rest of a sentence split at an abbreviation (`14285, "Unleashing…`, `and then…`), or an item of a numbered list (`1. provide capital…`).
  if (/^(\p{Ll}|\d+,|\d{1,2}[.)]\s+\p{Ll})/u.test(trimmed)) return true
  // An aside the source set in parentheses, or an item that goes on from the one before it without a subject (`Also provides…`).
  if (/^\(.*\)\.?$/u.test(trimmed) || lacksSubject(trimmed)) return true
  if ((trimmed.match(/\(/gu)?.length ?? 0) !== (trimmed.match(/\)/gu)?.length ?? 0)) return true
  return !hasTag(trimmed, 'Verb')
}

/**
 * `Also provides financial awards…`: a list's item that goes on from the one before it, its subject
 * there. Only after `Also`: a first word alone is too often a noun the tagger reads as a verb (`Progress toward…`).
 */
function lacksSubject(text: string): boolean {
  const [first, second] = taggedTerms(text)
  return /^also$/iu.test(first?.text ?? '') && second !== undefined && second.tags.has('PresentTense')
}
