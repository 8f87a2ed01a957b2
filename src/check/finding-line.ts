// One line per finding, shared by the check report and the build's content warnings
// (which must not load the browser side of the check to print them).
import { isError, type CheckFinding } from '../model/index.js'

export function findingLine(finding: CheckFinding): string {
  const where =
    finding.slide === null ? 'deck' : `slide ${finding.slide}${finding.slideId ? ` (${finding.slideId})` : ''}`
  const severity = isError(finding) ? '' : 'warning '
  return `${where}: ${severity}[${finding.rule}] ${finding.message}`
}
