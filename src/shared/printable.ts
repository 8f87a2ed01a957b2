// Text from a review log, a brief or a source reaches the terminal through
// these: control characters (escape sequences that recolour, move the
// cursor or rewrite the title bar), and the invisible characters that turn
// or hide text, are shown as escapes, never sent raw.

/** C0 and C1 controls, DEL, bidirectional overrides and isolates, zero-width characters, line and paragraph separators. */
const unprintable = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu

/** The text with every control or invisible formatting character written as `\u{…}` (tabs and newlines too: one value, one line). */
export function printable(text: string): string {
  return text.replace(unprintable, (character) => `\\u{${character.codePointAt(0)!.toString(16)}}`)
}
