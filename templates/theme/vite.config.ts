// Slidev reads this from the theme for its own commands (the dev server of
// `briefdeck present`, the PPTX export): addresses in slide text stay text.
// markdown-it's link detection would turn them into links after briefdeck
// has escaped the text. A template that wants a link writes one. (Set on the
// parser: `markdownOptions` would replace Slidev's own options.)
export default {
  slidev: { markdown: { markdownSetup: (md: { set(options: object): unknown }) => void md.set({ linkify: false }) } },
}
