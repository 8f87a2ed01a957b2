// Everything a brief's decks are made from, read once: the brief, its
// profiles and templates, and a hash per audience of every byte that can
// change a deck, so that a build can skip the decks that would come out the same.
import { createHash } from 'node:crypto'
import { readFile, readdir } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { readBrief, repositoryRoot, sourcePath } from '../brief/index.js'
import {
  BriefdeckProblem,
  briefPlace,
  UsageError,
  type AudienceProfile,
  type Brief,
  type Warning,
} from '../model/index.js'
// From load.js itself: render's entry brings Handlebars and Slidev's parser, which a build that skips every deck never needs.
import { availableAudiences, bundledTemplatesRoot, loadAudienceProfile, loadTemplates } from '../render/load.js'
import type { Templates } from '../render/index.js'
import { bundledKnowledgeDir } from '../extract/read-knowledge.js'
import { reviewLogPath } from '../review/fs.js'
import { allowedSignersPath } from '../review/signatures.js'
import { exists, hashParts } from '../shared/index.js'

export interface InputOptions {
  /** Where profiles, templates and the theme come from; see `templatesRootFor`. */
  readonly templatesDir?: string
  /** False (`--no-repo-templates`): the bundled templates and theme only, whatever the brief's repository holds. */
  readonly repoTemplates?: boolean
}

export interface BriefInputs {
  readonly brief: Brief
  readonly templatesRoot: string
  /** Said beside every build: that the repository's own theme, which is code, is used. */
  readonly notices: Warning[]
  /** One per audience the brief names, in its order. */
  readonly profiles: readonly AudienceProfile[]
  readonly templates: Templates
  /** The brief repository's own knowledge (`knowledge/*.json`), read after the bundled knowledge. */
  readonly knowledgeDir: string
  /** briefdeck's version as far as its output goes (see `briefdeckCode`), as a hash. */
  readonly code: string
  /** The hash of everything one audience's deck is made from. */
  fingerprint(audience: string): string
}

/**
 * Reads the brief and what its decks are built with. The bytes are hashed
 * before the stages read them again, so a file that changes in between
 * leaves a hash of the older bytes, and the next build redoes the deck.
 */
export async function readBriefInputs(briefPath: string, options: InputOptions = {}): Promise<BriefInputs> {
  const briefBytes = await readFile(briefPath).catch(() => undefined)
  const brief = await readBrief(briefPath)
  const templatesRoot = options.templatesDir ?? (await templatesRootFor(brief, options.repoTemplates ?? true))
  const knowledgeDir = join(await repositoryRoot(dirname(resolve(brief.file))), 'knowledge')
  const [profiles, templates, sourceBytes, reviewLog, code, knowledge] = await Promise.all([
    loadProfiles(brief, templatesRoot),
    loadTemplates(templatesRoot),
    Promise.all(brief.sources.map((source) => readFile(sourcePath(brief, source)))),
    // The allowed signers decide which approvals count, so they are part of what a deck is made from.
    Promise.all(
      [reviewLogPath(briefPath), allowedSignersPath(briefPath)].map((file) =>
        readFile(file).catch(() => Buffer.alloc(0)),
      ),
    ).then(Buffer.concat),
    briefdeckCode(),
    Promise.all([bundledKnowledgeDir, knowledgeDir].map(jsonFilesOf)),
  ])
  const shared = createHash('sha256')
  hashParts(shared, [code, briefBytes ?? '', JSON.stringify(profiles), JSON.stringify(templates), reviewLog])
  hashParts(shared, knowledge.flat())
  brief.sources.forEach((source, index) => hashParts(shared, [source.id, sourceBytes[index] ?? '']))
  return {
    brief,
    templatesRoot,
    notices: options.templatesDir === undefined ? repositoryTemplatesNotice(templatesRoot) : [],
    profiles,
    templates,
    knowledgeDir,
    code,
    fingerprint: (audience) => hashParts(shared.copy(), [audience]).digest('hex'),
  }
}

/** Each `*.json` file of a folder (none when there is no folder), as its name and bytes, in name order. */
async function jsonFilesOf(dir: string): Promise<(string | Buffer)[]> {
  const names = (await readdir(dir).catch(() => [])).filter((name) => name.endsWith('.json')).sort()
  return (await Promise.all(names.map(async (name) => [name, await readFile(join(dir, name))]))).flat()
}

/** A brief's repository may bring its own `templates/` (unless `repoTemplates` is false); otherwise the ones briefdeck ships. */
export async function templatesRootFor(brief: Brief, repoTemplates = true): Promise<string> {
  if (!repoTemplates) return bundledTemplatesRoot
  const own = join(await repositoryRoot(dirname(resolve(brief.file))), 'templates')
  return (await exists(join(own, 'audiences'))) ? own : bundledTemplatesRoot
}

/**
 * A repository's own theme is code (Vue components, setup scripts, a Vite
 * config) that runs with the user's rights when the deck is built,
 * presented or exported, like any npm package: said every time it is used.
 */
function repositoryTemplatesNotice(templatesRoot: string): Warning[] {
  if (resolve(templatesRoot) === resolve(bundledTemplatesRoot)) return []
  return [
    new BriefdeckProblem(
      "using the repository's own templates and theme: its theme is code that runs when the deck is built, presented or exported (--no-repo-templates uses briefdeck's own)",
      { file: templatesRoot },
      'repository-templates',
      { fatal: false, source: 'build' },
    ),
  ]
}

/** Every audience the brief names must have a profile, whichever of them this build makes. */
async function loadProfiles(brief: Brief, templatesRoot: string): Promise<AudienceProfile[]> {
  const available = await availableAudiences(templatesRoot)
  brief.audiences.forEach((id, index) => {
    if (available.includes(id)) return
    throw new BriefdeckProblem(
      `unknown audience '${id}': there is no ${join(templatesRoot, 'audiences', `${id}.yaml`)} (known: ${available.join(', ') || 'none'})`,
      briefPlace(brief, 'audiences', index),
      'unknown-audience',
    )
  })
  return Promise.all(brief.audiences.map((id) => loadAudienceProfile(templatesRoot, id)))
}

const codeRoot = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
let codeHash: Promise<string> | undefined

/**
 * briefdeck's version as far as its output goes: its package version, the
 * Slidev it builds with, its own code (a checkout between releases changes
 * that alone), and in a checkout the locked versions of every dependency
 * (a new compromise tags otherwise, a new PDF.js reads otherwise). Read once
 * per process.
 */
function briefdeckCode(): Promise<string> {
  codeHash ??= (async () => {
    const hash = createHash('sha256')
    for (const name of ['../../package.json', '@slidev/cli/package.json'])
      hash.update((require(name) as { version: string }).version)
    hash.update(await readFile(join(codeRoot, '..', 'package-lock.json')).catch(() => ''))
    const entries = await readdir(codeRoot, { recursive: true, withFileTypes: true })
    const files = entries
      // Declarations (dist/ has one per module) change no output: half the files, read before Chromium can start.
      .filter((entry) => entry.isFile() && /\.[cm]?[jt]s$/.test(entry.name) && !/\.d\.[cm]?ts$/.test(entry.name))
      .map((entry) => join(entry.parentPath, entry.name))
      .sort()
    const contents = await Promise.all(files.map((file) => readFile(file)))
    files.forEach((file, index) => hashParts(hash, [relative(codeRoot, file).split(sep).join('/'), contents[index]!]))
    return hash.digest('hex')
  })()
  return codeHash
}

/** The profiles of the audiences asked for, in the order asked; every one must be the brief's. */
export function selectAudiences(inputs: BriefInputs, wanted: readonly string[] | undefined): AudienceProfile[] {
  if (!wanted) return [...inputs.profiles]
  return wanted.map((id) => {
    const profile = inputs.profiles.find((candidate) => candidate.id === id)
    if (profile) return profile
    throw new UsageError(
      `'${id}' is not one of the brief's audiences (${inputs.brief.audiences.join(', ')})`,
      '--audience',
    )
  })
}
