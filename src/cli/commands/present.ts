import { sourcePath } from '../../brief/index.js'
import { UsageError } from '../../model/index.js'
import { buildBrief } from '../../pipeline/index.js'
import { canOpenBrowser, serveDeck } from '../../present/index.js'
import { ensurePortFree, parsePort } from '../../shared/index.js'
import { rebuildOnChange } from '../../shared/rebuild-on-change.js'
import { ExitCode, printWarnings, reportError } from '../exit.js'
import { onStopSignal } from '../signals.js'

export interface PresentCommandOptions {
  /** False with `--no-repo-templates`. */
  readonly repoTemplates?: boolean
  readonly audience?: string
  readonly out: string
  readonly port: number | string
  readonly remote?: string
  /** False with `--no-open`. */
  readonly open: boolean
}

/**
 * `briefdeck present BRIEF --audience ID`: serve the deck, rebuild it as the
 * brief and its sources change, until Slidev stops or briefdeck is told to
 * stop (Ctrl-C, SIGTERM, a closed terminal), which stops Slidev too.
 */
export async function run(briefPath: string, options: PresentCommandOptions): Promise<number> {
  const audience = options.audience?.trim()
  if (!audience) throw new UsageError("required (present shows one audience's deck)", '--audience')
  const port = parsePort(options.port)
  const trust = options.repoTemplates === false ? { repoTemplates: false } : {}
  const build = () => buildBrief(briefPath, { audiences: [audience], outDir: options.out, inPlace: true, ...trust })

  const stop = onStopSignal()
  try {
    const first = await build()
    const deck = first.decks[0]
    if (!deck) throw new UsageError(`the brief has no deck for '${audience}'`, '--audience')
    // Slidev listens on localhost, or on every address with --remote.
    await ensurePortFree(port, options.remote === undefined ? 'localhost' : '0.0.0.0')
    const served = serveDeck(deck, {
      port,
      ...(options.remote === undefined ? {} : { remote: String(options.remote) }),
      open: options.open && canOpenBrowser(process.platform, process.env),
      attached: true,
    })
    const watched = [first.brief.file, ...first.brief.sources.map((source) => sourcePath(first.brief, source))]
    const watcher = rebuildOnChange(
      watched,
      async () => {
        printWarnings((await build()).warnings)
        console.error(`briefdeck: rebuilt ${deck.slidesPath}`)
      },
      (error) => reportError(error),
    )
    try {
      // A stop signal is the ordinary way to end a presentation.
      return await Promise.race([served.ready.then(() => served.closed), stop.received.then(() => ExitCode.ok)])
    } finally {
      await watcher.close()
      served.close()
      await served.closed
    }
  } finally {
    stop.dispose()
  }
}
