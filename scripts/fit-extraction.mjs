#!/usr/bin/env node
// Fits the argument models on all of arg-microtexts part 1 (beside the
// repository, in ../shared/bench/microtexts/en) and writes their named
// feature weights to src/extract/weights.json. Run `npm run build` first;
// rebuild afterwards so that dist/ ships the new weights. No corpus text
// enters the weights file: only feature names and numbers.
import { writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { fitModels, loadCorpus } from '../bench/lib/argument-models.mjs'

const corpus = fileURLToPath(new URL('../../shared/bench/microtexts/en', import.meta.url))
const output = fileURLToPath(new URL('../src/extract/weights.json', import.meta.url))
const texts = loadCorpus(corpus)
const model = fitModels(texts, `arg-microtexts part 1 (${texts.length} texts)`)
writeFileSync(output, `${JSON.stringify(model, null, 2)}\n`)
console.log(
  `wrote ${output}: ${Object.keys(model.thesis.weights).length} thesis and ${Object.keys(model.counterargument.weights).length} counterargument weights`,
)
