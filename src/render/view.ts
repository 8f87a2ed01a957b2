import { bannerText, type Bullet, type Citation, type DeckPlan, type SlideTable } from '../model/index.js'
import { formatIsoDate, yearOf } from '../shared/index.js'
import { escapeSlideText } from './escape.js'

/**
 * What templates see. Every string is already escaped for slides, and every
 * field is present (null when empty) so that strict templates can test it.
 */
export interface DeckView {
  readonly title: string
  readonly subtitle: string | null
  readonly audienceName: string | null
  readonly coverLine: string | null
  readonly date: string | null
  readonly contributors: string | null
  readonly banner: string
  readonly draft: boolean
}

export interface BulletView {
  /** 1-based position in its section, counting on across `(cont.)` slides. */
  readonly number: number
  readonly text: string
  readonly detail: string | null
  readonly label: string | null
  /** A whole sentence over the word limit: the templates set it in a smaller style. */
  readonly long: boolean
}

export interface TableView {
  readonly header: string[]
  readonly rows: string[][]
  /** `The table continues in the source (12 more rows).`, or null when every row is on a slide. */
  readonly continued: string | null
}

export interface SlideView {
  readonly id: string
  /** 1-based position in the deck. */
  readonly number: number
  readonly title: string
  readonly lead: string | null
  readonly bullets: BulletView[]
  /** `Sources: Doe 2025, ¶3 · …` (`Source: Kitamura 2026, Table 1` under a table), or null when the slide cites no paragraph. */
  readonly sourceNote: string | null
  /** A table slide's table, else null. */
  readonly table: TableView | null
  readonly notes: string[]
}

/** How a text reaches a slide: escaped (escape.ts), or taken into a text catalogue (text-catalogue.ts). */
export type SlideText = (text: string) => string

const optionalIn = (slideText: SlideText) => (text: string | undefined | null) => (text ? slideText(text) : null)

export function deckView(plan: DeckPlan, slideText: SlideText = escapeSlideText): DeckView {
  const optional = optionalIn(slideText)
  return {
    title: slideText(plan.title),
    subtitle: optional(plan.subtitle),
    audienceName: optional(plan.audienceName),
    coverLine: optional(plan.coverLine),
    date: optional(plan.date && formatIsoDate(plan.date)),
    contributors: optional(plan.contributors?.join(', ')),
    banner: slideText(bannerText(plan.marking)),
    draft: plan.draft,
  }
}

export function slideView(plan: DeckPlan, index: number, slideText: SlideText = escapeSlideText): SlideView {
  const slide = plan.slides[index]!
  const optional = optionalIn(slideText)
  const earlierInSection = plan.slides.slice(0, index).filter((other) => other.section === slide.section)
  const firstNumber = earlierInSection.reduce((count, other) => count + other.bullets.length, 0) + 1
  return {
    id: slide.id,
    number: index + 1,
    title: slideText(slide.title),
    lead: optional(slide.lead),
    bullets: slide.bullets.map((bullet, position) => bulletView(bullet, firstNumber + position, slideText)),
    sourceNote: optional(slide.table ? tableSourceNote(slide.table, slide.citations) : sourceNote(slide.citations)),
    table: slide.table ? tableView(slide.table, slideText) : null,
    notes: slide.notes.map(slideText),
  }
}

function bulletView(bullet: Bullet, number: number, slideText: SlideText): BulletView {
  const optional = optionalIn(slideText)
  return {
    number,
    text: slideText(bullet.text),
    detail: optional(bullet.detail),
    label: optional(bullet.label),
    long: bullet.long ?? false,
  }
}

function tableView(table: SlideTable, slideText: SlideText): TableView {
  const cells = (row: readonly string[]) => row.map(slideText)
  return {
    header: cells(table.header),
    rows: table.rows.map(cells),
    continued:
      table.rowsLeft > 0
        ? slideText(
            `The table continues in the source (${table.rowsLeft} more ${table.rowsLeft === 1 ? 'row' : 'rows'}).`,
          )
        : null,
  }
}

/** `Source: Kitamura 2026, Table 1`: where the table is, in the source the slide cites. */
function tableSourceNote(table: SlideTable, citations: readonly Citation[]): string | null {
  const citation = citations[0]
  if (!citation) return null
  return `Source: ${[shortReference(citation), table.label].filter(Boolean).join(', ')}`
}

/** One short reference per source with the paragraphs the slide draws on. */
function sourceNote(citations: readonly Citation[]): string | null {
  const paragraphsBySource = new Map<string, { citation: Citation; paragraphs: number[] }>()
  for (const citation of citations) {
    if (citation.paragraph === undefined) continue
    const entry = paragraphsBySource.get(citation.sourceId) ?? { citation, paragraphs: [] }
    entry.paragraphs.push(citation.paragraph + 1)
    paragraphsBySource.set(citation.sourceId, entry)
  }
  if (paragraphsBySource.size === 0) return null
  const references = [...paragraphsBySource.values()].map(({ citation, paragraphs }) => {
    const pilcrows = [...new Set(paragraphs)].sort((a, b) => a - b).map((paragraph) => `¶${paragraph}`)
    return [shortReference(citation), ...pilcrows].join(', ')
  })
  return `${references.length === 1 ? 'Source' : 'Sources'}: ${references.join(' · ')}`
}

/** `Doe 2025` (`Clark et al. 2026` for several authors) when the author is known, else the title and year. */
function shortReference(citation: Citation): string {
  const name = citation.author ? firstSurname(citation.author) : citation.title
  return citation.date ? `${name} ${yearOf(citation.date)}` : name
}

/** The first author's surname from a citation's author list (`A and B`, `Clark, Corrie E.; Smith, Jo`), with `et al.` for more. */
function firstSurname(authors: string): string {
  const inverted = authors.includes(';') || (authors.includes(',') && !/\sand\s/.test(authors))
  const [first, ...others] = authors.split(inverted ? /\s*;\s*/ : /\s*,\s*|\s+and\s+/)
  const name = inverted ? first!.split(',')[0]!.trim() : first!.trim().split(/\s+/).at(-1)!
  return others.length > 0 ? `${name} et al.` : name
}
