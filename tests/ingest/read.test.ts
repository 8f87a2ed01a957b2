import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeSource, readSource } from '../../src/ingest/index.js'
import { BriefdeckProblem } from '../../src/model/index.js'

const dir = mkdtempSync(join(tmpdir(), 'briefdeck-ingest-'))
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name)
  writeFileSync(path, bytes)
  return path
}

/** The one-line form the CLI prints, so the assertions read like the user's screen. */
async function problemOf(read: () => unknown): Promise<string> {
  try {
    await read()
  } catch (error) {
    expect(error).toBeInstanceOf(BriefdeckProblem)
    return String(error)
  }
  throw new Error('expected a BriefdeckProblem')
}

describe('source files that are not text', () => {
  it('refuses an empty file, or one of white space only', async () => {
    expect(await problemOf(() => readSource(file('empty.txt', '')))).toBe(`${join(dir, 'empty.txt')}: source is empty`)
    expect(await problemOf(() => readSource(file('blank.txt', '\uFEFF \n\n\t')))).toMatch(
      /blank\.txt: source is empty$/,
    )
  })

  it('refuses a binary file, naming the line of the first NUL byte', async () => {
    const path = file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0a, 0x41, 0x00, 0x01]))
    expect(await problemOf(() => readSource(path))).toBe(
      `${path}:2:2: source looks binary (it contains a NUL byte); not a PDF, web page, Word, markdown or text file`,
    )
  })

  it('refuses text that is not UTF-8, naming line and column', async () => {
    const latin1 = new Uint8Array([...Buffer.from('First line\nCaf'), 0xe9, ...Buffer.from(' au lait\n')])
    const path = file('latin1.txt', latin1)
    expect(await problemOf(() => readSource(path))).toBe(
      `${path}:2:4: source is not valid UTF-8; convert it to UTF-8 first`,
    )
  })

  it('refuses a file above 50 MB before reading it', async () => {
    expect(await problemOf(() => decodeSource(new Uint8Array(50 * 1024 * 1024 + 1), 'huge.txt'))).toBe(
      'huge.txt: source is too large (50 MB; the limit is 50 MB)',
    )
  })

  it('names a missing file and a directory', async () => {
    expect(await problemOf(() => readSource(join(dir, 'missing.txt')))).toBe(
      `${join(dir, 'missing.txt')}: cannot read source: no such file`,
    )
    mkdirSync(join(dir, 'folder.txt'))
    expect(await problemOf(() => readSource(join(dir, 'folder.txt')))).toMatch(
      /folder\.txt: is a directory, not a source file$/,
    )
  })
})

describe('decoding', () => {
  it('drops the byte-order mark and keeps everything else as written', () => {
    const text = decodeSource(
      new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('Curly “quotes” and CRLF\r\n')]),
      'bom.txt',
    )
    expect(text).toBe('Curly “quotes” and CRLF\r\n')
  })

  it('gives the same document for a file with a BOM as for the text without it', async () => {
    const plain = await readSource(file('plain.txt', 'A title\n\nThe body says something. It says more.'))
    const marked = await readSource(file('plain-bom.txt', '\uFEFFA title\n\nThe body says something. It says more.'), {
      sourceId: 'plain',
    })
    expect(marked.sentences).toEqual(plain.sentences)
    expect(marked.metadata).toEqual(plain.metadata)
  })
})
