// Calendar dates as the model writes them: `YYYY-MM-DD`, or `YYYY-MM` and
// `YYYY` when the text is no more precise than that.
import type { ParsedComponents } from 'chrono-node'

export function isoDate(components: ParsedComponents, precision: 'day' | 'month' | 'year'): string {
  const year = String(components.get('year')).padStart(4, '0')
  if (precision === 'year') return year
  const month = `${year}-${String(components.get('month')).padStart(2, '0')}`
  if (precision === 'month') return month
  return `${month}-${String(components.get('day')).padStart(2, '0')}`
}

/** The finest part of the date that the text states (the rest chrono filled in). */
export function statedPrecision(components: ParsedComponents): 'day' | 'month' | 'year' | null {
  if (components.isCertain('day') && components.isCertain('month')) return 'day'
  if (components.isCertain('month')) return 'month'
  if (components.isCertain('year')) return 'year'
  return null
}
