// The handout as HTML: per slide its image, its speaker notes and its
// sources, laid out 1, 2 or 3 to a sheet, or as notes pages with room to
// write. Chromium prints it (see handout.ts); the marking banner and page
// numbers go in the printed header and footer.
import type { HandoutLayout, SlidePlan } from '../model/index.js'
import { citationText, escapeHtml, htmlDocument } from './html.js'

export interface HandoutSlide {
  readonly number: number
  readonly plan: SlidePlan
  /** The slide's picture as a data URL; absent when the browser drew fewer slides than the plan has. */
  readonly image: string | undefined
}

interface LayoutRule {
  readonly slidesPerSheet: number
  readonly landscape: boolean
  readonly css: string
}

const sharedCss = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 10pt/1.4 'DejaVu Sans', 'Liberation Sans', Arial, sans-serif; color: #111; }
  .sheet { break-after: page; display: flex; flex-direction: column; gap: 6mm; }
  .sheet:last-child { break-after: auto; }
  .slide { display: flex; gap: 5mm; break-inside: avoid; }
  .picture img { display: block; width: 100%; border: 0.3mm solid #888; }
  .missing { border: 0.3mm dashed #888; padding: 4mm; color: #444; }
  h2 { font-size: 11pt; margin: 0 0 1.5mm; }
  h3 { font-size: 8.5pt; margin: 2.5mm 0 1mm; text-transform: uppercase; letter-spacing: 0.04em; color: #333; }
  p { margin: 0 0 1.5mm; }
  ol.sources { margin: 0; padding-left: 4mm; font-size: 8.5pt; overflow-wrap: anywhere; }
`

const layoutRules: Record<HandoutLayout, LayoutRule> = {
  '1up': { slidesPerSheet: 1, landscape: true, css: '.picture { flex: 0 0 58%; } .text { flex: 1; }' },
  '2up': { slidesPerSheet: 2, landscape: false, css: '.slide { min-height: 45%; } .picture { flex: 0 0 52%; } .text { flex: 1; }' },
  '3up': { slidesPerSheet: 3, landscape: false, css: '.picture { flex: 0 0 42%; } .text { flex: 1; font-size: 8pt; } h2 { font-size: 9.5pt; }' },
  notes: {
    slidesPerSheet: 1,
    landscape: false,
    css: `.slide { flex-direction: column; } .picture { width: 80%; margin: 0 auto; }
      .writing { min-height: 40mm; background: repeating-linear-gradient(transparent 0 7.5mm, #bbb 7.5mm 7.8mm); }`,
  },
}

export function slidesPerSheet(layout: HandoutLayout): number {
  return layoutRules[layout].slidesPerSheet
}

export function isLandscape(layout: HandoutLayout): boolean {
  return layoutRules[layout].landscape
}

export function handoutHtml(title: string, slides: readonly HandoutSlide[], layout: HandoutLayout): string {
  const rule = layoutRules[layout]
  const sheets = chunk(slides, rule.slidesPerSheet).map((group) => sheetHtml(group, layout))
  return htmlDocument(title, sharedCss + rule.css, sheets.join('\n'))
}

function sheetHtml(slides: readonly HandoutSlide[], layout: HandoutLayout): string {
  const writing = layout === 'notes' ? '\n<div class="writing" aria-label="Space for your notes"></div>' : ''
  return `<section class="sheet">\n${slides.map(slideHtml).join('\n')}${writing}\n</section>`
}

function slideHtml(slide: HandoutSlide): string {
  const heading = `${slide.number}. ${slide.plan.title}`
  const picture = slide.image
    ? `<img src="${slide.image}" alt="Slide ${slide.number}: ${escapeHtml(slide.plan.title)}">`
    : `<div class="missing">Slide ${slide.number} was not drawn.</div>`
  return `<article class="slide">
<div class="picture">${picture}</div>
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
