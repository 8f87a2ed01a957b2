#!/usr/bin/env node
// The compiled CLI lives in dist/ (built by `npm ci` through the prepare script).
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'

const entry = new URL('../dist/cli/index.js', import.meta.url)
if (!existsSync(fileURLToPath(entry))) {
  console.error('briefdeck: dist/ is missing; run `npm run build` (or `npm ci`) in the briefdeck folder first')
  process.exit(2)
}
await import(entry.href)
