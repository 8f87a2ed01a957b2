import { mkdir, readdir, readFile, realpath, writeFile } from 'node:fs/promises'
import { dirname, join, posix, relative, resolve, sep } from 'node:path'
import { parseBrief, sourcePath } from '../brief/index.js'
import { BriefdeckProblem, DeckPlan, UsageError, describeIssues, safeParseInOwnWords } from '../model/index.js'
import { runProcess } from '../shared/index.js'

/**
 * Writes the brief and its sources as they were at a git revision into
 * `into`, at the same paths relative to the repository root, and returns the
 * brief's path there. Read with `git show`, so the work tree, the index and
 * the user's checkout are never touched. `into/.git` marks the copy's root
 * for the brief reader's check that sources stay inside the repository.
 * `option` is the command-line option that named the revision: a revision
 * git does not know, or one that lacks the brief or a source, is that
 * option's problem, and the message says so.
 */
export async function checkOutBriefAt(
  briefPath: string,
  revision: string,
  into: string,
  option: string,
): Promise<string> {
  const root = await repositoryTop(briefPath)
  await checkRevision(root, revision, option)
  const briefInRepo = toGitPath(relative(root, await realpath(briefPath)))
  const briefText = await showAt(root, { revision, option }, briefInRepo)
  const copiedBrief = join(into, briefInRepo)
  const brief = parseBrief(briefText, copiedBrief)
  await mkdir(join(into, '.git'), { recursive: true })
  await writeCopy(copiedBrief, briefText)
  for (const source of brief.sources) {
    const copiedSource = sourcePath(brief, source)
    const sourceInRepo = toGitPath(relative(into, copiedSource))
    // A path that leaves the copy also leaves the repository: let the brief reader refuse it with the brief's line.
    if (sourceInRepo.startsWith('../')) continue
    await writeCopy(copiedSource, await showAt(root, { revision, option }, sourceInRepo))
  }
  return copiedBrief
}

/**
 * The deck plans a build wrote (`deck-plan.json` beside each `slides.md`) for
 * this brief, found anywhere up to three folders below `folder`, so that
 * `out`, `out/<brief>` and a single deck folder all work.
 */
export async function readBuiltPlans(folder: string, briefName: string): Promise<DeckPlan[]> {
  const files = (await readdir(folder, { recursive: true }))
    .filter((path) => path.split(sep).length <= 3 && path.endsWith('deck-plan.json'))
    .sort()
  const plans = await Promise.all(files.map((path) => readPlan(join(folder, path))))
  const ours = plans.filter((plan) => plan.brief === briefName)
  if (ours.length === 0)
    throw new BriefdeckProblem(
      `no deck of the brief ${briefName} was built here (no deck-plan.json)`,
      { file: folder },
      'review-build-folder',
    )
  return ours
}

async function readPlan(file: string): Promise<DeckPlan> {
  const result = safeParseInOwnWords(DeckPlan, JSON.parse(await readFile(file, 'utf8')))
  if (!result.success)
    throw new BriefdeckProblem(
      `not a deck plan written by this briefdeck: ${describeIssues(result.error)}`,
      { file },
      'review-build-folder',
    )
  return result.data
}

async function repositoryTop(briefPath: string): Promise<string> {
  const { exitCode, stdout } = await git(['rev-parse', '--show-toplevel'], dirname(resolve(briefPath)))
  if (exitCode === 0) return stdout.trim()
  throw new BriefdeckProblem(
    'not inside a git repository: compare build folders instead (--from DIR --to DIR)',
    { file: briefPath },
    'review-git',
  )
}

async function checkRevision(root: string, revision: string, option: string): Promise<void> {
  const { exitCode } = await git(['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`], root)
  if (exitCode !== 0)
    throw new UsageError(`${revision} is neither a build folder nor a git revision of this repository`, option)
}

async function showAt(
  root: string,
  at: { readonly revision: string; readonly option: string },
  path: string,
): Promise<string> {
  const { exitCode, stdout, stderr } = await git(['show', `${at.revision}:${path}`], root)
  if (exitCode === 0) return stdout
  throw new UsageError(`cannot read ${path} at revision ${at.revision}: ${stderr.trim().split('\n')[0]}`, at.option)
}

function git(args: readonly string[], cwd: string) {
  return runProcess('git', args, { cwd, install: 'git' })
}

async function writeCopy(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  await writeFile(path, text)
}

const toGitPath = (path: string) => path.split(sep).join(posix.sep)
