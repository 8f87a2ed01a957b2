import { constants } from 'node:fs'
import { chmod, cp, lstat, mkdir, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, posix, relative, sep } from 'node:path'
import { printCatalogue, type RenderedDeck } from '../model/index.js'
import { makeWorkFolder, removeAbandonedWork } from '../shared/atomic.js'
import { isFile } from '../shared/files.js'
import { checkNoLinksBelow, checkOutputPath } from '../shared/owned-folder.js'

/** Folders of a deck that briefdeck writes whole; anything else there (PDFs, print sites) is carried over. */
const ownedFolders = ['theme']

/** Files that a render writes or leaves out (the print slides and texts, when a template puts a text where they cannot hold it): never carried over. */
const ownedFiles = [printCatalogue.slides, printCatalogue.texts]

export interface WriteDeckOptions {
  /** The output root (`--out`): it and every folder down to the deck's must be real folders, never links. */
  readonly outDir: string
}

/** A new deck folder made beside the old one, published as a whole or discarded. */
export interface StagedDeck {
  /** Where the new deck is being made; an export writes its PDFs here before the deck is published. */
  readonly dir: string
  /** Puts the staged folder where the deck belongs, in place of the previous one. */
  publish(): Promise<void>
  discard(): Promise<void>
}

/**
 * Makes the next version of a deck folder beside the current one: a copy of
 * everything the folder holds (exports, print sites, whatever else a build
 * keeps there) with the rendered files written over it. Nothing in the
 * current folder changes until `publish`, so a build interrupted at any
 * point leaves the previous deck, PDFs included, or the new one.
 */
export async function stageDeck(dir: string, deck: RenderedDeck, options: WriteDeckOptions): Promise<StagedDeck> {
  await checkOutputPath(options.outDir, dir)
  const parent = dirname(dir)
  await mkdir(parent, { recursive: true })
  await recoverInterrupted(dir)
  const staging = await makeWorkFolder(parent, stagingPrefix(dir))
  try {
    // mkdtemp makes the folder private; a deck folder is as readable as any other the user makes.
    await chmod(staging, 0o777 & ~process.umask())
    await carryOver(dir, staging, deck)
    await writeFiles(staging, deck)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
  return {
    dir: staging,
    publish: () => swapInto(staging, dir),
    discard: () => rm(staging, { recursive: true, force: true }),
  }
}

/** Writes a deck folder and publishes it at once: what a build without exports does. An unchanged deck is left as it is, so watchers see no event. */
export async function writeDeck(dir: string, deck: RenderedDeck, options: WriteDeckOptions): Promise<void> {
  await checkOutputPath(options.outDir, dir)
  if ((await isFolder(dir)) && (await isUnchanged(dir, deck))) return
  await (await stageDeck(dir, deck, options)).publish()
}

/** Every rendered file is there with the same bytes, and the theme holds no file the deck no longer has. */
async function isUnchanged(dir: string, deck: RenderedDeck): Promise<boolean> {
  await checkNoLinksBelow(dir)
  for (const [path, text] of Object.entries(deck.files))
    if ((await readFile(join(dir, path), 'utf8').catch(() => undefined)) !== text) return false
  return (await staleFiles(dir, deck)).length === 0
}

/**
 * For a deck that a running Slidev dev server shows (`present`): only the
 * files that changed are renamed over, one by one, since the server keeps
 * the folder itself open; an unchanged build touches nothing.
 */
export async function updateDeckInPlace(dir: string, deck: RenderedDeck, options: WriteDeckOptions): Promise<void> {
  await checkOutputPath(options.outDir, dir)
  if (!(await isFolder(dir))) return writeDeck(dir, deck, options)
  await checkNoLinksBelow(dir)
  const staging = await makeWorkFolder(dirname(dir), stagingPrefix(dir))
  try {
    for (const [path, text] of Object.entries(deck.files)) {
      if ((await readFile(join(dir, path), 'utf8').catch(() => undefined)) === text) continue
      await mkdir(dirname(join(staging, path)), { recursive: true })
      await writeFile(join(staging, path), text)
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await rename(join(staging, path), join(dir, path))
    }
    await removeStaleFiles(dir, deck)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

const stagingPrefix = (dir: string) => `.${basename(dir)}.staging-`
const previousOf = (dir: string) => join(dirname(dir), `.${basename(dir)}.previous`)

/**
 * A folder cannot be renamed over a non-empty one, so the previous deck
 * steps aside first. A build killed between the two renames leaves it under
 * `.<audience>.previous`, where the next build finds it (`recoverInterrupted`).
 */
async function swapInto(staging: string, dir: string): Promise<void> {
  const previous = previousOf(dir)
  await rm(previous, { recursive: true, force: true })
  const hadPrevious = await rename(dir, previous).then(
    () => true,
    (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return false
      throw error
    },
  )
  await rename(staging, dir)
  if (hadPrevious) await rm(previous, { recursive: true, force: true })
}

/** Puts back a previous deck that an interrupted publish left aside, and clears staging folders of builds that died. */
async function recoverInterrupted(dir: string): Promise<void> {
  const previous = previousOf(dir)
  if (await isFolder(previous)) {
    if (await isFolder(dir)) await rm(previous, { recursive: true, force: true })
    else await rename(previous, dir)
  }
  await removeAbandonedWork(dirname(dir), stagingPrefix(dir))
}

/** The current deck's files, except the ones this build writes and the folders it writes whole. */
async function carryOver(dir: string, staging: string, deck: RenderedDeck): Promise<void> {
  if (!(await isFolder(dir))) return
  await checkNoLinksBelow(dir)
  const replaced = new Set([...Object.keys(deck.files), ...ownedFolders, ...ownedFiles])
  await cp(dir, staging, {
    recursive: true,
    mode: constants.COPYFILE_FICLONE,
    preserveTimestamps: true,
    filter: (source) => source === dir || !replaced.has(deckPath(dir, source)),
  })
}

async function writeFiles(folder: string, deck: RenderedDeck): Promise<void> {
  for (const [path, text] of Object.entries(deck.files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true })
    await writeFile(join(folder, path), text)
  }
}

/** Files in the folders briefdeck owns that this build no longer produces (a removed layout, say). */
async function staleFiles(dir: string, deck: RenderedDeck): Promise<string[]> {
  const stale: string[] = []
  for (const file of ownedFiles) if (!(file in deck.files) && (await isFile(join(dir, file)))) stale.push(file)
  for (const folder of ownedFolders) {
    const entries = await readdir(join(dir, folder), { recursive: true, withFileTypes: true }).catch(() => [])
    for (const entry of entries.filter((each) => each.isFile())) {
      const path = deckPath(dir, join(entry.parentPath, entry.name))
      if (!(path in deck.files)) stale.push(path)
    }
  }
  return stale
}

async function removeStaleFiles(dir: string, deck: RenderedDeck): Promise<void> {
  for (const path of await staleFiles(dir, deck)) await rm(join(dir, path))
}

const deckPath = (dir: string, file: string) => relative(dir, file).split(sep).join(posix.sep)

async function isFolder(path: string): Promise<boolean> {
  return lstat(path).then(
    (info) => info.isDirectory(),
    () => false,
  )
}
