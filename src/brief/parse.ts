import { win32 } from 'node:path'
import { BriefFile, type Brief } from '../model/index.js'
import { parseYamlFile } from '../shared/index.js'

/** Validates a brief file's text; pure, so editors and tests can call it without a file system. */
export function parseBrief(text: string, file: string): Brief {
  const { value, places } = parseYamlFile(text, file, BriefFile, 'brief-schema')
  return { ...value, file, name: briefName(file), places }
}

/** `briefs/pacific-alliances.brief.yaml` -> `pacific-alliances`. */
export function briefName(file: string): string {
  // win32.basename splits on both separators, so the name is the same on every platform.
  return win32
    .basename(file)
    .replace(/\.brief\.ya?ml$/i, '')
    .replace(/\.ya?ml$/i, '')
}
