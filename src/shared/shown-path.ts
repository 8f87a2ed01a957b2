// How briefdeck names a file in what it prints: one rule for every command,
// so that the lines of one report never mix `out/…` with `../out/…` or with
// the absolute path of the same folder.
import { isAbsolute, relative, resolve, sep } from 'node:path'

/** The path relative to the working folder when it lies inside it, else absolute: never a climb of `../..`. */
export function shownPath(path: string, cwd: string = process.cwd()): string {
  const absolute = resolve(cwd, path)
  const fromCwd = relative(cwd, absolute)
  if (fromCwd === '') return '.'
  const outside = fromCwd === '..' || fromCwd.startsWith(`..${sep}`) || isAbsolute(fromCwd)
  return outside ? absolute : fromCwd
}
