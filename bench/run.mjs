#!/usr/bin/env node
// `npm run bench`: every benchmark in bench/ (each `*.mjs` file but this one), one after another in
// name order, each printing its figures with the target beside them.
import { spawnSync } from 'node:child_process'
import { readdirSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = process.argv[2] ? new RegExp(process.argv[2]) : null
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.mjs') && name !== basename(fileURLToPath(import.meta.url)))
  .filter((name) => !only || only.test(name))
  .sort()
let failed = false
for (const bench of benches) {
  console.log(`\n== bench/${bench}`)
  const result = spawnSync(process.execPath, [join(here, bench)], { stdio: 'inherit' })
  failed ||= result.status !== 0
}
process.exitCode = failed ? 1 : 0
