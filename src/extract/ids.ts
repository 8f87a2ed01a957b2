// Stable block ids: the source id and a hash of the block's normalised text,
// so that an edit elsewhere in the source moves no id.
import { hash } from 'node:crypto'
import { normaliseText } from '../ingest/index.js'

/**
 * Hands out block ids in document order: `<sourceId>:<first 8 hex of the
 * sha256 of the normalised text>`. A text that comes again (or, rarely, a
 * different text with the same 8 hex) is hashed with an occurrence number,
 * so the first copy keeps the id it would have alone.
 */
export class BlockIds {
  readonly #sourceId: string
  readonly #used = new Set<string>()
  /** The next occurrence number of texts seen more than once (only those, to keep memory low). */
  readonly #repeats = new Map<string, number>()

  constructor(sourceId: string) {
    this.#sourceId = sourceId
  }

  next(text: string): string {
    const key = normaliseText(text)
    let occurrence = this.#repeats.get(key) ?? 1
    let id = hashedId(this.#sourceId, key, occurrence)
    while (this.#used.has(id)) id = hashedId(this.#sourceId, key, ++occurrence)
    if (occurrence > 1) this.#repeats.set(key, occurrence + 1)
    this.#used.add(id)
    return id
  }
}

function hashedId(sourceId: string, key: string, occurrence: number): string {
  const input = occurrence === 1 ? key : `${key}\u0000${occurrence}`
  // The one-shot `hash` leaves no Hash object behind for the collector; it matters on long reports.
  return `${sourceId}:${hash('sha256', input, 'hex').slice(0, 8)}`
}
