import { diffWords, type ChangeObject } from 'diff'
import type { DeckPlan, SlidePlan } from '../model/index.js'
import { slideContentHash, visibleContent } from './hash.js'

export type SlideChange =
  | { readonly kind: 'added'; readonly number: number; readonly slide: SlidePlan }
  | { readonly kind: 'removed'; readonly number: number; readonly slide: SlidePlan }
  | {
      readonly kind: 'changed'
      readonly number: number
      readonly slide: SlidePlan
      readonly words: readonly ChangeObject<string>[]
    }

export interface DeckDiff {
  readonly audience: string
  /** Slide counts before and after; null where the deck did not exist. */
  readonly before: number | null
  readonly after: number | null
  readonly changes: readonly SlideChange[]
  readonly unchanged: number
}

/**
 * Slide by slide, matched by stable slide id. "Changed" means exactly what
 * voids an approval (the content hash differs), so a reviewer re-reads
 * these slides and no others.
 */
export function diffDecks(from: readonly DeckPlan[], to: readonly DeckPlan[]): DeckDiff[] {
  const audiences = [...new Set([...from, ...to].map((plan) => plan.audience))]
  return audiences.map((audience) => {
    const before = from.find((plan) => plan.audience === audience)
    const after = to.find((plan) => plan.audience === audience)
    return diffDeck(audience, before?.slides ?? [], after?.slides ?? [], before !== undefined, after !== undefined)
  })
}

function diffDeck(
  audience: string,
  before: readonly SlidePlan[],
  after: readonly SlidePlan[],
  existedBefore: boolean,
  existsAfter: boolean,
): DeckDiff {
  const beforeById = new Map(before.map((slide, index) => [slide.id, { slide, number: index + 1 }]))
  const afterIds = new Set(after.map((slide) => slide.id))
  const changes: SlideChange[] = []
  let unchanged = 0
  after.forEach((slide, index) => {
    const old = beforeById.get(slide.id)
    const number = index + 1
    if (!old) changes.push({ kind: 'added', number, slide })
    else if (slideContentHash(old.slide) !== slideContentHash(slide)) {
      changes.push({ kind: 'changed', number, slide, words: diffWords(slideText(old.slide), slideText(slide)) })
    } else unchanged++
  })
  for (const [id, { slide, number }] of beforeById) {
    if (!afterIds.has(id)) changes.push({ kind: 'removed', number, slide })
  }
  return {
    audience,
    before: existedBefore ? before.length : null,
    after: existsAfter ? after.length : null,
    changes,
    unchanged,
  }
}

/** The slide as a reader sees it, one element per line, for a word-level diff. */
export function slideText(slide: SlidePlan): string {
  const content = visibleContent(slide)
  return [
    `# ${content.title}`,
    ...(content.lead ? [content.lead] : []),
    ...content.bullets.flatMap((bullet) => {
      const line = `- ${bullet.label ? `${bullet.label}: ` : ''}${bullet.text}`
      return bullet.detail ? [line, `  ${bullet.detail}`] : [line]
    }),
    ...content.citations.map((citation) => `[source] ${citation}`),
    `[layout ${content.layout}] [${content.banner}]`,
  ].join('\n')
}

export interface DiffFormatOptions {
  /** ANSI colours for a terminal; otherwise git's word-diff markers `[-old-]{+new+}`. */
  readonly color?: boolean
}

export function formatDeckDiffs(diffs: readonly DeckDiff[], options: DiffFormatOptions = {}): string {
  return diffs.map((diff) => formatDeckDiff(diff, options)).join('\n')
}

function formatDeckDiff(diff: DeckDiff, options: DiffFormatOptions): string {
  const counts = (['changed', 'added', 'removed'] as const).map(
    (kind) => `${diff.changes.filter((change) => change.kind === kind).length} ${kind}`,
  )
  const size = `${diff.before ?? 'no deck'} -> ${diff.after ?? 'no deck'} slides`
  const lines = [`${diff.audience} (${size}): ${[...counts, `${diff.unchanged} unchanged`].join(', ')}`]
  for (const change of diff.changes) {
    const mark = { added: '+', removed: '-', changed: '~' }[change.kind]
    lines.push(`  ${mark} slide ${change.number} ${change.slide.id} "${change.slide.title}" ${change.kind}`)
    const body = change.kind === 'changed' ? markWords(change.words, options) : slideText(change.slide)
    lines.push(...body.split('\n').map((line) => `      ${line}`))
  }
  return `${lines.join('\n')}\n`
}

const ansi = { removed: ['\u001b[31;9m', '\u001b[0m'], added: ['\u001b[32;4m', '\u001b[0m'] } as const
const markers = { removed: ['[-', '-]'], added: ['{+', '+}'] } as const

function markWords(words: readonly ChangeObject<string>[], options: DiffFormatOptions): string {
  const style = options.color ? ansi : markers
  return words
    .map((part) => {
      const kind = part.removed ? 'removed' : part.added ? 'added' : undefined
      return kind ? `${style[kind][0]}${part.value}${style[kind][1]}` : part.value
    })
    .join('')
}
