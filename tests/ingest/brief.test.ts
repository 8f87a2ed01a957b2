// A brief whose sources are a PDF, a saved web page and a Word file plans a
// deck like any other, with full citations on its sources slide.
import { copyFile, mkdir, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { planBrief } from '../../src/pipeline/index.js'
import { docxBytes } from './docx-fixture.js'

describe('a brief of PDF, web page and Word sources', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'briefdeck-formats-brief-'))
  await mkdir(join(dir, 'sources'))
  await copyFile('tests/fixtures/sources/IF10753v6.pdf', join(dir, 'sources', 'energy-star.pdf'))
  await copyFile('tests/fixtures/sources/harbour-levies.html', join(dir, 'sources', 'levies.html'))
  await writeFile(
    join(dir, 'sources', 'dredging.docx'),
    await docxBytes({
      paragraphs: [
        ['Heading1', 'Dredging the Shared Channels'],
        [
          '',
          'The council should fund dredging of the shared channels from a common levy, because no port can afford it alone.',
        ],
      ],
      core: { creator: 'Ana Ribeiro', created: '2025-03-01T10:00:00Z' },
    }),
  )
  const brief = join(dir, 'ports.brief.yaml')
  await writeFile(
    brief,
    [
      'title: Port levies',
      'date: 2025-03-02',
      'sources:',
      '  - { id: energy-star, path: sources/energy-star.pdf }',
      '  - { id: levies, path: sources/levies.html }',
      '  - { id: dredging, path: sources/dredging.docx }',
      'audiences: [congressional-staff]',
      'marking: { classification: UNCLASSIFIED, releasableTo: [USA] }',
      '',
    ].join('\n'),
  )
  const plan = await planBrief(brief)

  it('lists each source with author, title, publisher, number and date', () => {
    const sources = plan.decks[0]!.slides.find((slide) => slide.layout === 'sources')!
    expect(sources.bullets.map((bullet) => bullet.text)).toEqual([
      'Corrie E. Clark, “ENERGY STAR Program”, IF10753, 20 Apr 2026',
      'Ana Ribeiro and Tomás Lind, “Port Levies Are Back on the Table”, The Coastal Ledger, 14 Feb 2025',
      'Ana Ribeiro, “Dredging the Shared Channels”, 1 Mar 2025',
    ])
    expect(sources.bullets[1]!.detail).toBe('https://ledger.example/policy/port-levies')
  })
})
