// What a careful analyst pulls out of the two sample sources (issue 2), item
// by item, beside the golden files that pin down everything else. Items that
// only word lists fitted to these texts could find are gone (issue 10).
import { describe, expect, it } from 'vitest'
import { extract, readKnowledge } from '../../src/extract/index.js'
import { readSource } from '../../src/ingest/index.js'
import type { BlockKind, Extraction } from '../../src/model/index.js'

const knowledge = await readKnowledge()

const pacific = extract(await readSource('briefs/sources/pacific-defense-pact-2025.txt'), knowledge)
const reassurance = extract(await readSource('briefs/sources/reassurance-dilemma-2015.txt'), knowledge)

const texts = (extraction: Extraction, kind: BlockKind) =>
  extraction.blocks.filter((block) => block.kind === kind).map((block) => block.text)
const thesisOf = (extraction: Extraction) => extraction.blocks.filter((block) => block.kind === 'thesis')

describe('the Pacific Defense Pact text', () => {
  it('has one thesis: a collective defense pact among Australia, Japan, the Philippines and the United States', () => {
    expect(thesisOf(pacific)).toHaveLength(1)
    expect(thesisOf(pacific)[0]!.text).toMatch(
      /the time has come for the establishment of a robust defense pact among key partners, including Australia, Japan, the Philippines, and the United States\.$/,
    )
  })

  it('recommends the pact, intelligence sharing, joint training and command structures, and greater reciprocity', () => {
    const recommendations = texts(pacific, 'recommendation')
    expect(recommendations).toContainEqual(expect.stringMatching(/^Progress toward such an agreement is crucial/))
    expect(recommendations).toContainEqual(
      expect.stringMatching(
        /intelligence sharing, joint training, and establishing operational command and control structures/,
      ),
    )
    expect(recommendations).toContainEqual(expect.stringMatching(/need a recalibration toward greater reciprocity/))
    expect(recommendations).toContainEqual(
      expect.stringMatching(/essential to communicate the value of a collective defense pact/),
    )
  })

  it('takes the CIA Director’s statement, Japan’s budget and what the allies did as evidence', () => {
    // Sentences that report facts or statements are evidence.
    const evidence = texts(pacific, 'evidence')
    expect(evidence).toContainEqual(
      expect.stringMatching(
        /^According to CIA Director William Burns, Chinese President Xi Jinping has directed .* invasion of Taiwan by 2027\.$/,
      ),
    )
    expect(evidence).toContainEqual(
      expect.stringMatching(/^Japan’s increased military budget, along with plans to acquire long-range missiles/),
    )
    // What the allies did and are doing, told without judgment.
    for (const start of [
      'To address this challenge, the U.S. has invested heavily',
      'Meanwhile, the Philippines has modernized its military capabilities',
      'Australia, too, is reassessing its military priorities.',
      'Statements from former leaders in Japan and the Philippines affirm',
      'The United States has expressed support for these partnerships',
    ])
      expect(
        evidence.some((text) => text.startsWith(start)),
        start,
      ).toBe(true)
    // Judgments stay claims.
    expect(texts(pacific, 'claim')).toContainEqual(
      expect.stringMatching(/^Japan’s military reorientation is particularly noteworthy\.$/),
    )
  })

  it('catches the counterarguments: feasibility given Washington’s politics, bilateral preferences, SEATO’s failure', () => {
    const counters = texts(pacific, 'counterargument')
    expect(counters).toContainEqual(
      expect.stringMatching(
        /^Skepticism regarding the feasibility of such a pact exists, particularly in light of shifting political dynamics in Washington\.$/,
      ),
    )
    // The past the next paragraph sets aside (`Today’s climate is markedly different.`).
    expect(counters).toContainEqual(
      expect.stringMatching(
        /^This reluctance stems from Asian leaders preferring strong bilateral ties with the U\.S\./,
      ),
    )
    expect(counters).toContainEqual(
      expect.stringMatching(
        /^Such hesitations contributed to past failures, including the Southeast Asia Treaty Organization \(SEATO\)/,
      ),
    )
  })

  it('dates the PLA’s readiness to 2027 and places World War II', () => {
    expect(pacific.timeline).toContainEqual(
      expect.objectContaining({
        date: '2027',
        expression: '2027',
        text: expect.stringContaining('invasion of Taiwan by 2027'),
      }),
    )
    expect(pacific.timeline).toContainEqual(expect.objectContaining({ date: '1939/1945', expression: 'World War II' }))
  })
})

describe('the reassurance text', () => {
  it('has one thesis: reconciling allied expectations with what Washington can and will do', () => {
    expect(thesisOf(reassurance)).toHaveLength(1)
    expect(thesisOf(reassurance)[0]!.text).toMatch(
      /but reconciling allied expectations of U\.S\. action with what Washington can and will do\.$/,
    )
  })

  it('attributes the quote to President Obama, and leaves the three-word fragment out', () => {
    const quotes = reassurance.blocks
      .filter((block) => block.kind === 'quote')
      .map(({ text, speaker }) => ({ text, speaker }))
    expect(quotes).toEqual([
      {
        text: 'Just because we have the best hammer does not mean that every problem is a nail.',
        speaker: 'President Obama',
      },
    ])
  })

  it('recommends what allies should and should not expect', () => {
    const recommendations = texts(reassurance, 'recommendation')
    expect(recommendations).toContainEqual(
      expect.stringMatching(/^U\.S\. allies should expect high-level public support/),
    )
    expect(recommendations).toContainEqual(
      expect.stringMatching(/^First, allies should not expect U\.S\. protection to be a silver bullet/),
    )
    expect(recommendations).toContainEqual(
      expect.stringMatching(/^Tokyo and Seoul, in other words, should expect more calls for burden-sharing/),
    )
  })

  it('spells out EDD and EDPC from the text', () => {
    expect(reassurance.terms).toContainEqual(
      expect.objectContaining({ acronym: 'EDD', expansion: 'Extended Deterrence Dialogue', origin: 'text' }),
    )
    expect(reassurance.terms).toContainEqual(
      expect.objectContaining({ acronym: 'EDPC', expansion: 'Extended Deterrence Policy Committee', origin: 'text' }),
    )
  })

  it('resolves dates against the article’s date (April 16, 2015)', () => {
    const dates = reassurance.timeline.map(({ date, expression }) => [expression, date])
    expect(dates).toEqual(
      expect.arrayContaining([
        ['last December', '2014-12'],
        ['last year', '2014'],
        ['April 2014', '2014-04'],
        ['2009', '2009'],
      ]),
    )
    const december = reassurance.timeline.find((event) => event.expression === 'last December')
    expect(december?.text).toContain('trilateral information-sharing agreement')
    expect(reassurance.timeline.find((event) => event.expression === 'April 2014')?.text).toContain('Senkaku islands')
    expect(reassurance.timeline.find((event) => event.expression === 'last year')?.text).toContain('West Point')
    expect(reassurance.timeline.find((event) => event.expression === '2009')?.text).toContain(
      'joint declaration by Obama and then President Lee Myung-bak',
    )
  })
})

describe('across both texts', () => {
  const actors = [...pacific.actors, ...reassurance.actors]
  const actor = (name: string) => actors.find((candidate) => candidate.name === name)

  it('finds the countries', () => {
    for (const name of [
      'United States',
      'China',
      'Japan',
      'Australia',
      'Philippines',
      'South Korea',
      'North Korea',
      'Taiwan',
    ])
      expect(actor(name)?.type, name).toBe('country')
    expect(actor('United States')?.aliases).toEqual(expect.arrayContaining(['U.S.', 'Washington']))
  })

  it('finds the people, with the names the texts use and their roles', () => {
    for (const name of ['Xi Jinping', 'William Burns', 'Obama', 'Lee Myung-bak', 'David Shear'])
      expect(actor(name)?.type, name).toBe('person')
    expect(actor('Obama')?.role).toBe('U.S. President')
    expect(actor('William Burns')?.role).toBe('CIA Director')
    expect(actor('David Shear')?.role).toBe(
      'U.S. Assistant Secretary of Defense for Asian and Pacific Security Affairs',
    )
  })

  it('finds the organisations', () => {
    expect(actor("People's Liberation Army")).toMatchObject({ type: 'organisation', aliases: ['PLA'] })
    expect(actor('Central Intelligence Agency')).toMatchObject({ type: 'organisation', aliases: ['CIA'] })
    expect(actor('Southeast Asia Treaty Organization')).toMatchObject({ type: 'organisation', aliases: ['SEATO'] })
    expect(actor('North Atlantic Treaty Organization')).toMatchObject({ type: 'organisation', aliases: ['NATO'] })
  })

  it('expands the acronyms from the text or the glossary', () => {
    const terms = new Map(
      [...pacific.terms, ...reassurance.terms].map((term) => [term.acronym, [term.expansion, term.origin]]),
    )
    expect(terms.get('PLA')).toEqual(['People’s Liberation Army', 'text'])
    expect(terms.get('SEATO')).toEqual(['Southeast Asia Treaty Organization', 'text'])
    expect(terms.get('CIA')).toEqual(['Central Intelligence Agency', 'glossary'])
    expect(terms.get('NATO')).toEqual(['North Atlantic Treaty Organization', 'glossary'])
    // A well-known think tank: general knowledge, in the bundled glossary.
    expect(terms.get('CSIS')).toEqual(['Center for Strategic and International Studies', 'glossary'])
  })

  it('never makes page furniture into blocks', () => {
    const all = [...pacific.blocks, ...reassurance.blocks].map((block) => block.text).join('\n')
    for (const furniture of ['Friday', 'Vol 1976', 'image source', 'Topic: Diplomacy'])
      expect(all).not.toContain(furniture)
    expect(all.match(/silver bullet/g)).toHaveLength(1)
  })
})
