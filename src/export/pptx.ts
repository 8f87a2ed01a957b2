// PPTX through Slidev's own exporter (one picture per slide and click, with
// the speaker notes), run as Slidev's command on the deck with our Chromium.
import { rename, rm } from 'node:fs/promises'
import { BriefdeckProblem, type BuiltDeck } from '../model/index.js'
import { runProcess, slidevBin, temporarySibling } from '../shared/index.js'
import { firstErrorLine } from './site-builder.js'

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

async function runSlidev(deck: BuiltDeck, args: readonly string[]): Promise<void> {
  const { exitCode, stdout, stderr } = await runProcess(process.execPath, [slidevBin, ...args], { cwd: deck.dir })
  if (exitCode !== 0)
    throw new BriefdeckProblem(
      `Slidev could not export this deck to PPTX: ${firstErrorLine(stderr + stdout)}`,
      { file: deck.slidesPath },
      'pptx-export',
    )
}
