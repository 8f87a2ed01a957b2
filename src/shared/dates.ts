const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/**
 * `2015-04-16` -> `16 Apr 2015`, `2014-12` -> `Dec 2014`, `2027` -> `2027`,
 * `1939/1945` -> `1939–1945`. Written out by hand rather than with Intl so
 * that decks do not change with the machine's locale.
 */
export function formatIsoDate(date: string): string {
  const full = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (full) return `${Number(full[3])} ${monthName(full[2]!)} ${full[1]}`
  const month = /^(\d{4})-(\d{2})$/.exec(date)
  if (month) return `${monthName(month[2]!)} ${month[1]}`
  const span = /^(\d{4})\s*[/–-]\s*(\d{4})$/.exec(date)
  if (span) return `${span[1]}–${span[2]}`
  return date
}

function monthName(month: string): string {
  return months[Number(month) - 1] ?? month
}

/** The year of an ISO date, or the date itself when it has none. */
export function yearOf(date: string): string {
  return /^\d{4}/.exec(date)?.[0] ?? date
}
