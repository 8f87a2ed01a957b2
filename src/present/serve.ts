// Serves one deck with Slidev's own dev server (presenter view, notes,
// remote control, its keyboard shortcuts), run as Slidev's command so that
// everything it does on a change of slides.md, from hot updates to restarts
// on a config change, stays Slidev's.
import { EnvironmentProblem, type BuiltDeck } from '../model/index.js'
import { slidevBin, startProcess } from '../shared/index.js'

export interface ServeOptions {
  readonly port: number
  /** Slidev's `--remote`: listen on every address, with this password for the presenter's controls. */
  readonly remote?: string
  /** Open the deck in the default browser. */
  readonly open: boolean
  /** Show Slidev's own output and shortcuts (a person at a terminal) or not (tests). */
  readonly attached: boolean
}

export interface ServedDeck {
  /** The address of the first slide on this machine. */
  readonly url: string
  /** Resolves when the server answers. */
  readonly ready: Promise<void>
  /** Resolves with Slidev's exit code when it stops. */
  readonly closed: Promise<number>
  close(): void
}

export function serveDeck(deck: BuiltDeck, options: ServeOptions): ServedDeck {
  const args = [slidevBin, deck.slidesPath, '--port', String(options.port)]
  if (options.remote !== undefined) args.push('--remote', options.remote)
  if (options.open) args.push('--open')
  const slidev = startProcess(process.execPath, args, {
    cwd: deck.dir,
    output: options.attached ? 'inherit' : 'ignore',
  })
  const closed = slidev.exited.then(({ exitCode }) => exitCode)
  const url = `http://localhost:${options.port}/`
  return { url, ready: untilAnswering(url, closed), closed, close: slidev.stop }
}

/** Slidev prints its address when ready, in colours and words of its own; asking the address is steadier. */
async function untilAnswering(url: string, closed: Promise<number>): Promise<void> {
  let stopped = false
  void closed.then(() => (stopped = true))
  for (;;) {
    if (stopped) throw new EnvironmentProblem(`Slidev stopped before serving ${url} (is the port taken?)`)
    const answered = await fetch(url).then(
      (response) => response.ok,
      () => false,
    )
    if (answered) return
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** Whether a browser window can open: always on macOS and Windows, with an X or Wayland display elsewhere. */
export function canOpenBrowser(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): boolean {
  if (platform === 'darwin' || platform === 'win32') return true
  return Boolean(env['DISPLAY'] || env['WAYLAND_DISPLAY'])
}
