import { describe, expect, it } from 'vitest'
import { fitBinary, fitChoice, linearScore } from '../../src/extract/learn.js'
import { ArgumentModel, shippedModel } from '../../src/extract/model.js'
import { counterFeatures, thesisFeatures } from '../../src/extract/features.js'

describe('fitting', () => {
  it('fitChoice learns which feature marks the chosen row of each group', () => {
    const groups = [
      {
        rows: [
          [1, 0],
          [0, 1],
          [0, 0],
        ],
        chosen: 1,
      },
      {
        rows: [
          [0, 1],
          [1, 0],
        ],
        chosen: 0,
      },
      {
        rows: [
          [1, 1],
          [1, 0],
        ],
        chosen: 0,
      },
    ]
    const model = fitChoice(['noise', 'signal'], groups)
    expect(model.weights['signal']).toBeGreaterThan(1)
    expect(model.weights['signal']).toBeGreaterThan(model.weights['noise']!)
    expect(model.bias).toBe(0)
  })

  it('fitBinary separates yes from no, and regularisation keeps weights small', () => {
    const rows = [[1], [1], [0], [0]]
    const labels = [true, true, false, false]
    const loose = fitBinary(['cue'], rows, labels, { l2: 0.001 })
    const tight = fitBinary(['cue'], rows, labels, { l2: 1 })
    expect(linearScore(loose, ['cue'], [1])).toBeGreaterThan(0)
    expect(linearScore(loose, ['cue'], [0])).toBeLessThan(0)
    expect(Math.abs(tight.weights['cue']!)).toBeLessThan(Math.abs(loose.weights['cue']!))
  })
})

describe('the shipped weights', () => {
  it('name only features the models have, and fit the schema', () => {
    expect(() => ArgumentModel.parse(shippedModel)).not.toThrow()
    for (const name of Object.keys(shippedModel.thesis.weights)) expect(thesisFeatures).toHaveProperty(name)
    for (const name of Object.keys(shippedModel.counterargument.weights)) expect(counterFeatures).toHaveProperty(name)
  })
})
