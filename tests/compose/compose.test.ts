import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { applyOverrides, parseBrief } from '../../src/brief/index.js'
import { checkPinnedSections, compose, countWords } from '../../src/compose/index.js'
import {
  BriefdeckProblem,
  DeckPlan,
  KnowledgeFile,
  bannerText,
  emptyKnowledge,
  mergeKnowledge,
  type AudienceProfile,
  type Brief,
  type Knowledge,
} from '../../src/model/index.js'
import { loadAudienceProfile } from '../../src/render/index.js'
import { sampleExtractions } from '../fixtures/briefs/extractions.js'

const briefFile = 'tests/fixtures/briefs/sample.brief.yaml'
const briefText = readFileSync(briefFile, 'utf8')
const brief = parseBrief(briefText, briefFile)
// The tests' own profiles: editing the shipped ones in templates/ must not change what these tests expect.
const profiles = 'tests/fixtures/profiles'
const congress = await loadAudienceProfile(profiles, 'congressional-staff')
const allied = await loadAudienceProfile(profiles, 'allied-ministry')
const { extractions } = applyOverrides(sampleExtractions, brief)
const presidents = mergeKnowledge([
  KnowledgeFile.parse({ leaders: [{ name: 'Donald Trump', aliases: ['Trump'], country: 'USA' }] }),
])

const deckFor = (audience: AudienceProfile, withBrief: Brief = brief) =>
  compose({ extractions: applyOverrides(sampleExtractions, withBrief).extractions, brief: withBrief, audience })
const slideText = (plan: DeckPlan) =>
  plan.slides
    .flatMap((slide) => [
      slide.title,
      slide.lead ?? '',
      ...slide.bullets.flatMap((b) => [b.label ?? '', b.text, b.detail ?? '']),
    ])
    .join('\n')
const everything = (plan: DeckPlan) => `${slideText(plan)}\n${plan.slides.flatMap((slide) => slide.notes).join('\n')}`
const withOverrides = (overrides: string) =>
  parseBrief(`${briefText.replace(/^overrides:[\s\S]*$/m, 'overrides:\n')}${overrides}`, briefFile)

describe('compose', () => {
  const congressDeck = deckFor(congress)
  const alliedDeck = deckFor(allied)

  it('plans valid decks that open with a cover and a BLUF stating each thesis', () => {
    for (const plan of [congressDeck, alliedDeck]) {
      expect(DeckPlan.parse(plan)).toEqual(plan)
      expect(plan.slides.map((slide) => slide.layout).slice(0, 2)).toEqual(['cover', 'bluf'])
      const bluf = plan.slides[1]!
      expect(bluf.blockIds).toEqual(
        expect.arrayContaining(['pacific-defense-pact-2025:dac6b738', 'reassurance-dilemma-2015:5692debe']),
      )
      expect(bluf.bullets.length).toBeLessThanOrEqual(3)
      expect(plan.draft).toBe(true)
    }
  })

  it('gives every slide a stable id made of its section and page number', () => {
    const ids = congressDeck.slides.map((slide) => slide.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toContain('options-2')
    expect(congressDeck.slides.find((slide) => slide.id === 'options-2')?.title).toBe('Options and trade-offs (cont.)')
    expect(deckFor(congress).slides.map((slide) => slide.id)).toEqual(ids)
  })

  it('leaves the Congress slide out when no source speaks to Congress', () => {
    // The sample op-eds never name Congress or sit under an "Issues for Congress" heading.
    expect(congressDeck.slides.some((slide) => slide.section === 'congress')).toBe(false)
  })

  it('keeps US domestic politics out of the allied deck, notes and timeline included', () => {
    const text = everything(alliedDeck)
    for (const line of [
      'Trump',
      'political dysfunction in Washington',
      'shifting political dynamics in Washington',
      'political appointees',
    ]) {
      expect(text).not.toContain(line)
    }
    // The same lines do reach congressional staff.
    expect(everything(congressDeck)).toContain('Trump administration')
  })

  it('spells acronyms out at first use for allies, not for staff', () => {
    const acronyms = withOverrides(
      '  pacific-defense-pact-2025:1a5dcaf6:\n    short: Japan budgets for the PLA as the CIA warns; the CIA sees SEATO as a lesson.\n    section: shared-interests\n',
    )
    const bullet = (plan: DeckPlan) =>
      plan.slides
        .flatMap((slide) => slide.bullets)
        .find((each) => each.blockIds[0] === 'pacific-defense-pact-2025:1a5dcaf6')?.text
    expect(bullet(deckFor(allied, acronyms))).toBe(
      'Japan budgets for the People’s Liberation Army (PLA) as the Central Intelligence Agency (CIA) warns; the CIA sees Southeast Asia Treaty Organization (SEATO) as a lesson.',
    )
    const pinnedForStaff = withOverrides(
      '  pacific-defense-pact-2025:1a5dcaf6:\n    short: The PLA grows.\n    section: key-points\n',
    )
    expect(bullet(deckFor(congress, pinnedForStaff))).toBe('The PLA grows.')
  })

  it('keeps bullets slide-length or whole in the smaller style, never cut, and full sentences in the notes', () => {
    for (const plan of [congressDeck, alliedDeck]) {
      for (const slide of plan.slides.filter((each) => each.bulletWords !== undefined)) {
        for (const bullet of slide.bullets) {
          expect(bullet.text).not.toMatch(/…|\.\.\./)
          if (!bullet.long) expect(countWords(bullet.text), bullet.text).toBeLessThanOrEqual(slide.bulletWords!)
        }
      }
      for (const bullet of plan.slides.flatMap((slide) => slide.bullets.filter((each) => each.fullText))) {
        expect(plan.slides.some((slide) => slide.notes.some((note) => note.includes(bullet.fullText!.trim())))).toBe(
          true,
        )
      }
    }
  })

  it('continues a section on a next slide past the bullet limit', () => {
    for (const slide of congressDeck.slides) {
      const limit =
        congress.sections.find((section) => section.id === slide.section)?.bulletsPerSlide ??
        congress.limits.bulletsPerSlide
      expect(slide.bullets.length).toBeLessThanOrEqual(slide.section === 'cover' ? 0 : limit)
    }
  })

  it('puts notes with source, paragraph and block id on every content slide', () => {
    for (const slide of [...congressDeck.slides, ...alliedDeck.slides]) {
      expect(slide.notes.length, slide.id).toBeGreaterThan(0)
      for (const id of slide.blockIds) expect(slide.notes.join('\n')).toContain(id)
    }
    expect(congressDeck.slides[1]!.notes[0]).toMatch(
      /— Charlotte Hayes, “The Imperative for a Collective Defense Pact in Asia”, 30 May 2025, paragraph \d+; block pacific-defense-pact-2025:dac6b738\./,
    )
  })

  it('applies the brief: slide wording, audience limits, drops', () => {
    const shortened = congressDeck.slides
      .flatMap((slide) => slide.bullets)
      .find((bullet) => bullet.blockIds[0] === 'pacific-defense-pact-2025:3e35e8f6')
    expect(shortened?.text).toBe(
      'A formal Pacific Defense Pact among Australia, Japan, the Philippines and the United States.',
    )
    expect(shortened?.fullText).toMatch(/^A formal Pacific Defense Pact, formalizing commitments/)
    expect(congressDeck.slides.some((slide) => slide.blockIds.includes('pacific-defense-pact-2025:483ae9a5'))).toBe(
      true,
    )
    expect(alliedDeck.slides.some((slide) => slide.blockIds.includes('pacific-defense-pact-2025:483ae9a5'))).toBe(false)
    expect(everything(congressDeck)).not.toContain('Even political appointees')
  })

  it('pins a block to a section and refuses a pin to a section no audience has', () => {
    const pinned = withOverrides('  reassurance-dilemma-2015:905307c0:\n    section: bluf\n')
    expect(deckFor(congress, pinned).slides[1]!.blockIds).toContain('reassurance-dilemma-2015:905307c0')
    const mistyped = withOverrides('  reassurance-dilemma-2015:905307c0:\n    section: blfu\n')
    expect(() => checkPinnedSections(mistyped, [congress, allied])).toThrow(
      /no audience of the brief has a section 'blfu'/,
    )
  })

  describe('markings', () => {
    const usOnly = '  reassurance-dilemma-2015:1556d96c:\n    marking:\n      releasableTo: [USA]\n'

    it('leaves a block that is not releasable to the audience off its deck, and marks the deck that has it', () => {
      const onBoth = (plan: DeckPlan) => plan.slides.flatMap((slide) => slide.blockIds)
      const id = onBoth(alliedDeck).find(
        (candidate) => candidate.startsWith('reassurance-dilemma-2015:') && onBoth(congressDeck).includes(candidate),
      )!
      const marked = withOverrides(`  ${id}:\n    marking:\n      releasableTo: [USA]\n`)
      expect(deckFor(allied, marked).slides.some((slide) => slide.blockIds.includes(id))).toBe(false)
      const staffDeck = deckFor(congress, marked)
      const slide = staffDeck.slides.find((each) => each.blockIds.includes(id))!
      expect(bannerText(slide.marking)).toBe('UNCLASSIFIED//REL TO USA')
      expect(bannerText(staffDeck.marking)).toBe('UNCLASSIFIED//REL TO USA')
      expect(bannerText(deckFor(congress).marking)).toBe('UNCLASSIFIED//REL TO USA, AUS, JPN, PHL')
    })

    it('fails the build, at the override line, when the brief forces such a block onto the deck', () => {
      const forced = withOverrides(`${usOnly}    audiences: [congressional-staff, allied-ministry]\n`)
      let problem: unknown
      try {
        deckFor(allied, forced)
      } catch (error) {
        problem = error
      }
      expect(problem).toBeInstanceOf(BriefdeckProblem)
      expect(String(problem)).toMatch(
        new RegExp(
          `^${briefFile}:23:5: block 'reassurance-dilemma-2015:1556d96c' is marked UNCLASSIFIED//REL TO USA but this override puts it on the allied-ministry deck, which goes to AUS, JPN, PHL$`,
        ),
      )
    })

    it('refuses a deck whose brief marking excludes its audience', () => {
      const narrow = parseBrief(
        briefText
          .replace('releasableTo: [USA, AUS, JPN, PHL]', 'releasableTo: [USA, AUS]')
          .replace('reviewers:', 'recipients:\n  allied-ministry: [AUS, JPN, PHL]\nreviewers:'),
        briefFile,
      )
      expect(() => deckFor(allied, narrow)).toThrow(/so no deck can go to allied-ministry \(AUS, JPN, PHL\)/)
    })
  })

  it('sends a deck to the countries the brief names for its audience', () => {
    const toAustralia = parseBrief(
      briefText.replace('reviewers:', 'recipients:\n  allied-ministry: [AUS]\nreviewers:'),
      briefFile,
    )
    expect(deckFor(allied, toAustralia).recipients).toEqual(['AUS'])
    // Without a list of its own, the allied deck goes to the partners the brief's marking releases it to.
    expect(alliedDeck.recipients).toEqual(['AUS', 'JPN', 'PHL'])
  })

  it('judges and notes a clause by the whole sentence it belongs to', () => {
    const concession = 'While the Trump administration may exhibit a degree of unpredictability,'
    const consensus =
      'a consensus is emerging among U.S. allies that collaboration must endure despite differing political winds.'
    const [pact, reassurance] = sampleExtractions
    const whole = pact!.blocks.find((block) => block.text.startsWith(concession))!
    const clause = (text: string, kind: 'counterargument' | 'recommendation', start: number) => ({
      ...whole,
      id: `pacific-defense-pact-2025:${kind === 'counterargument' ? 'c0c0c0c0' : 'c1c1c1c1'}`,
      text,
      kind,
      start,
      end: start + text.length,
      confidence: 1,
    })
    const split = {
      ...pact!,
      blocks: [
        ...pact!.blocks.filter((block) => block !== whole),
        clause(concession, 'counterargument', whole.start),
        clause(consensus, 'recommendation', whole.start + concession.length + 1),
      ],
    }
    // The leaders a pattern names come from the knowledge; without them, the rule matches nothing.
    const byLeaders = {
      ...allied,
      exclude: [{ reason: 'US domestic politics', patterns: ['\\b{leaders:USA} administration\\b'] }],
    }
    const shown = (knowledge: Knowledge) =>
      compose({ extractions: [split, reassurance!], brief, audience: byLeaders, knowledge }).slides.some((slide) =>
        slide.blockIds.includes('pacific-defense-pact-2025:c1c1c1c1'),
      )
    expect(shown(presidents)).toBe(false)
    expect(shown(emptyKnowledge)).toBe(true)
    const staff = compose({ extractions: [split, reassurance!], brief, audience: congress })
    const notes = staff.slides
      .filter((slide) => slide.blockIds.includes('pacific-defense-pact-2025:c1c1c1c1'))
      .flatMap((slide) => slide.notes)
    expect(notes.join('\n')).toContain(`“${whole.text}”`)
  })

  it('composes the same plan from the same input', () => {
    expect(JSON.stringify(compose({ extractions, brief, audience: allied }))).toBe(JSON.stringify(alliedDeck))
  })
})
