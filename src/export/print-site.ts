// The print sites of a build's decks: each deck's site is built (by the
// builder, site-builder.ts) only when something it is made of changed since
// its last one, so that `briefdeck check` after `briefdeck export` does not
// build again; decks that can share a site get one build between them
// (shared-print-site.ts), those of one brief and, in a build of several,
// those of the briefs written while the builder was busy with the last ones.
import { createHash } from 'node:crypto'
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import type { BuiltDeck } from '../model/index.js'
import { replaceDirectory, temporarySibling } from '../shared/index.js'
import { deckOutputs, type DeckOutputs } from './outputs.js'
import { awaitedLater } from './settle.js'
import {
  combineDecks,
  localTheme,
  printRangeFile,
  readDeckMarkdown,
  sharingKey,
  themeSharingField,
  type CombinedDecks,
  type DeckMarkdown,
} from './shared-print-site.js'
import {
  builderVersion,
  closeOnceBuilt,
  startPrintSiteBuilder,
  type BuildJob,
  type PrintSiteBuilder,
} from './site-builder.js'

const stampFile = 'briefdeck-fingerprint.txt'

export interface SitePlan {
  readonly deck: BuiltDeck
  readonly outputs: DeckOutputs
  readonly source: DeckMarkdown
  readonly fingerprint: string
  /** The hash of the deck's files but its own, which decks that share a site have in common. */
  readonly otherFiles: string
  readonly fresh: boolean
}

/**
 * Sends every deck whose print site is stale to the builder (through the
 * queue of a build of several briefs; without one, a builder is started for
 * these decks and let go once they are built) and resolves as soon as they
 * are sent, to one promise per deck, in order, each resolving to the deck's
 * print-site folder once that deck is built (at once when its site is fresh).
 */
export async function ensurePrintSites(
  decks: readonly BuiltDeck[],
  queue?: PrintSiteQueue,
): Promise<Promise<string>[]> {
  const plans = await Promise.all(decks.map((deck) => planSite(deck)))
  const stale = plans.filter((plan) => !plan.fresh)
  const placed = new Map<SitePlan, Promise<void>>()
  if (stale.length > 0) {
    const builder = queue ? undefined : startPrintSiteBuilder()
    const built = (queue ?? printSiteQueue(builder!)).build(stale)
    stale.forEach((plan, index) => placed.set(plan, built[index]!))
    if (builder) closeOnceBuilt(builder, built)
  }
  return plans.map((plan) => awaitedLater((placed.get(plan) ?? Promise.resolve()).then(() => plan.outputs.printSite)))
}

/** Decks waiting for one builder; those that go to it in one turn share sites where they can. */
export interface PrintSiteQueue {
  /** One promise per plan, in order, settled once its site is in place. */
  build(plans: readonly SitePlan[]): Promise<void>[]
}

/**
 * Decks sent while the builder is busy wait and go to it together once it is
 * done: a build of several briefs writes the first, sends it at once, and
 * writes the next ones (a tenth of a second each) while the builder works,
 * so that they share a site, a second and a half of the builder saved per
 * brief. The first brief goes alone, so that printing starts early.
 */
export function printSiteQueue(builder: PrintSiteBuilder): PrintSiteQueue {
  let waiting: { readonly plan: SitePlan; readonly settle: (built: Promise<void>) => void }[] = []
  let busy = false
  const nextTurn = async () => {
    if (busy || waiting.length === 0) return
    busy = true
    const turn = waiting
    waiting = []
    const built = buildTurn(
      turn.map((each) => each.plan),
      builder,
    )
    turn.forEach((each, index) => each.settle(built.then((placed) => placed[index]!)))
    await Promise.allSettled(await built.catch(() => []))
    busy = false
    void nextTurn()
  }
  return {
    build(plans) {
      const built = plans.map((plan) => awaitedLater(new Promise<void>((settle) => waiting.push({ plan, settle }))))
      void nextTurn()
      return built
    },
  }
}

/** Stale decks that may share a site (shared-print-site.ts) built together, the others alone; one promise per plan. */
async function buildTurn(plans: readonly SitePlan[], builder: PrintSiteBuilder): Promise<Promise<void>[]> {
  const groups = await Promise.all((await siteGroups(plans)).map(writeSharedEntry))
  const placed = new Map<SitePlan, Promise<void>>()
  for (const group of groups)
    buildGroup(group, builder).forEach((done, index) => placed.set(group.plans[index]!, awaitedLater(done)))
  return plans.map((plan) => placed.get(plan)!)
}

async function planSite(deck: BuiltDeck): Promise<SitePlan> {
  const outputs = deckOutputs(deck)
  const source = readDeckMarkdown(await readFile(deck.slidesPath, 'utf8'), deck.slidesPath)
  const { fingerprint, otherFiles } = await deckFingerprint(deck, outputs)
  const built = await readFile(join(outputs.printSite, stampFile), 'utf8').catch(() => undefined)
  return { deck, outputs, source, fingerprint, otherFiles, fresh: built === fingerprint }
}

/** Whether the deck's theme (a folder of the deck's, named in its headmatter) says it prints several decks from one site. */
async function themeSharesSites(deck: BuiltDeck, source: DeckMarkdown): Promise<boolean> {
  const theme = localTheme(source)
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

/**
 * Slides at most in a shared site: a builder holds about 520 MB building 125
 * slides and 720 MB building 300, so a turn of more goes into several sites.
 */
const slidesPerSite = 300

/** Stale decks in order, those that may share a site (shared-print-site.ts) together, up to `slidesPerSite`, the others alone. */
async function siteGroups(stale: readonly SitePlan[]): Promise<SitePlan[][]> {
  const keys = await Promise.all(
    stale.map(async (plan) => sharingKey(plan.source, plan.otherFiles, await themeSharesSites(plan.deck, plan.source))),
  )
  const open = new Map<string, { plans: SitePlan[]; slides: number }>()
  const groups: SitePlan[][] = []
  stale.forEach((plan, index) => {
    const key = keys[index]
    const slides = plan.source.slideCount
    const group = key === undefined ? undefined : open.get(key)
    if (group && group.slides + slides <= slidesPerSite) {
      group.plans.push(plan)
      group.slides += slides
    } else {
      const started = { plans: [plan], slides }
      groups.push(started.plans)
      if (key !== undefined) open.set(key, started)
    }
  })
  return groups
}

/**
 * The shared site's markdown goes into the first deck's folder, where its
 * theme is; a dot-file, so that it is no part of the deck (deckFiles).
 */
async function writeSharedEntry(plans: readonly SitePlan[]): Promise<SiteGroup> {
  const [first] = plans
  const combined = plans.length > 1 ? combineDecks(plans.map((plan) => plan.source)) : undefined
  if (!first || !combined) return { plans }
  const entry = join(first.deck.dir, '.briefdeck-print-site.md')
  await writeFile(entry, combined.markdown)
  return { plans, combined: { ...combined, entry } }
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
  const slides = group.plans.reduce((sum, plan) => sum + plan.source.slideCount, 0)
  const built = builder.build(buildJob(first, entry, slides)).then(
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
function buildJob(plan: SitePlan, entry: string, slides: number): BuildJob {
  return {
    entry: resolve(entry),
    outDir: resolve(temporarySibling(plan.outputs.printSite)),
    cwd: resolve(plan.deck.dir),
    slides,
  }
}

/** The deck's own site, built from its own slides, in place. */
async function buildAlone(plan: SitePlan, builder: PrintSiteBuilder): Promise<void> {
  const building = temporarySibling(plan.outputs.printSite)
  try {
    await builder.build(buildJob(plan, plan.deck.slidesPath, plan.source.slideCount))
    await placeSite(plan, building)
  } finally {
    await rm(building, { recursive: true, force: true })
  }
}

async function placeSite(plan: SitePlan, built: string): Promise<void> {
  await writeFile(join(built, stampFile), plan.fingerprint)
  await replaceDirectory(built, plan.outputs.printSite)
}

/**
 * A hash of every file the deck is made of (slides, theme, public assets),
 * leaving out what export itself writes into the folder, and of the
 * builder's version, so that a new briefdeck rebuilds;
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
  const hash = () => createHash('sha256').update(builderVersion)
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
