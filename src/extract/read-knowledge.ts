// The file-system edge of extract: reads the knowledge files (the bundled
// ones in templates/knowledge/, then a brief repository's knowledge/*.json)
// and hands the merged knowledge to the pure `extract`.
import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import {
  BriefdeckProblem,
  describeIssues,
  KnowledgeFile,
  mergeKnowledge,
  safeParseInOwnWords,
  type Knowledge,
} from '../model/index.js'
import { readTextFile } from '../shared/index.js'

/** The knowledge that ships with briefdeck. */
export const bundledKnowledgeDir = fileURLToPath(new URL('../../templates/knowledge', import.meta.url))

/**
 * The bundled knowledge, then each folder's `*.json` files in name order (a
 * folder that does not exist adds nothing). A file that is not JSON or does
 * not fit the schema is a one-line problem naming it.
 */
export async function readKnowledge(extraDirs: readonly string[] = []): Promise<Knowledge> {
  const files: KnowledgeFile[] = []
  for (const dir of [bundledKnowledgeDir, ...extraDirs]) {
    for (const name of await jsonFilesIn(dir)) files.push(await readKnowledgeFile(join(dir, name)))
  }
  return mergeKnowledge(files)
}

async function jsonFilesIn(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).filter((name) => name.endsWith('.json')).sort()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
}

async function readKnowledgeFile(file: string): Promise<KnowledgeFile> {
  const text = await readTextFile(file, { ruleId: 'knowledge-invalid', expected: 'JSON text' })
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new BriefdeckProblem(`not a JSON knowledge file: ${(error as Error).message}`, { file }, 'knowledge-invalid')
  }
  const parsed = safeParseInOwnWords(KnowledgeFile, data)
  if (!parsed.success)
    throw new BriefdeckProblem(`invalid knowledge file: ${describeIssues(parsed.error)}`, { file }, 'knowledge-invalid')
  return parsed.data
}
