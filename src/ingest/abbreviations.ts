// Words ending in a full stop that Intl.Segmenter (ICU without its
// suppression lists) takes for the end of a sentence.

/** Titles and short forms that are never the last word of a sentence in policy prose. */
export const nonFinalAbbreviations = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'lt', 'col', 'maj', 'capt', 'sgt', 'adm', 'cmdr', 'cdr', 'brig',
  'gov', 'sen', 'rep', 'amb', 'pres', 'sec', 'rev', 'hon', 'st', 'mt', 'ft', 'vol', 'fig',
  'vs', 'cf', 'e.g', 'i.e', 'approx', 'jan', 'feb', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'dept', 'univ', 'assn',
])

/**
 * Words that open sentences; after a dotted short form such as `U.S.` or an
 * initial, one of these means the sentence did end there.
 */
export const sentenceOpeners = new Set([
  'a', 'after', 'all', 'also', 'although', 'an', 'and', 'as', 'at', 'because', 'before', 'both', 'but', 'by',
  'each', 'even', 'every', 'finally', 'for', 'from', 'furthermore', 'he', 'her', 'his', 'how', 'however', 'i',
  'if', 'in', 'it', 'its', 'many', 'meanwhile', 'moreover', 'most', 'my', 'no', 'not', 'nor', 'on', 'one', 'or',
  'our', 'she', 'since', 'so', 'some', 'still', 'such', 'that', 'the', 'their', 'there', 'these', 'they',
  'this', 'those', 'thus', 'to', 'ultimately', 'we', 'what', 'when', 'where', 'while', 'who', 'why', 'with',
  'yet', 'you', 'your',
])
