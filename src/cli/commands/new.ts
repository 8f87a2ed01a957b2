import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { draftBrief, parseBrief, repositoryRoot, type DraftSource } from '../../brief/index.js'
import { readSource } from '../../ingest/index.js'
import { BriefdeckProblem, UsageError } from '../../model/index.js'
import { availableAudiences, bundledTemplatesRoot, loadAudienceProfile } from '../../render/index.js'
import { exists, isDirectory, writeFileAtomic } from '../../shared/index.js'
import { ExitCode } from '../exit.js'

/**
 * `briefdeck new BRIEF SOURCE...`: writes a first brief for the sources —
 * title and date from their metadata, every audience the repository has,
 * the marking to fill in — so that `briefdeck build BRIEF` works at once.
 * Never overwrites a brief, and writes nothing when a source cannot be read.
 */
export async function run(brief: string, sources: readonly string[]): Promise<number> {
  if (!brief.endsWith('.brief.yaml') || basename(brief) === '.brief.yaml')
    throw new UsageError(`the brief's file name must end in .brief.yaml, as in briefs/energy.brief.yaml`, 'BRIEF')
  if (sources.length === 0) throw new UsageError('name at least one source file', 'SOURCE')
  if (await exists(brief))
    throw new BriefdeckProblem(
      'a brief of that name exists already; briefdeck new never overwrites one',
      { file: brief },
      'brief-exists',
    )
  const briefDir = dirname(resolve(brief))
  const drafted = await draftSources(briefDir, sources)
  const templatesRoot = await templatesRootFor(briefDir)
  const audiences = await availableAudiences(templatesRoot)
  const profiles = await Promise.all(audiences.map((id) => loadAudienceProfile(templatesRoot, id)))
  const text = draftBrief({
    sources: drafted,
    audiences,
    needRecipients: profiles.filter((profile) => !profile.recipients).map((profile) => profile.id),
    schemaPath: posixPath(relative(briefDir, join(bundledTemplatesRoot, '..', 'schemas', 'brief.schema.json'))),
  })
  // What is written must be a brief that builds: a draft that fails its own schema is a bug, caught here.
  parseBrief(text, brief)
  await writeFileAtomic(brief, text)
  console.log(brief)
  console.error(`briefdeck: fill in the marking in ${brief}, then run: briefdeck build ${brief}`)
  return ExitCode.ok
}

async function draftSources(briefDir: string, files: readonly string[]): Promise<DraftSource[]> {
  const taken = new Set<string>()
  const drafted: DraftSource[] = []
  for (const file of files) {
    const document = await readSource(file)
    const id = uniqueId(document.metadata.id, taken)
    drafted.push({ id, path: posixPath(relative(briefDir, resolve(file))), metadata: { ...document.metadata, id } })
  }
  return drafted
}

/** Two sources with the same file name in different folders get `-2`, `-3`: block ids must stay apart. */
function uniqueId(id: string, taken: Set<string>): string {
  let candidate = id
  for (let number = 2; taken.has(candidate); number++) candidate = `${id}-${number}`
  taken.add(candidate)
  return candidate
}

/** The brief repository's own `templates/` when it has audiences, else the ones briefdeck ships. */
async function templatesRootFor(briefDir: string): Promise<string> {
  const own = join(await repositoryRoot(briefDir), 'templates')
  return (await isDirectory(join(own, 'audiences'))) ? own : bundledTemplatesRoot
}

function posixPath(path: string): string {
  return path.split(sep).join('/')
}
