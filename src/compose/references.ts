import type { Bullet, Extraction } from '../model/index.js'
import type { PlannedBullet } from './bullets.js'
import { referenceText, sourceCitation } from './notes.js'
import { exclusionPatterns, matchesAny } from './pool.js'
import { byCodeUnits, type SectionContext, type SectionOf } from './section-context.js'
import { comparableText } from './wording.js'

// Glossary: acronyms the sources spell out, then the people and organisations they give a role.

export function glossaryBullets(section: SectionOf<'terms'>, context: SectionContext): PlannedBullet[] {
  const exclusions = exclusionPatterns(context.profile)
  // An acronym nobody spells out, or a name with no role, tells the reader nothing.
  const terms = mergedTerms(context.extractions).filter((term) => term.expansion !== null)
  const covered = (name: string) =>
    terms.some(
      (term) =>
        name.includes(term.acronym) ||
        (term.expansion !== null && comparableText(name) === comparableText(term.expansion)),
    )
  const actors = new Map<string, string>()
  for (const extraction of context.extractions) {
    for (const actor of extraction.actors) {
      if (!actor.role || !section.actorTypes.includes(actor.type) || covered(actor.name) || actors.has(actor.name))
        continue
      actors.set(actor.name, actor.role)
    }
  }
  const entries = [
    ...terms.map((term) => ({
      label: term.acronym,
      text: term.expansion!,
      note: `${term.acronym}: ${term.expansion!} (${term.origin === 'glossary' ? 'from the bundled glossary' : 'as the source writes it'}).`,
    })),
    ...[...actors]
      .sort(([a], [b]) => byCodeUnits(a, b))
      .map(([name, role]) => ({ label: name, text: role, note: `${name}: ${role}.` })),
  ]
  return entries
    .filter((entry) => !matchesAny([entry.label, entry.text], exclusions))
    .map((entry) => ({
      bullet: { label: entry.label, text: entry.text, blockIds: [] },
      notes: [entry.note],
      citations: [],
      marking: context.brief.marking,
    }))
}

/** One entry per acronym across sources, preferring an expansion the text itself gives. */
export function mergedTerms(extractions: readonly Extraction[]): Extraction['terms'] {
  const rank = { text: 0, glossary: 1, unknown: 2 } as const
  const byAcronym = new Map<string, Extraction['terms'][number]>()
  for (const term of extractions.flatMap((extraction) => extraction.terms)) {
    const known = byAcronym.get(term.acronym)
    if (!known || rank[term.origin] < rank[known.origin]) byAcronym.set(term.acronym, term)
  }
  return [...byAcronym.values()].sort((a, b) => byCodeUnits(a.acronym, b.acronym))
}

// Sources --------------------------------------------------------------------

/** The path as the brief writes it: where the repository is checked out must not change the deck. */
function briefSourcePath(context: SectionContext, sourceId: string): string {
  return context.brief.sources.find((source) => source.id === sourceId)?.path ?? sourceId
}

/** One full citation per source: author, title, publisher, date; the address below it. */
export function sourceBullets(context: SectionContext): PlannedBullet[] {
  return context.extractions.map((extraction) => {
    const bullet: Bullet = { text: referenceText(extraction.source), blockIds: [] }
    if (extraction.source.url) bullet.detail = extraction.source.url
    return {
      bullet,
      notes: [
        `${referenceText(extraction.source)}${extraction.source.url ? `, ${extraction.source.url}` : ''}. Source '${extraction.source.id}', file ${briefSourcePath(context, extraction.source.id)}.`,
      ],
      citations: [sourceCitation(extraction.source)],
      marking: context.brief.marking,
    }
  })
}
