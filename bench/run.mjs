#!/usr/bin/env node
// `npm run bench`: every benchmark, one after another, each printing its
// figures with the target beside them.
import { spawnSync } from 'node:child_process'

const benches = ['bench/extract.mjs', 'bench/export.mjs']
let failed = false
for (const bench of benches) {
  console.log(`\n== ${bench}`)
  const result = spawnSync(process.execPath, [bench], { stdio: 'inherit' })
  failed ||= result.status !== 0
}
process.exitCode = failed ? 1 : 0
