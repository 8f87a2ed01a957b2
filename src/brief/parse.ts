import { win32 } from 'node:path'
import { BriefdeckProblem, BriefFile, type Brief } from '../model/index.js'
import { parseYamlFile } from '../shared/index.js'

/** Validates a brief file's text; pure, so editors and tests can call it without a file system. */
export function parseBrief(text: string, file: string): Brief {
  const { value, places } = parseYamlFile(text, file, BriefFile, 'brief-schema')
  return { ...value, file, name: briefName(file), places }
}

/**
 * `briefs/pacific-alliances.brief.yaml` -> `pacific-alliances`. The name
 * becomes a folder under `out/` and the start of the review files' names,
 * so it must be one ordinary path segment: `...brief.yaml` would give `..`.
 */
export function briefName(file: string): string {
  // win32.basename splits on both separators, so the name is the same on every platform.
  const name = win32
    .basename(file)
    .replace(/\.brief\.ya?ml$/i, '')
    .replace(/\.ya?ml$/i, '')
  if (!safeName.test(name))
    throw new BriefdeckProblem(
      `the brief's name '${name}' (its file name without .brief.yaml) must start with a letter or digit and hold only letters, digits, spaces, '.', '_' and '-'`,
      { file },
      'brief-name',
    )
  return name
}

/** One path segment that no file system reads as special: not `.` or `..`, not hidden, no separators or control characters. */
const safeName = /^[\p{L}\p{N}](?:[\p{L}\p{N}._ -]{0,198}[\p{L}\p{N}_-])?$/u
