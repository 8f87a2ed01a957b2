// Writes `<out>/index.html` from what the build folder holds: every deck
// folder with a build record, whichever build made it, so that building one
// brief never drops the others from the page.
import { readdir } from 'node:fs/promises'
import { join, posix, relative, sep } from 'node:path'
import { isFile, writeFileAtomic } from '../shared/index.js'
import { libraryPage, type LibraryDeck } from '../export/library-page.js'
import { readRecord } from './record.js'

export const libraryFile = 'index.html'

export async function writeLibrary(outDir: string): Promise<string> {
  const path = join(outDir, libraryFile)
  await writeFileAtomic(path, libraryPage(await libraryDecks(outDir)))
  return path
}

async function libraryDecks(outDir: string): Promise<LibraryDeck[]> {
  const decks: LibraryDeck[] = []
  for (const brief of await folders(outDir)) {
    for (const audience of await folders(join(outDir, brief))) {
      const dir = join(outDir, brief, audience)
      const record = await readRecord(dir)
      if (!record) continue
      const link = (path: string) => relative(outDir, join(dir, path)).split(sep).join(posix.sep)
      const exported = record.export
      // PDFs of other content than the deck's are not this deck's any more: only the deck is linked then.
      const current = exported && exported.content === record.content && (await isFile(join(dir, exported.pdf.path)))
      decks.push({
        brief,
        audience,
        status: record.status,
        slides: link('slides.md'),
        ...(current
          ? {
              pdf: link(exported.pdf.path),
              handout: link(exported.handout.path),
              contactSheet: link(exported.contactSheet),
            }
          : {}),
      })
    }
  }
  return decks
}

async function folders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => [])
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => entry.name)
    .sort()
}
