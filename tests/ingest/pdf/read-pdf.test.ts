// The PDF reader on tiny PDFs built here: each test places text the way a layout does and checks
// what the reader makes of it.
import { describe, expect, it } from 'vitest'
import { readingOfPdf } from '../../../src/ingest/pdf-reading.js'
import { readPdf, type PdfBlock } from '../../../src/ingest/pdf/index.js'
import { BriefdeckProblem } from '../../../src/model/index.js'
import { buildEncryptedPdf, buildPdf, column, type Placed } from './build-pdf.js'

const left = [
  'The first column opens the text of this brief and it',
  'runs on for several lines of ordinary prose so that',
  'the reader can see a column of text set on the left',
  'side of the page, as two-column briefs are set, and',
  'its last sentence runs over into the right column',
]
const right = [
  'where it ends, because the text flows from the foot',
  'of the left column to the head of the right column.',
  'A second paragraph follows in the right column after',
  'a blank line, and it is as long as the others are, so',
  'that the right column holds enough lines to be one.',
]

function textOf(blocks: PdfBlock[], kind: PdfBlock['kind']): string[] {
  return blocks.filter((block) => block.kind === kind).map((block) => ('text' in block ? block.text : ''))
}

/** Two pages of a two-column brief: title and dateline on top, running header and footer on both pages. */
async function twoColumnBrief(): Promise<Uint8Array> {
  const runningLines = (page: number): Placed[] => [
    { text: 'Two Columns of Text', x: 430, y: 760, size: 9 },
    { text: `Policy Institute ${page}`, x: 260, y: 30, size: 9 },
    { text: 'PI1234', x: 520, y: 18, size: 9 },
  ]
  return buildPdf({
    pages: [
      [
        { text: 'Updated June 5, 2024', x: 430, y: 700, size: 10 },
        { text: 'Two Columns of Text', x: 50, y: 680, size: 18, bold: true },
        ...column(left, 50, 640),
        ...column(right.slice(0, 2), 320, 640),
        ...column(right.slice(2), 320, 610),
        { text: 'An Issue Brief', x: 50, y: 70, size: 7 },
        ...runningLines(1),
      ],
      [
        { text: 'Closing Section', x: 50, y: 700, size: 13, bold: true },
        ...column(['The closing section has one paragraph only, and it ends here.'], 50, 684),
        { text: 'Jane Q. Public, Analyst in Public Policy', x: 50, y: 640, size: 10 },
        ...runningLines(2),
      ],
    ],
  })
}

describe('readPdf', () => {
  it('reads two columns in order: the left column, then the right, a sentence running across', async () => {
    const reading = await readPdf(await twoColumnBrief(), 'brief.pdf')
    const paragraphs = textOf(reading.blocks, 'paragraph')
    expect(paragraphs[0]).toBe(`${left.join(' ')} ${right.slice(0, 2).join(' ')}`)
    expect(paragraphs[1]).toBe(right.slice(2).join(' '))
    expect(reading.pageCount).toBe(2)
  })

  it('runs a sentence cut after a word no sentence ends on into the next column, whatever its case', async () => {
    const cutLeft = [...left.slice(0, 4), 'and it was signed by the Secretary of the']
    const bytes = await buildPdf({
      pages: [
        [
          ...column(cutLeft, 50, 640),
          ...column(['Army, who read it out, and it is read to the foot', right[1]!], 320, 640),
          ...column(right.slice(2), 320, 610),
        ],
      ],
    })
    const paragraphs = textOf((await readPdf(bytes, 'cut.pdf')).blocks, 'paragraph')
    expect(paragraphs[0]).toBe(`${cutLeft.join(' ')} Army, who read it out, and it is read to the foot ${right[1]}`)
  })

  it('keeps an enumeration inside a sentence whole where a line break puts an item first on a line', async () => {
    const text = [
      'Congress could assess the program in three ways: (1) the agency’s',
      'efforts at monitoring and enforcement of its Section 408 authority;',
      '(2) the effects of establishing fees for cost recovery and its penalties;',
      'and (3) whether to require reports.',
    ]
    const cutBeforeFirst = [
      'The law that passed that year required in its second section that',
      '(1) the city enter into an agreement with the authority to plan it.',
    ]
    const list = ['The rule lists what a request holds:', '(1) a form;', '(2) a map.']
    const bytes = await buildPdf({
      pages: [
        [
          ...column(text, 72, 700, 11, 13),
          ...column(cutBeforeFirst, 72, 630, 11, 13),
          ...column(list, 72, 580, 11, 13),
        ],
      ],
    })
    const { blocks } = await readPdf(bytes, 'enumeration.pdf')
    expect(textOf(blocks, 'paragraph')).toEqual([text.join(' '), cutBeforeFirst.join(' '), list[0]])
    expect(textOf(blocks, 'list-item')).toEqual(list.slice(1))
  })

  it('takes the title from the largest type, the date from the dateline, the author from the closing byline, the rest from the margins', async () => {
    const reading = await readPdf(await twoColumnBrief(), 'brief.pdf')
    expect(reading.metadata).toMatchObject({
      title: 'Two Columns of Text',
      date: '2024-06-05',
      authors: ['Jane Q. Public'],
      publisher: 'Policy Institute',
      identifier: 'PI1234',
      documentType: 'Issue Brief',
    })
    expect(textOf(reading.blocks, 'heading')).toEqual(['Two Columns of Text', 'Closing Section'])
    expect(reading.blocks).toContainEqual({
      kind: 'furniture',
      furniture: 'contact',
      text: 'Jane Q. Public, Analyst in Public Policy',
      page: 2,
    })
  })

  it('sets running headers and footers aside as furniture, recognised by their recurrence', async () => {
    const reading = await readPdf(await twoColumnBrief(), 'brief.pdf')
    const furniture = reading.blocks.filter((block) => block.kind === 'furniture').map((block) => block.text)
    expect(furniture).toEqual(expect.arrayContaining(['Policy Institute 1', 'Policy Institute 2']))
    const headers = reading.blocks.filter((block) => block.kind === 'furniture' && block.furniture === 'running-header')
    expect(headers.map((block) => block.page)).toEqual([1, 2])
    for (const text of [...textOf(reading.blocks, 'paragraph'), ...textOf(reading.blocks, 'heading')]) {
      expect(text).not.toMatch(/Policy Institute/)
    }
  })

  it('mends words broken across lines and keeps the hyphens of compounds', async () => {
    const bytes = await buildPdf({
      pages: [
        column(
          [
            'The committee found that the govern-',
            'ment had made a long-',
            'term commitment that the EPA-',
            'recognized laboratories would keep.',
          ],
          72,
          700,
        ),
      ],
    })
    const [paragraph] = textOf((await readPdf(bytes, 'hyphens.pdf')).blocks, 'paragraph')
    expect(paragraph).toBe(
      'The committee found that the government had made a long-term commitment that the EPA-recognized laboratories would keep.',
    )
  })

  it('takes superscript marks out of the text as footnote references and reads the footnotes at the foot', async () => {
    const bytes = await buildPdf({
      pages: [
        [
          { text: 'A sentence that cites a source.', x: 72, y: 700, size: 11 },
          { text: '1', x: 220, y: 704, size: 7 },
          { text: ' And one more sentence of text.', x: 224, y: 700, size: 11 },
          ...column(['The text goes on for a second line to make a body of text.'], 72, 686, 11),
          { text: '1', x: 72, y: 124, size: 6 },
          { text: 'Author, Title of the Source (Publisher, 2020), p. 3.', x: 77, y: 120, size: 9 },
          { text: 'and the rest of the note on a second line.', x: 72, y: 110, size: 9 },
        ],
      ],
    })
    const { blocks } = await readPdf(bytes, 'notes.pdf')
    const paragraph = blocks.find((block) => block.kind === 'paragraph')
    expect(paragraph).toMatchObject({
      text: 'A sentence that cites a source. And one more sentence of text. The text goes on for a second line to make a body of text.',
      footnoteRefs: [{ label: '1', offset: 'A sentence that cites a source.'.length }],
    })
    expect(blocks).toContainEqual({
      kind: 'footnote',
      label: '1',
      text: 'Author, Title of the Source (Publisher, 2020), p. 3. and the rest of the note on a second line.',
      page: 1,
    })
  })

  it('ends a footnote begun on the page before at the foot of the next, and mends the paragraph a page break cut', async () => {
    const prose = (words: string) =>
      column(
        [1, 2, 3, 4].map((n) => `${words} line ${n} of ordinary prose,`),
        72,
        700,
        11,
        13,
      )
    const note = (label: string, y: number, lines: string[]): Placed[] => [
      { text: label, x: 72, y: y + 4, size: 6 },
      ...column(lines, 77, y, 9, 10.4),
    ]
    const bytes = await buildPdf({
      pages: [
        [
          ...prose('The first page sets'),
          ...column(['and ends its paragraph with a sentence that the first note cites.'], 72, 648, 11),
          ...note('1', 160, [
            'First Author, A Long Title of the Source That Runs On',
            'to a second line and then past the foot of the page',
          ]),
        ],
        [
          ...prose('The second page sets'),
          ...column(['and some say that the country should ratify the treaty to'], 72, 648, 11),
          // The end of note 1, at line spacing, then notes 2 and 3 a little further apart, as in CRS reports.
          ...column(
            ['onto the next page, https://example.org/a-long-address/', 'of the note (hereinafter Author, Title).'],
            72,
            220,
            9,
            10.4,
          ),
          ...note('2', 196.2, ['Second Author, Another Source (2021), p. 4.']),
          ...note('3', 182.8, ['Third Author, A Third Source (2022), p. 5.']),
        ],
        [
          ...column(['formally take part in the talks, as the text says here.'], 72, 700, 11),
          ...prose('The third page sets'),
        ],
      ],
    })
    const reading = await readPdf(bytes, 'carried.pdf')
    expect(textOf(reading.blocks, 'paragraph').filter((text) => text.includes('hereinafter'))).toEqual([])
    expect(textOf(reading.blocks, 'footnote')[0]).toMatch(
      /past the foot of the page onto the next page, .* \(hereinafter Author, Title\)\.$/,
    )
    const paragraphs = readingOfPdf(reading).blocks.flatMap((block) => (block.kind === 'paragraph' ? [block.text] : []))
    expect(paragraphs).toContainEqual(
      expect.stringMatching(/should ratify the treaty to formally take part in the talks/),
    )
  })

  it('reads figure and table captions, source and note lines as captions, not prose', async () => {
    const bytes = await buildPdf({
      pages: [
        [
          ...column(['Body text comes first, in the size of the body, as a paragraph.'], 72, 700, 11),
          { text: 'Figure 1. Spending by Year', x: 72, y: 660, size: 10, bold: true },
          { text: '2020', x: 100, y: 600, size: 8 },
          { text: 'Source: An agency, with data.', x: 72, y: 560, size: 8 },
          ...column(['Body text follows the figure, in the size of the body again.'], 72, 530, 11),
        ],
      ],
    })
    const { blocks } = await readPdf(bytes, 'figure.pdf')
    expect(textOf(blocks, 'caption')).toEqual(['Figure 1. Spending by Year', 'Source: An agency, with data.'])
    expect(textOf(blocks, 'paragraph')).toHaveLength(2)
    expect(textOf(blocks, 'paragraph').join(' ')).not.toMatch(/2020/)
  })

  it('reads a heading set in another font at the body size as a heading, not as the start of its paragraph', async () => {
    const bytes = await buildPdf({
      pages: [
        [
          ...column(
            [
              'The agency set out its plan in the spring, and it',
              'published the rules for the program in the summer.',
              'Permits Issued Under the Act',
              'The act authorized the agency to issue permits to',
              'firms that meet its conditions, and it issued four.',
            ],
            72,
            700,
            12,
            14,
          ),
        ].map((placed) => (placed.text.startsWith('Permits') ? { ...placed, bold: true } : placed)),
      ],
    })
    const { blocks } = await readPdf(bytes, 'run-in.pdf')
    expect(textOf(blocks, 'heading')).toEqual(['Permits Issued Under the Act'])
    expect(textOf(blocks, 'paragraph')).toEqual([
      'The agency set out its plan in the spring, and it published the rules for the program in the summer.',
      'The act authorized the agency to issue permits to firms that meet its conditions, and it issued four.',
    ])
  })

  it('reads a line in another font that holds the end of a sentence as prose, not as a heading', async () => {
    const text = [
      'The agency set out its plan in the spring, and it',
      'published the rules for the program in the summer.',
      'Permits Issued. The act authorized the agency to',
      'issue permits to firms that meet its conditions.',
    ]
    const bytes = await buildPdf({
      pages: [
        column(text, 72, 700, 12, 14).map((placed) =>
          placed.text.startsWith('Permits') ? { ...placed, bold: true } : placed,
        ),
      ],
    })
    const { blocks } = await readPdf(bytes, 'run-in-sentence.pdf')
    expect(textOf(blocks, 'heading')).toEqual([])
    expect(textOf(blocks, 'paragraph').join(' ')).toBe(text.join(' '))
  })

  it('puts a drop cap in front of the paragraph it begins', async () => {
    const beside = [
      'ach year, millions of people buy tickets for live events,',
      'such as concerts, plays and games, and the firms that sell',
      'them set the fees they charge on top of the price.',
    ]
    const after = ['The government has taken action on the fees in the last', 'few years, and it may take more.']
    const bytes = await buildPdf({
      pages: [
        [
          // A three-line drop cap stands on the third line's baseline.
          { text: 'E', x: 72, y: 674, size: 40 },
          ...column(beside, 104, 700, 11, 13),
          ...column(after, 72, 661, 11, 13),
        ],
      ],
    })
    const { blocks } = await readPdf(bytes, 'drop-cap.pdf')
    expect(textOf(blocks, 'paragraph')).toEqual([`E${[...beside, ...after].join(' ')}`])
  })

  it('falls back on the document information dictionary for title and authors', async () => {
    const bytes = await buildPdf({
      pages: [column(['Only body text on this page, all of it the same size.'], 72, 700)],
      info: { title: 'The Title in the Dictionary', author: 'Ann Author, Ben Writer' },
    })
    const { metadata } = await readPdf(bytes, 'plain.pdf')
    expect(metadata.title).toBe('The Title in the Dictionary')
    expect(metadata.authors).toEqual(['Ann Author', 'Ben Writer'])
  })
})

describe('readPdf on bad input', () => {
  async function problemOf(bytes: Uint8Array): Promise<BriefdeckProblem> {
    const error = await readPdf(bytes, 'bad.pdf').then(
      () => undefined,
      (thrown: unknown) => thrown,
    )
    expect(error).toBeInstanceOf(BriefdeckProblem)
    const problem = error as BriefdeckProblem
    expect(problem.place.file).toBe('bad.pdf')
    expect(problem.toString()).not.toContain('\n')
    return problem
  }

  it('says a PDF without a text layer is probably a scan', async () => {
    const problem = await problemOf(await buildPdf({ pages: [[]], shapesOnly: true }))
    expect(problem.message).toMatch(/^has no text layer \(a scanned PDF\?\)/)
  })

  it('says an encrypted PDF is encrypted', async () => {
    const problem = await problemOf(await buildEncryptedPdf())
    expect(problem.message).toMatch(/encrypted/)
  })

  it('says a truncated PDF is not readable', async () => {
    const whole = await buildPdf({ pages: [column(['Some text.'], 72, 700)] })
    const problem = await problemOf(whole.slice(0, 40))
    expect(problem.message).toMatch(/not a readable PDF/)
  })

  it('says a file that is not a PDF at all is not readable', async () => {
    const problem = await problemOf(new TextEncoder().encode('just some text, not a PDF\n'))
    expect(problem.message).toMatch(/not a readable PDF/)
  })

  it('reads a Node Buffer as well as a Uint8Array', async () => {
    const reading = await readPdf(Buffer.from(await twoColumnBrief()), 'brief.pdf')
    expect(reading.metadata.title).toBe('Two Columns of Text')
  })

  it('leaves the bytes it was given as they were', async () => {
    const bytes = await twoColumnBrief()
    const copy = bytes.slice()
    await readPdf(bytes, 'brief.pdf')
    expect(bytes).toEqual(copy)
  })
})
