import {
  BriefdeckProblem,
  briefPlace,
  mostRestrictive,
  type AudienceProfile,
  type Brief,
  type Bullet,
  type Citation,
  type DeckPlan,
  type Extraction,
  type Knowledge,
  type SlidePlan,
  type SourceDocument,
  emptyKnowledge,
} from '../model/index.js'
import { ShownSentences } from './bullets.js'
import { withKnowledgeNames } from './knowledge-names.js'
import { referenceText } from './notes.js'
import { blockPool, checkDeckReleasable, recipientsOf } from './pool.js'
import { mergedTerms } from './references.js'
import type { PlannedBullet } from './bullets.js'
import { wordLimit, type BulletSection, type SectionContext } from './section-context.js'
import { sectionBullets } from './sections.js'
import { tableSlides } from './tables.js'
import { countWords, spellOutFirstUse } from './wording.js'

export interface ComposeInput {
  /** The brief's sources, extracted and overridden, in the brief's order. */
  readonly extractions: readonly Extraction[]
  /** The sources as ingest read them (headings, whole sentences); without them sections by heading stay empty. */
  readonly documents?: readonly SourceDocument[]
  readonly brief: Brief
  readonly audience: AudienceProfile
  /** The names the profile's patterns refer to (`{leaders:USA}`); without it, those parts of a pattern match nothing. */
  readonly knowledge?: Knowledge
}

/**
 * Chooses, orders and trims the blocks for one audience into a deck plan:
 * a cover, then the profile's sections in order, each getting only the
 * blocks that fit it and that no earlier section showed, continued on
 * further slides when it holds more bullets than a slide should. A section
 * with nothing that fits has no slide.
 */
export function compose(input: ComposeInput): DeckPlan {
  const { extractions, documents = [], brief, knowledge = emptyKnowledge } = input
  const audience = withKnowledgeNames(input.audience, knowledge)
  checkDeckReleasable(brief, audience)
  const byId = new Map(documents.map((document) => [document.metadata.id, document]))
  const context: SectionContext = {
    brief,
    profile: audience,
    extractions,
    documents: byId,
    pool: blockPool(extractions, byId, brief, audience),
    used: new Set<string>(),
    shown: new ShownSentences(),
  }
  const body = audience.sections.flatMap((section) =>
    section.from === 'tables'
      ? tableSlides(section, context)
      : paginate(section, sectionBullets(section, context), audience),
  )
  const worded = audience.wording.spellOutAcronyms ? spellOutAcronyms(body, extractions) : body
  const slides = [coverSlide(brief, audience, extractions), ...worded]
  const plan: DeckPlan = {
    brief: brief.name,
    audience: audience.id,
    title: brief.title,
    audienceName: audience.name,
    coverLine: audience.coverLine,
    contributors: brief.contributors.map((contributor) =>
      contributor.role ? `${contributor.name} (${contributor.role})` : contributor.name,
    ),
    recipients: recipientsOf(brief, audience),
    marking: mostRestrictive([brief.marking, ...slides.map((slide) => slide.marking)]),
    // Compose cannot know about approvals; the review stage clears this.
    draft: true,
    slides,
  }
  if (brief.subtitle) plan.subtitle = brief.subtitle
  if (brief.date) plan.date = brief.date
  if (audience.limits.readingGrade !== undefined) plan.readingGrade = audience.limits.readingGrade
  return plan
}

/** A brief that pins a block to a section no audience has is mistyped, not merely unused. */
export function checkPinnedSections(brief: Brief, profiles: readonly AudienceProfile[]): void {
  const known = new Set(profiles.flatMap((profile) => profile.sections.map((section) => section.id)))
  for (const [blockId, override] of Object.entries(brief.overrides)) {
    if (override.section === undefined || known.has(override.section)) continue
    throw new BriefdeckProblem(
      `no audience of the brief has a section '${override.section}' (sections: ${[...known].join(', ')})`,
      briefPlace(brief, 'overrides', blockId, 'section'),
      'brief-section',
    )
  }
}

function coverSlide(brief: Brief, audience: AudienceProfile, extractions: readonly Extraction[]): SlidePlan {
  const sources = extractions.map((extraction) => referenceText(extraction.source)).join('; ')
  return {
    id: 'cover-1',
    section: 'cover',
    layout: 'cover',
    title: brief.title,
    bullets: [],
    notes: [`${audience.coverLine}. Built from the brief ${brief.name} and its sources: ${sources}.`],
    blockIds: [],
    citations: [],
    marking: brief.marking,
  }
}

/**
 * Cuts a section's bullets into as few slides as the bullet limit allows,
 * filled evenly (7 bullets at 3 a slide make 3, 2 and 2, not 3, 3 and 1);
 * ids are the section id and a page number.
 */
function paginate(section: BulletSection, planned: readonly PlannedBullet[], profile: AudienceProfile): SlidePlan[] {
  const limit = section.bulletsPerSlide ?? profile.limits.bulletsPerSlide
  const pages = Math.ceil(planned.length / limit)
  const slides: SlidePlan[] = []
  for (let index = 0, start = 0; index < pages; index++) {
    const size = Math.ceil((planned.length - start) / (pages - index))
    const page = planned.slice(start, start + size)
    start += size
    const number = slides.length + 1
    const slide: SlidePlan = {
      id: `${section.id}-${number}`,
      section: section.id,
      layout: section.layout,
      title: number === 1 ? section.title : `${section.title} (cont.)`,
      bullets: page.map((item) => item.bullet),
      // A sentence split into several bullets has one note.
      notes: unique(page.flatMap((item) => item.notes)),
      blockIds: unique(page.flatMap((item) => item.bullet.blockIds)),
      citations: uniqueCitations(page.flatMap((item) => item.citations)),
      marking: mostRestrictive(page.map((item) => item.marking)),
      bulletWords: wordLimit(section, profile),
    }
    if (section.template) slide.template = section.template
    if (section.lead) slide.lead = section.lead
    slides.push(slide)
  }
  return slides
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)]
}

function uniqueCitations(citations: readonly Citation[]): Citation[] {
  const byKey = new Map(citations.map((citation) => [`${citation.sourceId}|${citation.paragraph ?? ''}`, citation]))
  return [...byKey.values()]
}

/** Spells out each acronym where a reader first meets it on a slide; notes keep the source's words. */
function spellOutAcronyms(slides: readonly SlidePlan[], extractions: readonly Extraction[]): SlidePlan[] {
  const expansions = mergedTerms(extractions).flatMap((term) =>
    term.expansion ? [{ acronym: term.acronym, expansion: term.expansion }] : [],
  )
  const fields = slides.flatMap((slide) => slide.bullets.flatMap((bullet) => [bullet.text, bullet.detail ?? '']))
  const spelled = spellOutFirstUse(fields, expansions)
  let index = 0
  const next = () => spelled[index++]!
  return slides.map((slide) => ({
    ...slide,
    bullets: slide.bullets.map((bullet): Bullet => {
      const text = next()
      const detail = next()
      const spelled: Bullet = detail ? { ...bullet, text, detail } : { ...bullet, text }
      // Spelled out, a sentence that fitted may no longer fit: it is shown whole in the smaller style.
      return text !== bullet.text && slide.bulletWords !== undefined && countWords(text) > slide.bulletWords
        ? { ...spelled, long: true }
        : spelled
    }),
  }))
}
