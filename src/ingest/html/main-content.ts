// The main content of a saved web page, by rules over hast in the manner of
// Readability: drop what is never content (scripts, navigation, asides,
// share bars, cookie banners, hidden nodes), score the blocks of text by
// length, commas and link density, add their scores to their ancestors with
// class and id hints, take the best ancestor with the siblings that score
// near it, then clean what it holds of link lists and boilerplate.
import type { Element, ElementContent, Root } from 'hast'
import type { NoiseKind } from '../../model/index.js'
import { classAndId, rawText } from './tree.js'

/** What was set aside as chrome, with the kind its markup names, for the reader to see. */
export interface RemovedChrome {
  kind: NoiseKind
  text: string
}

/** Elements whose text is never shown or never read as text. */
const silent: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'link',
  'meta',
  'head',
  'img',
  'source',
  'iframe',
  'object',
  'embed',
  'picture',
  'video',
  'audio',
  'map',
])

const chromeKinds: ReadonlyArray<[RegExp, NoiseKind]> = [
  [/cookie|consent|gdpr/, 'cookie-banner'],
  [/share|sharing|social/, 'share'],
  [/related|recirc|recommend|most-(popular|read)|trending|outbrain|taboola/, 'related'],
  [/comment|repl(y|ies)|disqus/, 'comments'],
  [/\bads?\b|-ad-|advert|sponsor|promo/, 'advertisement'],
  [/byline|author/, 'byline'],
  [/caption|credit/, 'caption'],
  [/newsletter|subscri|signup|paywall/, 'boilerplate'],
  [/nav|menu|breadcrumb|pagination|pager|toolbar|header|masthead/, 'navigation'],
  [/footer/, 'boilerplate'],
]

/** The kind of chrome an element is, from its tag, role, class and id. */
function chromeKind(element: Element): NoiseKind {
  const hints = `${element.tagName} ${String(element.properties['role'] ?? '')} ${classAndId(element)}`
  if (element.tagName === 'figcaption' || element.tagName === 'figure') return 'caption'
  if (element.tagName === 'aside') return /related|recirc|recommend/.test(hints) ? 'related' : 'other'
  return chromeKinds.find(([pattern]) => pattern.test(hints))?.[1] ?? 'other'
}

/** Elements that never carry article text. */
const neverContent: ReadonlySet<string> = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'form',
  'button',
  'input',
  'select',
  'textarea',
  'nav',
  'aside',
  'footer',
  'dialog',
  'figure',
  'figcaption',
  'picture',
  'video',
  'audio',
  'map',
  'link',
  'meta',
  'head',
  'img',
  'source',
])

/** ARIA roles of page chrome. */
const chromeRoles = /^(navigation|banner|complementary|contentinfo|dialog|alertdialog|menu|menubar|search|toolbar)$/

/** Class and id words of page chrome (Readability's list, with share bars, cookie banners and recirculation added). */
const unlikely =
  /-ad-|\bads?\b|ad-slot|advert|agegate|banner|breadcrumb|byline|caption|combx|comment|community|consent|cookie|cover-wrap|credit|disqus|extra|footer|gdpr|header|hidden|legends|masthead|menu|modal|most-(popular|read)|newsletter|outbrain|pagination|pager|paywall|popup|promo|recirc|recommend|related|remark|replies|rss|share|sharing|shoutbox|sidebar|signup|skip|skyscraper|social|sponsor|subscri|supplemental|tags?\b|taboola|toolbar|topics|trending|widget|yom-remote/
/** Words that keep an element whose other words look unlikely (`article-header` is not chrome if it holds the text). */
const maybe = /and|article|body|column|content|main|shadow|story|post-text|entry/
const positive = /article|body|content|entry|hentry|h-entry|main|page|pagination|post|text|blog|story|prose/
const negative =
  /-ad-|hidden|^hid$| hid$| hid |^hid |banner|combx|comment|com-|contact|footer|gdpr|masthead|media|meta|outbrain|promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|widget|newsletter|cookie|social|caption|credit/

const blockTags: ReadonlySet<string> = new Set([
  'address',
  'article',
  'blockquote',
  'dl',
  'div',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'ul',
  'main',
  'header',
])

interface Stats {
  /** Characters of text, white space collapsed. */
  length: number
  /** Characters of text inside links. */
  linkLength: number
  commas: number
}

/** The element holding the page's article, cleaned (the body when nothing scores), and the chrome set aside. */
export function mainContent(tree: Root): { content: Element; removed: RemovedChrome[] } {
  const body = findBody(tree)
  const removed: RemovedChrome[] = []
  removeChrome(body, removed)
  const stats = new Map<Element, Stats>()
  const statsOf = (element: Element) => cachedStats(element, stats)
  const scores = scoreCandidates(body, statsOf)
  const top = bestCandidate(scores, statsOf) ?? body
  const content = withSiblings(top, scores, statsOf, parentMap(body))
  cleanConditionally(content, statsOf, removed)
  unwrapLayoutTables(content)
  return { content, removed }
}

function setAside(element: Element, removed: RemovedChrome[]): void {
  if (silent.has(element.tagName)) return
  const text = rawText(element).replace(/\s+/g, ' ').trim()
  if (text !== '') removed.push({ kind: chromeKind(element), text })
}

/**
 * Tables used for page layout (their cells hold paragraphs or long prose)
 * become plain boxes, so that the article in them reads as paragraphs, not
 * as one table row.
 */
function unwrapLayoutTables(element: Element): void {
  element.children = element.children.flatMap((child): ElementContent[] => {
    if (child.type !== 'element') return [child]
    unwrapLayoutTables(child)
    if (!['table', 'tbody', 'thead', 'tr', 'td', 'th'].includes(child.tagName) || !isLayoutTable(child)) return [child]
    return [{ type: 'element', tagName: 'div', properties: {}, children: child.children }]
  })
}

function isLayoutTable(table: Element): boolean {
  for (const inner of descendants(table)) {
    if (['p', 'div', 'table', 'h1', 'h2', 'h3', 'ul', 'ol', 'br'].includes(inner.tagName)) return true
  }
  return textOf(table).length > 400 && !descendantsOf(table, 'tr').some((row) => descendantsOf(row, 'td').length > 1)
}

function descendantsOf(element: Element, tag: string): Element[] {
  return [...descendants(element)].filter((inner) => inner.tagName === tag)
}

function findBody(tree: Root): Element {
  for (const child of tree.children) {
    if (child.type !== 'element') continue
    if (child.tagName === 'body') return child
    if (child.tagName === 'html') {
      const body = child.children.find((c): c is Element => c.type === 'element' && c.tagName === 'body')
      if (body) return body
    }
  }
  return { type: 'element', tagName: 'body', properties: {}, children: tree.children as ElementContent[] }
}

/** Drops elements that are never content, hidden ones, and those whose class or id names chrome. */
function removeChrome(element: Element, removed: RemovedChrome[]): void {
  element.children = element.children.filter((child) => {
    if (child.type === 'comment') return false
    if (child.type !== 'element') return true
    if (isChrome(child)) {
      setAside(child, removed)
      return false
    }
    removeChrome(child, removed)
    return true
  })
}

function isChrome(element: Element): boolean {
  if (neverContent.has(element.tagName)) return true
  const properties = element.properties
  if (properties['hidden'] !== undefined && properties['hidden'] !== false) return true
  if (String(properties['ariaHidden'] ?? '') === 'true') return true
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(String(properties['style'] ?? ''))) return true
  if (chromeRoles.test(String(properties['role'] ?? ''))) return true
  if (element.tagName === 'header') return true
  if (element.tagName === 'body' || element.tagName === 'article' || element.tagName === 'main') return false
  const hints = classAndId(element)
  if (hints.trim() === '' || !unlikely.test(hints) || maybe.test(hints)) return false
  return readersWrote.test(hints) || !holdsProse(element)
}

/** Readers' comments are prose too, but never the article. */
const readersWrote = /comment|repl(y|ies)|discussion|disqus/

/**
 * Whether an element holds runs of prose: paragraphs of some length with few
 * links. Chrome (share bars, related links, banners) never does, so a class
 * name such as `page-ad-margins` on a wrapper of the article does not drop it.
 */
function holdsProse(element: Element): boolean {
  let prose = 0
  for (const inner of descendants(element)) {
    if (inner.tagName !== 'p') continue
    const text = textOf(inner)
    if (text.length >= 80 && /[.!?]/.test(text)) prose += text.length
    if (prose >= 500) return true
  }
  return false
}

function cachedStats(element: Element, cache: Map<Element, Stats>): Stats {
  const cached = cache.get(element)
  if (cached) return cached
  const stats: Stats = { length: 0, linkLength: 0, commas: 0 }
  for (const child of element.children) {
    if (child.type === 'text') {
      const text = child.value.replace(/\s+/g, ' ')
      stats.length += text.trim() === '' ? (text === '' ? 0 : 1) : text.length
      stats.commas += (text.match(/[,，、]/g) ?? []).length
    } else if (child.type === 'element') {
      const inner = cachedStats(child, cache)
      stats.length += inner.length
      stats.commas += inner.commas
      stats.linkLength += child.tagName === 'a' ? inner.length : inner.linkLength
    }
  }
  cache.set(element, stats)
  return stats
}

function linkDensity(stats: Stats): number {
  return stats.length === 0 ? 0 : stats.linkLength / stats.length
}

function classWeight(element: Element): number {
  const hints = classAndId(element)
  if (hints.trim() === '') return 0
  let weight = 0
  if (negative.test(hints)) weight -= 25
  if (positive.test(hints)) weight += 25
  return weight
}

function initialScore(element: Element): number {
  const byTag: Record<string, number> = {
    div: 5,
    article: 10,
    main: 5,
    section: 3,
    pre: 3,
    td: 3,
    blockquote: 3,
    address: -3,
    ol: -3,
    ul: -3,
    dl: -3,
    dd: -3,
    dt: -3,
    li: -3,
    form: -3,
    h1: -5,
    h2: -5,
    h3: -5,
    h4: -5,
    h5: -5,
    h6: -5,
    th: -5,
  }
  return (byTag[element.tagName] ?? 0) + classWeight(element)
}

/** A paragraph-like element: a `p`, `pre` or `td`, or a `div` with no block inside. */
function isParagraphLike(element: Element): boolean {
  if (element.tagName === 'p' || element.tagName === 'pre' || element.tagName === 'td') return true
  if (element.tagName !== 'div' && element.tagName !== 'section') return false
  return !element.children.some((child) => child.type === 'element' && blockTags.has(child.tagName))
}

function scoreCandidates(body: Element, statsOf: (element: Element) => Stats): Map<Element, number> {
  const scores = new Map<Element, number>()
  const walk = (element: Element, ancestors: Element[]) => {
    const credit = (stats: Stats, to: Element[]) => {
      if (stats.length < 25 || to.length === 0) return
      const score = 1 + stats.commas + Math.min(Math.floor(stats.length / 100), 3)
      to.slice(-5)
        .reverse()
        .forEach((ancestor, level) => {
          if (!scores.has(ancestor)) scores.set(ancestor, initialScore(ancestor))
          const divider = level === 0 ? 1 : level === 1 ? 2 : level * 3
          scores.set(ancestor, scores.get(ancestor)! + score / divider)
        })
    }
    if (isParagraphLike(element)) credit(statsOf(element), ancestors)
    // Text written straight into a box beside other blocks (`<div>text<br>text<div>…`) is a paragraph of that box.
    else if (element.tagName === 'div' || element.tagName === 'section' || element.tagName === 'article')
      credit(looseTextStats(element), [...ancestors, element])
    for (const child of element.children) if (child.type === 'element') walk(child, [...ancestors, element])
  }
  walk(body, [])
  return scores
}

/** The text of an element's own text nodes and inline children, not of its blocks. */
function looseTextStats(element: Element): Stats {
  const stats: Stats = { length: 0, linkLength: 0, commas: 0 }
  for (const child of element.children) {
    if (child.type === 'element' && blockTags.has(child.tagName)) continue
    const text = child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : ''
    stats.length += text.trim().length
    stats.commas += (text.match(/[,，、]/g) ?? []).length
  }
  return stats
}

function bestCandidate(scores: Map<Element, number>, statsOf: (element: Element) => Stats): Element | undefined {
  let best: Element | undefined
  let bestScore = -Infinity
  for (const [element, score] of scores) {
    const final = score * (1 - linkDensity(statsOf(element)))
    scores.set(element, final)
    if (final > bestScore) {
      best = element
      bestScore = final
    }
  }
  return best
}

function parentMap(body: Element): Map<Element, Element> {
  const parents = new Map<Element, Element>()
  const walk = (element: Element) => {
    for (const child of element.children)
      if (child.type === 'element') {
        parents.set(child, element)
        walk(child)
      }
  }
  walk(body)
  return parents
}

/**
 * The best candidate with the siblings that score near it or read as
 * paragraphs, since pages often split the article into several boxes.
 * When the best candidate holds little of its parent's text, the parent is
 * taken instead (Readability's step up to a better-scoring ancestor).
 */
function withSiblings(
  top: Element,
  scores: Map<Element, number>,
  statsOf: (element: Element) => Stats,
  parents: Map<Element, Element>,
): Element {
  let candidate = top
  const topScore = scores.get(top) ?? 0
  for (let parent = parents.get(candidate); parent; parent = parents.get(candidate)) {
    const parentScore = scores.get(parent)
    if (parentScore === undefined || parentScore < topScore * 0.75 || parent.tagName === 'body') break
    candidate = parent
  }
  const parent = parents.get(candidate)
  if (!parent) return candidate
  const threshold = Math.max(10, (scores.get(candidate) ?? 0) * 0.2)
  const hints = classAndId(candidate)
  const kept = parent.children.filter((sibling): sibling is Element => {
    if (sibling.type !== 'element') return false
    if (sibling === candidate) return true
    const bonus = hints.trim() !== '' && classAndId(sibling) === hints ? (scores.get(candidate) ?? 0) * 0.2 : 0
    if ((scores.get(sibling) ?? -Infinity) + bonus >= threshold) return true
    if (sibling.tagName !== 'p') return false
    const stats = statsOf(sibling)
    const density = linkDensity(stats)
    return (
      (stats.length > 80 && density < 0.25) || (stats.length > 0 && density === 0 && /\.( |$)/.test(textOf(sibling)))
    )
  })
  return { type: 'element', tagName: 'div', properties: {}, children: kept }
}

function textOf(element: Element): string {
  let text = ''
  for (const child of element.children)
    text += child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : ''
  return text.replace(/\s+/g, ' ').trim()
}

/** Boxes inside the content that read as lists of links, forms or media rather than text (Readability's conditional clean). */
function cleanConditionally(element: Element, statsOf: (element: Element) => Stats, removed: RemovedChrome[]): void {
  element.children = element.children.filter((child) => {
    if (child.type !== 'element') return true
    cleanConditionally(child, statsOf, removed)
    if (!looksLikeBoilerplate(child, statsOf)) return true
    setAside(child, removed)
    return false
  })
}

function looksLikeBoilerplate(element: Element, statsOf: (element: Element) => Stats): boolean {
  const tag = element.tagName
  if (/^h[1-6]$/.test(tag)) return classWeight(element) < 0 || linkDensity(statsOf(element)) > 0.33
  if (!['div', 'section', 'ul', 'ol', 'table', 'dl'].includes(tag)) return false
  const stats = statsOf(element)
  const weight = classWeight(element)
  if (!readersWrote.test(classAndId(element)) && holdsProse(element) && linkDensity(stats) < 0.3) return false
  if (weight < 0) return true
  if (stats.commas >= 10) return false
  const counts = { p: 0, li: 0, img: 0 }
  for (const inner of descendants(element)) {
    if (inner.tagName === 'p') counts.p++
    else if (inner.tagName === 'li') counts.li++
  }
  const density = linkDensity(stats)
  const isList = tag === 'ul' || tag === 'ol'
  if (!isList && counts.li > counts.p && counts.li - 100 > counts.p) return true
  if (stats.length < 25) return true
  if (weight < 25 && density > 0.2 && stats.length < 2000) return true
  if (weight >= 25 && density > 0.5) return true
  return false
}

function* descendants(element: Element): Generator<Element> {
  for (const child of element.children)
    if (child.type === 'element') {
      yield child
      yield* descendants(child)
    }
}
