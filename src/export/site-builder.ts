// The process that builds print sites (see print-site-config.ts): one
// child that builds the decks it is sent, one after another.
//
// Why one child, decks in turn: a warm process builds a deck in well under
// half the time of a fresh one (Slidev, Vite and UnoCSS are loaded and
// compiled once), and the other core stays free for Chromium, which prints
// the first deck while the second builds. Why a child at all: its module
// hooks (slidev-hooks.ts) change how Slidev loads, which briefdeck's own
// process should not see, and a child's memory goes back to the system whole
// when it ends.
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, extname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BriefdeckProblem } from '../model/index.js'
import { startProcess } from '../shared/index.js'
import { printSiteVariables } from './print-site-config.js'
import { awaitedLater } from './settle.js'
import { slidevHooksSource, vueJsxPlugin } from './slidev-hooks.js'

// The config sits beside this module in the same form: TypeScript when tests
// run the sources, JavaScript in dist/. Vite loads either.
const configPath = fileURLToPath(
  new URL(`./print-site-config${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
)
const require = createRequire(import.meta.url)
const viteModule = pathToFileURL(require.resolve('vite')).href
const slidevPackage = require.resolve('@slidev/cli/package.json')
const slidevModule = pathToFileURL(
  join(dirname(slidevPackage), (JSON.parse(readFileSync(slidevPackage, 'utf8')) as { main: string }).main),
).href
const builderHooks = slidevHooksSource({
  dist: new URL('./', slidevModule).href,
  vueJsx: pathToFileURL(createRequire(slidevPackage).resolve(vueJsxPlugin)).href,
})

/** What every site this builder makes depends on besides the deck: the build config, Slidev, the module hooks. A new briefdeck rebuilds. */
export const builderVersion = createHash('sha256')
  .update(readFileSync(configPath))
  .update(slidevModule)
  .update(builderHooks)
  .digest('hex')

/**
 * Vue's SFC compiler loads TypeScript (a quarter of a second) in the middle of
 * a builder's first build, to resolve the prop types that Slidev's own
 * components import; the same file, required ahead, is taken from Node's cache.
 */
const typescriptModule = createRequire(require.resolve('@vue/compiler-sfc')).resolve('typescript')

const childVariables = {
  vite: 'BRIEFDECK_VITE_MODULE',
  config: 'BRIEFDECK_PRINT_CONFIG',
  hook: 'BRIEFDECK_SLIDEV_HOOK',
  typescript: 'BRIEFDECK_TYPESCRIPT_MODULE',
} as const

/**
 * The child: loads Vite and Slidev at once (while the parent may still be
 * generating the decks), then builds each deck it is sent, in turn,
 * reporting each over IPC. It ends when the parent lets go of it.
 */
const childScript = `
const { createRequire, register } = await import('node:module')
const { chdir, env } = process
register('data:text/javascript,' + encodeURIComponent(env.${childVariables.hook}))
const report = (message) => new Promise((resolve) => process.send(message, resolve))
process.on('disconnect', () => process.exit(0))
const loading = Promise.all([import(env.${childVariables.vite}), import(${JSON.stringify(slidevModule)})])
// While the parent is still writing the first deck, as often: the build would load it anyway.
void loading.then(() => createRequire(env.${childVariables.typescript})(env.${childVariables.typescript}))
// Vite bundles a config file before loading it, a few hundredths of a second per deck; JavaScript loads as it is (Node 20 cannot import TypeScript, which tests build from).
const configLoader = env.${childVariables.config}.endsWith('.js') ? 'native' : 'bundle'
let queue = Promise.resolve()
process.on('message', (job) => (queue = queue.then(() => buildDeck(job))))
async function buildDeck(job) {
  const [{ build }] = await loading
  env.${printSiteVariables.entry} = job.entry
  env.${printSiteVariables.outDir} = job.outDir
  chdir(job.cwd)
  try {
    await build({ configFile: env.${childVariables.config}, configLoader })
    await report({ id: job.id })
  } catch (error) {
    await report({ id: job.id, error: String(error?.message ?? error) })
  }
}
`

export interface BuildJob {
  readonly entry: string
  /** The file a failure names, when not the entry: the deck's slides.md, for a site built from its print slides. */
  readonly deckFile?: string
  readonly outDir: string
  readonly cwd: string
  /** How many slides the site holds, which a builder's memory grows with. */
  readonly slides: number
}

interface ChildReport {
  readonly id: number
  readonly error?: string
}

/** One process that builds print sites; started early, its loading overlaps other work. */
export interface PrintSiteBuilder {
  build(job: BuildJob): Promise<void>
  /** The process has ended (let go, killed, out of memory): every build sent now fails. */
  readonly ended: boolean
  /** Lets the process end once its current build is done. */
  close(): void
}

export function startPrintSiteBuilder(): PrintSiteBuilder {
  const builder = startProcess(process.execPath, ['--input-type=module', '-e', childScript], {
    env: {
      [childVariables.vite]: viteModule,
      [childVariables.config]: configPath,
      [childVariables.hook]: builderHooks,
      [childVariables.typescript]: typescriptModule,
      // Rolldown allocates with mimalloc, whose arenas are committed whole by
      // default and end up resident: about 120 MB of the builder's 520 MB.
      // Committing on demand builds just as fast.
      MIMALLOC_ARENA_EAGER_COMMIT: '0',
    },
    output: 'collect',
    ipc: true,
  })
  const { child } = builder
  const pending = new Map<number, { readonly job: BuildJob; readonly settler: Settlable }>()
  const failure = (job: BuildJob, detail: string) =>
    new BriefdeckProblem(
      `Slidev could not build this deck: ${detail}`,
      { file: job.deckFile ?? job.entry },
      'deck-build',
    )
  child.on('message', (message: ChildReport) => {
    const waiting = pending.get(message.id)
    pending.delete(message.id)
    if (!waiting) return
    if (message.error === undefined) waiting.settler.resolve()
    else waiting.settler.reject(failure(waiting.job, firstErrorLine(message.error)))
  })
  // Decks still waiting when the child ends (a crash, a kill) fail with what it printed, and so do decks sent after.
  let endedWith: string | undefined
  void builder.exited.then(
    ({ stdout, stderr }) => {
      endedWith = firstErrorLine(stderr + stdout)
      pending.forEach(({ job, settler }) => settler.reject(failure(job, endedWith!)))
    },
    (error: unknown) => {
      endedWith = String(error)
      pending.forEach(({ settler }) => settler.reject(error))
    },
  )
  // A message to a child that has just ended fails here too; its decks fail above.
  child.on('error', () => {})
  let nextId = 0
  return {
    build(job) {
      const id = nextId++
      const settler = settlable()
      if (endedWith !== undefined) settler.reject(failure(job, endedWith))
      else {
        pending.set(id, { job, settler })
        child.send({ ...job, id }, () => {})
      }
      return settler.promise
    },
    get ended() {
      // The channel closes as the child dies, before its exit is reported.
      return endedWith !== undefined || !child.connected
    },
    close() {
      if (child.connected) child.disconnect()
    },
  }
}

/**
 * A builder for a long run of sites: a builder's memory grows with every
 * slide it builds, mostly garbage that V8 keeps while it has room (about
 * 350 MB over 300 slides; capping its heap instead made the builds a tenth
 * slower). Once a builder has built `slidesPerBuilder` slides, the next
 * sites go to a fresh builder, started once the previous one has finished
 * and let go, so that one builder at a time holds memory.
 */
export function startRecyclingBuilder(slidesPerBuilder: number): PrintSiteBuilder {
  let current = startPrintSiteBuilder()
  let batch: Promise<void>[] = []
  let slidesBuilt = 0
  let ready = Promise.resolve()
  return {
    build(job) {
      if (slidesBuilt >= slidesPerBuilder) {
        const finished = Promise.allSettled(batch)
        const previous = current
        ready = finished.then(() => {
          previous.close()
          current = startPrintSiteBuilder()
        })
        batch = []
        slidesBuilt = 0
      }
      const built = awaitedLater(ready.then(() => current.build(job)))
      batch.push(built)
      slidesBuilt += job.slides
      return built
    },
    get ended() {
      return current.ended
    },
    close() {
      void ready.then(() => current.close())
    },
  }
}

/** The builder holds half a gigabyte; it goes as soon as the last deck is built, before the browser's heavy work. */
export function closeOnceBuilt(builder: PrintSiteBuilder, builds: readonly Promise<unknown>[]): void {
  void Promise.allSettled(builds).then(() => builder.close())
}

interface Settlable {
  readonly promise: Promise<void>
  readonly resolve: () => void
  readonly reject: (error: unknown) => void
}

// Promise.withResolvers arrives in Node 22; briefdeck supports Node 20.
function settlable(): Settlable {
  let resolve = () => {}
  let reject: (error: unknown) => void = () => {}
  const promise = awaitedLater(
    new Promise<void>((res, rej) => {
      resolve = res
      reject = rej
    }),
  )
  return { promise, resolve, reject }
}

/** The line of a build log that says what went wrong, for a one-line error: Rolldown's coded line, else the first error that is not the summary. */
export function firstErrorLine(log: string): string {
  const lines = log
    .split('\n')
    .map((line) => line.replace(/\x1b\[[0-9;]*m/g, '').trim())
    .filter(Boolean)
  const coded = lines.find((line) => /^\[[A-Z_]+\]/.test(line))
  const described = lines.find((line) => /error/i.test(line) && !/^Build failed with \d+ errors?:?$/.test(line))
  return coded ?? described ?? lines.at(-1) ?? 'the build stopped without a message'
}
