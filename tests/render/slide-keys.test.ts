// Slide keys say which slides are drawn from the same as before: an edit to
// one slide's text changes its key alone; whatever the slides share (the
// theme, the headmatter, any slide's title, their number, briefdeck itself)
// changes them all.
import { describe, expect, it } from 'vitest'
import { slideKeys } from '../../src/render/index.js'

const code = 'briefdeck, one version'
const slides = ['# Cover\n\nA brief.', '# Key points\n\n- One point\n- Another point', '# Options\n\n- Act now']
const deck = (bodies: readonly string[], files: Record<string, string> = {}) => ({
  files: {
    'slides.md': `---\ntitle: A deck\n---\n\n${bodies.join('\n\n---\n\n')}\n`,
    'theme/layouts/default.vue': '<template><slot /></template>',
    'deck-plan.json': JSON.stringify({ bodies }),
    ...files,
  },
})
const changedAt = (before: readonly string[], after: readonly string[]) =>
  before.flatMap((key, index) => (key === after[index] ? [] : [index]))
const every = [0, 1, 2]

describe('slideKeys', () => {
  const keys = slideKeys(deck(slides), code)

  it('gives each slide a key of its own', () => {
    expect(keys).toHaveLength(3)
    expect(new Set(keys).size).toBe(3)
  })

  it('changes only the key of the slide whose text changed', () => {
    const edited = slides.with(1, slides[1]!.replace('Another point', 'One more point'))
    expect(changedAt(keys, slideKeys(deck(edited), code))).toEqual([1])
  })

  it("changes every key when a slide's title or the number of slides changes", () => {
    const retitled = slides.with(2, slides[2]!.replace('# Options', '# Choices'))
    expect(changedAt(keys, slideKeys(deck(retitled), code))).toEqual(every)
    expect(changedAt(keys, slideKeys(deck([...slides, '# More']), code))).toEqual(every)
  })

  it('changes every key when the headmatter, the theme or briefdeck changes', () => {
    const { files } = deck(slides)
    const headmatter = { files: { ...files, 'slides.md': files['slides.md'].replace('A deck', 'B deck') } }
    expect(changedAt(keys, slideKeys(headmatter, code))).toEqual(every)
    const theme = deck(slides, { 'theme/layouts/default.vue': '<template><main><slot /></main></template>' })
    expect(changedAt(keys, slideKeys(theme, code))).toEqual(every)
    expect(changedAt(keys, slideKeys(deck(slides), 'briefdeck, the next version'))).toEqual(every)
  })

  it('leaves the keys alone when only the plan beside the slides changed, which Slidev does not read', () => {
    expect(slideKeys(deck(slides, { 'deck-plan.json': '{"other":true}' }), code)).toEqual(keys)
  })
})
