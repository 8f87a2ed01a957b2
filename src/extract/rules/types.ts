import type { BlockKind } from '../../model/index.js'
import type { UnitSite } from '../site.js'

/** What a rule says about a unit. */
export interface Finding {
  kind: BlockKind
  confidence: number
  /** The rule's name, as blocks report it. */
  rule: string
  cue?: string
}

export type Rule = (site: UnitSite) => Finding | undefined

/** Cues repeat (`should`, `However`); one string each keeps long texts small in memory. */
const cues = new Map<string, string>()

/** The first match of `pattern` in `text`, trimmed, for a finding's cue. */
export function cueOf(pattern: RegExp, text: string): string | undefined {
  const match = pattern.exec(text)?.[0]
  if (match === undefined) return undefined
  const cue = match.trim().replace(/\s+/g, ' ')
  const known = cues.get(cue)
  if (known !== undefined) return known
  if (cues.size < 10_000) cues.set(cue, cue)
  return cue
}
