// A deck that brings JSX of its own (a repository's theme may): the print
// build loads Vue's JSX plugin for it, which it leaves out for decks without
// any (slidev-hooks.ts), and the component's text reaches the PDF.
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { exportAndCheckDecks } from '../../src/check/index.js'
import type { CheckReport, ExportedDeck } from '../../src/model/index.js'
import { pdfPages } from '../export/pdf-probe.js'
import { copyFixtureDeck } from '../fixtures/decks/index.js'

const component = `import { defineComponent } from 'vue'

export default defineComponent(() => () => <p class="jsx-note">Drawn by a JSX component.</p>)
`

let root: string
let exported: ExportedDeck[]
let report: CheckReport

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'briefdeck-jsx-'))
  const deck = await copyFixtureDeck('sample', root)
  await mkdir(join(deck.dir, 'components'))
  await writeFile(join(deck.dir, 'components', 'JsxNote.tsx'), component)
  const slides = await readFile(deck.slidesPath, 'utf8')
  await writeFile(
    deck.slidesPath,
    slides.replace('# Bottom line up front\n', '# Bottom line up front\n\n<JsxNote />\n'),
  )
  ;({ exported, report } = await exportAndCheckDecks([deck], { quiet: true }))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

it("prints the deck's JSX component on its slide, with no page error", () => {
  expect(pdfPages(exported[0]!.pdf.path)[1]).toContain('Drawn by a JSX component.')
  expect(report.decks[0]!.findings.filter((finding) => finding.rule === 'page-error')).toEqual([])
})
