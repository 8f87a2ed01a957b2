// Runs a rebuild whenever watched files change: `present` rebuilds its deck
// (Slidev sees the new slides.md and updates the open browser), `build
// --watch` the briefs of a repository. Not in index.ts: the commands that
// watch import it, and every other command would load chokidar for nothing.
import { watch, type FSWatcher } from 'chokidar'

export interface RebuildWatcher {
  /** Resolves once every watched folder has been read: changes from then on are seen. */
  readonly ready: Promise<void>
  close(): Promise<void>
}

/**
 * Runs `rebuild` after every change to `paths` (files, or folders watched
 * whole but for what `ignored` says), one rebuild at a time; a change
 * during a rebuild makes one more. A failed rebuild (a brief in mid-edit) is
 * reported and the last good output stays.
 */
export function rebuildOnChange(
  paths: readonly string[],
  rebuild: () => Promise<void>,
  onError: (error: unknown) => void,
  ignored?: (path: string) => boolean,
): RebuildWatcher {
  let running: Promise<void> | undefined
  let again = false
  const run = (): void => {
    if (running) {
      again = true
      return
    }
    running = rebuild()
      .catch(onError)
      .finally(() => {
        running = undefined
        if (again) {
          again = false
          run()
        }
      })
  }
  // Most editors save by writing a new file and renaming it; for those that
  // write in place, waiting for the size to settle avoids reading half a
  // brief. A short wait: it is part of every edit's way to the screen, and a
  // brief read in mid-write only fails that rebuild (the next event makes another).
  const watcher: FSWatcher = watch([...paths], {
    ignoreInitial: true,
    awaitWriteFinish: { stabilityThreshold: 40, pollInterval: 10 },
    ...(ignored ? { ignored } : {}),
  })
  watcher.on('all', run)
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    ready,
    async close() {
      await watcher.close()
      await running
    },
  }
}
