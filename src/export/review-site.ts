// The review server's site of a deck: the print site's Vite config (Slidev
// with the features a static deck does not need turned off) with the slide
// show kept, since reviewers page through the deck, served under its own
// `/<audience>/`. Built in a child process: Slidev's node API keeps the first
// deck's root for the life of a process.
import { createRequire } from 'node:module'
import { extname } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BriefdeckProblem, type BuiltDeck } from '../model/index.js'
import { startProcess } from '../shared/index.js'
import { printSiteVariables } from './print-site-config.js'
import { firstErrorLine } from './site-builder.js'

const printSiteConfig = fileURLToPath(
  new URL(`./print-site-config${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
)
const viteModule = pathToFileURL(createRequire(import.meta.url).resolve('vite')).href
const buildScript =
  'const { build } = await import(process.env.BRIEFDECK_VITE); await build({ configFile: process.env.BRIEFDECK_CONFIG, base: process.env.BRIEFDECK_BASE })'

/** Builds the deck's review site into `outDir`; an aborted `signal` stops the build (the server is stopping). */
export async function buildReviewSite(deck: BuiltDeck, outDir: string, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted()
  const build = startProcess(process.execPath, ['--input-type=module', '-e', buildScript], {
    cwd: deck.dir,
    output: 'collect',
    env: {
      BRIEFDECK_VITE: viteModule,
      BRIEFDECK_CONFIG: printSiteConfig,
      BRIEFDECK_BASE: `/${deck.audience}/`,
      [printSiteVariables.entry]: deck.slidesPath,
      [printSiteVariables.outDir]: outDir,
      [printSiteVariables.keepSlideShow]: '1',
    },
  })
  const stop = () => build.stop()
  signal?.addEventListener('abort', stop, { once: true })
  try {
    const { exitCode, stdout, stderr } = await build.exited
    signal?.throwIfAborted()
    if (exitCode !== 0)
      throw new BriefdeckProblem(
        `Slidev could not build this deck: ${firstErrorLine(stderr + stdout)}`,
        { file: deck.slidesPath },
        'deck-build',
      )
  } finally {
    signal?.removeEventListener('abort', stop)
  }
}
