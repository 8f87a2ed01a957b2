// Decks that differ only in their slides print from one site:
// one Vite build for all of them instead of one a deck, each of which costs
// a second and a half of the builder. The decks' markdown goes into the site
// one deck after another, each deck's headmatter becoming the frontmatter of
// its first slide, and each deck's print page shows only its own slides
// (Slidev's `range`). This holds only for a theme that reads the deck-level
// fields (banner, title, draft state, slide numbers) from the deck a slide
// belongs to, not from Slidev's configs, which are the first deck's: the
// theme says so in its package.json, as briefdeck's own does
// (templates/theme/components/SlideFrame.vue). Pure: print-site.ts reads
// and writes the files.
import { createHash } from 'node:crypto'
import { parseSync } from '@slidev/parser/core'

/** The theme's package.json field that says it can print several decks from one site. */
export const themeSharingField = 'printsSeveralDecks'

/**
 * Headmatter fields that differ between decks and that a sharing theme reads
 * per deck (`briefdeck`), or that print nothing: `title` and `author` are
 * the page's title and Slidev's own export's metadata (briefdeck gives each
 * PDF its deck's), `exportFilename` names Slidev's own downloads. Every
 * other field is the whole site's, so decks that differ in one do not share.
 */
const perDeckFields = new Set(['briefdeck', 'title', 'author', 'exportFilename'])

/** A deck's markdown as sharing needs it, parsed once. */
export interface DeckMarkdown {
  readonly markdown: string
  readonly slidesPath: string
  readonly headmatter: Readonly<Record<string, unknown>>
  readonly slideCount: number
  /** A slide imports others (`src`): the markdown alone does not hold the deck's slides. */
  readonly importsSlides: boolean
}

export function readDeckMarkdown(markdown: string, slidesPath: string): DeckMarkdown {
  const slides = parseSync(markdown, slidesPath).slides
  return {
    markdown,
    slidesPath,
    headmatter: slides[0]?.frontmatter ?? {},
    slideCount: slides.length,
    importsSlides: slides.some((slide) => 'src' in slide.frontmatter),
  }
}

/**
 * What a deck must have in common with the decks it shares a site with: a
 * hash of `filesHash` (every file of the deck but its own) and of its
 * headmatter less the per-deck fields. Undefined when the deck cannot share:
 * its theme does not say it can, or a slide imports others (`src`), which
 * would make the slide count of the markdown alone wrong.
 */
export function sharingKey(deck: DeckMarkdown, filesHash: string, themeSharesSites: boolean): string | undefined {
  if (!themeSharesSites || deck.importsSlides) return undefined
  const headmatter = Object.entries(deck.headmatter).filter(([field]) => !perDeckFields.has(field))
  return createHash('sha256').update(filesHash).update('\0').update(JSON.stringify(headmatter)).digest('hex')
}

/** The deck's theme when it is a folder of the deck's (`theme: ./theme`), where its package.json says whether it can share. */
export function localTheme(deck: DeckMarkdown): string | undefined {
  const theme = deck.headmatter['theme']
  return typeof theme === 'string' && /^\.\.?\//.test(theme) ? theme : undefined
}

/** Several decks' slides as one site's markdown, and each deck's slides in it, in Slidev's range syntax ("15-28"). */
export interface CombinedDecks {
  readonly markdown: string
  readonly ranges: readonly string[]
}

/** Undefined when the markdown joined does not parse into the decks' slides one after another. */
export function combineDecks(decks: readonly DeckMarkdown[]): CombinedDecks | undefined {
  const counts = decks.map((deck) => deck.slideCount)
  // A blank line keeps each deck's opening `---` a slide separator whatever the previous deck ends with.
  const markdown = decks.map((deck) => deck.markdown.replace(/\n*$/, '\n')).join('\n')
  const total = parseSync(markdown, decks[0]?.slidesPath ?? 'slides.md').slides.length
  if (total !== counts.reduce((sum, count) => sum + count, 0) || counts.includes(0)) return undefined
  let first = 1
  const ranges = counts.map((count) => {
    const range = `${first}-${first + count - 1}`
    first += count
    return range
  })
  return { markdown, ranges }
}
