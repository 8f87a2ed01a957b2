// The lines a person reads after an export: what was written where, with page counts.
import { dirname } from 'node:path'
import type { ExportedDeck } from '../model/index.js'
import { plural, shownPath } from '../shared/index.js'

export function exportSummary(exported: readonly ExportedDeck[], cwd: string = process.cwd()): string[] {
  return exported.flatMap((deck) => {
    const at = (path: string) => shownPath(path, cwd)
    const lines = [
      `${deck.audience}:`,
      `  ${at(deck.pdf.path)} (${deck.pdf.pages} ${plural(deck.pdf.pages, 'page')})`,
      `  ${at(deck.handout.path)} (${deck.handout.pages} ${plural(deck.handout.pages, 'page')})`,
      `  ${at(dirname(deck.slideImages[0] ?? deck.contactSheet))}/ (${deck.slideImages.length} slide ${plural(deck.slideImages.length, 'image')}), ${at(deck.contactSheet)}`,
    ]
    if (deck.pptx) lines.push(`  ${at(deck.pptx)}`)
    if (deck.blockedRequests.length > 0)
      lines.push(
        `  blocked ${deck.blockedRequests.length} ${plural(deck.blockedRequests.length, 'request')} to other machines: ${deck.blockedRequests.join(', ')}`,
      )
    return lines
  })
}
