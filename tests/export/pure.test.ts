import fc from 'fast-check'
import { readdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, sep } from 'node:path'
import { describe, expect, it } from 'vitest'
import { columnCount } from '../../src/export/contact-sheet.js'
import { deckInfo } from '../../src/export/deck-info.js'
import { deckOutputs, slideImageName } from '../../src/export/outputs.js'
import { siteFile } from '../../src/export/print-page.js'
import { firstErrorLine } from '../../src/export/site-builder.js'
import { slidevRootsPatch, vueJsxPlugin } from '../../src/export/slidev-hooks.js'
import { shouldShowProgress } from '../../src/export/progress.js'
import { exportSummary } from '../../src/export/summary.js'
import { DeckPlan } from '../../src/model/index.js'

const plan = DeckPlan.parse({
  brief: 'pacific',
  audience: 'allied-ministry',
  title: 'Pacific alliances',
  marking: { releasableTo: ['USA', 'AUS'] },
  draft: false,
  slides: [],
})

describe('deck outputs', () => {
  it('names every export after the brief and the audience, next to the deck', () => {
    expect(
      deckOutputs({
        audience: 'allied-ministry',
        dir: '/o/pacific/allied-ministry',
        slidesPath: '/o/pacific/allied-ministry/slides.md',
        plan,
      }),
    ).toEqual({
      pdf: '/o/pacific/allied-ministry/pacific-allied-ministry.pdf',
      handout: '/o/pacific/allied-ministry/pacific-allied-ministry-handout.pdf',
      pptx: '/o/pacific/allied-ministry/pacific-allied-ministry.pptx',
      slideImagesDir: '/o/pacific/allied-ministry/png',
      contactSheet: '/o/pacific/allied-ministry/contact-sheet.png',
      printSite: '/o/pacific/allied-ministry/print-site',
    })
  })

  it('pads slide picture names so that they sort in slide order', () => {
    expect(slideImageName(3, 9)).toBe('slide-03.png')
    expect(slideImageName(7, 120)).toBe('slide-007.png')
  })

  it('summarises what was written, with page counts', () => {
    const lines = exportSummary(
      [
        {
          audience: 'allied-ministry',
          pdf: { path: '/o/d/a.pdf', pages: 11 },
          handout: { path: '/o/d/a-handout.pdf', pages: 1 },
          slideImages: ['/o/d/png/slide-01.png'],
          contactSheet: '/o/d/contact-sheet.png',
          blockedRequests: [],
        },
      ],
      '/o',
    )
    expect(lines).toEqual([
      'allied-ministry:',
      '  d/a.pdf (11 pages)',
      '  d/a-handout.pdf (1 page)',
      '  d/png/ (1 slide image), d/contact-sheet.png',
    ])
  })
})

describe('deckInfo', () => {
  it('reads the slide size and the author from the headmatter as Slidev does', () => {
    const info = deckInfo(
      '---\ncanvasWidth: 1200\naspectRatio: 4/3\nauthor: Dana Whitfield\n---\n\n# One\n',
      '/d/slides.md',
      plan,
    )
    expect(info).toEqual({
      width: 1200,
      height: 900,
      title: 'Pacific alliances',
      author: 'Dana Whitfield',
      subject: 'Briefing for allied-ministry — UNCLASSIFIED//REL TO USA, AUS',
      keywords: ['pacific', 'allied-ministry', 'UNCLASSIFIED//REL TO USA, AUS'],
    })
  })

  it('takes Slidev’s default canvas when the deck sets none', () => {
    expect(deckInfo('# One\n', '/d/slides.md', plan)).toMatchObject({ width: 980, height: 552, author: undefined })
  })
})

describe('siteFile', () => {
  it('never answers with a file outside the site, whatever the path', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('..', '.', 'assets', 'a.js', '%2e%2e', ''), { maxLength: 8 }),
        (segments) => {
          const file = siteFile('/srv/site', `/${segments.join('/')}`)
          return file === undefined || file === '/srv/site' || file.startsWith(`/srv/site${sep}`)
        },
      ),
    )
    expect(siteFile('/srv/site', '/../../etc/passwd')).toBeUndefined()
    expect(siteFile('/srv/site', '/assets/index.js')).toBe(join('/srv/site', 'assets', 'index.js'))
  })
})

describe('firstErrorLine', () => {
  it('picks Rolldown’s coded line over the summary', () => {
    const log =
      "\x1b[31m✗\x1b[0m Build failed in 7.66s\nBuild failed with 1 error:\n\n\x1b[31m[UNRESOLVED_IMPORT] \x1b[0mCould not resolve '/missing.png' in slides.md__slidev_3.md\n   ╭─[ slides.md__slidev_3.md:2:24 ]"
    expect(firstErrorLine(log)).toBe("[UNRESOLVED_IMPORT] Could not resolve '/missing.png' in slides.md__slidev_3.md")
  })

  it('falls back to a line about an error, then to the last line', () => {
    expect(firstErrorLine('starting\nSyntaxError: Unexpected token\nat x')).toBe('SyntaxError: Unexpected token')
    expect(firstErrorLine('starting\nkilled')).toBe('killed')
    expect(firstErrorLine('')).toBe('the build stopped without a message')
  })
})

describe('the Slidev that builds print sites', () => {
  // The builder's module hooks (slidev-hooks.ts) rely on these lines of Slidev's code;
  // an upgrade that changes them should fail here, not only in a browser export.
  const dist = join(dirname(createRequire(import.meta.url).resolve('@slidev/cli/package.json')), 'dist')
  const module = (prefix: string) => {
    const files = readdirSync(dist).filter((name) => name.startsWith(prefix) && name.endsWith('.mjs'))
    expect(files).toHaveLength(1)
    return readFileSync(join(dist, files[0]!), 'utf8')
  }

  it('caches its roots in the one line the builder corrects, once', () => {
    const source = module('resolver-')
    expect(source.split(slidevRootsPatch.cached)).toHaveLength(2)
    expect(source).toMatch(/async function getRoots\(entry\) \{\n\tif \(rootsInfo\) return rootsInfo;/)
    expect(source).toContain('const userRoot = dirname(entry);')
  })

  it("takes Vue's JSX plugin as one default import, used only to make a plugin", () => {
    const source = module('serve-')
    expect(source.split(vueJsxPlugin)).toHaveLength(2)
    expect(source).toContain(`import VueJsx from "${vueJsxPlugin}";`)
    expect(source.match(/\bVueJsx\b/g)).toEqual(['VueJsx', 'VueJsx'])
    expect(source).toContain('return [VueJsx(vuejsxOptions), VuePlugin];')
  })
})

describe('progress', () => {
  it('shows only on a terminal, never in CI or with --quiet', () => {
    expect(shouldShowProgress(false, {}, true)).toBe(true)
    expect(shouldShowProgress(true, {}, true)).toBe(false)
    expect(shouldShowProgress(false, { CI: 'true' }, true)).toBe(false)
    expect(shouldShowProgress(false, {}, false)).toBe(false)
  })
})

describe('contact sheet', () => {
  it('keeps the sheet about as wide as tall', () => {
    expect([1, 3, 4, 10, 16, 40].map(columnCount)).toEqual([1, 3, 4, 4, 6, 8])
  })
})
