import { readSource } from '../../ingest/index.js'
import { BriefdeckProblem, type IngestedSource, type NoiseKind, type SourceDocument } from '../../model/index.js'
import { ExitCode, reportError } from '../exit.js'

export interface IngestOptions {
  readonly json?: boolean
}

/**
 * `briefdeck ingest FILE... [--json]`: each file that can be read comes out
 * (a summary, or one JSON array written at once); each that cannot gets its
 * one-line error, and the exit code says so.
 */
export async function run(files: readonly string[], options: IngestOptions = {}): Promise<number> {
  const documents: SourceDocument[] = []
  let failed = false
  for (const file of files) {
    try {
      documents.push(await readSource(file))
    } catch (error) {
      if (!(error instanceof BriefdeckProblem)) throw error
      reportError(error)
      failed = true
    }
  }
  process.stdout.write(
    options.json ? `${JSON.stringify(documents.map(ingestJson), null, 2)}\n` : documents.map(summary).join('\n'),
  )
  return failed ? ExitCode.badInput : ExitCode.ok
}

/** The `ingest --json` contract: what score-sources and other tools read. */
export function ingestJson(document: SourceDocument): IngestedSource {
  return {
    file: document.file,
    format: document.format,
    source: document.metadata,
    text: bodyText(document),
    sections: document.sections,
    paragraphs: document.paragraphs,
    tables: document.tables,
    footnotes: document.footnotes,
    noise: document.noise,
  }
}

/**
 * The body without furniture, paragraphs separated by blank lines. For
 * derived formats that is the document's own text (block offsets point into
 * it); for text and markdown files the paragraphs of the file (whose offsets
 * point into the file).
 */
function bodyText(document: SourceDocument): string {
  if (document.format !== 'text' && document.format !== 'markdown') return document.text
  return document.paragraphs.map((paragraph) => paragraph.text).join('\n\n')
}

export function summary(document: SourceDocument): string {
  const { metadata } = document
  const fields: Array<[string, string | null]> = [
    ['title', metadata.title],
    ['subtitle', metadata.subtitle],
    ['date', metadata.date],
    ['authors', metadata.authors.length > 0 ? metadata.authors.join('; ') : null],
    ['publisher', metadata.publisher],
    ['identifier', metadata.identifier],
    ['type', metadata.documentType],
    ['url', metadata.url],
  ]
  const lines = [`${document.file} (${document.format})`]
  for (const [label, value] of fields) if (value !== null) lines.push(`  ${label}: ${value}`)
  lines.push(
    `  sections: ${document.sections.length}, paragraphs: ${document.paragraphs.length}, tables: ${document.tables.length}, footnotes: ${document.footnotes.length}, furniture: ${document.noise.length}`,
  )
  for (const section of document.sections.slice(0, 12))
    lines.push(`    ${'  '.repeat(section.depth - 1)}§ ${section.heading}`)
  if (document.sections.length > 12) lines.push(`    … ${document.sections.length - 12} more sections`)
  for (const [kind, examples] of furnitureByKind(document)) {
    lines.push(`  furniture ${kind}: ${examples.length}, e.g. ${JSON.stringify(shortened(examples[0]!))}`)
  }
  return `${lines.join('\n')}\n`
}

function furnitureByKind(document: SourceDocument): Map<NoiseKind, string[]> {
  const kinds = new Map<NoiseKind, string[]>()
  for (const line of document.noise) kinds.set(line.kind, [...(kinds.get(line.kind) ?? []), line.text])
  return kinds
}

function shortened(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 70 ? `${line.slice(0, 69)}…` : line
}
