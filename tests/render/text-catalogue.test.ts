import { describe, expect, it } from 'vitest'
import { interpolatesEveryText, textCollector } from '../../src/render/text-catalogue.js'

const slide = (body: string) => `---\nlayout: "bullets"\n---\n\n${body}\n`

describe('textCollector', () => {
  it('numbers the texts in order, each as one line as a slide shows it', () => {
    const collector = textCollector()
    expect(collector.take('First  text\n')).toBe('{{ briefdeckText(0) }}')
    expect(collector.take('{{ not code }} <b>')).toBe('{{ briefdeckText(1) }}')
    expect(collector.texts).toEqual(['First text', '{{ not code }} <b>'])
  })
})

describe('interpolatesEveryText', () => {
  const [a, b] = ['{{ briefdeckText(0) }}', '{{ briefdeckText(1) }}']

  it('takes texts in headings, list items and raw HTML between tags', () => {
    const skeleton = [
      slide(`# ${a}\n\n- <span class="label">${b}</span> ${a}`),
      slide(`<table>\n<tr><td>${a}</td></tr>\n</table>\n\n<p class="lead">${b}</p>`),
    ].join('\n')
    expect(interpolatesEveryText(skeleton)).toBe(true)
  })

  it.each([
    ['an attribute', `<p title="${a}">x</p>`],
    ['a code span', `Say \`${a}\``],
    ['a code block', `\`\`\`\n${a}\n\`\`\``],
    ['an indented code block', `Text\n\n    ${a}`],
    ['a link address', `[here](${a})`],
    ['an image description', `![${a}](picture.png)`],
    ['an element that Vue does not compile', `<div v-pre>${a}</div>`],
    ['a comment', `<!-- ${a} -->`],
  ])('refuses a text in %s, where Vue would show the interpolation itself', (_, body) => {
    expect(interpolatesEveryText(slide(`# ${b}\n\n${body}`))).toBe(false)
  })
})
