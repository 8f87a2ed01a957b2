// Each rule alone, on sentences of the kind it is meant for and of the kind it must leave alone.
import { describe, expect, it } from 'vitest'
import { dateMentions } from '../../src/extract/timeline.js'
import { definitionsIn, longFormFor } from '../../src/extract/terms.js'
import {
  concededClause,
  concessionOpening,
  contrastedByNext,
  imperativeOption,
  necessityClaim,
  objectionAfterSupport,
  objectionAsSubject,
  obligation,
  pickThesis,
  proposalWording,
  quotesIn,
  reportedFact,
  reportedObjection,
  tentativeConcession,
  type Rule,
  type UnitContext,
} from '../../src/extract/rules/index.js'
import { unitsOf, type Unit } from '../../src/extract/units.js'
import type { Sentence } from '../../src/model/index.js'

/** Sentences of one paragraph, laid end to end. */
function sentences(...texts: string[]): Sentence[] {
  let start = 0
  return texts.map((text, index) => {
    const sentence = { index, paragraph: 0, start, end: start + text.length, text }
    start += text.length + 1
    return sentence
  })
}

function contexts(...texts: string[]): UnitContext[] {
  const units = unitsOf(sentences(...texts))
  return units.map((unit, i) => ({ unit, previous: units[i - 1], next: units[i + 1] }))
}

const fires = (rule: Rule, ...texts: string[]) => contexts(...texts).map((context) => rule(context)?.rule ?? null)
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

describe('counterargument rules', () => {
  it('concededClause takes the granted part of a split sentence', () => {
    expect(fires(concededClause, 'Although the workload is heavier, the retirement age should rise.')).toEqual([
      'conceded-clause',
      null,
    ])
  })

  it('concessionOpening and reportedObjection read the other side speaking', () => {
    expect(fires(concessionOpening, 'Admittedly, the fields are a popular park.', 'They should be built on.')).toEqual([
      'concession-opening',
      null,
    ])
    expect(
      fires(
        reportedObjection,
        'Critics point out that few people watch.',
        'Some may find uniforms old-fashioned.',
        'Many analysts see a risk.',
        'One could argue that fees help.',
        'It is often argued that fees help.',
        'People are getting older.',
      ),
    ).toEqual([
      'reported-objection',
      'reported-objection',
      'reported-objection',
      'reported-objection',
      'reported-objection',
      null,
    ])
  })

  it('objectionAsSubject reads skepticism and reluctance as the subject', () => {
    expect(
      fires(
        objectionAsSubject,
        'Skepticism regarding the pact exists.',
        'This reluctance stems from old ties.',
        'Leaders harbor doubts about it.',
      ),
    ).toEqual(['objection-as-subject', 'objection-as-subject', null])
  })

  it('tentativeConcession needs a turn after it', () => {
    expect(fires(tentativeConcession, 'Sure, others work on weekends.', 'But they get days off.')).toEqual([
      'tentative-concession',
      null,
    ])
    expect(fires(tentativeConcession, 'Sure, others work on weekends.', 'They get days off.')).toEqual([null, null])
  })

  it('contrastedByNext and objectionAfterSupport decide which side of a turn objects', () => {
    const [thesis, reason, turn] = contexts(
      'Tegel should stay open.',
      'Besides, it is an asset.',
      'The noise, however, is considerable.',
    )
    expect(objectionAfterSupport(turn!, thesis!.unit)?.rule).toBe('objection-after-support')
    expect(contrastedByNext(reason!, thesis!.unit)).toBeUndefined()
    const [claim, objection, rebuttal] = contexts('Fees should go.', 'Patients report relief.', 'But nobody knows why.')
    expect(contrastedByNext(objection!, claim!.unit)?.rule).toBe('contrasted-by-next')
    expect(objectionAfterSupport(rebuttal!, claim!.unit)).toBeUndefined()
  })

  it('leave the author’s own doubts and cited facts alone', () => {
    const [doubt] = contexts('I do doubt that anyone never watches.', 'However, nobody can check.')
    expect(contrastedByNext(doubt!, undefined)).toBeUndefined()
    const [cited] = contexts('According to the CIA, an invasion is planned.', 'Yet the leaders doubt it.')
    expect(contrastedByNext(cited!, undefined)).toBeUndefined()
  })
})

describe('thesis', () => {
  const thesisOf = (texts: string[], title: string | null = null) => {
    const units = unitsOf(sentences(...texts))
    return pickThesis(units, new Set<Unit>(), title)?.unit.text
  }

  it('prefers a claim with a modal or a conclusion marker', () => {
    expect(
      thesisOf(['Dog dirt is everywhere.', 'It ruins shoes.', 'Higher fines are therefore the right measure.']),
    ).toBe('Higher fines are therefore the right measure.')
    expect(thesisOf(['Tuition fees should not be charged.', 'Studying is a right.', 'Fees prolong studies.'])).toBe(
      'Tuition fees should not be charged.',
    )
  })

  it('passes over reasons and questions', () => {
    expect(thesisOf(['What should allies expect?', 'Besides, we should act.', 'Allies should expect support.'])).toBe(
      'Allies should expect support.',
    )
  })

  it('looks for the thesis of a long text in its introduction, helped by the title', () => {
    const paragraphs = [
      'The region is changing fast.',
      'The time has come for a collective defense pact.',
      'Japan spends more.',
      'Australia too.',
      'The Philippines too.',
      'So the allies must act now and should sign.',
    ]
    const units = unitsOf(
      paragraphs.map((text, index) => ({
        index,
        paragraph: index,
        start: index * 100,
        end: index * 100 + text.length,
        text,
      })),
    )
    expect(pickThesis(units, new Set(), 'The Case for a Collective Defense Pact')?.unit.text).toBe(
      'The time has come for a collective defense pact.',
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

  it('reportedFact reads sources, figures and findings, not nouns that look like verbs', () => {
    expect(
      fires(
        reportedFact,
        'According to the director, the order was given.',
        'Budgets grew by 20 percent.',
        'The budget signals a transformation.',
        'He watches quiz shows, but rarely.',
      ),
    ).toEqual(['reported-fact', 'reported-fact', 'reported-fact', null])
  })

  it('quotesIn keeps attributed quotes only', () => {
    const [said, unattributed] = sentences(
      'As President Obama put it last year, “Just because we have the best hammer does not mean that every problem is a nail.”',
      'This is the “rebalance” in short.',
    )
    expect(quotesIn(said!)).toEqual([
      expect.objectContaining({
        speaker: 'President Obama',
        start: said!.text.indexOf('Just'),
        end: said!.text.indexOf('nail.') + 5,
      }),
    ])
    expect(quotesIn(unattributed!)).toEqual([])
  })
})

describe('terms', () => {
  it('finds long forms before parentheses and `, or`', () => {
    expect(definitionsIn('Xi directed the People’s Liberation Army (PLA) to prepare.')).toEqual([
      { acronym: 'PLA', expansion: 'People’s Liberation Army' },
    ])
    expect(definitionsIn('Japan—in the Extended Deterrence Dialogue, or EDD—meets often.')).toEqual([
      { acronym: 'EDD', expansion: 'Extended Deterrence Dialogue' },
    ])
    expect(definitionsIn('the Southeast Asia Treaty Organization (SEATO), which dissolved')).toEqual([
      { acronym: 'SEATO', expansion: 'Southeast Asia Treaty Organization' },
    ])
  })

  it('refuses words that do not spell the acronym', () => {
    expect(longFormFor('NATO', 'the allies met in Brussels')).toBeUndefined()
  })
})

describe('dates', () => {
  const april2015 = new Date(Date.UTC(2015, 3, 16, 12))
  const datesAgainst = (reference: Date | undefined, text: string) =>
    dateMentions(text, reference).map((mention) => [text.slice(mention.start, mention.end), mention.date])
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
