// PPTX through Slidev's own exporter (one picture per slide and click, with
// the speaker notes), run as Slidev's command on the deck with our Chromium.
import { spawn } from 'node:child_process'
import { rename, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { BriefdeckProblem, type BuiltDeck } from '../model/index.js'
import { temporarySibling } from './atomic.js'
import { firstErrorLine } from './print-site.js'

const slidevBin = join(dirname(createRequire(import.meta.url).resolve('@slidev/cli/package.json')), 'bin', 'slidev.mjs')

export async function exportPptx(deck: BuiltDeck, output: string, chromiumPath: string): Promise<void> {
  // Slidev adds `.pptx` to any other name, so the work-in-progress name ends in it too.
  const temporary = `${temporarySibling(output)}.pptx`
  try {
    await runSlidev(deck, [
      'export',
      deck.slidesPath,
      '--format',
      'pptx',
      '--executable-path',
      chromiumPath,
      '--output',
      temporary,
    ])
    await rename(temporary, output)
  } finally {
    await rm(temporary, { force: true })
  }
}

function runSlidev(deck: BuiltDeck, args: readonly string[]): Promise<void> {
  const child = spawn(process.execPath, [slidevBin, ...args], { cwd: deck.dir, stdio: ['ignore', 'pipe', 'pipe'] })
  const log: string[] = []
  child.stdout.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => log.push(chunk.toString()))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0) resolve()
      else
        reject(
          new BriefdeckProblem(
            `Slidev could not export this deck to PPTX: ${firstErrorLine(log.join(''))}`,
            { file: deck.slidesPath },
            'pptx-export',
          ),
        )
    })
  })
}
