// Which decks may print from one site, and how their slides go into it.
import { parseSync } from '@slidev/parser/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { combineDecks, localTheme, readDeckMarkdown, sharingKey } from '../../src/export/shared-print-site.js'

const headmatter = (audience: string, extra = '') =>
  `---\ntheme: "./theme"\ntitle: "Brief"\ncanvasWidth: 980\n${extra}exportFilename: "brief-${audience}"\nbriefdeck:\n  audience: "${audience}"\n  banner: "UNCLASSIFIED"\nlayout: "cover"\n---\n`
const deck = (audience: string, slides: number, extra = '') =>
  headmatter(audience, extra) +
  Array.from({ length: slides }, (_, index) => `\n# ${audience} ${index + 1}\n`).join('\n---\n')

describe('sharingKey', () => {
  it('is the same for decks that differ only in their slides and per-deck fields', () => {
    const staff = sharingKey(readDeckMarkdown(deck('staff', 3), '/o/b/staff/slides.md'), 'theme files', true)
    expect(staff).toBeDefined()
    expect(sharingKey(readDeckMarkdown(deck('allied', 5), '/o/b/allied/slides.md'), 'theme files', true)).toBe(staff)
  })

  it('is the same for decks of briefs that differ in title and author', () => {
    const first = sharingKey(readDeckMarkdown(deck('staff', 3), '/o/one/staff/slides.md'), 'theme files', true)
    const other = deck('staff', 3, 'author: "Someone Else"\n').replace('title: "Brief"', 'title: "Another brief"')
    expect(sharingKey(readDeckMarkdown(other, '/o/two/staff/slides.md'), 'theme files', true)).toBe(first)
  })

  it('differs when the rest of the headmatter or the other files differ', () => {
    const staff = sharingKey(readDeckMarkdown(deck('staff', 3), 'slides.md'), 'theme files', true)
    expect(
      sharingKey(readDeckMarkdown(deck('allied', 3, 'aspectRatio: "4/3"\n'), 'slides.md'), 'theme files', true),
    ).not.toBe(staff)
    expect(sharingKey(readDeckMarkdown(deck('allied', 3), 'slides.md'), 'other theme files', true)).not.toBe(staff)
  })

  it('lets no deck share when its theme does not say it can, or a slide imports others', () => {
    expect(sharingKey(readDeckMarkdown(deck('staff', 3), 'slides.md'), 'theme files', false)).toBeUndefined()
    const importing = `${deck('staff', 2)}\n---\nsrc: ./more.md\n---\n`
    expect(sharingKey(readDeckMarkdown(importing, 'slides.md'), 'theme files', true)).toBeUndefined()
  })
})

describe('localTheme', () => {
  it('is the theme folder of the deck, and nothing for a theme from a package', () => {
    expect(localTheme(readDeckMarkdown(deck('staff', 1), 'slides.md'))).toBe('./theme')
    expect(localTheme(readDeckMarkdown('---\ntheme: seriph\n---\n# One\n', 'slides.md'))).toBeUndefined()
  })
})

describe('combineDecks', () => {
  it("puts the decks one after another, each deck's headmatter on its first slide, and says each deck's range", () => {
    const combined = combineDecks([
      readDeckMarkdown(deck('staff', 3), 'a/slides.md'),
      readDeckMarkdown(deck('allied', 2), 'b/slides.md'),
    ])
    expect(combined?.ranges).toEqual(['1-3', '4-5'])
    const slides = parseSync(combined!.markdown, 'a/slides.md').slides
    expect(slides.map((slide) => slide.content.trim())).toEqual([
      '# staff 1',
      '# staff 2',
      '# staff 3',
      '# allied 1',
      '# allied 2',
    ])
    expect(slides[3]?.frontmatter).toMatchObject({ briefdeck: { audience: 'allied' }, layout: 'cover' })
  })

  it('refuses decks whose slides would run into each other (a comment left open)', () => {
    const open = `${deck('staff', 2)}\n<!--\n`
    expect(combineDecks([readDeckMarkdown(open, 'a'), readDeckMarkdown(deck('allied', 2), 'b')])).toBe(undefined)
  })

  it('gives every deck its own slides whatever the decks hold', () => {
    const slideText = fc.stringMatching(/^[A-Za-z ,.]{1,30}$/)
    const decks = fc.array(fc.array(slideText, { minLength: 1, maxLength: 6 }), { minLength: 2, maxLength: 4 })
    fc.assert(
      fc.property(decks, (contents) => {
        const markdowns = contents.map(
          (slides, index) =>
            headmatter(`deck-${index}`) +
            slides.map((text) => `\n${text}\n`).join('\n---\n') +
            (index % 2 ? '' : '\n\n'),
        )
        const combined = combineDecks(markdowns.map((markdown) => readDeckMarkdown(markdown, 'slides.md')))
        expect(combined).toBeDefined()
        const slides = parseSync(combined!.markdown, 'slides.md').slides
        combined!.ranges.forEach((range, index) => {
          const [first, last] = range.split('-').map(Number) as [number, number]
          const texts = slides.slice(first - 1, last).map((slide) => slide.content.trim())
          expect(texts).toEqual(contents[index]!.map((text) => text.trim()))
          expect(slides[first - 1]?.frontmatter['briefdeck']).toMatchObject({ audience: `deck-${index}` })
        })
      }),
    )
  })
})
