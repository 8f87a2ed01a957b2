// Slidev reads this from the theme for its own commands (the dev server of
// `briefdeck present`, the PPTX export).

/** The fields of Slidev's configs that the page reads as it draws (the title, briefdeck's deck header), not once at start. */
const liveConfigFields = ['title', 'slidesTitle', 'briefdeck']

/**
 * While presenting, an edit of the brief's title, banner or draft state
 * changes the deck's headmatter, hence Slidev's configs module, which no
 * module on the page accepts as a hot update: Vite reloads the page. Here the
 * module accepts its own update when only those fields changed: they are
 * written into Slidev's live (reactive) configs, so the slide frames redraw
 * in place, and the page title follows (setup/root.ts). Any other change still reloads,
 * because Slidev reads the rest once at start.
 */
function liveDeckHeader() {
  const configsModule = '/@slidev/configs'
  const exported = 'export default '
  return {
    name: 'briefdeck:live-deck-header',
    apply: 'serve' as const,
    transform(code: string, id: string) {
      if (id !== configsModule || !code.startsWith(exported)) return undefined
      return `const configs = ${code.slice(exported.length)}
export default configs
const liveFields = ${JSON.stringify(liveConfigFields)}
const fixedPart = (config) => JSON.stringify({ ...config, ...Object.fromEntries(liveFields.map((field) => [field, null])) })
if (import.meta.hot) {
  import.meta.hot.accept((next) => {
    const fresh = next?.default
    if (!fresh || fixedPart(fresh) !== fixedPart(configs)) return import.meta.hot.invalidate()
    const live = window.__slidev__?.configs ?? configs
    for (const field of liveFields) live[field] = fresh[field]
  })
}
`
    },
  }
}

export default {
  plugins: [liveDeckHeader()],
  // Addresses in slide text stay text: markdown-it's link detection would
  // turn them into links after briefdeck has escaped the text. A template
  // that wants a link writes one. (Set on the parser: `markdownOptions` would
  // replace Slidev's own options.)
  slidev: { markdown: { markdownSetup: (md: { set(options: object): unknown }) => void md.set({ linkify: false }) } },
}
