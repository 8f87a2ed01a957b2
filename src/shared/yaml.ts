import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, visit, type Document, type Node } from 'yaml'
import type { z } from 'zod'
import {
  BriefdeckProblem,
  describeIssue,
  fieldName,
  jsonPointer,
  safeParseInOwnWords,
  type Position,
} from '../model/index.js'

export interface ParsedYaml<T> {
  readonly value: T
  /** Position of every value, keyed by JSON pointer; map entries point at their key. */
  readonly places: Record<string, Position>
}

/**
 * Parses a YAML file and validates it against a schema. Every problem —
 * syntax or schema — becomes a `BriefdeckProblem` at the line and column
 * where it was written, so users fix the file without guessing.
 */
export function parseYamlFile<T>(text: string, file: string, schema: z.ZodType<T>, ruleId: string): ParsedYaml<T> {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset)
    return { line, column: col }
  }
  const [syntaxError] = document.errors
  if (syntaxError) {
    throw new BriefdeckProblem(
      `invalid YAML: ${firstLine(syntaxError.message)}`,
      { file, ...position(syntaxError.pos[0]) },
      `${ruleId}-yaml`,
    )
  }
  if (document.contents === null) throw new BriefdeckProblem('the file is empty', { file, line: 1, column: 1 }, ruleId)

  const places: Record<string, Position> = {}
  recordPlaces(document.contents, [], places, position)
  const result = safeParseInOwnWords(schema, toPlainData(document, { file, ruleId }, position))
  if (result.success) return { value: result.data, places }

  // Every problem of the file at once, each at its own line, so that one run shows all there is to fix.
  const [first, ...others] = result.error.issues
    .map((issue) => ({ issue, path: issuePath(issue) }))
    .map((found) => ({ ...found, position: nearestPlace(places, found.path) }))
    .sort(byReportingOrder)
    .map(
      (found) => new BriefdeckProblem(describe(found.issue, found.path, places), { file, ...found.position }, ruleId),
    )
  if (!first) throw new TypeError('zod reported a failure without issues')
  throw new BriefdeckProblem(first.message, first.place, ruleId, { also: others })
}

interface Located {
  readonly issue: z.core.$ZodIssue
  readonly position: Partial<Position>
}

/** A mistyped key explains the missing field it causes, so it comes first; otherwise the file's order. */
function byReportingOrder(a: Located, b: Located): number {
  const typo = (located: Located) => (located.issue.code === 'unrecognized_keys' ? 0 : 1)
  return (
    typo(a) - typo(b) ||
    (a.position.line ?? 0) - (b.position.line ?? 0) ||
    (a.position.column ?? 0) - (b.position.column ?? 0)
  )
}

/** Aliases are the one thing the parser accepts and conversion may still refuse (an alias to nothing). */
function toPlainData(
  document: Document,
  origin: { file: string; ruleId: string },
  position: (offset: number) => Position,
): unknown {
  try {
    return document.toJS()
  } catch (error) {
    let offset = 0
    visit(document, {
      Alias(_, alias) {
        offset = alias.range?.[0] ?? 0
        return visit.BREAK
      },
    })
    throw new BriefdeckProblem(
      `invalid YAML: ${firstLine((error as Error).message)}`,
      { file: origin.file, ...position(offset) },
      `${origin.ruleId}-yaml`,
      { cause: error },
    )
  }
}

function recordPlaces(
  node: unknown,
  path: PropertyKey[],
  places: Record<string, Position>,
  position: (offset: number) => Position,
): void {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair) || !isScalar(pair.key)) continue
      const entryPath = [...path, String(pair.key.value)]
      if (pair.key.range) places[jsonPointer(entryPath)] = position(pair.key.range[0])
      recordPlaces(pair.value, entryPath, places, position)
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const itemPath = [...path, index]
      const range = (item as Node | null)?.range
      if (range) places[jsonPointer(itemPath)] = position(range[0])
      recordPlaces(item, itemPath, places, position)
    })
  }
  const range = (node as Node | null)?.range
  if (path.length === 0 && range) places[''] = position(range[0])
}

/** The path of the value at fault: an unknown key is itself the place to point at. */
function issuePath(issue: z.core.$ZodIssue): PropertyKey[] {
  return issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined
    ? [...issue.path, issue.keys[0]]
    : [...issue.path]
}

function describe(issue: z.core.$ZodIssue, path: readonly PropertyKey[], places: Record<string, Position>): string {
  const field = fieldName(path)
  if (issue.code === 'unrecognized_keys') return `unknown field '${field}'`
  if (issue.code === 'invalid_key') return `${field}: ${issue.issues[0]?.message ?? issue.message}`
  if (issue.code === 'invalid_type' && path.length > 0 && !(jsonPointer(path) in places))
    return `missing field '${field}'`
  return describeIssue(issue)
}

function nearestPlace(places: Record<string, Position>, path: readonly PropertyKey[]): Partial<Position> {
  for (let length = path.length; length >= 0; length--) {
    const position = places[jsonPointer(path.slice(0, length))]
    if (position) return position
  }
  return {}
}

function firstLine(message: string): string {
  return message.split('\n', 1)[0]!.replace(/ at line \d+, column \d+:?$/, '')
}
