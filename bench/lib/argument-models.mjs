// Fitting the argument models on an annotated corpus of argumentative texts
// (arg-microtexts: a .txt and an .xml of its argument graph per text), shared
// by scripts/fit-extraction.mjs (fits on everything and writes the weights
// file) and bench/extract.mjs (cross-validation). Needs `npm run build`.
import { readFileSync, readdirSync } from 'node:fs'
import { basename, join } from 'node:path'

const dist = new URL('../../dist/', import.meta.url)
const { ingest } = await import(new URL('ingest/index.js', dist).href)
const extraction = await import(new URL('extract/index.js', dist).href)
const { argumentSites, chooseThesis, thesisCandidates, featureVector, thesisFeatures, counterFeatures } = extraction
const { fitChoice, fitBinary, sigmoid } = extraction

/** The regularisation and the optimiser's settings; chosen once, recorded in the weights file. */
export const fitOptions = { l2: 0.02, iterations: 1500, learningRate: 0.5 }

const decode = (text) =>
  text
    .replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, '$1')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")

/**
 * The gold spans of a text, read as the shared scorer reads them: the central
 * claim (the argument unit with no outgoing edge) and the opponent's units.
 */
export function goldSpans(xml, text) {
  const edus = [...xml.matchAll(/<edu id="([^"]+)"[^>]*>([\s\S]*?)<\/edu>/g)].map((m) => ({
    id: m[1],
    text: decode(m[2]).trim(),
  }))
  const adus = [...xml.matchAll(/<adu id="([^"]+)" type="([^"]+)"/g)].map((m) => ({ id: m[1], type: m[2] }))
  const edges = [...xml.matchAll(/<edge id="([^"]+)" src="([^"]+)" trg="([^"]+)" type="([^"]+)"/g)].map((m) => ({
    src: m[2],
    trg: m[3],
    type: m[4],
  }))
  let cursor = 0
  const span = new Map()
  for (const edu of edus) {
    let at = text.indexOf(edu.text, cursor)
    if (at < 0) at = text.indexOf(edu.text)
    if (at < 0) continue
    span.set(edu.id, [at, at + edu.text.length])
    cursor = at + edu.text.length
  }
  const edusOf = new Map()
  for (const edge of edges) if (edge.type === 'seg') edusOf.set(edge.trg, [...(edusOf.get(edge.trg) ?? []), edge.src])
  const hasOutgoing = new Set(edges.filter((edge) => edge.type !== 'seg').map((edge) => edge.src))
  const spansOf = (adu) => (edusOf.get(adu) ?? []).map((edu) => span.get(edu)).filter(Boolean)
  const root = adus.find((adu) => !hasOutgoing.has(adu.id))
  return {
    thesis: root ? spansOf(root.id) : [],
    opp: adus.filter((adu) => adu.type === 'opp').flatMap((adu) => spansOf(adu.id)),
  }
}

/** Every text of the corpus, ingested, with its gold spans. */
export function loadCorpus(dir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const file = join(dir, name)
      const text = readFileSync(file, 'utf8')
      const xml = readFileSync(file.replace(/\.txt$/, '.xml'), 'utf8')
      const document = ingest(text, { file })
      // The topic the writers were given stands in for a title, so that the title feature has something to learn from.
      const topic = /topic_id="([^"]+)"/.exec(xml)?.[1]
      if (topic) document.metadata.title = topic.replace(/_/g, ' ')
      return { file, name: basename(file), document, gold: goldSpans(xml, text) }
    })
}

const overlap = (a, b) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]))
/** The scorer's tests: a thesis covers half the gold claim; a counterargument overlaps half the shorter span. */
const coversThesis = (site, gold) => gold.some((g) => overlap([site.unit.start, site.unit.end], g) * 2 >= g[1] - g[0])
const isOpponent = (site, gold) =>
  gold.some(
    (g) => overlap([site.unit.start, site.unit.end], g) * 2 >= Math.min(site.unit.end - site.unit.start, g[1] - g[0]),
  )

/** Fits both models on `texts`: the thesis ranker first, then the counterargument model given its choices. */
export function fitModels(texts, corpusName) {
  const thesisNames = Object.keys(thesisFeatures)
  const counterNames = Object.keys(counterFeatures)
  const prepared = texts.map((text) => ({ ...text, sites: argumentSites(text.document) }))
  const groups = []
  for (const { sites, gold } of prepared) {
    const candidates = thesisCandidates(sites)
    const chosen = candidates.findIndex((site) => coversThesis(site, gold.thesis))
    if (chosen >= 0) groups.push({ rows: candidates.map((site) => featureVector(thesisFeatures, site)), chosen })
  }
  const thesis = fitChoice(thesisNames, groups, fitOptions)
  const partial = { fittedOn: corpusName, thesis, counterargument: { bias: 0, weights: {}, threshold: 0.5 } }
  const rows = []
  const labels = []
  for (const { sites, gold } of prepared) {
    const chosen = chooseThesis(sites, partial)
    for (const site of sites) {
      site.thesis = chosen?.site.index
      rows.push(featureVector(counterFeatures, site))
      labels.push(isOpponent(site, gold.opp))
    }
  }
  const counter = fitBinary(counterNames, rows, labels, fitOptions)
  const threshold = bestThreshold(counter, counterNames, rows, labels)
  return { fittedOn: `${corpusName}; L2 ${fitOptions.l2}`, thesis, counterargument: { ...counter, threshold } }
}

/** The probability threshold with the best F1 on the training rows, from 0.3 to 0.7. */
function bestThreshold(model, names, rows, labels) {
  const probabilities = rows.map((row) =>
    sigmoid(model.bias + row.reduce((sum, value, i) => sum + (model.weights[names[i]] ?? 0) * value, 0)),
  )
  let best = { threshold: 0.5, f1: -1 }
  for (let threshold = 0.3; threshold <= 0.701; threshold += 0.05) {
    let tp = 0
    let predicted = 0
    let actual = 0
    probabilities.forEach((p, r) => {
      const yes = p >= threshold
      predicted += yes ? 1 : 0
      actual += labels[r] ? 1 : 0
      tp += yes && labels[r] ? 1 : 0
    })
    const f1 = predicted && actual ? (2 * tp) / (predicted + actual) : 0
    if (f1 > best.f1) best = { threshold: Math.round(threshold * 100) / 100, f1 }
  }
  return best.threshold
}
