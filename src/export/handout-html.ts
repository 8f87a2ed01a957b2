// The handout as HTML: per slide the slide itself, its speaker notes and its
// sources; one slide a sheet with its text below, two or three a sheet with
// the text beside, or notes pages with room to write. It is laid over the deck's print page, which fills each slide slot
// (see overlay.ts), and printed (see handout.ts); the marking banner and page
// numbers go in the printed header and footer.
import type { Citation, HandoutLayout, SlidePlan } from '../model/index.js'
import { escapeHtml } from '../shared/index.js'
import type { Sheet } from './overlay.js'

export interface HandoutSlide {
  readonly number: number
  readonly plan: SlidePlan
  /** False when the browser drew fewer slides than the plan has. */
  readonly drawn: boolean
}

interface LayoutRule {
  readonly slidesPerSheet: number
  readonly landscape: boolean
  readonly css: string
}

// Scoped to the handout: it shares the page with the deck's own styles. Block
// layout and floats rather than flex boxes: long notes must break across
// pages, and Chromium breaks flex items poorly.
const sharedCss = `
  .handout { font: 10pt/1.4 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #111; background: #fff; text-align: left; }
  .handout * { box-sizing: border-box; }
  .handout .sheet { break-after: page; }
  .handout .sheet:last-child { break-after: auto; }
  .handout .slide { display: flow-root; break-inside: avoid; margin-bottom: 6mm; }
  .handout .picture { overflow: hidden; border: 0.3mm solid #888; }
  .handout .text { display: flow-root; }
  .handout .missing { border: 0.3mm dashed #888; padding: 4mm; color: #444; }
  .handout h2 { font-size: 11pt; font-weight: 700; margin: 0 0 1.5mm; }
  .handout h3 { font-size: 8.5pt; font-weight: 700; margin: 2.5mm 0 1mm; text-transform: uppercase; letter-spacing: 0.04em; color: #333; }
  .handout p { margin: 0 0 1.5mm; }
  .handout ol.sources { margin: 0; padding-left: 4mm; font-size: 8.5pt; overflow-wrap: anywhere; list-style: decimal; }
`

const pictureBeside = (width: string) =>
  `.handout .picture, .handout .missing { float: left; width: ${width}; margin-right: 5mm; }`

const layoutRules: Record<HandoutLayout, LayoutRule> = {
  '1up': { slidesPerSheet: 1, landscape: false, css: '.handout .picture { margin-bottom: 4mm; }' },
  '2up': { slidesPerSheet: 2, landscape: false, css: pictureBeside('52%') },
  '3up': {
    slidesPerSheet: 3,
    landscape: false,
    css: `${pictureBeside('42%')} .handout .text { font-size: 8pt; } .handout h2 { font-size: 9.5pt; }`,
  },
  notes: {
    slidesPerSheet: 1,
    landscape: false,
    css: `.handout .picture { width: 80%; margin: 0 auto 4mm; }
      .handout .writing { height: 60mm; background: repeating-linear-gradient(transparent 0 7.5mm, #bbb 7.5mm 7.8mm); }`,
  },
}

export function slidesPerSheet(layout: HandoutLayout): number {
  return layoutRules[layout].slidesPerSheet
}

export function isLandscape(layout: HandoutLayout): boolean {
  return layoutRules[layout].landscape
}

export function handoutSheet(slides: readonly HandoutSlide[], layout: HandoutLayout): Sheet {
  const rule = layoutRules[layout]
  const sheets = chunk(slides, rule.slidesPerSheet).map((group) => sheetHtml(group, layout))
  return { css: sharedCss + rule.css, html: `<div class="handout">\n${sheets.join('\n')}\n</div>` }
}

function sheetHtml(slides: readonly HandoutSlide[], layout: HandoutLayout): string {
  const writing = layout === 'notes' ? '\n<div class="writing" aria-label="Space for your notes"></div>' : ''
  return `<section class="sheet">\n${slides.map(slideHtml).join('\n')}${writing}\n</section>`
}

function slideHtml(slide: HandoutSlide): string {
  const heading = `${slide.number}. ${slide.plan.title}`
  const picture = slide.drawn
    ? `<div class="picture" role="img" aria-label="Slide ${slide.number}: ${escapeHtml(slide.plan.title)}" data-slide-slot="${slide.number}"></div>`
    : `<div class="missing">Slide ${slide.number} was not drawn.</div>`
  return `<article class="slide">
${picture}
<div class="text">
<h2>${escapeHtml(heading)}</h2>
${notesHtml(slide.plan.notes)}
${sourcesHtml(slide.plan)}
</div>
</article>`
}

function notesHtml(notes: readonly string[]): string {
  if (notes.length === 0) return ''
  return `<h3>Speaker notes</h3>\n${notes.map((note) => `<p>${escapeHtml(note)}</p>`).join('\n')}`
}

function sourcesHtml(plan: SlidePlan): string {
  if (plan.citations.length === 0) return ''
  const items = plan.citations.map((citation) => `<li>${escapeHtml(citationText(citation))}</li>`)
  return `<h3>Sources</h3>\n<ol class="sources">${items.join('')}</ol>`
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const groups: T[][] = []
  for (let start = 0; start < items.length; start += size) groups.push(items.slice(start, start + size))
  return groups
}

/** `Author, “Title” (2015-04-02), ¶4, https://…`: what a reader needs to find the source. */
function citationText(citation: Citation): string {
  const parts = [
    citation.author,
    `“${citation.title}”`,
    citation.date ? `(${citation.date})` : null,
    citation.paragraph === undefined ? null : `¶${citation.paragraph + 1}`,
    citation.url,
  ]
  return parts.filter((part): part is string => Boolean(part)).join(', ')
}
