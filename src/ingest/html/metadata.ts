// A web page's metadata from its head and markup: JSON-LD (headline,
// datePublished, author, publisher), Open Graph and `article:` meta tags,
// `<meta name=author>`, `<title>`, `<time datetime>`. JSON-LD is parsed as
// data, never run.
import type { Root } from 'hast'
import type { MetadataFields } from '../blocks.js'
import { dateValue, splitAuthors } from '../labels.js'
import { elements, rawText } from './tree.js'

export function pageMetadata(tree: Root): MetadataFields {
  const meta = new Map<string, string>()
  const linkedData: unknown[] = []
  let title: string | undefined
  let time: string | undefined
  for (const node of elements(tree)) {
    switch (node.tagName) {
      case 'meta': {
        const key = String(node.properties['property'] ?? node.properties['name'] ?? node.properties['itemProp'] ?? '')
        const content = node.properties['content']
        if (key && typeof content === 'string' && content.trim() !== '' && !meta.has(key.toLowerCase()))
          meta.set(key.toLowerCase(), content.trim())
        break
      }
      case 'title':
        title ??= rawText(node).trim()
        break
      case 'time':
        time ??= typeof node.properties['dateTime'] === 'string' ? node.properties['dateTime'] : undefined
        break
      case 'script':
        if (String(node.properties['type'] ?? '').toLowerCase() === 'application/ld+json')
          linkedData.push(...parsedJson(rawText(node)))
        break
    }
  }
  const article = articleOf(linkedData)
  const fields: MetadataFields = {}
  const headline =
    text(article?.['headline']) ?? text(article?.['name']) ?? meta.get('og:title') ?? meta.get('twitter:title') ?? title
  if (headline) fields.title = headline
  const description = text(article?.['alternativeHeadline'])
  if (description) fields.subtitle = description
  const date =
    text(article?.['datePublished']) ??
    meta.get('article:published_time') ??
    meta.get('datepublished') ??
    meta.get('date') ??
    meta.get('pubdate') ??
    meta.get('dc.date') ??
    time
  const iso = date ? dateValue(date) : undefined
  if (iso) fields.date = iso
  const authors = personNames(article?.['author'])
  const metaAuthor = meta.get('author') ?? meta.get('article:author') ?? meta.get('dc.creator')
  if (authors.length > 0) fields.authors = authors
  else if (metaAuthor && !/^https?:/.test(metaAuthor)) fields.authors = splitAuthors(metaAuthor)
  const publisher = personNames(article?.['publisher'])[0] ?? meta.get('og:site_name')
  if (publisher) fields.publisher = publisher
  const url = text(article?.['url']) ?? meta.get('og:url')
  if (url && /^https?:\/\//.test(url)) fields.url = url
  const type = text(article?.['@type'])
  if (type) fields.documentType = type
  return fields
}

/** The JSON values of a script's text; a broken one gives none. */
function parsedJson(source: string): unknown[] {
  try {
    const value: unknown = JSON.parse(source)
    return Array.isArray(value) ? value : [value]
  } catch {
    return []
  }
}

type Json = Record<string, unknown>

/** The first JSON-LD object (or `@graph` entry) that is an article of some kind. */
function articleOf(values: unknown[]): Json | undefined {
  const objects = values.flatMap((value) => {
    if (!value || typeof value !== 'object') return []
    const graph = (value as Json)['@graph']
    return Array.isArray(graph) ? [value as Json, ...(graph as Json[])] : [value as Json]
  })
  return objects.find((object) => {
    const type = object['@type']
    const types = Array.isArray(type) ? type : [type]
    return types.some((t) => typeof t === 'string' && /article|posting|report|blog/i.test(t))
  })
}

function text(value: unknown): string | undefined {
  if (Array.isArray(value)) return text(value[0])
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined
}

/** `author` as JSON-LD gives it: a string, a Person, or a list of either. */
function personNames(value: unknown): string[] {
  const values = Array.isArray(value) ? value : value === undefined ? [] : [value]
  return values.flatMap((entry) => {
    if (typeof entry === 'string') return /^https?:/.test(entry) ? [] : splitAuthors(entry)
    if (entry && typeof entry === 'object' && typeof (entry as Json)['name'] === 'string')
      return [((entry as Json)['name'] as string).trim()].filter(Boolean)
    return []
  })
}
