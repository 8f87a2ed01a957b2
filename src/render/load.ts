import { readdir } from 'node:fs/promises'
import { join, posix, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import { AudienceProfile, BriefdeckProblem } from '../model/index.js'
import { parseYamlFile, readTextFile } from '../shared/index.js'
import type { Templates } from './templates.js'

/** The templates that ship with briefdeck. */
export const bundledTemplatesRoot = fileURLToPath(new URL('../../templates', import.meta.url))

const templateSuffix = '.md.hbs'
const profileSuffix = /\.(ya?ml|json)$/

/** Reads `slides/`, `partials/`, `notes.md.hbs` and `theme/` under a templates folder. */
export async function loadTemplates(root: string): Promise<Templates> {
  const [slides, partials, notes, theme] = await Promise.all([
    readTemplateFolder(join(root, 'slides')),
    readTemplateFolder(join(root, 'partials')),
    readText(join(root, 'notes.md.hbs')),
    readTree(join(root, 'theme')),
  ])
  return { root, slides, partials, notes, theme }
}

/** Ids of the audience profiles in `audiences/`, sorted. */
export async function availableAudiences(root: string): Promise<string[]> {
  const names = await readdir(join(root, 'audiences')).catch(() => [])
  return names
    .filter((name) => profileSuffix.test(name))
    .map((name) => name.replace(profileSuffix, ''))
    .sort()
}

/** Reads and validates `audiences/<id>.yaml` (or `.yml`, `.json`). */
export async function loadAudienceProfile(root: string, id: string): Promise<AudienceProfile> {
  const names = await readdir(join(root, 'audiences')).catch(() => [])
  const name = names
    .filter((candidate) => candidate.replace(profileSuffix, '') === id && profileSuffix.test(candidate))
    .sort()[0]
  const file = join(root, 'audiences', name ?? `${id}.yaml`)
  const { value, places } = parseYamlFile(await readText(file), file, AudienceProfile, 'audience-schema')
  if (value.id !== id) {
    throw new BriefdeckProblem(
      `the profile's id '${value.id}' must match its file name '${id}'`,
      { file, ...places['/id'] },
      'audience-schema',
    )
  }
  return value
}

async function readTemplateFolder(folder: string): Promise<Record<string, string>> {
  const names = (await readdir(folder).catch(() => [])).filter((name) => name.endsWith(templateSuffix)).sort()
  const entries = await Promise.all(
    names.map(async (name) => [name.slice(0, -templateSuffix.length), await readText(join(folder, name))] as const),
  )
  return Object.fromEntries(entries)
}

/** Every file under a folder, keyed by its path relative to it with `/` separators, in a stable order. */
async function readTree(folder: string): Promise<Record<string, string>> {
  const entries = await readdir(folder, { recursive: true, withFileTypes: true }).catch(() => {
    throw new BriefdeckProblem('missing theme folder', { file: folder }, 'missing-template')
  })
  const files = entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort()
  const contents = await Promise.all(
    files.map(async (file) => [relative(folder, file).split(sep).join(posix.sep), await readText(file)] as const),
  )
  return Object.fromEntries(contents)
}

function readText(file: string): Promise<string> {
  return readTextFile(file, { ruleId: 'template', expected: 'template text' })
}
