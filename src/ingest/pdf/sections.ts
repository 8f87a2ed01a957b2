// Sections that are not the document's text: a disclaimer or copyright notice, the authors'
// contact information. Recognised by their heading; they run to the next heading of their level.
import type { FurnitureKind } from './types.js'
import type { Block } from './blocks.js'

const boilerplateHeadings: [RegExp, FurnitureKind][] = [
  [/^(?:disclaimers?|copyright(?: notice)?|legal notices?|terms of use|important notice)$/i, 'disclaimer'],
  [
    /^(?:about the authors?|authors?|author(?:s|'s)? (?:contact )?information|contributors?|author contacts?|contacts?)$/i,
    'contact',
  ],
]

/** Heading depths from type size: the largest size is depth 1. */
export function headingDepths(blocks: Block[]): Map<Block, 1 | 2 | 3 | 4 | 5 | 6> {
  const headings = blocks.filter((block) => block.kind === 'heading')
  const sizes: number[] = []
  for (const size of headings.map((block) => block.lines[0]!.size).sort((a, b) => b - a)) {
    if (!sizes.some((other) => Math.abs(other - size) < 0.5)) sizes.push(size)
  }
  const depths = new Map<Block, 1 | 2 | 3 | 4 | 5 | 6>()
  for (const block of headings) {
    const rank = sizes.findIndex((size) => Math.abs(size - block.lines[0]!.size) < 0.5)
    depths.set(block, Math.min(6, rank + 1) as 1 | 2 | 3 | 4 | 5 | 6)
  }
  return depths
}

/** Marks boilerplate sections as furniture; returns the blocks of each contact section. */
export function markBoilerplate(blocks: Block[], depths: Map<Block, number>): Block[][] {
  const contacts: Block[][] = []
  for (let i = 0; i < blocks.length; i++) {
    const heading = blocks[i]!
    const kind = heading.kind === 'heading' ? boilerplateKind(heading.text) : undefined
    if (!kind) continue
    const depth = depths.get(heading) ?? 6
    const section: Block[] = []
    let j = i + 1
    for (; j < blocks.length; j++) {
      const block = blocks[j]!
      if (block.kind === 'heading' && (depths.get(block) ?? 6) <= depth) break
      if (block.kind === 'furniture' || block.kind === 'footnote') continue
      section.push(block)
    }
    for (const block of [heading, ...section]) toFurniture(block, kind)
    if (kind === 'contact') contacts.push(section)
    i = j - 1
  }
  return contacts
}

function boilerplateKind(text: string): FurnitureKind | undefined {
  const title = text.trim().replace(/[:.]$/, '')
  return boilerplateHeadings.find(([pattern]) => pattern.test(title))?.[1]
}

export function toFurniture(block: Block, furniture: FurnitureKind): void {
  block.kind = 'furniture'
  block.furniture = furniture
}
