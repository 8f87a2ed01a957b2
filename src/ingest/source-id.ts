const validSourceId = /^[a-z0-9][a-z0-9-]*$/

/**
 * The id that prefixes every block id: the one given, or the file's base name
 * as a slug (`micro_b001.txt` -> `micro-b001`), since block ids allow only
 * lower-case letters, digits and hyphens.
 */
export function sourceIdFrom(file: string, given: string | undefined): string {
  if (given !== undefined) {
    if (!validSourceId.test(given))
      throw new TypeError(`source id '${given}' must be lower-case letters, digits and hyphens`)
    return given
  }
  const base = file.split(/[\\/]/).pop() ?? ''
  const stem = base.includes('.') && !base.startsWith('.') ? base.slice(0, base.lastIndexOf('.')) : base
  const slug = stem
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
  return slug === '' ? 'source' : slug
}
