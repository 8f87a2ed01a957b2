// What zod finds, in briefdeck's words: the schemas word their own checks
// (a slug's form, an id that appears twice); for the rest, zod's defaults
// ("Too small: expected array to have >=1 items") are replaced here, once,
// and list items are counted from 1, as the people who wrote them count.
import { z } from 'zod'

/** `schema.safeParse(value)` with briefdeck's wording for every check the schema does not word itself. */
export function safeParseInOwnWords<T>(schema: z.ZodType<T>, value: unknown): z.ZodSafeParseResult<T> {
  return schema.safeParse(value, { error: inOwnWords })
}

/** Every issue of a failed parse, `field: reason; field: reason`, for a one-line message. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map(describeIssue).join('; ')
}

/** `field: reason`, or the reason alone for a problem with the whole value. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const field = fieldName(issue.path)
  return field === '' ? issue.message : `${field}: ${issue.message}`
}

/** `sources #2.path`: keys joined by dots, list items by their 1-based number. */
export function fieldName(path: readonly PropertyKey[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? ` #${key + 1}` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('')
    .trim()
}

const typeNames: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping of fields',
  record: 'a mapping of fields',
  date: 'a date',
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value)
}

function kindOf(value: unknown): string {
  if (value === null) return 'nothing (null)'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'object') return 'a mapping of fields'
  return typeNames[typeof value] ?? typeof value
}

function count(number: number | bigint, word: string): string {
  return `${number} ${word}${number === 1 ? '' : 's'}`
}

/** Bounds of lists, texts and numbers, read the same way for `too_small` and `too_big`. */
function bound(origin: string, limit: number | bigint, inclusive: boolean, side: 'least' | 'most'): string | undefined {
  if (origin === 'array' || origin === 'set')
    return side === 'least' && limit === 1 ? 'needs at least one item' : `needs at ${side} ${count(limit, 'item')}`
  if (origin === 'string')
    return side === 'least' && limit === 1 ? 'must not be empty' : `needs at ${side} ${count(limit, 'character')}`
  if (origin === 'number' || origin === 'int' || origin === 'bigint') {
    if (inclusive) return `must be at ${side} ${limit}`
    return `must be ${side === 'least' ? 'more' : 'less'} than ${limit}`
  }
  return undefined
}

const inOwnWords: z.core.$ZodErrorMap = (issue) => {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? 'is missing'
        : `must be ${typeNames[issue.expected] ?? issue.expected}, not ${kindOf(issue.input)}`
    case 'too_small':
      return bound(issue.origin, issue.minimum, issue.inclusive ?? true, 'least')
    case 'too_big':
      return bound(issue.origin, issue.maximum, issue.inclusive ?? true, 'most')
    case 'invalid_value':
      return issue.values.length === 1
        ? `must be ${quoted(issue.values[0])}`
        : `must be one of ${issue.values.map(quoted).join(', ')}`
    case 'invalid_format':
      return issue.format === 'regex'
        ? `is not in the expected form (${issue.pattern})`
        : `must be a valid ${issue.format}`
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'field' : 'fields'} ${issue.keys.map(quoted).join(', ')}`
    case 'invalid_union':
      return 'is none of the forms allowed here'
    default:
      return undefined
  }
}
