// Module hooks that the print-site builder's child registers before it
// loads Slidev (see site-builder.ts). They change how two of Slidev's modules
// load, never what a deck looks like:
// - Slidev's node API keeps the first deck's folder (the roots that
//   `getRoots` in its resolver module caches) for the life of the process.
//   The cache is made to hold only while the deck is the same, so one warm
//   copy of Slidev builds every deck. Should Slidev's code no longer have the
//   line, the resolver fails to load with a message saying so, rather than
//   build a deck from another deck's folder.
// - Slidev always loads Vue's JSX plugin, which brings Babel: a quarter of a
//   second of the builder's start, before its first deck. A print site
//   compiles JSX only when the deck brings some (a repository's own theme
//   may), so the plugin loads only then.

export const slidevRootsPatch = {
  cached: 'if (rootsInfo) return rootsInfo;',
  perDeck: 'if (rootsInfo && (!entry || dirname(entry) === rootsInfo.userRoot)) return rootsInfo;',
} as const

/** How Slidev's code names Vue's JSX plugin. */
export const vueJsxPlugin = '@vitejs/plugin-vue-jsx'

/**
 * Stands in for Vue's JSX plugin, whose module is at `real`. The builder
 * works in the deck's folder, which holds the deck's theme: a `.jsx` or
 * `.tsx` file there, or a component with `<script lang="tsx">` (outside
 * node_modules and dot-folders), means the deck needs the plugin. Without
 * one, JSX that reaches the build from elsewhere stops it with its file
 * named, rather than compile as something else.
 */
function lazyVueJsxSource(real: string): string {
  return `
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
const jsxScript = /<script[^>]*\\slang=["'][jt]sx["']/
function holdsJsx(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue
    const path = join(dir, entry.name)
    if (entry.isDirectory() ? holdsJsx(path) : /\\.[jt]sx$/.test(entry.name)) return true
    if (entry.isFile() && /\\.(vue|md)$/.test(entry.name) && jsxScript.test(readFileSync(path, 'utf8'))) return true
  }
  return false
}
const noJsx = {
  name: 'briefdeck:print-site-without-jsx',
  transform: {
    filter: { id: /[.]([jt]sx)($|[?])|lang[.][jt]sx$/ },
    handler(code, id) {
      throw new Error(id + ' is JSX from outside the deck folder, which a print site does not compile')
    },
  },
}
export default function vueJsx(options) {
  return holdsJsx(process.cwd()) ? import(${JSON.stringify(real)}).then((plugin) => plugin.default(options)) : noJsx
}`
}

export interface SlidevModules {
  /** The URL of the folder of Slidev's node code. */
  readonly dist: string
  /** The URL of Vue's JSX plugin, as Slidev resolves it. */
  readonly vueJsx: string
}

/** The hooks module, for `module.register`. */
export function slidevHooksSource(slidev: SlidevModules): string {
  const lazyVueJsx = 'data:text/javascript,' + encodeURIComponent(lazyVueJsxSource(slidev.vueJsx))
  return `
const slidevDist = ${JSON.stringify(slidev.dist)}
const patch = ${JSON.stringify(slidevRootsPatch)}
export async function resolve(specifier, context, next) {
  if (specifier === ${JSON.stringify(vueJsxPlugin)} && context.parentURL?.startsWith(slidevDist))
    return { url: ${JSON.stringify(lazyVueJsx)}, shortCircuit: true }
  return next(specifier, context)
}
export async function load(url, context, next) {
  const loaded = await next(url, context)
  const file = url.slice(url.lastIndexOf('/') + 1)
  if (!url.startsWith(slidevDist) || !file.startsWith('resolver-') || !file.endsWith('.mjs')) return loaded
  const source = String(loaded.source)
  if (!source.includes(patch.cached))
    throw new Error('briefdeck cannot build several decks with this Slidev: ' + url + ' no longer caches its roots as ' + patch.cached)
  return { ...loaded, source: source.replace(patch.cached, patch.perDeck) }
}`
}
