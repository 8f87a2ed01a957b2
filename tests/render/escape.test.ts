import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeSlideText } from '../../src/render/index.js'

/** What a browser shows for escaped text: the brace spans dropped, entities decoded. */
function shown(escaped: string): string {
  return escaped
    .replaceAll('<span>&#123;</span>', '{')
    .replace(/&#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)))
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&amp;', '&')
}

const collapsed = (text: string) =>
  text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()

// Markdown, HTML, Vue and Slidev syntax, mixed with ordinary words.
const hostileText = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        '{{',
        '}}',
        '<script>',
        '<!--',
        '-->',
        '---',
        '`',
        '$$',
        '$',
        ':::',
        '::right::',
        '#',
        '- ',
        '1. ',
        '> ',
        '*',
        '_',
        '[',
        ']',
        '|',
        '\\',
        '&amp;',
      ),
      fc.constantFrom('@click=', 'v-html', ':prop', '\n', '\t', '...', '?!?!', ',,', '+-', '(c)', '(TM)'),
      fc.string(),
    ),
    { maxLength: 20 },
  )
  .map((parts) => parts.join(''))

describe('escapeSlideText', () => {
  it('shows exactly the text it was given, on one line', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const escaped = escapeSlideText(text)
        expect(shown(escaped)).toBe(collapsed(text))
        expect(escaped).not.toMatch(/[\n\r]/)
      }),
    )
  })

  it('leaves nothing for markdown, HTML, Vue or Slidev to interpret', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const escaped = escapeSlideText(text)
        const unescaped = escaped.replaceAll('<span>&#123;</span>', '').replace(/&(#\d+|amp|lt|gt|quot);/g, '')
        // The only markup left is the brace span; no delimiter of any of the four languages survives.
        expect(unescaped).not.toMatch(/[<>{}`*_[\]\\$|~#"]/)
        expect(escaped).not.toContain('::')
        expect(escaped).not.toMatch(/^([-+=]|\d+[.)])/)
        // Nor anything markdown-it's typographer would turn into a dash, an ellipsis or a sign.
        expect(escaped.replace(/&(#\d+|amp|lt|gt|quot);/g, '\u0001')).not.toMatch(
          /\+-|\.\.|[?!]{4}|,,|--|\((c|tm|r)\)/i,
        )
      }),
    )
  })

  it('keeps two opening braces from ever meeting', () => {
    expect(escapeSlideText('{{ x }}')).toBe('<span>&#123;</span><span>&#123;</span> x &#125;&#125;')
  })

  it('keeps ordinary prose readable', () => {
    expect(escapeSlideText('Japan’s budget grew, and U.S. allies (Australia, the Philippines) agree.')).toBe(
      'Japan’s budget grew, and U.S. allies (Australia, the Philippines) agree.',
    )
  })
})
