// Small helpers over hast trees.
import type { Element, ElementContent, Nodes, Root } from 'hast'

/** Every element under `node`, depth first, in document order. */
export function* elements(node: Root | Element): Generator<Element> {
  for (const child of node.children) {
    if (child.type !== 'element') continue
    yield child
    yield* elements(child)
  }
}

/** The text of a node's text descendants as written (script and style bodies included). */
export function rawText(node: Nodes): string {
  if (node.type === 'text') return node.value
  if (!('children' in node)) return ''
  let text = ''
  for (const child of node.children as ElementContent[]) text += rawText(child)
  return text
}

/** The class names and id of an element as one lower-case string, for hints such as `share` or `article-body`. */
export function classAndId(element: Element): string {
  const className = element.properties['className']
  const classes = Array.isArray(className) ? className.join(' ') : typeof className === 'string' ? className : ''
  const id = typeof element.properties['id'] === 'string' ? element.properties['id'] : ''
  return `${classes} ${id}`.toLowerCase()
}
