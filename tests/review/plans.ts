import type { DeckPlan, SlidePlan } from '../../src/model/index.js'

/** A small hand-made deck: cover, BLUF and two bullet slides whose blocks come from one source. */
export function samplePlan(audience = 'congressional-staff'): DeckPlan {
  return {
    brief: 'sample',
    audience,
    title: 'Pacific alliances',
    marking: { classification: 'UNCLASSIFIED', handling: [] },
    draft: true,
    slides: [
      slide('cover', 'cover', 'Pacific alliances', []),
      slide('bluf', 'bluf', 'Bottom line up front', [
        ['A formal Pacific defense pact would deter aggression.', 'pact:0000000a'],
      ]),
      slide('key-points-1', 'bullets', 'Key points', [
        ['Japan is raising its defense budget.', 'pact:0000000b'],
        ['The Philippines is modernising its forces.', 'pact:0000000c'],
      ]),
      slide('key-points-2', 'bullets', 'Key points (cont.)', [
        ['Australia is reassessing its priorities.', 'pact:0000000d'],
      ]),
    ],
  }
}

function slide(id: string, layout: SlidePlan['layout'], title: string, bullets: [string, string][]): SlidePlan {
  return {
    id,
    section: id.replace(/-\d+$/, ''),
    layout,
    title,
    bullets: bullets.map(([text, blockId]) => ({ text, blockIds: [blockId] })),
    notes: bullets.map(([text, blockId]) => `${text} (${blockId})`),
    blockIds: bullets.map(([, blockId]) => blockId),
    citations:
      bullets.length > 0
        ? [
            {
              sourceId: 'pact',
              title: 'The Imperative for a Collective Defense Pact in Asia',
              date: '2025-05-30',
              author: null,
              url: null,
            },
          ]
        : [],
    marking: { classification: 'UNCLASSIFIED', handling: [] },
  }
}

/** The same plan with one slide replaced through `change`. */
export function withSlide(plan: DeckPlan, id: string, change: (slide: SlidePlan) => SlidePlan): DeckPlan {
  return { ...plan, slides: plan.slides.map((slide) => (slide.id === id ? change(slide) : slide)) }
}
