import { stringify } from 'yaml'
import { bannerText, type DeckPlan, type SlidePlan } from '../model/index.js'
import { escapeSlideText } from './escape.js'

/** A local icon, so that no deck asks the network for Slidev's default favicon. */
const favicon =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='6' fill='%23102a43'/%3E%3Cpath d='M8 9h16M8 15h16M8 21h10' stroke='%23ffffff' stroke-width='3' stroke-linecap='round'/%3E%3C/svg%3E"

/**
 * The deck's configuration, merged by Slidev into the first slide's
 * frontmatter. `briefdeck` is read by the theme's layouts through
 * `$slidev.configs.briefdeck`; its values are shown as Vue text, so they
 * stay raw, while `title` is compiled as markdown by Slidev and is escaped.
 */
function headmatter(plan: DeckPlan): Record<string, unknown> {
  return {
    theme: './theme',
    title: escapeSlideText(plan.title),
    author: plan.contributors?.join(', ') ?? '',
    colorSchema: 'light',
    aspectRatio: '16/9',
    canvasWidth: 980,
    fonts: { provider: 'none' },
    favicon,
    transition: 'none',
    // Slidev's drawing layer lies over every slide and hides the text's background from contrast checkers.
    drawings: { enabled: false },
    download: false,
    exportFilename: `${plan.brief}-${plan.audience}`,
    mdc: false,
    briefdeck: {
      brief: plan.brief,
      audience: plan.audience,
      title: plan.title,
      audienceName: plan.audienceName ?? plan.audience,
      banner: bannerText(plan.marking),
      classification: plan.marking.classification,
      draft: plan.draft,
    },
  }
}

/**
 * Every slide states its layout and id, so that Slidev never takes the
 * slide's first lines for frontmatter. Titles are not repeated here: Slidev
 * takes them from the slide's heading, which is already escaped.
 */
export function slideFrontmatter(plan: DeckPlan, slide: SlidePlan, index: number): string {
  const own = { layout: slide.layout, slideId: slide.id }
  const fields = index === 0 ? { ...headmatter(plan), ...own } : own
  return `---\n${frontmatterYaml(fields)}---\n`
}

/**
 * Slidev ends a frontmatter block at the first `---` anywhere in it, even
 * inside a value. Every string is therefore double-quoted, where YAML
 * allows writing a dash as `\x2D`; keys are our own and never hold one.
 */
function frontmatterYaml(fields: Record<string, unknown>): string {
  return stringify(fields, { lineWidth: 0, defaultStringType: 'QUOTE_DOUBLE', defaultKeyType: 'PLAIN' }).replaceAll(
    '---',
    '\\x2D\\x2D\\x2D',
  )
}
