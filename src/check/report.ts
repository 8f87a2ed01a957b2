// The check report for people: deck by deck, one line per finding, with the
// slide number and id and the element, in the order a reader fixes them.
import { relative } from 'node:path'
import { plural } from '../shared/index.js'
import type { CheckFinding, CheckReport, DeckCheck } from '../model/index.js'

export function formatReport(report: CheckReport, cwd: string = process.cwd()): string {
  const lines = report.decks.flatMap((deck) => deckLines(deck, cwd))
  const problems = report.decks.reduce((sum, deck) => sum + deck.findings.length, 0)
  lines.push(
    report.ok
      ? 'check passed: every slide renders cleanly'
      : `check failed: ${problems} ${plural(problems, 'problem')}`,
  )
  return lines.join('\n')
}

function deckLines(deck: DeckCheck, cwd: string): string[] {
  const heading = `${deck.audience} (${relative(cwd, deck.slidesPath)}): ${deck.slides} ${plural(deck.slides, 'slide')}, `
  if (deck.findings.length === 0) return [`${heading}no problems`]
  return [
    `${heading}${deck.findings.length} ${plural(deck.findings.length, 'problem')}`,
    ...deck.findings.map((finding) => `  ${findingLine(finding)}`),
  ]
}

export function findingLine(finding: CheckFinding): string {
  const where =
    finding.slide === null ? 'deck' : `slide ${finding.slide}${finding.slideId ? ` (${finding.slideId})` : ''}`
  return `${where}: [${finding.rule}] ${finding.message}`
}
