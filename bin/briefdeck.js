#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const dist = new URL('../dist/', import.meta.url)
const entry = new URL('cli/index.js', dist)
if (!existsSync(fileURLToPath(entry))) {
  console.error('briefdeck: dist/ is missing; run `npm run build` (or `npm ci`) in the briefdeck folder first')
  process.exit(2)
}
// Playwright starts loading in a thread of its own while the CLI's code does (dist/cli/early-work.js).
;(await import(new URL('cli/early-work.js', dist).href)).startEarlyWork(process.argv.slice(2))
await import(entry.href)
