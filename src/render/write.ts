import { mkdir, mkdtemp, readFile, readdir, rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join, posix, relative, sep } from 'node:path'
import type { RenderedDeck } from '../model/index.js'
import { exists } from '../shared/index.js'

/** Folders of a deck that briefdeck writes whole; anything else there (PDFs, Slidev's dist/) is left alone. */
const ownedFolders = ['theme']

/**
 * Writes a deck folder so that nobody ever sees half of it: the files are
 * written into a staging folder beside it first. A new deck is then renamed
 * into place whole; an existing one gets only its changed files renamed
 * over, so an unchanged build touches nothing and a running Slidev server
 * that watches the folder keeps working.
 */
export async function writeDeck(dir: string, deck: RenderedDeck): Promise<void> {
  await mkdir(dirname(dir), { recursive: true })
  const staging = await mkdtemp(join(dirname(dir), `.${basename(dir)}-`))
  try {
    for (const [path, text] of Object.entries(deck.files)) {
      await mkdir(dirname(join(staging, path)), { recursive: true })
      await writeFile(join(staging, path), text)
    }
    if (!(await exists(dir))) {
      await rename(staging, dir)
      return
    }
    for (const [path, text] of Object.entries(deck.files)) {
      if ((await readFile(join(dir, path), 'utf8').catch(() => undefined)) === text) continue
      await mkdir(dirname(join(dir, path)), { recursive: true })
      await rename(join(staging, path), join(dir, path))
    }
    await removeStaleFiles(dir, deck)
  } finally {
    await rm(staging, { recursive: true, force: true })
  }
}

/** Files in the folders briefdeck owns that this build no longer produces (a removed layout, say). */
async function removeStaleFiles(dir: string, deck: RenderedDeck): Promise<void> {
  for (const folder of ownedFolders) {
    const entries = await readdir(join(dir, folder), { recursive: true, withFileTypes: true }).catch(() => [])
    for (const entry of entries.filter((each) => each.isFile())) {
      const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join(posix.sep)
      if (!(path in deck.files)) await rm(join(dir, path))
    }
  }
}
