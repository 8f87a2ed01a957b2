// The whole build on the shipped brief: golden decks (see ../golden.ts), what each audience must and must not get, and
// byte-identical rebuilds.
import { parseSync } from '@slidev/parser/core'
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { applyOverrides, sourcePath } from '../../src/brief/index.js'
import { run as build } from '../../src/cli/commands/build.js'
import { buildBrief, type BuildResult } from '../../src/pipeline/index.js'
import { extract, readKnowledge } from '../../src/extract/index.js'
import { readSource } from '../../src/ingest/index.js'
import { BriefdeckProblem, formatPlace, UsageError } from '../../src/model/index.js'
import { expectGolden } from '../golden.js'

const knowledge = await readKnowledge()

const repo = fileURLToPath(new URL('../../', import.meta.url))
const briefPath = join(repo, 'briefs', 'pacific-alliances.brief.yaml')
// golden/<brief name>/<audience>.slides.md: the decks the shipped brief builds.
const goldenDir = new URL('./golden/pacific-alliances/', import.meta.url)

let out: string
let result: BuildResult
const slides: Record<string, string> = {}

beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'briefdeck-pipeline-'))
  result = await buildBrief(briefPath, { outDir: out })
  for (const deck of result.decks) slides[deck.audience] = await readFile(deck.slidesPath, 'utf8')
  // A whole build: generous, because the machine is shared by other test runs.
}, 60_000)
afterAll(() => rm(out, { recursive: true, force: true }))

/** Slide text without the notes: what the audience sees. */
const visible = (markdown: string) =>
  parseSync(markdown, 'slides.md')
    .slides.map((slide) => slide.content)
    .join('\n')

describe('building the shipped brief', () => {
  it('writes a deck per audience under <out>/<brief>/<audience>/', () => {
    expect(result.decks.map((deck) => relative(out, deck.slidesPath))).toEqual([
      join('pacific-alliances', 'congressional-staff', 'slides.md'),
      join('pacific-alliances', 'allied-ministry', 'slides.md'),
    ])
    expect(result.warnings).toEqual([])
  })

  it.each(['congressional-staff', 'allied-ministry'])('matches the reviewed golden deck for %s', (audience) => {
    expectGolden(slides[audience]!, new URL(`${audience}.slides.md`, goldenDir))
  })

  it.each(['congressional-staff', 'allied-ministry'])(
    'gives Slidev as many slides as the plan has (%s)',
    (audience) => {
      const plan = result.decks.find((deck) => deck.audience === audience)!.plan
      expect(parseSync(slides[audience]!, 'slides.md').slides).toHaveLength(plan.slides.length)
    },
  )

  it('opens both decks with a BLUF that states each source’s thesis, as the brief corrects it', async () => {
    const extractions = await Promise.all(
      result.brief.sources.map(async (source) =>
        extract(await readSource(sourcePath(result.brief, source), { sourceId: source.id }), knowledge),
      ),
    )
    const theses = applyOverrides(extractions, result.brief).extractions.map((extraction) =>
      extraction.blocks.filter((block) => block.kind === 'thesis'),
    )
    for (const deck of result.decks) {
      const bluf = deck.plan.slides[1]!
      expect(bluf.layout).toBe('bluf')
      for (const [thesis] of theses) expect(bluf.blockIds).toContain(thesis!.id)
    }
  })

  it('gives congressional staff what it means for Congress', () => {
    const text = visible(slides['congressional-staff']!)
    expect(text).toContain('# What it means for Congress')
    for (const hook of ['Authorization', 'Appropriations', 'Oversight', 'Hearings']) expect(text).toContain(hook)
  })

  it('keeps US domestic politics out of the allied deck, notes included', () => {
    const allied = slides['allied-ministry']!
    for (const line of ['Trump', 'political dysfunction in Washington', 'shifting political dynamics in Washington']) {
      expect(allied).not.toContain(line)
      expect(slides['congressional-staff']).toContain(line)
    }
  })

  it('spells acronyms out where allies first meet them', () => {
    const text = visible(slides['allied-ministry']!)
    const expansions: [string, string][] = [
      ['CIA', 'Central Intelligence Agency'],
      ['NATO', 'North Atlantic Treaty Organization'],
    ]
    for (const [acronym, expansion] of expansions) {
      const first = text.indexOf(acronym)
      expect(first, acronym).toBeGreaterThan(0)
      expect(text.slice(0, first)).toContain(expansion)
    }
    expect(visible(slides['congressional-staff']!)).not.toContain('Central Intelligence Agency (CIA)')
  })

  it('marks both decks UNCLASSIFIED, releasable to the four partners, and as drafts', () => {
    for (const markdown of Object.values(slides)) {
      const headmatter = parseSync(markdown, 'slides.md').slides[0]!.frontmatter
      expect(headmatter['briefdeck']).toMatchObject({ banner: 'UNCLASSIFIED//REL TO USA, AUS, JPN, PHL', draft: true })
    }
  })

  it('rebuilds byte for byte, touching no file, when nothing changed', async () => {
    const files = await listFiles(out)
    const before = await Promise.all(
      files.map(
        async (file) => [file, await readFile(join(out, file), 'utf8'), (await stat(join(out, file))).mtimeMs] as const,
      ),
    )
    await buildBrief(briefPath, { outDir: out })
    const after = await Promise.all(
      files.map(
        async (file) => [file, await readFile(join(out, file), 'utf8'), (await stat(join(out, file))).mtimeMs] as const,
      ),
    )
    expect(after).toEqual(before)
    expect(await listFiles(out)).toEqual(files)

    const elsewhere = await mkdtemp(join(tmpdir(), 'briefdeck-pipeline-again-'))
    try {
      await buildBrief(briefPath, { outDir: elsewhere })
      expect(await listFiles(elsewhere)).toEqual(files)
      for (const file of files)
        expect(await readFile(join(elsewhere, file), 'utf8'), file).toBe(await readFile(join(out, file), 'utf8'))
    } finally {
      await rm(elsewhere, { recursive: true, force: true })
    }
  }, 60_000)
})

describe('briefdeck build', () => {
  // The options cac fills in for a plain `briefdeck build` without --pdf.
  const cliDefaults = { handoutLayout: '1up', paper: 'A4', pngScale: 1, check: true }

  it('prints each deck path and only the chosen audiences, and what it skipped', async () => {
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
    try {
      expect(await build([briefPath], { ...cliDefaults, audience: 'allied-ministry', out })).toBe(0)
      expect(log.mock.calls).toEqual([
        [`${join(out, 'pacific-alliances', 'allied-ministry', 'slides.md')} (unchanged, skipped)`],
      ])
    } finally {
      log.mockRestore()
    }
  })

  describe('with a brief of its own', () => {
    let briefRepo: string
    beforeAll(async () => {
      briefRepo = await mkdtemp(join(tmpdir(), 'briefdeck-brief-repo-'))
      await mkdir(join(briefRepo, 'briefs'))
      await writeFile(join(briefRepo, 'package.json'), '{}\n')
      await cp(join(repo, 'briefs', 'sources'), join(briefRepo, 'briefs', 'sources'), { recursive: true })
    })
    afterAll(() => rm(briefRepo, { recursive: true, force: true }))

    const writeBrief = (text: string) => writeFile(join(briefRepo, 'briefs', 'test.brief.yaml'), text)
    const header =
      'title: Test\nsources:\n  - id: pacific-defense-pact-2025\n    path: sources/pacific-defense-pact-2025.txt\n'

    it('reports orphaned overrides on stderr with the brief line, and still builds', async () => {
      await writeBrief(
        `${header}audiences: [congressional-staff]\noverrides:\n  pacific-defense-pact-2025:00000000:\n    drop: true\n`,
      )
      const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined)
      try {
        expect(
          await build([join(briefRepo, 'briefs', 'test.brief.yaml')], { ...cliDefaults, out: join(briefRepo, 'out') }),
        ).toBe(0)
        expect(error.mock.calls.map(([line]) => String(line))).toEqual([
          expect.stringMatching(
            /^briefdeck: warning: .*test\.brief\.yaml:7:3: override 'pacific-defense-pact-2025:00000000' is orphaned/,
          ),
        ])
        expect(log).toHaveBeenCalledTimes(1)
      } finally {
        error.mockRestore()
        log.mockRestore()
      }
    })

    it('names the brief line of an audience that has no profile', async () => {
      await writeBrief(`${header}audiences:\n  - congressional-staff\n  - press-corps\n`)
      const problem = await buildBrief(join(briefRepo, 'briefs', 'test.brief.yaml'), {
        outDir: join(briefRepo, 'out'),
      }).catch((error: unknown) => error)
      expect(problem).toBeInstanceOf(BriefdeckProblem)
      expect(formatPlace((problem as BriefdeckProblem).place)).toMatch(/test\.brief\.yaml:7:5$/)
      expect((problem as BriefdeckProblem).message).toMatch(
        /^unknown audience 'press-corps': there is no .*audiences\/press-corps\.yaml \(known: allied-ministry, congressional-staff\)$/,
      )
    })

    it('refuses --audience for an audience the brief does not have', async () => {
      await writeBrief(`${header}audiences: [congressional-staff]\n`)
      await expect(
        buildBrief(join(briefRepo, 'briefs', 'test.brief.yaml'), {
          audiences: ['allied-ministry'],
          outDir: join(briefRepo, 'out'),
        }),
      ).rejects.toThrow(
        new UsageError("'allied-ministry' is not one of the brief's audiences (congressional-staff)", '--audience'),
      )
    })

    it('names the file and line of a mistake in an audience profile', async () => {
      const templates = join(briefRepo, 'own-templates')
      await cp(join(repo, 'templates'), templates, { recursive: true })
      const profile = join(templates, 'audiences', 'congressional-staff.yaml')
      await writeFile(profile, (await readFile(profile, 'utf8')).replace('bulletsPerSlide: 4', 'bulletsPerSlide: four'))
      await writeBrief(`${header}audiences: [congressional-staff]\n`)
      const problem = await buildBrief(join(briefRepo, 'briefs', 'test.brief.yaml'), {
        outDir: join(briefRepo, 'out'),
        templatesDir: templates,
      }).catch((error: unknown) => error)
      expect(String(problem)).toMatch(
        /own-templates\/audiences\/congressional-staff\.yaml:\d+:\d+: limits\.bulletsPerSlide: must be a number, not text$/,
      )
    })

    it('uses the repository’s own templates when it has them', async () => {
      await writeBrief(`${header}audiences: [briefing-lite]\n`)
      await cp(join(repo, 'templates'), join(briefRepo, 'templates'), { recursive: true })
      const lite = (await readFile(join(repo, 'templates', 'audiences', 'allied-ministry.yaml'), 'utf8')).replace(
        'id: allied-ministry',
        'id: briefing-lite',
      )
      await writeFile(join(briefRepo, 'templates', 'audiences', 'briefing-lite.yaml'), lite)
      const built = await buildBrief(join(briefRepo, 'briefs', 'test.brief.yaml'), { outDir: join(briefRepo, 'out') })
      expect(built.decks.map((deck) => deck.audience)).toEqual(['briefing-lite'])
    })
  })
})

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true })
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
    .sort()
}
