import { join } from 'node:path'
import { extract, readKnowledge } from '../../extract/index.js'
import { readSource } from '../../ingest/index.js'
import { BriefdeckProblem, blockKinds, type Extraction } from '../../model/index.js'
import { ExitCode, reportError } from '../exit.js'

export interface ExtractOptions {
  readonly json?: boolean
}

/**
 * `briefdeck extract FILE... [--json]`: every file is read and extracted
 * before anything is printed, so one bad file gives its error line and a
 * non-zero exit, never half a JSON array.
 */
export async function run(files: readonly string[], options: ExtractOptions = {}): Promise<number> {
  const extractions: Extraction[] = []
  const problems: BriefdeckProblem[] = []
  // The bundled knowledge, and that of the repository the command runs in (knowledge/*.json).
  const knowledge = await readKnowledge([join(process.cwd(), 'knowledge')])
  for (const file of files) {
    try {
      extractions.push(extract(await readSource(file), knowledge))
    } catch (error) {
      if (!(error instanceof BriefdeckProblem)) throw error
      problems.push(error)
    }
  }
  if (problems.length > 0) {
    for (const problem of problems) reportError(problem)
    return ExitCode.badInput
  }
  process.stdout.write(options.json ? `${JSON.stringify(extractions, null, 2)}\n` : extractions.map(summary).join('\n'))
  return ExitCode.ok
}

/** A few lines per file: what the source is, what was found, and its thesis. */
export function summary(extraction: Extraction): string {
  const { source, blocks } = extraction
  const counts = blockKinds.map((kind) => `${kind} ${blocks.filter((block) => block.kind === kind).length}`).join(', ')
  const thesis = blocks.find((block) => block.kind === 'thesis')
  const lines = [
    extraction.file,
    field('title', source.title),
    field('date', source.date),
    field('authors', source.authors.length > 0 ? source.authors.join('; ') : null),
    field('publisher', source.publisher),
    field('identifier', source.identifier),
    field('url', source.url),
    field('topic', source.topic),
    field('region', source.region),
    `  blocks: ${blocks.length} (${counts})`,
    `  actors: ${extraction.actors.length}, timeline: ${extraction.timeline.length}, terms: ${extraction.terms.length}`,
    thesis ? `  thesis: ${thesis.text} [${thesis.id}]` : '  thesis: none (the text has no sentences)',
  ]
  return `${lines.filter((line) => line !== undefined).join('\n')}\n`
}

function field(label: string, value: string | null): string | undefined {
  return value === null ? undefined : `  ${label}: ${value}`
}
