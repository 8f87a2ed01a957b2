// Actors: the countries, organisations and people a text names, each under
// one name with the other names the text uses for it.
import type { Actor, ActorType, Knowledge, SourceDocument, Span, Term } from '../model/index.js'
import { nameAlternation, phraseAlternation } from '../shared/index.js'

/** One actor the text may name, under its canonical name. */
interface GazetteerEntry {
  name: string
  type: ActorType
  aliases: readonly string[]
}

const name = "[\\p{Lu}][\\p{L}'’-]+"
/** Expansions that name a body rather than a thing: `North Atlantic Treaty Organization`. */
const organisationHead =
  /\b(Organi[sz]ation|Army|Navy|Air Force|Agency|Forum|Council|Committee|Union|Alliance|Department|Ministry|Command|Bank|Fund|Institute|Center|Centre|Association|Party|Forces?|Corps|Service|Office|Bureau|Commission|Court|Parliament|Assembly|Group)$/

interface Matcher {
  pattern: RegExp
  entryOf: Map<string, GazetteerEntry | null>
}

interface Found {
  entry: GazetteerEntry
  aliases: string[]
  mentions: Span[]
  role?: string
}

/** The patterns compiled from one knowledge object, built once per object. */
interface Compiled {
  gazetteer: readonly GazetteerEntry[]
  notActors: readonly string[]
  matcher: Matcher
  /** `then Prime Minister Jane Doe`, `President Smith`: an office and a name. */
  titledName: RegExp
  /** `John Roe, U.S. Assistant Secretary of Energy …,`: a full name and a role in commas. */
  nameWithRole: RegExp
  /** The role written before a name: `CIA Director`, `Chinese President`, `then President`. */
  roleBefore: RegExp
  titleBefore: RegExp
  /** Cheap test for sentences that may name a person with a title; the name patterns run only on those. */
  mayNamePerson: RegExp
}

const compiledKnowledge = new WeakMap<Knowledge, Compiled>()

function compiled(knowledge: Knowledge): Compiled {
  const known = compiledKnowledge.get(knowledge)
  if (known) return known
  const titles = phraseAlternation(knowledge.offices.length ? knowledge.offices : ['President'])
  const gazetteer = [
    ...knowledge.countries.map((actor) => ({ ...actor, type: 'country' as const })),
    ...knowledge.organisations.map((actor) => ({ ...actor, type: 'organisation' as const })),
  ]
  const result: Compiled = {
    gazetteer,
    notActors: knowledge.notActors,
    matcher: matcherFor(gazetteer, knowledge.notActors),
    titledName: new RegExp(`\\b(?:${titles})\\s+(?!(?:${organisationWords})\\b)(${name}(?:\\s+${name}){0,2})`, 'gu'),
    nameWithRole: new RegExp(
      `(?<![\\p{L}])(${name}\\s+${name}(?:\\s+${name})?),\\s+((?:the\\s+)?[^,]{0,60}?\\b(?:${titles})\\b[^,]{0,100}),`,
      'gu',
    ),
    roleBefore: new RegExp(`((?:[\\p{Lu}][\\p{L}.’'-]*\\s+){0,3}(?:${titles}))\\s+$`, 'u'),
    titleBefore: new RegExp(`\\b(${titles})\\s+$`, 'u'),
    mayNamePerson: new RegExp(`\\b(?:${titles})`),
  }
  compiledKnowledge.set(knowledge, result)
  return result
}

/** Words after an office that name a body, not a person: `General Assembly`, `President's Budget`. */
const organisationWords =
  'Assembly|Council|Committee|Office|Department|Ministry|Agency|Administration|Budget|Court|Staff|Counsel|Services?|Accountability|Emeritus'

export function actorsOf(document: SourceDocument, terms: readonly Term[], knowledge: Knowledge): Actor[] {
  const patterns = compiled(knowledge)
  const named = peopleNamedIn(document, patterns)
  const extra = [...named.people, ...organisationsDefinedBy(terms, patterns)]
  const matcher =
    extra.length === 0 ? patterns.matcher : matcherFor([...patterns.gazetteer, ...extra], patterns.notActors)
  const found = new Map<string, Found>()
  for (const paragraph of document.paragraphs) {
    const { pattern } = matcher
    pattern.lastIndex = 0
    for (let match = pattern.exec(paragraph.text); match; match = pattern.exec(paragraph.text)) {
      const entry = matcher.entryOf.get(normaliseSurface(match[0]))
      if (!entry) continue
      const actor = found.get(entry.name) ?? { entry, aliases: [], mentions: [] }
      found.set(entry.name, actor)
      const start = paragraph.start + match.index
      actor.mentions.push({ start, end: start + match[0].length })
      addAlias(actor, match[0])
      if (entry.type === 'person')
        notePersonContext(
          actor,
          match[0],
          paragraph.text.slice(Math.max(0, match.index - 60), match.index),
          named.roles,
          patterns,
        )
    }
  }
  return [...found.values()].map(({ entry, aliases, mentions, role }) => ({
    name: entry.name,
    type: entry.type,
    aliases,
    mentions,
    ...(role ? { role } : {}),
  }))
}

/** The title and role written before a person's name: `U.S. President Smith`. */
function notePersonContext(
  actor: Found,
  surface: string,
  before: string,
  roles: ReadonlyMap<string, string>,
  { titleBefore, roleBefore }: Compiled,
): void {
  // `President Smith` is how the text names John Smith; `President John Smith` adds nothing to the name.
  const title = titleBefore.exec(before)?.[1]
  if (title && normaliseSurface(surface) !== normaliseSurface(actor.entry.name)) addAlias(actor, `${title} ${surface}`)
  actor.role ??= roleBefore.exec(before)?.[1]?.replace(/^then\s+/i, '') ?? roles.get(actor.entry.name)
}

function addAlias(actor: Found, surface: string): void {
  const alias = surface.replace(/[’']s$/, '')
  if (normaliseSurface(alias) !== normaliseSurface(actor.entry.name) && !actor.aliases.includes(alias))
    actor.aliases.push(alias)
}

/** People the gazetteer does not know (`then Prime Minister Jane Doe`, `John Roe, U.S. Assistant Secretary …,`), and roles given in commas. */
function peopleNamedIn(
  document: SourceDocument,
  patterns: Compiled,
): { people: GazetteerEntry[]; roles: Map<string, string> } {
  const { mayNamePerson, nameWithRole, titledName } = patterns
  const people = new Map<string, GazetteerEntry>()
  const roles = new Map<string, string>()
  for (const sentence of document.sentences) {
    if (!mayNamePerson.test(sentence.text)) continue
    for (const match of sentence.text.matchAll(nameWithRole))
      if (!roles.has(match[1]!)) roles.set(match[1]!, match[2]!.trim())
    const candidates = [...sentence.text.matchAll(titledName), ...sentence.text.matchAll(nameWithRole)].map((match) =>
      match[1]!.replace(/[’']s$/, ''),
    )
    for (const full of candidates) {
      if (people.has(full) || isKnown(full, patterns)) continue
      people.set(full, { name: full, type: 'person', aliases: [full.split(/\s+/).at(-1)!] })
    }
  }
  return { people: [...people.values()], roles }
}

/** Organisations whose acronym the text defines: `Joint Maritime Coordination Committee, or JMCC`. */
function organisationsDefinedBy(terms: readonly Term[], patterns: Compiled): GazetteerEntry[] {
  return terms
    .filter(
      (term) =>
        term.origin === 'text' &&
        term.expansion &&
        organisationHead.test(term.expansion) &&
        !isKnown(term.acronym, patterns),
    )
    .map((term): GazetteerEntry => ({ name: term.expansion!, type: 'organisation', aliases: [term.acronym] }))
}

function isKnown(text: string, { matcher }: Compiled): boolean {
  matcher.pattern.lastIndex = 0
  return matcher.pattern.test(text)
}

function matcherFor(entries: readonly GazetteerEntry[], notActors: readonly string[]): Matcher {
  const entryOf = new Map<string, GazetteerEntry | null>()
  for (const entry of entries) {
    for (const surface of [entry.name, ...entry.aliases])
      if (!entryOf.has(normaliseSurface(surface))) entryOf.set(normaliseSurface(surface), entry)
  }
  for (const place of notActors) entryOf.set(normaliseSurface(place), null)
  const surfaces = [...entries.flatMap((entry) => [entry.name, ...entry.aliases]), ...notActors]
  // Longest first, so that `South Korea` wins over `Korea` and `Republic of Korea Navy` over `Republic of Korea`.
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${nameAlternation(surfaces)})(?:[’']s)?(?![\\p{L}\\p{N}])`, 'gu')
  return { pattern, entryOf }
}

/** Surfaces compare without the possessive and with straight apostrophes and single spaces. */
function normaliseSurface(surface: string): string {
  return surface
    .replace(/[’']s$/, '')
    .replace(/’/g, "'")
    .replace(/\s+/g, ' ')
}
