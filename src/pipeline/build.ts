// A build: plan, render, write and (with export settings) export the decks
// of one or more briefs. Each deck folder records what it was made from
// (record.ts); a deck whose inputs did not change is skipped, and one that
// comes out the same as before keeps its exports.
import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { briefName } from '../brief/index.js'
import { printSiteQueue } from '../export/print-site.js'
import { closeOnceBuilt } from '../export/site-builder.js'
import {
  DeckPlan,
  type AudienceProfile,
  type Brief,
  type BuiltDeck,
  type CheckFinding,
  type DeckBuildRecord,
  type DeckCheck,
  type ExportedDeck,
  type Warning,
} from '../model/index.js'
import { isDirectory } from '../shared/index.js'
import { exportBriefs, startExport, type ExportGroup, type ExportSettings, type StagedExport } from './export-step.js'
import { readBriefInputs, selectAudiences, type BriefInputs } from './inputs.js'
import type { PlanOptions } from './plan.js'
import { contentHash, readRecord, recordedExport, recordedFilesExist, writeRecord } from './record.js'
import type { Printer } from './printer.js'
import { startBuildWorkers, type BuildWorkers } from './workers.js'

export interface BuildOptions extends PlanOptions {
  /** Decks go to `<outDir>/<brief name>/<audience>/`. */
  readonly outDir: string
  /** Build every deck again, whatever its record says. */
  readonly force?: boolean
  /** Also export (and check) the decks. */
  readonly export?: ExportSettings
  /** No progress bars. */
  readonly quiet?: boolean
  /**
   * A printer started before the build (the CLI starts one first thing, so
   * that Playwright loads while briefdeck's own code does), for the build's
   * own workers to print with; the caller ends it.
   */
  readonly printer?: Printer
  /**
   * Rename changed files over inside each deck folder instead of replacing
   * the folder whole: for a deck that a Slidev dev server is showing
   * (`present`), which keeps the folder itself open. A deck to export is
   * still replaced whole, its PDFs with it.
   */
  readonly inPlace?: boolean
}

/**
 * - `skipped`: nothing the deck is made of changed; nothing was redone.
 * - `unchanged`: something changed, but the deck came out the same; its exports were kept.
 * - `rebuilt`: written, and exported when asked, anew.
 */
export type DeckState = 'skipped' | 'unchanged' | 'rebuilt'

export interface DeckBuild {
  readonly deck: BuiltDeck
  readonly state: DeckState
  /** With export settings: what the deck's PDFs and pictures are, new or kept. */
  readonly exported?: ExportedDeck
  /** With the check on: the deck's render check, new or from the export that made its PDFs. */
  readonly check?: DeckCheck
}

export interface BuildResult {
  readonly brief: Brief
  /** Orphaned overrides and unreadable review lines of the decks that were planned: the build went on, but someone should look. */
  readonly warnings: Warning[]
  /** Every deck asked for, in the brief's audience order. */
  readonly decks: BuiltDeck[]
  readonly builds: DeckBuild[]
}

/** The outcome of one brief of a build of several: a result, or what stopped it. */
export type BriefOutcome =
  | { readonly briefPath: string; readonly result: BuildResult; readonly error?: undefined }
  | { readonly briefPath: string; readonly result?: undefined; readonly error: unknown }

/** Builds one brief; its first problem is thrown. */
export async function buildBrief(briefPath: string, options: BuildOptions): Promise<BuildResult> {
  const [outcome] = await buildBriefs([briefPath], options)
  if (outcome?.error !== undefined || !outcome?.result) throw outcome?.error
  return outcome.result
}

/**
 * Builds several briefs with one print-site builder and one Chromium: those
 * of `workers` when given (which the caller ends), else its own. A brief
 * that fails is reported in its outcome and the others still build.
 */
export async function buildBriefs(
  briefPaths: readonly string[],
  options: BuildOptions,
  workers?: BuildWorkers,
): Promise<BriefOutcome[]> {
  const settings = options.export ? settingsKey(options.export) : undefined
  // A first build loads Slidev in the builder while this process reads, plans and renders the decks.
  const own =
    options.export && !workers
      ? startBuildWorkers({
          loadBuilder: !(await builtBefore(briefPaths, options.outDir)),
          ...(options.printer ? { printer: options.printer } : {}),
        })
      : undefined
  const used = options.export ? (workers ?? own) : undefined
  const builder = used?.builder
  let earlyDeck: string | undefined
  try {
    const prepared = await Promise.all(
      briefPaths.map((briefPath) => attempt(briefPath, () => prepareBrief(briefPath, options, settings))),
    )
    const stale = prepared.some((each) => each.value && each.value.stale.length > 0)
    // Chromium starts while the decks are planned and written, and a deck exported before opens on its site meanwhile.
    if (used && stale) used.printer.launch()
    earlyDeck = used && stale ? earlyDeckOf(prepared) : undefined
    if (used && earlyDeck) used.printer.openEarly(earlyDeck, options.export?.check ?? false)
    // Every deck up to date: no site to build, and the builder of this build alone can go.
    if (own && !stale) builder?.close()
    const queue = builder ? printSiteQueue(builder) : undefined
    const written: Attempt<WrittenBrief>[] = []
    // One brief at a time: planning is CPU work, and a brief's decks go to the builder as soon as they are written.
    for (const each of prepared) {
      const value = each.value
      written.push(
        value
          ? await attempt(each.briefPath, async () => {
              const brief = await writeBrief(value, settings, options.force ?? false, options.inPlace ?? false)
              return queue && brief.toExport.length > 0
                ? { ...brief, exporting: await startExport(brief.toExport, queue) }
                : brief
            })
          : { ...each, value: undefined },
      )
    }
    if (own && builder)
      closeOnceBuilt(
        builder,
        written.flatMap((each) => each.value?.exporting?.sites ?? []),
      )
    if (used && settings) await exportWritten(written, options, settings, used.printer)
    return written.map((each) =>
      each.value
        ? { briefPath: each.briefPath, result: resultOf(each.value) }
        : { briefPath: each.briefPath, error: each.error },
    )
  } finally {
    if (earlyDeck) await used?.printer.discardEarly().catch(() => undefined)
    await own?.close()
  }
}

/** The folder of the first deck to build that was exported before, whose page opens on its site ahead (early-page.ts): one, as every open page is a renderer's memory. */
function earlyDeckOf(prepared: readonly Attempt<PreparedBrief>[]): string | undefined {
  return prepared.flatMap((each) => each.value?.stale ?? []).find((stale) => stale.record?.export)?.dir
}

/** Whether every brief has an output folder already: its decks then most likely print from the sites they have. */
async function builtBefore(briefPaths: readonly string[], outDir: string): Promise<boolean> {
  const folders = briefPaths.map((briefPath) => {
    try {
      return join(outDir, briefName(briefPath))
    } catch {
      return undefined
    }
  })
  return (await Promise.all(folders.map((folder) => folder !== undefined && isDirectory(folder)))).every(Boolean)
}

interface DeckTarget {
  readonly profile: AudienceProfile
  readonly dir: string
  readonly fingerprint: string
  readonly record: DeckBuildRecord | undefined
}

interface PreparedBrief {
  readonly inputs: BriefInputs
  readonly kept: Map<string, DeckBuild>
  readonly stale: DeckTarget[]
  readonly order: readonly string[]
}

/** Reads what the brief's decks are made from and sorts them into those to skip and those to build. */
async function prepareBrief(
  briefPath: string,
  options: BuildOptions,
  settings: string | undefined,
): Promise<PreparedBrief> {
  const inputs = await readBriefInputs(briefPath, options)
  const profiles = selectAudiences(inputs, options.audiences)
  const kept = new Map<string, DeckBuild>()
  const stale: DeckTarget[] = []
  for (const profile of profiles) {
    const dir = resolve(options.outDir, inputs.brief.name, profile.id)
    const target = { profile, dir, fingerprint: inputs.fingerprint(profile.id), record: await readRecord(dir) }
    const skipped = options.force ? undefined : await skippedDeck(target, settings)
    if (skipped) kept.set(profile.id, skipped)
    else stale.push(target)
  }
  return { inputs, kept, stale, order: profiles.map((profile) => profile.id) }
}

/** The deck as its folder holds it, when nothing it is made of changed since, and its exports are there (when asked for). */
async function skippedDeck(target: DeckTarget, settings: string | undefined): Promise<DeckBuild | undefined> {
  const { record, dir } = target
  if (record?.inputs !== target.fingerprint) return undefined
  const exported = settings === undefined ? undefined : await keptExport(dir, target.profile.id, record, settings)
  if (settings !== undefined && !exported) return undefined
  const plan = await readFile(join(dir, 'deck-plan.json'), 'utf8').then(
    (text) => DeckPlan.safeParse(JSON.parse(text)),
    () => undefined,
  )
  if (!plan?.success) return undefined
  return { deck: builtDeck(dir, plan.data), state: 'skipped', ...exported }
}

/** The last export, when it was of this very content with these settings and its files are all there. */
async function keptExport(
  dir: string,
  audience: string,
  record: DeckBuildRecord,
  settings: string,
): Promise<Pick<DeckBuild, 'exported' | 'check'> | undefined> {
  const last = record.export
  if (!last || last.content !== record.content || last.settings !== settings) return undefined
  if (!(await recordedFilesExist(dir, last))) return undefined
  return { exported: recordedExport(dir, audience, last), ...(last.check ? { check: last.check } : {}) }
}

interface WrittenBrief extends PreparedBrief {
  readonly warnings: Warning[]
  /** Decks staged by this build for export, not yet in place. */
  readonly toExport: StagedExport[]
  /** Those decks on their way through the builder. */
  readonly exporting?: ExportGroup
  readonly builds: Map<string, DeckBuild>
}

/**
 * Plans, renders and writes the stale decks; with `force`, none keeps its
 * last export. A deck to export is only staged here (written into a sibling
 * folder with its record): the export writes its PDFs there too, and only
 * then is the folder renamed into place (export-step.ts), so that the deck
 * folder is replaced as a whole, PDFs included.
 */
async function writeBrief(
  prepared: PreparedBrief,
  settings: string | undefined,
  force: boolean,
  inPlace: boolean,
): Promise<WrittenBrief> {
  const builds = new Map(prepared.kept)
  const toExport: StagedExport[] = []
  if (prepared.stale.length === 0) return { ...prepared, warnings: [], toExport, builds }
  // The stages load only when a deck needs them: a build that skips everything stays quick.
  const [{ deckStatus, planDecks }, { render, slideKeys, stageDeck, writeDeck, updateDeckInPlace }] = await Promise.all(
    [import('./plan.js'), import('../render/index.js')],
  )
  const planned = await planDecks(
    prepared.inputs,
    prepared.stale.map((target) => target.profile),
    // Every build reports them, from its check or on its own.
    { keepAnalyses: true, contentCheck: true },
  )
  try {
    for (const [index, plan] of planned.decks.entries()) {
      const target = prepared.stale[index]!
      const rendered = render(plan, prepared.inputs.templates)
      const content = contentHash(rendered)
      // The output root is two folders up (`<out>/<brief>/<audience>`): from there down, nothing may be a link.
      const writing = { outDir: dirname(dirname(target.dir)) }
      const deck = builtDeck(target.dir, plan, planned.contentFindings?.[index])
      const sameContent = target.record?.content === content
      const made: DeckBuildRecord = {
        inputs: target.fingerprint,
        content,
        slides: slideKeys(rendered, prepared.inputs.code),
        status: deckStatus(prepared.inputs.brief, plan, planned.review),
      }
      const record = sameContent && target.record?.export ? { ...made, export: target.record.export } : made
      // The exports in the folder now are kept when they are of this very content and these settings.
      const kept =
        settings === undefined || force ? undefined : await keptExport(target.dir, plan.audience, record, settings)
      if (settings !== undefined && !kept) {
        const staged = await stageDeck(target.dir, rendered, writing)
        toExport.push({ deck, record: made, staged, ...(target.record ? { previous: target.record } : {}) })
        // Until the export records itself, the staged record claims no PDFs.
        await writeRecord(staged.dir, made)
        builds.set(plan.audience, { deck, state: 'rebuilt' })
        continue
      }
      await (inPlace ? updateDeckInPlace : writeDeck)(target.dir, rendered, writing)
      await writeRecord(target.dir, record)
      const unchanged = sameContent && !force
      builds.set(plan.audience, { deck, state: unchanged ? 'unchanged' : 'rebuilt', ...kept })
    }
  } catch (error) {
    // A brief that fails leaves its decks as they were.
    await Promise.all(toExport.map(({ staged }) => staged.discard()))
    throw error
  }
  return { ...prepared, warnings: planned.warnings, toExport, builds }
}

async function exportWritten(
  written: Attempt<WrittenBrief>[],
  options: BuildOptions,
  settings: string,
  printer: Printer,
): Promise<void> {
  const groups: (ExportGroup & { readonly index: number })[] = []
  written.forEach((each, index) => {
    if (each.value?.exporting) groups.push({ index, ...each.value.exporting })
  })
  if (groups.length === 0) return
  const outcomes = await exportBriefs(groups, options.export!, settings, {
    quiet: options.quiet ?? false,
    printer,
  })
  outcomes.forEach((outcome, position) => {
    const group = groups[position]!
    const brief = written[group.index]!
    if (outcome.decks === undefined) {
      written[group.index] = { briefPath: brief.briefPath, error: outcome.error }
      return
    }
    for (const done of outcome.decks)
      brief.value!.builds.set(done.deck.audience, { deck: done.deck, state: 'rebuilt', ...done.kept })
  })
}

function resultOf(written: WrittenBrief): BuildResult {
  const builds = written.order.map((audience) => written.builds.get(audience)!)
  return { brief: written.inputs.brief, warnings: written.warnings, decks: builds.map((build) => build.deck), builds }
}

function builtDeck(dir: string, plan: DeckPlan, contentFindings?: readonly CheckFinding[]): BuiltDeck {
  return {
    audience: plan.audience,
    dir,
    slidesPath: join(dir, 'slides.md'),
    plan,
    ...(contentFindings && { contentFindings }),
  }
}

/** The export settings as a hash; progress output is not among them. */
function settingsKey(settings: ExportSettings): string {
  const { handoutLayout, paper, pngScale, pptx, check } = settings
  return createHash('sha256').update(JSON.stringify({ handoutLayout, paper, pngScale, pptx, check })).digest('hex')
}

interface Attempt<T> {
  readonly briefPath: string
  readonly value?: T
  readonly error?: unknown
}

async function attempt<T>(briefPath: string, work: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { briefPath, value: await work() }
  } catch (error) {
    return { briefPath, error }
  }
}
