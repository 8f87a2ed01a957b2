// A Word file: mammoth maps its styles to semantic HTML (headings, lists,
// tables, footnotes), which the HTML reader turns into blocks; the file's
// core properties (docProps/core.xml) fill in title, authors and date where
// the text gives none. Images are not read, external files never opened.
import JSZip from 'jszip'
import mammoth from 'mammoth'
import { BriefdeckProblem } from '../model/index.js'
import type { BlockReading, MetadataFields } from './blocks.js'
import { documentHtmlReading } from './html/index.js'
import { dateValue, splitAuthors } from './labels.js'

export async function docxReading(bytes: Uint8Array, file: string): Promise<BlockReading> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes)
  } catch (error) {
    throw new BriefdeckProblem('Word file is damaged (its zip cannot be read)', { file }, 'source-format', {
      cause: error,
    })
  }
  if (!zip.file('word/document.xml'))
    throw new BriefdeckProblem('zip archive is not a Word document (no word/document.xml)', { file }, 'source-format')
  let html: string
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      { externalFileAccess: false, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    )
    html = result.value
  } catch (error) {
    throw new BriefdeckProblem(
      `Word file cannot be read: ${(error as Error).message.split('\n')[0]}`,
      { file },
      'source-format',
      {
        cause: error,
      },
    )
  }
  const reading = documentHtmlReading(html, file)
  const core = await zip.file('docProps/core.xml')?.async('string')
  return { ...reading, fallback: core ? coreProperties(core) : {} }
}

/** Title, creator and dates of `docProps/core.xml` (Dublin Core in OPC). */
export function coreProperties(xml: string): MetadataFields {
  const element = (name: string) => {
    const match = new RegExp(`<${name}(?:\\s[^>]*)?>([^<]*)</${name}>`).exec(xml)?.[1]
    return match === undefined ? undefined : decodeEntities(match).trim() || undefined
  }
  const fields: MetadataFields = {}
  const title = element('dc:title')
  if (title) fields.title = title
  const creator = element('dc:creator')
  if (creator) fields.authors = splitAuthors(creator)
  const date = element('dcterms:created') ?? element('dcterms:modified')
  const iso = date ? dateValue(date) : undefined
  if (iso) fields.date = iso
  return fields
}

function decodeEntities(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[\da-f]+);/gi, (entity, name: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16))
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10))
    return named[name.toLowerCase()] ?? entity
  })
}
