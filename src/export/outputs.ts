// Where each export of a deck goes: next to the deck, named after the brief and the audience.
import { join } from 'node:path'
import type { BuiltDeck } from '../model/index.js'

export interface DeckOutputs {
  readonly pdf: string
  readonly handout: string
  readonly pptx: string
  /** Folder of `slide-01.png`, `slide-02.png`, … */
  readonly slideImagesDir: string
  readonly contactSheet: string
  /** The static Slidev build that every export prints from. */
  readonly printSite: string
}

/** The print site's folder inside a deck's. */
export const printSiteFolder = 'print-site'

export function deckOutputs(deck: BuiltDeck): DeckOutputs {
  const base = `${deck.plan.brief}-${deck.audience}`
  return {
    pdf: join(deck.dir, `${base}.pdf`),
    handout: join(deck.dir, `${base}-handout.pdf`),
    pptx: join(deck.dir, `${base}.pptx`),
    slideImagesDir: join(deck.dir, 'png'),
    contactSheet: join(deck.dir, 'contact-sheet.png'),
    printSite: join(deck.dir, printSiteFolder),
  }
}

/** `slide-07.png`: zero-padded so that file listings sort in slide order. */
export function slideImageName(slideNumber: number, slideCount: number): string {
  const width = Math.max(2, String(slideCount).length)
  return `slide-${String(slideNumber).padStart(width, '0')}.png`
}
