// Each rule alone, on sentences of the kind it is meant for and of the kind it must leave alone.
import { describe, expect, it } from 'vitest'
import { dateMentions, erasOf, timelineOf } from '../../src/extract/timeline.js'
import { definitionsIn, longFormFor, termsOf } from '../../src/extract/terms.js'
import {
  attributedStatement,
  documentRemark,
  imperativeOption,
  necessityClaim,
  obligation,
  policyOption,
  proposalWording,
  quotesIn,
  reportedFact,
  reportedHappening,
  underAdviceHeading,
  type Rule,
} from '../../src/extract/rules/index.js'
import { readKnowledge } from '../../src/extract/index.js'
import { sitesOf } from '../../src/extract/site.js'
import { unitsOf } from '../../src/extract/units.js'
import { ingest } from '../../src/ingest/index.js'
import type { Sentence } from '../../src/model/index.js'

const knowledge = await readKnowledge()

/** Sentences of one paragraph, laid end to end. */
function sentences(...texts: string[]): Sentence[] {
  let start = 0
  return texts.map((text, index) => {
    const sentence = { index, paragraph: 0, start, end: start + text.length, text }
    start += text.length + 1
    return sentence
  })
}

const fires = (rule: Rule, ...texts: string[]) =>
  sitesOf(unitsOf(sentences(...texts)), null, () => null).map((site) => rule(site)?.rule ?? null)
const firesUnder = (heading: string, rule: Rule, ...texts: string[]) =>
  sitesOf(unitsOf(sentences(...texts)), null, () => heading).map((site) => rule(site)?.rule ?? null)
const partsOf = (text: string) => unitsOf(sentences(text)).map((unit) => [unit.part, unit.text])

describe('units', () => {
  it('split a leading concession from the main clause, skipping commas that continue it', () => {
    expect(
      partsOf(
        'Despite the severe clashes in Kiev, which at times have threatened to escalate, the EU should not intervene.',
      ),
    ).toEqual([
      ['conceded', 'Despite the severe clashes in Kiev, which at times have threatened to escalate,'],
      ['main', 'the EU should not intervene.'],
    ])
  })

  it('split a trailing concession and a granted clause before `but`', () => {
    expect(partsOf('Owners should pay higher fines, although there are not enough bins.')).toEqual([
      ['main', 'Owners should pay higher fines,'],
      ['conceded', 'although there are not enough bins.'],
    ])
    expect(partsOf('Of course the camera could be better, but it is enough for snapshots.')).toEqual([
      ['conceded', 'Of course the camera could be better,'],
      ['main', 'but it is enough for snapshots.'],
    ])
  })

  it('leave plain sentences whole, and `though` without a clause alone', () => {
    expect(partsOf('Criminals should not live in luxury, though.')).toEqual([
      ['whole', 'Criminals should not live in luxury, though.'],
    ])
    expect(partsOf('Historically, it viewed the rise as beneficial, but recent behaviour changed that.')).toHaveLength(
      1,
    )
  })
})

describe('plain kinds', () => {
  it('recommendation rules', () => {
    expect(fires(obligation, 'Allies should expect support.', 'What should allies expect?')).toEqual([
      'obligation',
      null,
    ])
    expect(
      fires(
        necessityClaim,
        'It is critical for policy to sustain doubts.',
        'Progress is crucial.',
        'It is a critical year.',
      ),
    ).toEqual(['necessity', 'necessity', null])
    expect(
      fires(
        proposalWording,
        'Cooperation could include joint training.',
        'Partnerships need a recalibration.',
        'Calls for a pact grow.',
      ),
    ).toEqual(['proposal', 'proposal', null])
    expect(
      fires(imperativeOption, 'Expand joint exercises.', 'Build quality is poor.', 'Expanding trade helps.'),
    ).toEqual(['imperative', 'imperative', null])
  })

  it('policyOption reads the options a report puts to Congress', () => {
    expect(
      fires(
        policyOption,
        'Congress may consider legislation to limit the tariffs.',
        'Issues facing Congress include whether to support or curb the tariffs.',
        'One option would be to extend the program.',
        'Congress passed the act in 1974.',
      ),
    ).toEqual(['policy-option', 'policy-option', 'policy-option', null])
  })

  it('underAdviceHeading takes modal sentences under `Issues for Congress`, not under `Background`', () => {
    expect(firesUnder('Issues for Congress', underAdviceHeading, 'Members might weigh the costs.')).toEqual([
      'advice-section',
    ])
    expect(firesUnder('Background', underAdviceHeading, 'Members might weigh the costs.')).toEqual([null])
  })

  it('attributedStatement and reportedFact read statements, sources, figures and dates', () => {
    expect(
      fires(
        attributedStatement,
        'According to the director, the order was given.',
        'The minister said the talks would resume.',
        'The talks should resume.',
      ),
    ).toEqual(['attributed-statement', 'attributed-statement', null])
    expect(
      fires(
        reportedFact,
        'Budgets grew by 20 percent.',
        'The budget signals a transformation.',
        'In March 2025, the secretary opened an investigation.',
        'The survey found that most agree.',
        'He watches quiz shows, but rarely.',
      ),
    ).toEqual(['reported-fact', 'reported-fact', 'reported-fact', 'reported-fact', null])
    expect(fires(reportedFact, 'The pledge came during his April 2014 visit.')).toEqual(['reported-fact'])
  })

  it('documentRemark reads sentences about the document itself', () => {
    expect(
      fires(
        documentRemark,
        'Agency rules are beyond the scope of this report.',
        '(For background, see CRS Report R47447.)',
        'This In Focus discusses recent actions.',
        'The report of the commission was published.',
        'For data on staffing, see CRS Report R48725.',
        'More detail can be found in CRS reports on the process.',
        'The Sidebar includes only published opinions.',
        'The report found that costs rose.',
      ),
    ).toEqual([
      'about-the-document',
      'about-the-document',
      'about-the-document',
      null,
      'about-the-document',
      'about-the-document',
      'about-the-document',
      null,
    ])
  })

  it('reportedHappening reads what someone did or is doing, told without judgment', () => {
    expect(
      fires(
        reportedHappening,
        'The ministry has expanded its coastal patrols.',
        'The two navies are holding joint drills.',
        'After the war, the republic signed a treaty with its neighbours.',
        'The task is especially challenging in the north.',
        'The ministry has expanded its patrols, which would be wise.',
        'The patrols are a good idea.',
        'Its enlarged budget signals a change.',
        'The navy opened four new bases.',
        'Both sit on the Korea Extended Deterrence Dialogue.',
      ),
    ).toEqual([
      'reported-happening',
      'reported-happening',
      'reported-happening',
      null,
      null,
      null,
      null,
      'reported-happening',
      null,
    ])
  })
})

describe('quotes', () => {
  const quote = (text: string, lastSpeaker?: string) =>
    quotesIn(sentences(text)[0]!, lastSpeaker).map(({ start, end, speaker, role }) => ({
      text: text.slice(start, end),
      speaker,
      ...(role ? { role } : {}),
    }))

  it('read every common form of attribution', () => {
    expect(quote('“We will not accept these terms at all,” said Jane Roe, secretary of the treasury.')).toEqual([
      { text: 'We will not accept these terms at all', speaker: 'Jane Roe', role: 'secretary of the treasury' },
    ])
    expect(quote('“We will not accept these terms at all,” the minister said.')).toEqual([
      { text: 'We will not accept these terms at all', speaker: 'the minister' },
    ])
    expect(quote('Senator Jane Roe said: “We will not accept these terms at all.”')).toEqual([
      { text: 'We will not accept these terms at all.', speaker: 'Senator Jane Roe' },
    ])
    expect(
      quote(
        'As President Obama put it in a speech last year, “Just because we have the best hammer does not mean that every problem is a nail.”',
      ),
    ).toEqual([
      {
        text: 'Just because we have the best hammer does not mean that every problem is a nail.',
        speaker: 'President Obama',
      },
    ])
    expect(quote('According to the agency, “the program has run out of money for the year.”')).toEqual([
      { text: 'the program has run out of money for the year.', speaker: 'the agency' },
    ])
  })

  it('read a quotation over several sentences, and a block quote its paragraph introduces', () => {
    expect(quote('The minister said: “We will not accept it. The terms are unfair to our farmers.”')).toEqual([
      { text: 'We will not accept it. The terms are unfair to our farmers.', speaker: 'The minister' },
    ])
    const block = { start: 0, text: '“The program has run out of money for the rest of the year.”' }
    expect(
      quotesIn(block, undefined, 'In its letter to Congress, the agency wrote:').map((found) => found.speaker),
    ).toEqual(['the agency'])
    expect(quotesIn(block, undefined, 'The program ended.')).toEqual([])
  })

  it('resolve a pronoun to the last speaker, and leave fragments, adverbs and unattributed quotes out', () => {
    expect(quote('“We will not accept these terms at all,” he said.', 'Jane Roe')).toEqual([
      { text: 'We will not accept these terms at all', speaker: 'Jane Roe' },
    ])
    expect(quote('“We will not accept these terms at all,” he said.')).toEqual([])
    expect(quote('The chairman called the plan “full steam ahead.”')).toEqual([])
    expect(quote('Previously, “the old rules applied to every single case here.”')).toEqual([])
    expect(quote('This is the “rebalance” in short, and “nothing more than a slogan for the press”.')).toEqual([])
  })
})

describe('terms', () => {
  it('finds long forms before parentheses and `, or`, and after the acronym', () => {
    expect(definitionsIn('Xi directed the People’s Liberation Army (PLA) to prepare.')).toEqual([
      { acronym: 'PLA', expansion: 'People’s Liberation Army' },
    ])
    expect(definitionsIn('Japan—in the Extended Deterrence Dialogue, or EDD—meets often.')).toEqual([
      { acronym: 'EDD', expansion: 'Extended Deterrence Dialogue' },
    ])
    expect(definitionsIn('the Southeast Asia Treaty Organization (SEATO), which dissolved')).toEqual([
      { acronym: 'SEATO', expansion: 'Southeast Asia Treaty Organization' },
    ])
    expect(definitionsIn('Stocks of HEU (Highly Enriched Uranium) grew.')).toEqual([
      { acronym: 'HEU', expansion: 'Highly Enriched Uranium' },
    ])
  })

  it('finds long forms in lower case when their initials spell the acronym', () => {
    expect(definitionsIn('Iran enriched highly enriched uranium (HEU) at two sites.')).toEqual([
      { acronym: 'HEU', expansion: 'highly enriched uranium' },
    ])
    expect(definitionsIn('They met with the mayor (HEU) at two sites.')).toEqual([])
  })

  it('refuses words that do not spell the acronym', () => {
    expect(longFormFor('NATO', 'the allies met in Brussels')).toBeUndefined()
  })

  it('leaves report numbers, state codes and roman numerals out, and takes the knowledge’s expansions', () => {
    const document = ingest('See R48179 and IF10753. Voters in NY and CA, in Title IV, met the GAO.', { file: 'a.txt' })
    expect(termsOf(document, knowledge).map(({ acronym, expansion, origin }) => [acronym, expansion, origin])).toEqual([
      ['GAO', 'Government Accountability Office', 'glossary'],
    ])
  })

  it('gets through long runs of dashes and spaces (a quadratic scan would not finish within the test timeout)', () => {
    expect(definitionsIn(`A${' '.repeat(100_000)}or${'-'.repeat(100_000)}(AB)`)).toEqual([])
    expect(definitionsIn(`Alpha Beta${', or'.repeat(30_000)} AB`)).toEqual([])
  })
})

describe('dates', () => {
  const april2015 = new Date(Date.UTC(2015, 3, 16, 12))
  const eras = erasOf(knowledge)
  const datesAgainst = (reference: Date | undefined, text: string) =>
    dateMentions(text, reference, eras).map((mention) => [text.slice(mention.start, mention.end), mention.date])
  const dates = (text: string) => datesAgainst(april2015, text)

  it('resolves relative expressions against the reference date', () => {
    expect(dates('The conclusion last December of an agreement.')).toEqual([['last December', '2014-12']])
    expect(dates('He spoke at West Point last year.')).toEqual([['last year', '2014']])
    expect(dates('We meet again next March.')).toEqual([['next March', '2016-03']])
  })

  it('reads absolute dates, bare years and eras', () => {
    expect(dates('During his April 2014 visit, after the 2009 declaration and by 2027, since World War II.')).toEqual([
      ['April 2014', '2014-04'],
      ['2009', '2009'],
      ['2027', '2027'],
      ['World War II', '1939/1945'],
    ])
  })

  it('leaves relative dates out when the source has no date, and ignores `today` and counts', () => {
    expect(datesAgainst(undefined, 'The conclusion last December of an agreement.')).toEqual([])
    expect(datesAgainst(undefined, 'In April 2014 and in March.')).toEqual([['April 2014', '2014-04']])
    expect(dates('Today’s climate differs; 2000 soldiers serve and 40 percent agree.')).toEqual([])
  })
})

describe('timeline', () => {
  const events = (text: string, date: string | null = '2026-04-20') => {
    const document = ingest(text, { file: 'a.txt' })
    document.metadata.date = date
    return timelineOf(document, knowledge).map((event) => `${event.date} ${event.expression}`)
  }

  it('leaves out the years of acts, instruments, citations and publication notes', () => {
    expect(
      events(
        'Section 122 of the Trade Act of 1974 allows tariffs. The 1994 Agreement changed that. The 2024 amendments were vacated. Smith argued so (Smith, 2019). The figures are as of April 23, 2026.',
      ),
    ).toEqual([])
  })

  it('keeps dated happenings, once each, and resolves relative dates only against the document’s date', () => {
    expect(
      events(
        'In August 2025, the President imposed tariffs on copper. The President imposed the copper tariffs in August 2025. This year the tariffs rose.',
      ),
    ).toEqual(['2025-08 August 2025', '2026 This year'])
    expect(events('This year the tariffs rose. In May they fell.', null)).toEqual([])
  })
})
