// The print sites of a build's decks, built by the builder (site-builder.ts).
// Decks that can share a site get one build between them
// (shared-print-site.ts): those of one brief and, in a build of several,
// those of the briefs written while the builder was busy with the last ones.
//
// A deck folder only ever holds a site of its own slides: someone who hands
// on an audience's folder must not hand on another audience's slides, or
// another brief's. A shared site is made in a work folder of the output
// root and deleted once its decks are printed; a deck built alone keeps its
// site, stamped with what it was made of, so that `briefdeck check` after
// `briefdeck export` does not build it again.
import { createHash } from 'node:crypto'
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { printCatalogue, type BuiltDeck } from '../model/index.js'
import { makeWorkFolder, removeAbandonedWork, replaceDirectory, temporarySibling } from '../shared/index.js'
import { deckOutputs, type DeckOutputs } from './outputs.js'
import { printSource } from './print-source.js'
import { awaitedLater } from './settle.js'
import {
  combineDecks,
  localTheme,
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
  /** The markdown the site is built from (print-source.ts). */
  readonly entry: string
  readonly outputs: DeckOutputs
  readonly source: DeckMarkdown
  readonly fingerprint: string
  /** The hash of the deck's files but its own, which decks that share a site have in common. */
  readonly otherFiles: string
  /** Those files, relative to the deck's folder. */
  readonly otherFileNames: readonly string[]
  readonly fresh: boolean
}

/** Where a deck prints from. */
export interface PrintSite {
  readonly dir: string
  /** The deck's slides in a site that several decks share, in Slidev's range syntax ("15-28"); none in a site of its own. */
  readonly range?: string
  /** Says that the deck's page is done with the site; a shared site goes once all its decks are. Later calls do nothing. */
  release(): Promise<void>
}

/**
 * Sends every deck whose print site is stale to the builder (through the
 * queue of a build of several briefs; without one, a builder is started for
 * these decks and let go once they are built) and resolves as soon as they
 * are sent, to one promise per deck, in order, each resolving to where the
 * deck prints from once its site is built (at once when its own is fresh).
 */
export async function ensurePrintSites(
  decks: readonly BuiltDeck[],
  queue?: PrintSiteQueue,
): Promise<Promise<PrintSite>[]> {
  const plans = await Promise.all(decks.map((deck) => planSite(deck)))
  const stale = plans.filter((plan) => !plan.fresh)
  const placed = new Map<SitePlan, Promise<PrintSite>>()
  if (stale.length > 0) {
    const builder = queue ? undefined : startPrintSiteBuilder()
    const { sites, sent } = (queue ?? printSiteQueue(builder!)).build(stale)
    stale.forEach((plan, index) => placed.set(plan, sites[index]!))
    if (builder) closeOnceBuilt(builder, sites)
    // Before the caller goes on to load Playwright, a third of a second in which the builder would wait.
    await sent
  }
  return plans.map((plan) => awaitedLater(placed.get(plan) ?? Promise.resolve(ownSite(plan.outputs.printSite))))
}

/** Releases every site that was built, for decks whose pages may never have opened (a failed brief, a browser that did not start). */
export async function releaseSites(sites: readonly Promise<PrintSite>[]): Promise<void> {
  await Promise.allSettled(sites.map((site) => site.then((each) => each.release())))
}

/** Decks waiting for one builder; those that go to it in one turn share sites where they can. */
export interface PrintSiteQueue {
  /**
   * `sites`: one promise per plan, in order, settled once its site is built;
   * `sent`: settled once the plans are with the builder, or waiting for it to finish the turn it is busy with.
   */
  build(plans: readonly SitePlan[]): { readonly sites: Promise<PrintSite>[]; readonly sent: Promise<void> }
}

/**
 * Decks sent while the builder is busy wait and go to it together once it is
 * done: a build of several briefs writes the first, sends it at once, and
 * writes the next ones (a tenth of a second each) while the builder works,
 * so that they share a site, a second and a half of the builder saved per
 * brief. The first brief goes alone, so that printing starts early.
 */
export function printSiteQueue(builder: PrintSiteBuilder): PrintSiteQueue {
  let waiting: { readonly plan: SitePlan; readonly settle: (built: Promise<PrintSite>) => void }[] = []
  let busy = false
  /** Starts a turn with the waiting decks unless one is under way; settles once they are sent. */
  const nextTurn = (): Promise<void> => {
    if (busy || waiting.length === 0) return Promise.resolve()
    busy = true
    const turn = waiting
    waiting = []
    const built = buildTurn(
      turn.map((each) => each.plan),
      builder,
    )
    turn.forEach((each, index) => each.settle(built.then((placed) => placed[index]!)))
    void built
      .then(
        (placed) => Promise.allSettled(placed),
        () => undefined,
      )
      .then(() => {
        busy = false
        return nextTurn()
      })
    return built.then(
      () => undefined,
      () => undefined,
    )
  }
  return {
    build(plans) {
      const sites = plans.map((plan) =>
        awaitedLater(new Promise<PrintSite>((settle) => waiting.push({ plan, settle }))),
      )
      return { sites, sent: nextTurn() }
    },
  }
}

/** Stale decks that may share a site (shared-print-site.ts) built together, the others alone; one promise per plan. */
async function buildTurn(plans: readonly SitePlan[], builder: PrintSiteBuilder): Promise<Promise<PrintSite>[]> {
  const groups = await Promise.all((await siteGroups(plans)).map(prepareSharedBuild))
  const placed = new Map<SitePlan, Promise<PrintSite>>()
  for (const group of groups)
    buildGroup(group, builder).forEach((done, index) => placed.set(group.plans[index]!, awaitedLater(done)))
  return plans.map((plan) => placed.get(plan)!)
}

async function planSite(deck: BuiltDeck): Promise<SitePlan> {
  const outputs = deckOutputs(deck)
  const { entry } = await printSource(deck.slidesPath)
  const source = readDeckMarkdown(await readFile(entry, 'utf8'), entry)
  const { fingerprint, otherFiles, otherFileNames } = await deckFingerprint(deck, outputs, entry)
  const built = await siteStamp(outputs.printSite)
  return { deck, entry, outputs, source, fingerprint, otherFiles, otherFileNames, fresh: built === fingerprint }
}

/** The fingerprint of what the site in `dir` was built from, when there is one. */
export function siteStamp(dir: string): Promise<string | undefined> {
  return readFile(join(dir, stampFile), 'utf8').catch(() => undefined)
}

/** A deck's own site, in `dir` in its folder: nothing to release, as no other deck prints from it. */
export function ownSite(dir: string): PrintSite {
  return { dir, release: async () => {} }
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

/** Decks built into one site; `combined` when more than one, with the work folder it is made in. */
interface SiteGroup {
  readonly plans: readonly SitePlan[]
  readonly combined?: CombinedDecks & { readonly folder: string }
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

/** Work folders of shared sites, in the output root: `<out>/<brief>/<audience>` is where decks are. */
const sharedSitePrefix = '.briefdeck-print-site-'

/**
 * A shared site is made in a work folder of the output root, apart from
 * every deck: its markdown and the files the decks have in common (the
 * theme) go into `source`, the site into `site`. Work folders that a killed
 * build left are removed first.
 */
async function prepareSharedBuild(plans: readonly SitePlan[]): Promise<SiteGroup> {
  const [first] = plans
  const combined = plans.length > 1 ? combineDecks(plans.map((plan) => plan.source)) : undefined
  if (!first || !combined) return { plans }
  const outputRoot = dirname(dirname(resolve(first.deck.dir)))
  await removeAbandonedWork(outputRoot, sharedSitePrefix)
  const folder = await makeWorkFolder(outputRoot, sharedSitePrefix)
  const source = join(folder, 'source')
  try {
    for (const name of first.otherFileNames) {
      await mkdir(dirname(join(source, name)), { recursive: true })
      await copyFile(join(first.deck.dir, name), join(source, name))
    }
    await writeFile(join(source, 'slides.md'), combined.markdown)
  } catch (error) {
    await rm(folder, { recursive: true, force: true })
    throw error
  }
  return { plans, combined: { ...combined, folder } }
}

/**
 * Builds the group's site, from which each deck prints its own slides: what
 * a deck's slides look like in a shared site depends only on its own files
 * (the others differ in slides only, and the theme draws each slide from its
 * own deck). The decks' own sites from earlier builds, of slides they no
 * longer have, go. A shared build that fails is done again deck by deck, so
 * that the error names the deck's own slides.
 */
function buildGroup(group: SiteGroup, builder: PrintSiteBuilder): Promise<PrintSite>[] {
  if (!group.combined) return group.plans.map((plan) => buildAlone(plan, builder))
  const { folder, ranges } = group.combined
  const removeFolder = () => rm(folder, { recursive: true, force: true })
  const site = join(folder, 'site')
  const job: BuildJob = {
    entry: join(folder, 'source', 'slides.md'),
    outDir: site,
    cwd: join(folder, 'source'),
    slides: group.plans.reduce((sum, plan) => sum + plan.source.slideCount, 0),
  }
  const sites = builder.build(job).then(
    async () => {
      await Promise.all(group.plans.map((plan) => rm(plan.outputs.printSite, { recursive: true, force: true })))
      const releases = releasedTogether(group.plans.length, removeFolder)
      return group.plans.map((_, index) =>
        Promise.resolve({ dir: site, range: ranges[index]!, release: releases[index]! }),
      )
    },
    async () => {
      await removeFolder()
      return group.plans.map((plan) => awaitedLater(buildAlone(plan, builder)))
    },
  )
  return group.plans.map((_, index) => sites.then((each) => each[index]!))
}

/** One release for each of `count` decks, each counted once; `last` runs when all have released. */
function releasedTogether(count: number, last: () => Promise<void>): (() => Promise<void>)[] {
  let remaining = count
  return Array.from({ length: count }, () => {
    let released = false
    return async () => {
      if (released) return
      released = true
      remaining -= 1
      if (remaining === 0) await last()
    }
  })
}

/** The deck's own site, built from its own slides, in place. Absolute paths: the builder changes its working folder to the deck's. */
async function buildAlone(plan: SitePlan, builder: PrintSiteBuilder): Promise<PrintSite> {
  const building = resolve(temporarySibling(plan.outputs.printSite))
  try {
    const cwd = resolve(plan.deck.dir)
    await builder.build({
      entry: resolve(plan.entry),
      deckFile: plan.deck.slidesPath,
      outDir: building,
      cwd,
      slides: plan.source.slideCount,
    })
    await writeFile(join(building, stampFile), plan.fingerprint)
    await replaceDirectory(building, plan.outputs.printSite)
    return ownSite(plan.outputs.printSite)
  } finally {
    await rm(building, { recursive: true, force: true })
  }
}

/**
 * A hash of every file the site is made of (its entry's slides, theme,
 * public assets), leaving out what export itself writes into the folder and
 * the slides the site is not built from, and of the builder's version, so
 * that a new briefdeck rebuilds; and the same without the deck's own files,
 * which decks that share a site have in common.
 */
async function deckFingerprint(deck: BuiltDeck, outputs: DeckOutputs, entry: string) {
  const deckSlides = [deck.slidesPath, join(deck.dir, printCatalogue.slides), join(deck.dir, printCatalogue.texts)]
  const skipped = new Set([
    outputs.pdf,
    outputs.handout,
    outputs.pptx,
    outputs.slideImagesDir,
    outputs.contactSheet,
    outputs.printSite,
    join(deck.dir, 'node_modules'),
    // The plan, which the render writes beside the slides for briefdeck and Slidev does not read.
    join(deck.dir, 'deck-plan.json'),
    // The texts reach the page as it opens (print-page.ts), not through the build.
    ...deckSlides.filter((path) => resolve(path) !== resolve(entry)),
  ])
  // The deck's own file, which decks that share a site do not have in common.
  const ownFiles = new Set([resolve(entry)])
  const hash = () => createHash('sha256').update(builderVersion)
  const all = hash()
  const others = hash()
  const otherFileNames: string[] = []
  for (const file of await deckFiles(deck.dir, skipped)) {
    const bytes = await readFile(file)
    const name = relative(deck.dir, file).split(sep).join('/')
    const own = ownFiles.has(resolve(file))
    if (!own) otherFileNames.push(name)
    for (const each of own ? [all] : [all, others]) each.update(name).update('\0').update(bytes)
  }
  return { fingerprint: all.digest('hex'), otherFiles: others.digest('hex'), otherFileNames }
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
