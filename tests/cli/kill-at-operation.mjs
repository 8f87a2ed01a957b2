// Loaded with `node --import` into a build under test: counts the build's
// file-system changes (writes, renames, deletes, new folders, copies) and,
// when BRIEFDECK_TEST_KILL_AT is N, kills the process with SIGKILL just
// before the N-th one, so that a test can stop a build at every moment that
// could leave its output half-changed, whatever code makes the change.
// With BRIEFDECK_TEST_OPERATIONS set to a file, it lists them there, one a
// line, with absolute paths.
import { createRequire, syncBuiltinESMExports } from 'node:module'
import { resolve } from 'node:path'

const require = createRequire(import.meta.url)
const fs = require('node:fs')
const promises = require('node:fs/promises')
const appendLine = fs.appendFileSync
const killAt = Number(process.env.BRIEFDECK_TEST_KILL_AT ?? 0)
const listing = process.env.BRIEFDECK_TEST_OPERATIONS
let count = 0

function counted(name, original, changes = () => true) {
  return function (...args) {
    if (changes(args)) {
      count += 1
      if (listing)
        appendLine(
          listing,
          `${JSON.stringify({ name, path: resolve(String(args[0])), to: resolve(destination(name, args)) })}\n`,
        )
      if (count === killAt) process.kill(process.pid, 'SIGKILL')
    }
    return original.apply(this, args)
  }
}

/** Where a rename or a copy writes; the other functions write at their first argument. */
const destination = (name, args) => (['rename', 'cp', 'copyFile'].includes(name) ? String(args[1]) : String(args[0]))
const opensForWriting = (args) => typeof args[1] === 'string' && /[wa+]/.test(args[1])
for (const name of ['writeFile', 'rename', 'rm', 'cp', 'mkdir', 'mkdtemp', 'chmod', 'copyFile', 'unlink', 'rmdir'])
  promises[name] = counted(name, promises[name])
promises.open = counted('open', promises.open, opensForWriting)
// write-file-atomic, which writes the build record, uses the callback API.
for (const name of ['rename', 'unlink', 'mkdir', 'rmdir']) fs[name] = counted(name, fs[name])
fs.open = counted('open', fs.open, opensForWriting)
syncBuiltinESMExports()
