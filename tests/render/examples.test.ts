// The example briefs of briefs/examples/, each built from a public-domain CRS
// product read from its PDF: their deck plans, as outlines of slide titles,
// bullets and block ids, against goldens reviewed by hand (UPDATE=1 rewrites
// them), and free of content errors.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import { contentFindings } from '../../src/check/content.js'
import { isError, type DeckPlan } from '../../src/model/index.js'
import { planBrief } from '../../src/pipeline/index.js'

const examples = ['seabed-mining', 'copper-tariffs', 'crypto-mining-electricity']
const goldenDir = new URL('./golden/examples/', import.meta.url)

/** What a reviewer reads: each slide's title, then its bullets with their labels, details and blocks. */
function outline(plan: DeckPlan): string {
  return `${plan.slides
    .map((slide) =>
      [
        `## ${slide.title}`,
        ...slide.bullets.map((bullet) =>
          [
            `- ${bullet.label ? `[${bullet.label}] ` : ''}${bullet.text}${bullet.long ? ' (shown smaller)' : ''}`,
            ...(bullet.detail ? [`  ${bullet.detail}`] : []),
            ...(bullet.blockIds.length > 0 ? [`  blocks: ${bullet.blockIds.join(', ')}`] : []),
          ].join('\n'),
        ),
      ].join('\n'),
    )
    .join('\n\n')}\n`
}

describe.each(examples)('the example brief %s', (name) => {
  it('plans both decks as reviewed, with no content errors', { timeout: 120_000 }, async () => {
    const { decks } = await planBrief(`briefs/examples/${name}.brief.yaml`)
    expect(decks.map((deck) => deck.audience)).toEqual(['congressional-staff', 'allied-ministry'])
    for (const deck of decks) {
      expect(contentFindings(deck).filter(isError)).toEqual([])
      const golden = new URL(`${name}/${deck.audience}.outline.md`, goldenDir)
      if (process.env['UPDATE'] === '1') {
        await mkdir(new URL('.', golden), { recursive: true })
        await writeFile(golden, outline(deck))
      }
      expect(outline(deck)).toBe(await readFile(golden, 'utf8'))
    }
  })
})
