// How briefdeck names a file in what it prints: one rule for every command,
// so that the lines of one report never mix `out/…` with `../out/…` or with
// the absolute path of the same folder.
import { relative, resolve } from 'node:path'
import { isInside } from './open-source.js'

/** The path relative to the working folder when it lies inside it, else absolute: never a climb of `../..`. */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  const absolute = resolve(cwd, path)
  return isInside(cwd, absolute) ? relative(cwd, absolute) || '.' : absolute
}
