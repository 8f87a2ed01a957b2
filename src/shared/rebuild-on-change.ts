// Runs a rebuild whenever watched files change: `present` rebuilds its deck
// (Slidev sees the new slides.md and updates the open browser), `build
// --watch` the briefs of a repository. Not in index.ts: the commands that
// watch import it, and every other command would load chokidar for nothing.
import type { Stats } from 'node:fs'
import { watch, type FSWatcher } from 'chokidar'

export interface RebuildWatcher {
  /** Resolves once every watched folder has been read: changes from then on are seen. */
  readonly ready: Promise<void>
  close(): Promise<void>
}

/** Folders watched whole: every file below them, but for the paths `ignored` names. */
export interface FolderWatch {
  readonly ignored: (path: string) => boolean
}

/**
 * Runs `rebuild` after every change to `paths` (files; folders with
 * `folders`), one rebuild at a time; a change during a rebuild makes one
 * more. A failed rebuild (a brief in mid-edit) is reported and the last good
 * output stays.
 */
export function rebuildOnChange(
  paths: readonly string[],
  rebuild: () => Promise<void>,
  onError: (error: unknown) => void,
  folders?: FolderWatch,
): RebuildWatcher {
  let running: Promise<void> | undefined
  let again = false
  let closed = false
  const run = (): void => {
    // A change heard during the last rebuild starts none once closing has begun: close() waits for one rebuild only.
    if (closed) return
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
    // A link in a folder may lead anywhere (to / in a repository someone else wrote): never followed, nor watched
    // (a source that is a link is refused unless it leads to a file of the repository, which is watched itself).
    ...(folders
      ? {
          ignored: (path: string, stats?: Stats) => stats?.isSymbolicLink() === true || folders.ignored(path),
          followSymlinks: false,
        }
      : {}),
  })
  watcher.on('all', run)
  const ready = new Promise<void>((resolve) => watcher.once('ready', () => resolve()))
  return {
    ready,
    async close() {
      closed = true
      await watcher.close()
      await running
    },
  }
}
