import { isAbsolute, join, resolve } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { shownPath } from '../../src/shared/index.js'

describe('shownPath', () => {
  it('names a file inside the working folder from there', () => {
    expect(shownPath('/work/repo/out/b/a.pdf', '/work/repo')).toBe(join('out', 'b', 'a.pdf'))
    expect(shownPath('out/b/a.pdf', '/work/repo')).toBe(join('out', 'b', 'a.pdf'))
    expect(shownPath('/work/repo', '/work/repo')).toBe('.')
  })

  it('names a file outside it by its absolute path, not by climbing', () => {
    expect(shownPath('/tmp/decks/b/a.pdf', '/work/repo')).toBe('/tmp/decks/b/a.pdf')
    expect(shownPath('../decks/a.pdf', '/work/repo')).toBe('/work/decks/a.pdf')
    // A folder whose name only starts with two dots is inside.
    expect(shownPath('/work/repo/..out/a.pdf', '/work/repo')).toBe(join('..out', 'a.pdf'))
  })

  it('always leads back to the same file, and never starts with ../', () => {
    const segment = fc.stringMatching(/^[a-z.]{1,6}$/)
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 5 }), fc.array(segment, { maxLength: 5 }), (cwdParts, pathParts) => {
        const cwd = resolve('/', ...cwdParts)
        const path = resolve(cwd, ...pathParts)
        const shown = shownPath(path, cwd)
        expect(resolve(cwd, shown)).toBe(path)
        expect(shown === '..' || shown.startsWith('../')).toBe(false)
        if (!isAbsolute(shown)) expect(path.startsWith(cwd)).toBe(true)
      }),
    )
  })
})
