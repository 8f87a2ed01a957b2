// Rebuilds the deck when the brief or one of its sources changes; Slidev
// sees the new slides.md and updates the open browser.
import { watch, type FSWatcher } from 'chokidar'

export interface RebuildWatcher {
  close(): Promise<void>
}

/**
 * Runs `rebuild` after every change to `paths`, one rebuild at a time; a
 * change during a rebuild makes one more. A failed rebuild (a brief in
 * mid-edit) is reported and the last good deck stays up.
 */
export function rebuildOnChange(
  paths: readonly string[],
  rebuild: () => Promise<void>,
  onError: (error: unknown) => void,
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
  })
  watcher.on('all', run)
  return {
    async close() {
      await watcher.close()
      await running
    },
  }
}
