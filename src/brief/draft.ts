// A first brief for a set of sources, as `briefdeck new` writes it: what the
// sources' metadata says (title, date), every audience, and the markings
// left for the analyst to fill in, each marked so. Pure: text in, text out.
import { Document } from 'yaml'
import type { SourceMetadata } from '../model/index.js'

export interface DraftSource {
  /** The source id: the file's base name as a slug. */
  readonly id: string
  /** The path as the brief will write it: relative to the brief file, `/`-separated. */
  readonly path: string
  readonly metadata: SourceMetadata
}

export interface DraftOptions {
  readonly sources: readonly DraftSource[]
  /** Audience profile ids, in the order the decks are built. */
  readonly audiences: readonly string[]
  /** Audiences whose profile names no countries: the brief must say where their deck goes. */
  readonly needRecipients: readonly string[]
  /** Where the brief schema is, relative to the brief, for editors' completion; none when unknown. */
  readonly schemaPath?: string
}

/** The brief file's text: valid as written, so that `briefdeck build` works on it at once. */
export function draftBrief({ sources, audiences, needRecipients, schemaPath }: DraftOptions): string {
  const first = sources[0]
  if (!first) throw new TypeError('a brief needs at least one source')
  const document = new Document({
    title: first.metadata.title ?? first.id,
    ...(first.metadata.subtitle ? { subtitle: first.metadata.subtitle } : {}),
    ...(latestFullDate(sources) ? { date: latestFullDate(sources) } : {}),
    sources: sources.map((source) => ({ id: source.id, path: source.path })),
    audiences: [...audiences],
    marking: { classification: 'UNCLASSIFIED' },
    ...(needRecipients.length > 0
      ? { recipients: Object.fromEntries(needRecipients.map((id) => [id, ['AUS', 'CAN', 'GBR', 'NZL']])) }
      : {}),
  })
  document.commentBefore = [
    ...(schemaPath ? [` yaml-language-server: $schema=${schemaPath}`] : []),
    ` Written by briefdeck new from ${sources.length === 1 ? 'its source' : `its ${sources.length} sources`}.`,
    ' Check the title and date, fill in the marking, then: briefdeck build <this file>',
  ].join('\n')
  const marking = document.get('marking', true) as { commentBefore?: string }
  marking.commentBefore = ' FILL IN: the classification, handling and releasability of what the sources hold.'
  if (needRecipients.length > 0) {
    const recipients = document.get('recipients', true) as { commentBefore?: string }
    recipients.commentBefore = ' FILL IN: the countries each partner deck goes to (trigraphs).'
  }
  for (const list of [document.get('audiences', true), ...recipientLists(document)])
    (list as { flow: boolean }).flow = true
  document.comment =
    ' overrides: corrections by block id (the decks’ notes name them): short, kind, drop, section, audiences, marking.'
  return document.toString({ lineWidth: 0, flowCollectionPadding: false })
}

function recipientLists(document: Document): unknown[] {
  const recipients = document.get('recipients', true) as { items?: { value: unknown }[] } | undefined
  return recipients?.items?.map((pair) => pair.value) ?? []
}

/** The most recent source date that is a whole day; the cover's date must be one. */
function latestFullDate(sources: readonly DraftSource[]): string | undefined {
  return sources
    .map((source) => source.metadata.date)
    .filter((date): date is string => date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date))
    .sort()
    .at(-1)
}
