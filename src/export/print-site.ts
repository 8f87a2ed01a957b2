// Builds the print sites of a build's decks (see print-site-config.ts) in one
// child process, one deck after another, and reuses a deck's last site when
// nothing it is made of has changed, so that `briefdeck check` after
// `briefdeck export` does not build again.
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
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, extname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { BriefdeckProblem, type BuiltDeck } from '../model/index.js'
import { replaceDirectory, startProcess, temporarySibling } from '../shared/index.js'
import { deckOutputs, type DeckOutputs } from './outputs.js'
import { printSiteVariables } from './print-site-config.js'
import { awaitedLater } from './settle.js'
import {
  combineDecks,
  localTheme,
  printRangeFile,
  sharingKey,
  themeSharingField,
  type CombinedDecks,
} from './shared-print-site.js'
import { slidevHooksSource, vueJsxPlugin } from './slidev-hooks.js'

const stampFile = 'briefdeck-fingerprint.txt'

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
const configSource = readFileSync(configPath)
const builderHooks = slidevHooksSource({
  dist: new URL('./', slidevModule).href,
  vueJsx: pathToFileURL(createRequire(slidevPackage).resolve(vueJsxPlugin)).href,
})
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

interface BuildJob {
  readonly entry: string
  readonly outDir: string
  readonly cwd: string
}

interface ChildReport {
  readonly id: number
  readonly error?: string
}

/** One process that builds print sites; started early, its loading overlaps other work. */
export interface PrintSiteBuilder {
  build(job: BuildJob): Promise<void>
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
    new BriefdeckProblem(`Slidev could not build this deck: ${detail}`, { file: job.entry }, 'deck-build')
  child.on('message', (message: ChildReport) => {
    const waiting = pending.get(message.id)
    pending.delete(message.id)
    if (!waiting) return
    if (message.error === undefined) waiting.settler.resolve()
    else waiting.settler.reject(failure(waiting.job, firstErrorLine(message.error)))
  })
  // Decks still waiting when the child ends (a crash, a kill) fail with what it printed.
  void builder.exited.then(
    ({ stdout, stderr }) =>
      pending.forEach(({ job, settler }) => settler.reject(failure(job, firstErrorLine(stderr + stdout)))),
    (error: unknown) => pending.forEach(({ settler }) => settler.reject(error)),
  )
  let nextId = 0
  return {
    build(job) {
      const id = nextId++
      const settler = settlable()
      pending.set(id, { job, settler })
      child.send({ ...job, id })
      return settler.promise
    },
    close() {
      if (child.connected) child.disconnect()
    },
  }
}

/**
 * A builder for a long run of decks: a builder's memory grows with every
 * deck it builds, mostly garbage that V8 keeps while it has room (about 40 MB
 * a deck; capping its heap instead made the builds a tenth slower). After
 * `decksPerBuilder` decks the next ones go to a fresh builder, started once
 * the previous one has finished and let go, so that one builder at a time
 * holds memory.
 */
export function startRecyclingBuilder(decksPerBuilder: number): PrintSiteBuilder {
  let current = startPrintSiteBuilder()
  let batch: Promise<void>[] = []
  let ready = Promise.resolve()
  return {
    build(job) {
      if (batch.length === decksPerBuilder) {
        const finished = Promise.allSettled(batch)
        const previous = current
        ready = finished.then(() => {
          previous.close()
          current = startPrintSiteBuilder()
        })
        batch = []
      }
      const built = awaitedLater(ready.then(() => current.build(job)))
      batch.push(built)
      return built
    },
    close() {
      void ready.then(() => current.close())
    },
  }
}

interface SitePlan {
  readonly deck: BuiltDeck
  readonly outputs: DeckOutputs
  readonly markdown: string
  readonly fingerprint: string
  /** Decks with the same key may print from one site (shared-print-site.ts). */
  readonly sharingKey: string | undefined
  readonly fresh: boolean
}

/**
 * Sends every deck whose print site is stale to the builder (without one, a
 * builder is started for them and let go once they are built; a builder
 * passed in may get more decks, and its owner lets it go) and resolves as
 * soon as they are sent, to one promise per deck, in order, each resolving
 * to the deck's print-site folder once that deck is built (at once when its
 * site is fresh). Stale decks that can share a site are built as one.
 */
export async function ensurePrintSites(
  decks: readonly BuiltDeck[],
  builder?: PrintSiteBuilder,
): Promise<Promise<string>[]> {
  const plans = await Promise.all(decks.map((deck) => planSite(deck)))
  const stale = await Promise.all(siteGroups(plans.filter((plan) => !plan.fresh)).map(writeSharedEntry))
  const placed = new Map<SitePlan, Promise<void>>()
  if (stale.length > 0) {
    const using = builder ?? startPrintSiteBuilder()
    for (const group of stale)
      buildGroup(group, using).forEach((done, index) => placed.set(group.plans[index]!, awaitedLater(done)))
    if (!builder) closeOnceBuilt(using, [...placed.values()])
  }
  return plans.map((plan) => awaitedLater((placed.get(plan) ?? Promise.resolve()).then(() => plan.outputs.printSite)))
}

async function planSite(deck: BuiltDeck): Promise<SitePlan> {
  const outputs = deckOutputs(deck)
  const markdown = await readFile(deck.slidesPath, 'utf8')
  const { fingerprint, otherFiles } = await deckFingerprint(deck, outputs)
  const built = await readFile(join(outputs.printSite, stampFile), 'utf8').catch(() => undefined)
  const sharing = sharingKey(markdown, deck.slidesPath, otherFiles, await themeSharesSites(deck, markdown))
  return { deck, outputs, markdown, fingerprint, sharingKey: sharing, fresh: built === fingerprint }
}

/** Whether the deck's theme (a folder of the deck's, named in its headmatter) says it prints several decks from one site. */
async function themeSharesSites(deck: BuiltDeck, markdown: string): Promise<boolean> {
  const theme = localTheme(markdown, deck.slidesPath)
  if (!theme) return false
  const manifest = await readFile(join(dirname(deck.slidesPath), theme, 'package.json'), 'utf8').catch(() => '{}')
  try {
    return (JSON.parse(manifest) as { briefdeck?: Record<string, unknown> }).briefdeck?.[themeSharingField] === true
  } catch {
    return false
  }
}

/** Decks built into one site; `combined` when more than one. */
interface SiteGroup {
  readonly plans: readonly SitePlan[]
  readonly combined?: CombinedDecks & { readonly entry: string }
}

/** Stale decks in order, those with the same sharing key together (when their markdown combines), the others alone. */
function siteGroups(stale: readonly SitePlan[]): { readonly plans: readonly SitePlan[] }[] {
  const byKey = new Map<string, SitePlan[]>()
  const groups: SitePlan[][] = []
  for (const plan of stale) {
    const group = plan.sharingKey === undefined ? undefined : byKey.get(plan.sharingKey)
    if (group) group.push(plan)
    else {
      const fresh = [plan]
      groups.push(fresh)
      if (plan.sharingKey !== undefined) byKey.set(plan.sharingKey, fresh)
    }
  }
  return groups.map((plans) => ({ plans }))
}

/**
 * The shared site's markdown goes into the first deck's folder, where its
 * theme is; a dot-file, so that it is no part of the deck (deckFiles).
 */
async function writeSharedEntry(group: { readonly plans: readonly SitePlan[] }): Promise<SiteGroup> {
  const [first, ...others] = group.plans
  const combined =
    first && others.length > 0
      ? combineDecks(group.plans.map((plan) => ({ markdown: plan.markdown, slidesPath: plan.deck.slidesPath })))
      : undefined
  if (!first || !combined) return group
  const entry = join(first.deck.dir, '.briefdeck-print-site.md')
  await writeFile(entry, combined.markdown)
  return { plans: group.plans, combined: { ...combined, entry } }
}

/**
 * Builds the group's site and puts a copy in each deck's folder, stamped
 * with that deck's fingerprint: what a deck's own slides look like in a
 * shared site depends only on its own files (the others differ in slides
 * only, and the theme draws each slide from its own deck), so the copy
 * stays good while the deck does. A shared build that fails is done again
 * deck by deck, so that the error names the deck's own slides.
 */
function buildGroup(group: SiteGroup, builder: PrintSiteBuilder): Promise<void>[] {
  const [first] = group.plans
  if (!first || !group.combined) return group.plans.map((plan) => buildAlone(plan, builder))
  const { entry, ranges } = group.combined
  const built = builder.build(buildJob(first, entry)).then(
    () => true,
    () => false,
  )
  const placed = built.then(async (succeeded) => {
    await rm(entry, { force: true })
    if (!succeeded) return group.plans.map((plan) => awaitedLater(buildAlone(plan, builder)))
    const building = temporarySibling(first.outputs.printSite)
    try {
      for (const [index, plan] of group.plans.entries()) {
        const copy = `${temporarySibling(plan.outputs.printSite)}.copy`
        await cp(building, copy, { recursive: true })
        await writeFile(join(copy, printRangeFile), ranges[index]!)
        await placeSite(plan, copy)
      }
    } finally {
      await rm(building, { recursive: true, force: true })
    }
    return group.plans.map(() => Promise.resolve())
  })
  return group.plans.map((_, index) => placed.then((each) => each[index]))
}

/** Absolute paths: the builder changes its working folder to each deck's. */
function buildJob(plan: SitePlan, entry: string): BuildJob {
  return {
    entry: resolve(entry),
    outDir: resolve(temporarySibling(plan.outputs.printSite)),
    cwd: resolve(plan.deck.dir),
  }
}

/** The deck's own site, built from its own slides, in place. */
async function buildAlone(plan: SitePlan, builder: PrintSiteBuilder): Promise<void> {
  const building = temporarySibling(plan.outputs.printSite)
  try {
    await builder.build(buildJob(plan, plan.deck.slidesPath))
    await placeSite(plan, building)
  } finally {
    await rm(building, { recursive: true, force: true })
  }
}

async function placeSite(plan: SitePlan, built: string): Promise<void> {
  await writeFile(join(built, stampFile), plan.fingerprint)
  await replaceDirectory(built, plan.outputs.printSite)
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

/**
 * A hash of every file the deck is made of (slides, theme, public assets),
 * leaving out what export itself writes into the folder, plus the build
 * config and the builder's module hooks, so that a new briefdeck rebuilds;
 * and the same without the deck's own files, which decks that share a site have in common.
 */
async function deckFingerprint(deck: BuiltDeck, outputs: DeckOutputs) {
  const skipped = new Set([
    outputs.pdf,
    outputs.handout,
    outputs.pptx,
    outputs.slideImagesDir,
    outputs.contactSheet,
    outputs.printSite,
    join(deck.dir, 'node_modules'),
  ])
  // The deck's own files: its slides, and its plan, which the render writes beside them for briefdeck and Slidev does not read.
  const ownFiles = new Set([resolve(deck.slidesPath), resolve(deck.dir, 'deck-plan.json')])
  const hash = () => createHash('sha256').update(configSource).update(slidevModule).update(builderHooks)
  const all = hash()
  const others = hash()
  for (const file of await deckFiles(deck.dir, skipped)) {
    const bytes = await readFile(file)
    const name = relative(deck.dir, file).split(sep).join('/')
    for (const each of ownFiles.has(resolve(file)) ? [all] : [all, others]) each.update(name).update('\0').update(bytes)
  }
  return { fingerprint: all.digest('hex'), otherFiles: others.digest('hex') }
}

async function deckFiles(dir: string, skipped: ReadonlySet<string>): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true })
  const files: string[] = []
  for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const path = join(dir, entry.name)
    // Dot-files are work in progress (ours and editors'), not deck content.
    if (skipped.has(path) || entry.name.startsWith('.')) continue
    if (entry.isDirectory()) files.push(...(await deckFiles(path, skipped)))
    else if (entry.isFile()) files.push(path)
  }
  return files
}
