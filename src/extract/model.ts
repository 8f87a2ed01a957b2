// The fitted argument models: their weights come from `weights.json`
// (written by bench/fit-extraction.mjs from the training corpus, never by
// hand), checked against this schema when the module loads.
import { z } from 'zod'
import { counterFeatures, featureVector, thesisFeatures, type Feature } from './features.js'
import { linearScore, type LinearModel } from './learn.js'
import type { UnitSite } from './site.js'
import shipped from './weights.json' with { type: 'json' }

const Linear = z.object({ bias: z.number(), weights: z.record(z.string(), z.number()) })

export const ArgumentModel = z.object({
  /** Where the weights came from: the corpus and the fitting options, for the record. */
  fittedOn: z.string(),
  /** Ranks the candidate units of a text; the best one is its thesis. */
  thesis: Linear,
  /** Says of each unit whether it states the other side's point. */
  counterargument: Linear.extend({ threshold: z.number().min(0).max(1) }),
})
export type ArgumentModel = z.infer<typeof ArgumentModel>

export const shippedModel: ArgumentModel = ArgumentModel.parse(shipped)

/** A model's verdict on one unit: its score and the features that pushed it up most. */
export interface Verdict {
  score: number
  cues: string[]
}

export function thesisVerdict(model: ArgumentModel, site: UnitSite): Verdict {
  return verdict(model.thesis, thesisFeatures, site)
}

export function counterVerdict(model: ArgumentModel, site: UnitSite): Verdict {
  return verdict(model.counterargument, counterFeatures, site)
}

function verdict(model: LinearModel, features: Readonly<Record<string, Feature>>, site: UnitSite): Verdict {
  const names = Object.keys(features)
  const vector = featureVector(features, site)
  const contributions = names
    .map((name, i) => ({ name, value: (model.weights[name] ?? 0) * vector[i]! }))
    .filter((contribution) => contribution.value > 0.25)
    .sort((a, b) => b.value - a.value)
  return { score: linearScore(model, names, vector), cues: contributions.slice(0, 3).map(({ name }) => name) }
}
