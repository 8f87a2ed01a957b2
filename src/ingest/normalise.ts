const nonAscii = /[^\x00-\x7F]/

/**
 * The form of a text that ignores typography: NFKC (which also undoes
 * ligatures such as `ﬁ`), straight quotes and apostrophes, no soft hyphens or
 * zero-width characters, single spaces, lower case. Block ids hash it, so
 * that a sentence read from a PDF, a web page or markdown gets one id; and
 * ingest compares a pull quote or a repeated title with it.
 */
export function normaliseText(text: string): string {
  // ASCII is already in NFKC and has no curly quotes; most sentences are.
  const plain = nonAscii.test(text)
    ? text
        .normalize('NFKC')
        .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
        .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
        .replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/g, '')
    : text
  return plain.replace(/\s+/g, ' ').trim().toLowerCase()
}
