// The names a profile's patterns take from the knowledge (`{leaders:USA}`),
// put in before a deck is composed.
import { leadersPlaceholder, type Knowledge } from '../model/index.js'
import { nameAlternation } from '../shared/index.js'

/**
 * The profile with the knowledge's names in its patterns. Every string is
 * looked at, not only patterns: the placeholders mean nothing elsewhere, and
 * the profile's shape can grow without this walk knowing it.
 */
export function withKnowledgeNames<T>(value: T, knowledge: Knowledge): T {
  if (typeof value === 'string') return withLeaderNames(value, knowledge) as T
  if (Array.isArray(value)) return value.map((item: unknown) => withKnowledgeNames(item, knowledge)) as T
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, withKnowledgeNames(item, knowledge)]),
    ) as T
  return value
}

/** A pattern with each `{leaders:XXX}` replaced by the names of that country's leaders; with none known, by what matches nothing. */
function withLeaderNames(source: string, knowledge: Knowledge): string {
  return source.replace(leadersPlaceholder, (_, country: string) => {
    const names = knowledge.leaders
      .filter((leader) => leader.country === country)
      .flatMap((leader) => [leader.name, ...leader.aliases])
    return names.length > 0 ? `(?:${nameAlternation([...new Set(names)])})` : '(?!)'
  })
}
