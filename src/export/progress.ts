// Progress of long work, deck by deck and slide by slide, on a terminal only:
// silent in CI, when the output goes to a file or a pipe, or with --quiet.
import { MultiBar, type SingleBar } from 'cli-progress'

export interface Progress {
  /** A deck's next step (`building`, `printing`, `checking`…) over `total` slides. */
  step(deck: string, step: string, total: number): void
  /** One more slide of the deck's current step is done. */
  slide(deck: string): void
  /** The deck is finished: its bar shows all its slides. */
  done(deck: string): void
  stop(): void
}

export interface ProgressOptions {
  readonly quiet?: boolean
}

export function shouldShowProgress(quiet: boolean, env: NodeJS.ProcessEnv, stdoutIsTerminal: boolean): boolean {
  return !quiet && !env['CI'] && stdoutIsTerminal
}

export function createProgress(options: ProgressOptions = {}): Progress {
  return shouldShowProgress(options.quiet ?? false, process.env, process.stdout.isTTY === true)
    ? terminalProgress()
    : silentProgress
}

const silentProgress: Progress = { step() {}, slide() {}, done() {}, stop() {} }

function terminalProgress(): Progress {
  // On stderr, so that `--json` output on stdout stays clean.
  const bars = new MultiBar({
    format: '  {deck} {bar} {value}/{total} slides · {step}',
    barsize: 24,
    hideCursor: true,
    clearOnComplete: false,
    stream: process.stderr,
  })
  const byDeck = new Map<string, SingleBar>()
  return {
    step(deck, step, total) {
      const bar = byDeck.get(deck)
      if (bar) {
        bar.setTotal(total)
        bar.update(0, { step })
      } else {
        byDeck.set(deck, bars.create(total, 0, { deck, step }))
      }
    },
    slide(deck) {
      byDeck.get(deck)?.increment()
    },
    done(deck) {
      const bar = byDeck.get(deck)
      bar?.update(bar.getTotal(), { step: 'done' })
    },
    stop() {
      bars.stop()
    },
  }
}
