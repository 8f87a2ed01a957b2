// Slidev runs this in its root component, on every page of the deck.
import { configs, slidesTitle } from '@slidev/client'
import { inject, reactive, watch } from 'vue'

/** The part of unhead, Slidev's head manager, used here (the theme cannot import `@unhead/vue` from a deck folder). */
interface HeadManager {
  push(input: { titleTemplate: (title?: string) => string }): { patch(input: object): void }
}

/** The key under which `@unhead/vue` provides its head manager to the app. */
const headManagerKey = 'usehead'

/**
 * The page title follows the deck title while presenting. Slidev gives each
 * page its title once, from the title the deck started with ("Presenter -
 * <title>"); an edit of the brief's title reaches Slidev's live configs
 * (theme/vite.config.ts) but not those titles. A title template, held by the
 * same head manager, puts the current title in their place, so every later
 * redraw of the head keeps it.
 */
export default function followDeckTitle(): void {
  const head = inject<HeadManager>(headManagerKey)
  if (!head) return
  const live = reactive(configs)
  const withCurrentTitle = () => {
    const current = live.slidesTitle
    return { titleTemplate: (title?: string) => (title ? title.replace(slidesTitle, current) : current) }
  }
  const entry = head.push(withCurrentTitle())
  watch(
    () => live.slidesTitle,
    () => entry.patch(withCurrentTitle()),
  )
}
