// The check report for people: deck by deck, one line per finding, with the
// slide number and id and the element, in the order a reader fixes them.
import { isError, type CheckReport, type DeckCheck } from '../model/index.js'
import { plural, shownPath } from '../shared/index.js'
import { findingLine } from './finding-line.js'

export function formatReport(report: CheckReport, cwd: string = process.cwd()): string {
  const lines = report.decks.flatMap((deck) => deckLines(deck, cwd))
  const findings = report.decks.flatMap((deck) => deck.findings)
  const problems = findings.filter(isError).length
  const warnings = findings.length - problems
  const warned = warnings > 0 ? ` (${warnings} ${plural(warnings, 'warning')})` : ''
  lines.push(
    report.ok
      ? `check passed: every slide renders cleanly${warned}`
      : `check failed: ${problems} ${plural(problems, 'problem')}${warned}`,
  )
  return lines.join('\n')
}

function deckLines(deck: DeckCheck, cwd: string): string[] {
  const heading = `${deck.audience} (${shownPath(deck.slidesPath, cwd)}): ${deck.slides} ${plural(deck.slides, 'slide')}, `
  if (deck.findings.length === 0) return [`${heading}no problems`]
  return [
    `${heading}${deck.findings.length} ${plural(deck.findings.length, 'problem')}`,
    ...deck.findings.map((finding) => `  ${findingLine(finding)}`),
  ]
}

export { findingLine }
