// The library page of a build folder (`out/index.html`): every brief and
// audience with its status, slide count, links to the deck, the PDF and the
// handout, and the contact sheet as a thumbnail. Plain HTML and inline CSS
// with relative links, so it opens from disk and asks no other machine for anything.
import type { DeckStatus } from '../model/index.js'
import { escapeHtml, plural } from '../shared/index.js'

export interface LibraryDeck {
  readonly brief: string
  readonly audience: string
  readonly status: DeckStatus
  /** Paths relative to the page, with `/` separators; absent when the deck was built without export. */
  readonly slides: string
  readonly pdf?: string
  readonly handout?: string
  readonly contactSheet?: string
}

export function libraryPage(decks: readonly LibraryDeck[]): string {
  const briefs = [...new Set(decks.map((deck) => deck.brief))].sort()
  const sections = briefs.map((brief) =>
    briefSection(
      brief,
      decks.filter((deck) => deck.brief === brief),
    ),
  )
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<title>Briefing library</title>
<style>
  body { font: 15px/1.4 'DejaVu Sans', system-ui, sans-serif; margin: 2rem; color: #111; background: #fafafa; }
  h1 { font-size: 1.6rem; margin: 0 0 1.5rem; }
  h2 { font-size: 1.2rem; margin: 2rem 0 0.75rem; }
  .decks { display: grid; grid-template-columns: repeat(auto-fill, minmax(320px, 1fr)); gap: 1rem; }
  .deck { background: #fff; border: 1px solid #ccc; padding: 0.75rem; }
  .deck img { width: 100%; height: auto; border: 1px solid #ddd; display: block; margin-bottom: 0.5rem; }
  .status { font-weight: 700; }
  .status.draft { color: #b00020; }
  .status.approved { color: #1b5e20; }
  .links a { margin-right: 0.75rem; }
</style>
</head>
<body>
<h1>Briefing library</h1>
${sections.join('\n')}
</body>
</html>
`
}

function briefSection(brief: string, decks: readonly LibraryDeck[]): string {
  const title = decks[0]?.status.title ?? brief
  const cards = [...decks].sort((a, b) => a.audience.localeCompare(b.audience)).map(deckCard)
  return `<section data-brief="${escapeHtml(brief)}">
<h2>${escapeHtml(title)} <small>(${escapeHtml(brief)})</small></h2>
<div class="decks">
${cards.join('\n')}
</div>
</section>`
}

function deckCard(deck: LibraryDeck): string {
  const link = (href: string | undefined, label: string) =>
    href === undefined ? '' : `<a href="${escapeHtml(encodePath(href))}">${label}</a>`
  const thumbnail =
    deck.contactSheet === undefined
      ? ''
      : `<img src="${escapeHtml(encodePath(deck.contactSheet))}" alt="Contact sheet of the ${escapeHtml(deck.audience)} deck" width="320">`
  return `<article class="deck" data-audience="${escapeHtml(deck.audience)}">
${thumbnail}
<h3>${escapeHtml(deck.audience)}</h3>
<p>${statusLine(deck.status)} · <span class="slide-count">${deck.status.slides} ${plural(deck.status.slides, 'slide')}</span></p>
<p class="links">${[link(deck.slides, 'deck'), link(deck.pdf, 'PDF'), link(deck.handout, 'handout')].filter(Boolean).join(' ')}</p>
</article>`
}

function statusLine(status: DeckStatus): string {
  if (status.draft) return '<span class="status draft">DRAFT</span>'
  const by = status.approvedBy.length > 0 ? ` by ${escapeHtml(status.approvedBy.join(', '))}` : ''
  const at = status.approvedAt ? ` on ${escapeHtml(status.approvedAt.slice(0, 10))}` : ''
  return `<span class="status approved">Approved${by}${at}</span>`
}

/** Each segment of a relative path made safe for a URL: a file may be named `a b#c.pdf`. */
function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/')
}
