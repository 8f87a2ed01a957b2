/** `word` or `words`, for the counts briefdeck prints. */
export function plural(count: number, word: string): string {
  return count === 1 ? word : `${word}s`
}
