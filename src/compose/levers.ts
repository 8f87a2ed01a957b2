import { textPatterns } from '../model/index.js'
import type { PlannedBullet } from './bullets.js'
import { plannedBullets } from './bullets.js'
import { matchesAny, type PoolBlock } from './pool.js'
import {
  byConfidence,
  canBeBullet,
  freeBlocks,
  markShown,
  wordLimit,
  type SectionContext,
  type SectionOf,
} from './section-context.js'

/**
 * The audience's levers (authorization, appropriations, oversight, ...), each
 * shown only with a source sentence that speaks to it: one under a heading
 * such as "Issues for Congress", or one that names the institution itself.
 * The bullet is the source's sentence; the profile adds only the lever's
 * name. With no such sentence the section is empty and has no slide.
 */
export function leverBullets(section: SectionOf<'levers'>, context: SectionContext): PlannedBullet[] {
  const headings = section.support.headings ? textPatterns(section.support.headings) : []
  const words = section.support.match ? textPatterns(section.support.match) : []
  const underHeading = (entry: PoolBlock) => entry.heading !== null && matchesAny([entry.heading], headings)
  const supported = freeBlocks(context).filter(
    (entry) =>
      section.kinds.includes(entry.block.kind) &&
      (underHeading(entry) || matchesAny([entry.sentence], words)) &&
      canBeBullet(entry),
  )
  // Sentences under the source's own heading speak most directly; then the most confident.
  const ranked = [...supported].sort((a, b) => Number(underHeading(b)) - Number(underHeading(a)) || byConfidence(a, b))
  const limit = wordLimit(section, context.profile)
  const taken = new Set<string>()
  const answers = section.levers.flatMap((lever) => {
    const patterns = textPatterns(lever.match)
    const answer = ranked.find((entry) => !taken.has(entry.sentence) && matchesAny([entry.sentence], patterns))
    if (!answer) return []
    taken.add(answer.sentence)
    return [{ lever, answer }]
  })
  if (answers.length < (section.minBullets ?? 1)) return []
  markShown(
    context,
    answers.map(({ answer }) => answer),
  )
  return answers.flatMap(({ lever, answer }) => plannedBullets(answer, limit, section.layout, { label: lever.label }))
}
