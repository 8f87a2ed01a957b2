import type { DeckPlan, SlidePlan } from '../model/index.js'

/** A slide by its 1-based number (as shown on the slide) or by its stable id. */
export function findSlide(plan: DeckPlan, ref: string): SlidePlan | undefined {
  const trimmed = ref.trim()
  return /^\d+$/.test(trimmed) ? plan.slides[Number(trimmed) - 1] : plan.slides.find((slide) => slide.id === trimmed)
}
