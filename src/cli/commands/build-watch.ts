// `build --watch`: the build of build.ts, again after every change under the
// briefs' repositories until a stop signal, with one print-site builder and
// one Chromium for every build.
import { dirname, relative, resolve, sep } from 'node:path'
import { repositoryRoot } from '../../brief/index.js'
import type { BuildWorkers, ExportSettings } from '../../pipeline/index.js'
import { isInside } from '../../shared/open-source.js'
import { rebuildOnChange } from '../../shared/rebuild-on-change.js'
import { ExitCode, reportError } from '../exit.js'
import { onStopSignal } from '../signals.js'

/** What watching needs of the build command's options. */
interface WatchedBuildOptions {
  readonly out: string
  readonly force?: boolean
}

/** build.ts's one build of every brief: its report printed, its exit code returned. */
type BuildOnce<Options> = (
  targets: readonly string[],
  options: Options,
  settings: ExportSettings | undefined,
  workers?: BuildWorkers,
) => Promise<number>

/**
 * `--watch`: builds, then builds again after every change under the
 * briefs' repositories (a new brief in a folder named included) until a
 * stop signal. The print-site builder and Chromium stay up between builds,
 * so a rebuild finds Slidev loaded and the browser open: about half the
 * time of a fresh build. Only the first build is forced by `--force`.
 */
export async function watchAndBuild<Options extends WatchedBuildOptions>(
  targets: readonly string[],
  options: Options,
  settings: ExportSettings | undefined,
  buildOnce: BuildOnce<Options>,
): Promise<number> {
  const { findBriefs, startBuildWorkers } = await import('../../pipeline/index.js')
  const workers = settings ? startBuildWorkers() : undefined
  try {
    const watching = () => console.error('briefdeck: watching for changes (Ctrl-C stops)')
    // The first build stops on a signal as any build does; from then on a signal ends the watch after the rebuild under way.
    await buildOnce(targets, options, settings, workers)
    const stop = onStopSignal()
    try {
      const roots = [
        ...new Set(
          await Promise.all((await findBriefs(targets)).map((brief) => repositoryRoot(dirname(resolve(brief))))),
        ),
      ]
      const watcher = rebuildOnChange(
        roots,
        async () => {
          await buildOnce(targets, { ...options, force: false }, settings, workers)
          watching()
        },
        (error) => reportError(error),
        { ignored: notMadeFrom(roots, resolve(options.out)) },
      )
      await Promise.race([watcher.ready, stop.received])
      watching()
      await stop.received
      await watcher.close()
      return ExitCode.ok
    } finally {
      stop.dispose()
    }
  } finally {
    await workers?.close()
  }
}

/**
 * What a build writes or keeps in a repository, which no deck is made from:
 * the output (a build that watched it would start itself again), hidden
 * folders (git's, briefdeck's cache) and installed packages.
 */
function notMadeFrom(roots: readonly string[], outDir: string): (path: string) => boolean {
  return (path) => {
    const absolute = resolve(path)
    if (isInside(outDir, absolute)) return true
    const root = roots.find((each) => isInside(each, absolute))
    const parts = root ? relative(root, absolute).split(sep) : []
    return parts.some((part) => part === 'node_modules' || /^\.[^.]/.test(part))
  }
}
