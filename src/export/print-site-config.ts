// The Vite config of a deck's print site: a static Slidev build that has the
// /print route and nothing a printout does not use. Vite loads this file in a
// child process (see site-builder.ts), because Slidev's node API keeps the first
// deck's root for the life of the process, so two decks cannot build in one.
// Slidev and Vite are imported lazily so that site-builder.ts can read the
// variable names below without loading them.
import { resolve } from 'node:path'
import type { Plugin, UserConfig } from 'vite'
import { printCatalogue } from '../model/index.js'

/** How site-builder.ts tells this config which deck to build and where. */
export const printSiteVariables = {
  entry: 'BRIEFDECK_PRINT_ENTRY',
  outDir: 'BRIEFDECK_PRINT_OUT',
  /** Set to `1` for a site that people page through (the review server's), not only print. */
  keepSlideShow: 'BRIEFDECK_KEEP_SLIDE_SHOW',
} as const

/**
 * Slidev features a printout never shows. Turning them off shrinks the build
 * (fewer Vue components, icons and CSS) and keeps the print page from
 * starting a wake lock or a recorder.
 */
const featuresOffInPrint = {
  __SLIDEV_FEATURE_DRAWINGS__: false,
  __SLIDEV_FEATURE_DRAWINGS_PERSIST__: false,
  __SLIDEV_FEATURE_PRESENTER__: false,
  __SLIDEV_FEATURE_RECORD__: false,
  __SLIDEV_FEATURE_BROWSER_EXPORTER__: false,
  __SLIDEV_FEATURE_WAKE_LOCK__: false,
  __SLIDEV_FEATURE_PWA__: false,
} as const

export default async function printSiteConfig(): Promise<UserConfig> {
  const entry = requiredVariable(printSiteVariables.entry)
  const outDir = requiredVariable(printSiteVariables.outDir)
  const { resolveOptions, ViteSlidevPlugin } = await import('@slidev/cli')
  const options = await resolveOptions({ entry }, 'build')
  Object.assign(options.data.config, {
    presenter: false,
    record: false,
    browserExporter: false,
    wakeLock: false,
    monaco: false,
    // Type information on code blocks: loading it brings in TypeScript, a second or so of every first build.
    twoslash: false,
    drawings: { ...options.data.config.drawings, enabled: false, persist: false },
  })
  // Slidev compiles /print only in `slidev export` or in builds with
  // `download: true`, and the latter also runs its own exporter on a fixed
  // port. Switching the flag on here gives the route without the exporter.
  // The flags must change before the plugins are made: they copy them.
  Object.assign(options.utils.define, definedFlags({ ...featuresOffInPrint, __SLIDEV_FEATURE_PRINT__: true }))
  const indexHtmlPath = resolve(options.userRoot, 'index.html')
  const keepSlideShow = process.env[printSiteVariables.keepSlideShow] === '1'
  return {
    root: options.userRoot,
    logLevel: 'warn',
    plugins: [
      ...(keepSlideShow ? [] : [withoutSlideShow()]),
      printRangeFromAddress(),
      textsFromPage(),
      servedIndexHtml(indexHtmlPath, options.utils.indexHtml),
      await ViteSlidevPlugin(options, slidevPluginOptions),
      oneChunk(),
    ],
    define: { __VUE_PROD_DEVTOOLS__: false },
    build: {
      outDir,
      emptyOutDir: true,
      // The site is read once by a local browser: minifying and gzip-sizing it costs build time and saves nothing.
      minify: false,
      cssMinify: false,
      reportCompressedSize: false,
      target: 'esnext',
      modulePreload: false,
      chunkSizeWarningLimit: 10_000,
      rollupOptions: {
        input: { index: indexHtmlPath },
        // Rolldown's note that plugins took most of a build (a busy machine) is no problem of the deck's; printed, it read as a dead builder's last word.
        checks: { bundlerTimings: false },
      },
    },
  }
}

/**
 * markdown-it's link detection turns addresses in text into links after
 * briefdeck has escaped the text, so the escapes land inside the link and
 * a source could plant links in a handout. Off: an address reads as text;
 * a template that wants a link writes one. The theme's vite.config.ts says
 * the same to Slidev's own commands (present, PPTX).
 */
export const slidevPluginOptions = {
  // Set on the parser rather than in `markdownOptions`, which would replace Slidev's own options instead of adding to them.
  markdown: { markdownSetup: (md: { set(options: { linkify: boolean }): unknown }) => void md.set({ linkify: false }) },
}

function requiredVariable(name: string): string {
  const value = process.env[name]
  if (!value) throw new TypeError(`${name} must be set when Vite loads the print-site config`)
  return value
}

function definedFlags(flags: Record<string, boolean>): Record<string, string> {
  return Object.fromEntries(Object.entries(flags).map(([name, on]) => [name, JSON.stringify(on)]))
}

/**
 * The print site prints; it never plays the deck. Slidev's play page brings
 * the whole presenting interface (navigation, settings, overview, context
 * menu), about a sixth of the client to compile, so it is left empty here.
 * Should Slidev move the page, nothing matches and the build is only slower.
 */
function withoutSlideShow(): Plugin {
  const emptyPage = '\0briefdeck:empty-play-page'
  return {
    name: 'briefdeck:print-site-without-slide-show',
    enforce: 'pre',
    resolveId: (id, importer) =>
      /(^|[\\/])pages[\\/]play\.vue$/.test(id) && /[\\/]@slidev[\\/]client[\\/]/.test(importer ?? '')
        ? emptyPage
        : null,
    load: (id) => (id === emptyPage ? 'export default { render: () => null }' : undefined),
  }
}

/**
 * Slidev reads the print range (`/print?range=15-28`) from the router's
 * route when it makes its navigation state, in the root's setup, before the
 * router has resolved the first page: the range is always empty and the
 * print page shows every slide. A site that several decks share prints each
 * deck through its range (shared-print-site.ts), so the range is read from
 * the address, as Slidev reads `print` beside it. Should Slidev's code no
 * longer have the line, the build stops with this plugin's name rather than
 * print the other decks' slides.
 */
function printRangeFromAddress(): Plugin {
  const slidevLine = 'parseRangeString(slides.value.length, currentRoute?.query?.range as string | undefined)'
  const fromAddress =
    "parseRangeString(slides.value.length, new URLSearchParams(location.search).get('range') ?? undefined)"
  return {
    name: 'briefdeck:print-range-from-address',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@slidev[\\/]client[\\/]composables[\\/]useNav\.ts$/.test(id)) return null
      if (!code.includes(slidevLine))
        throw new Error(`Slidev's useNav.ts no longer reads the print range as briefdeck expects`)
      return code.replace(slidevLine, fromAddress)
    },
  }
}

/**
 * A site built from a deck's print slides (model `printCatalogue`) shows
 * each text through a function of every component, which reads the texts
 * the print page was given before the app started (print-page.ts), or
 * those it is given later (`pageSetter`): they are reactive, so every slide
 * showing one draws again. The function is defined where Slidev sets up its
 * app, before any slide is made. A number the page has no text for is an
 * error on the page, which the check reports, never a blank.
 */
function textsFromPage(): Plugin {
  const slidevLine = 'app.use(router)'
  const { textFunction, pageVariable, pageSetter } = printCatalogue
  const definition = `const briefdeckTexts = briefdeckShallowRef(globalThis[${JSON.stringify(pageVariable)}])
  globalThis[${JSON.stringify(pageSetter)}] = (texts) => { briefdeckTexts.value = texts }
  app.config.globalProperties.${textFunction} = (number) => {
    const text = briefdeckTexts.value?.[number]
    if (typeof text !== 'string') throw new Error('briefdeck: the print page has no text ' + number)
    return text
  }`
  return {
    name: 'briefdeck:print-texts-from-page',
    enforce: 'pre',
    transform(code, id) {
      if (!/[\\/]@slidev[\\/]client[\\/]setup[\\/]main\.ts$/.test(id)) return null
      if (!code.includes(slidevLine))
        throw new Error(`Slidev's setup/main.ts no longer sets up its app as briefdeck expects`)
      const imported = `import { shallowRef as briefdeckShallowRef } from 'vue'\n`
      return imported + code.replace(slidevLine, `${definition}\n  ${slidevLine}`)
    },
  }
}

/**
 * Slidev splits its build into many chunks for a fast first visit on the
 * web; a print site is opened once, from disk. One chunk builds in about
 * half the time, mostly because UnoCSS generates its CSS once per chunk.
 * Runs after Slidev's config hook, which sets the chunking this undoes.
 */
function oneChunk(): Plugin {
  return {
    name: 'briefdeck:print-site-one-chunk',
    enforce: 'post',
    config(config) {
      const output = config.build?.rollupOptions?.output
      if (!output || Array.isArray(output)) return
      delete output.manualChunks
      delete output.chunkFileNames
      output.codeSplitting = false
    },
  }
}

/** Slidev generates the page's HTML instead of reading an index.html; this is how its own build serves it. */
function servedIndexHtml(path: string, html: string): Plugin {
  return {
    name: 'briefdeck:print-site-index-html',
    resolveId: { order: 'pre', handler: (id) => (id === path ? id : null) },
    load: { order: 'pre', handler: (id) => (id === path ? html : undefined) },
  }
}
