// A hand-made report on a topic far from the samples (energy policy), with
// the structure of a real report: headings, an "Issues for Congress"
// section, recommendations, a risk, dated events. Blocks are set by hand so
// that compose is tested apart from the extractor.
import { createHash } from 'node:crypto'
import { parseBrief } from '../../src/brief/index.js'
import type { ArgumentBlock, BlockKind, Extraction, SourceDocument, SourceMetadata } from '../../src/model/index.js'

/** A brief of one source, `grid-2026`, for both shipped audiences. */
export const gridBrief = parseBrief(
  `title: Grid reliability
sources:
  - id: grid-2026
    path: grid-2026.md
audiences: [congressional-staff, allied-ministry]
recipients:
  allied-ministry: [CAN, GBR]
`,
  'briefs/grid.brief.yaml',
)

interface Spec {
  readonly heading: string
  readonly sentences: readonly (readonly [BlockKind | null, string])[]
}

/** Paragraphs under headings; a `null` kind is a sentence no block holds. */
export function reportFixture(
  sourceId: string,
  specs: readonly Spec[],
  metadata: Partial<SourceMetadata> = {},
): { extraction: Extraction; document: SourceDocument } {
  let text = ''
  const paragraphs: SourceDocument['paragraphs'] = []
  const sentences: SourceDocument['sentences'] = []
  const blocks: ArgumentBlock[] = []
  specs.forEach((spec, index) => {
    const start = text.length
    spec.sentences.forEach(([kind, sentence], position) => {
      if (position > 0) text += ' '
      const sentenceStart = text.length
      text += sentence
      const sentenceIndex = sentences.length
      sentences.push({ index: sentenceIndex, paragraph: index, start: sentenceStart, end: text.length, text: sentence })
      if (kind)
        blocks.push({
          id: `${sourceId}:${createHash('sha256').update(sentence).digest('hex').slice(0, 8)}`,
          kind,
          text: sentence,
          sourceId,
          start: sentenceStart,
          end: text.length,
          paragraph: index,
          sentence: sentenceIndex,
          confidence: kind === 'thesis' ? 0.9 : 0.7,
          rule: 'fixture',
        })
    })
    paragraphs.push({
      index,
      start,
      end: text.length,
      text: text.slice(start),
      section: spec.heading,
      sectionPath: [spec.heading],
    })
    text += '\n\n'
  })
  const source: SourceMetadata = {
    id: sourceId,
    title: 'Grid Reliability and Electricity Demand',
    subtitle: null,
    date: '2026-03-02',
    authors: ['Ada Lovelace'],
    publisher: 'Research Service',
    url: null,
    identifier: 'R99999',
    documentType: 'Report',
    topic: null,
    region: null,
    ...metadata,
  }
  const timeline = sentences.flatMap((sentence) => {
    const year = /\b(20\d\d)\b/.exec(sentence.text)
    return year
      ? [
          {
            start: sentence.start + year.index,
            end: sentence.start + year.index + 4,
            date: year[1]!,
            expression: year[1]!,
            text: sentence.text,
            sentence: sentence.index,
            rule: 'fixture',
          },
        ]
      : []
  })
  const extraction: Extraction = { file: `${sourceId}.md`, source, blocks, actors: [], timeline, terms: [] }
  const document = {
    file: `${sourceId}.md`,
    format: 'markdown',
    text,
    metadata: source,
    sections: [],
    paragraphs,
    sentences,
    tables: [],
    footnotes: [],
    noise: [],
  } as unknown as SourceDocument
  return { extraction, document }
}

export const energyReport = [
  {
    heading: 'Summary',
    sentences: [
      [
        'thesis',
        'Electricity demand from data centers is rising faster than new generation can be built, straining regional grids.',
      ],
      [
        'evidence',
        'Data centers used 4.4% of U.S. electricity in 2023, and utilities expect that share to double by 2028.',
      ],
    ],
  },
  {
    heading: 'Background',
    sentences: [
      ['claim', 'Grid operators plan capacity years ahead of demand.'],
      ['evidence', 'Interconnection queues held 2,600 gigawatts of proposed projects at the end of 2024.'],
    ],
  },
  {
    heading: 'Options',
    sentences: [
      ['recommendation', 'Regulators should require large new loads to pay for the transmission upgrades they need.'],
      [
        'counterargument',
        'Lower rates for data centers that cut demand in peak hours could shift grid costs onto households.',
      ],
      ['recommendation', 'Utilities could offer lower rates to data centers that cut demand during peak hours.'],
    ],
  },
  {
    heading: 'Issues for Congress',
    sentences: [
      [
        'claim',
        'Lawmakers may weigh whether to fund grid research through the annual energy and water appropriations bill.',
      ],
      ['claim', 'Federal oversight of interconnection rules rests with the regulator, not with the states.'],
    ],
  },
] as const satisfies readonly Spec[]
