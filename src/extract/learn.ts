// Fitting the weights of the extraction models: plain L2-regularised
// logistic regression, by full-batch gradient descent (the data are a few
// thousand rows of a few dozen features, so nothing cleverer is needed).
//
// Two shapes of the same model: `fitChoice` fits one choice per group (the
// thesis of a text: a softmax over its units, the conditional logit), and
// `fitBinary` fits a yes/no per row (is this unit a counterargument).

/** Named feature weights and a bias: the data the shipped weights file holds per model. */
export interface LinearModel {
  bias: number
  weights: Record<string, number>
}

export interface FitOptions {
  /** L2 penalty on the weights (not the bias), per row. */
  l2: number
  iterations: number
  learningRate: number
}

const defaults: FitOptions = { l2: 0.01, iterations: 2000, learningRate: 0.5 }

/** The model's score for one feature vector (names in the same order as the vector). */
export function linearScore(model: LinearModel, names: readonly string[], vector: readonly number[]): number {
  let score = model.bias
  for (let i = 0; i < names.length; i++) score += (model.weights[names[i]!] ?? 0) * vector[i]!
  return score
}

export function sigmoid(score: number): number {
  return 1 / (1 + Math.exp(-score))
}

/** A group of rows of which exactly one (`chosen`) is the right choice. */
export interface ChoiceGroup {
  rows: readonly (readonly number[])[]
  chosen: number
}

/** Fits a conditional logit: maximises, over groups, the softmax probability of the chosen row. */
export function fitChoice(names: readonly string[], groups: readonly ChoiceGroup[], options: Partial<FitOptions> = {}) {
  const { l2, iterations, learningRate } = { ...defaults, ...options }
  const weights = new Array<number>(names.length).fill(0)
  for (let step = 0; step < iterations; step++) {
    const gradient = weights.map((weight) => l2 * weight)
    for (const { rows, chosen } of groups) {
      const scores = rows.map((row) => dot(weights, row))
      const top = Math.max(...scores)
      const exps = scores.map((score) => Math.exp(score - top))
      const total = exps.reduce((sum, value) => sum + value, 0)
      rows.forEach((row, r) => {
        const residual = exps[r]! / total - (r === chosen ? 1 : 0)
        for (let i = 0; i < names.length; i++) gradient[i]! += (residual * row[i]!) / groups.length
      })
    }
    for (let i = 0; i < names.length; i++) weights[i]! -= learningRate * gradient[i]!
  }
  // A softmax has no use for a bias: it is the same for every row of a group.
  return named(names, weights, 0)
}

/** Fits a binary logistic regression: `labels[r]` says whether row r is a yes. */
export function fitBinary(
  names: readonly string[],
  rows: readonly (readonly number[])[],
  labels: readonly boolean[],
  options: Partial<FitOptions> = {},
): LinearModel {
  const { l2, iterations, learningRate } = { ...defaults, ...options }
  const weights = new Array<number>(names.length).fill(0)
  let bias = 0
  for (let step = 0; step < iterations; step++) {
    const gradient = weights.map((weight) => l2 * weight)
    let biasGradient = 0
    rows.forEach((row, r) => {
      const residual = sigmoid(bias + dot(weights, row)) - (labels[r] ? 1 : 0)
      biasGradient += residual / rows.length
      for (let i = 0; i < names.length; i++) gradient[i]! += (residual * row[i]!) / rows.length
    })
    bias -= learningRate * biasGradient
    for (let i = 0; i < names.length; i++) weights[i]! -= learningRate * gradient[i]!
  }
  return named(names, weights, bias)
}

function dot(weights: readonly number[], row: readonly number[]): number {
  let sum = 0
  for (let i = 0; i < weights.length; i++) sum += weights[i]! * row[i]!
  return sum
}

/** Weights rounded to three decimals: the file stays small and diffs stay readable. */
function named(names: readonly string[], weights: readonly number[], bias: number): LinearModel {
  const round = (value: number) => Math.round(value * 1000) / 1000
  return { bias: round(bias), weights: Object.fromEntries(names.map((name, i) => [name, round(weights[i]!)])) }
}
