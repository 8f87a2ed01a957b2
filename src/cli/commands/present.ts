import { sourcePath } from '../../brief/index.js'
import { formatPlace } from '../../model/index.js'
import { canOpenBrowser, rebuildOnChange, serveDeck } from '../../present/index.js'
import { reportError } from '../exit.js'
import { buildBrief } from '../pipeline.js'
import { usageError } from '../options.js'

export interface PresentCommandOptions {
  readonly audience?: string
  readonly out: string
  readonly port: number | string
  readonly remote?: string
  /** False with `--no-open`. */
  readonly open: boolean
}

/** `briefdeck present BRIEF --audience ID`: serve the deck, rebuild it as the brief and its sources change, until Slidev stops. */
export async function run(briefPath: string, options: PresentCommandOptions): Promise<number> {
  const audience = options.audience?.trim()
  if (!audience) throw usageError("--audience is required: present shows one audience's deck")
  const port = Number(options.port)
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw usageError(`--port must be a port number, not '${options.port}'`)
  const build = () => buildBrief(briefPath, { audiences: [audience], outDir: options.out, write: 'in-place' })

  const first = await build()
  const deck = first.decks[0]
  if (!deck) throw usageError(`the brief has no deck for '${audience}'`)
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
      const { warnings } = await build()
      for (const warning of warnings)
        console.error(`briefdeck: warning: ${formatPlace(warning.place)}: ${warning.message}`)
      console.error(`briefdeck: rebuilt ${deck.slidesPath}`)
    },
    (error) => reportError(error),
  )
  try {
    await served.ready
    return await served.closed
  } finally {
    served.close()
    await watcher.close()
  }
}
