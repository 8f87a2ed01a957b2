import { readFileSync, readdirSync } from 'node:fs'
import { unified } from 'unified'
import rehypeParse from 'rehype-parse'
const { mainContent } = await import('/work/wt-ingest/dist/ingest/html/main-content.js')
const { pageMetadata } = await import('/work/wt-ingest/dist/ingest/html/metadata.js')
const { readSource } = await import('/work/wt-ingest/dist/ingest/index.js')
const dir = '/work/shared/corpus/articles/html/'
const files = readdirSync(dir)
const t = { read: 0, parse: 0, meta: 0, main: 0, total: 0 }
for (const f of files) {
  const html = readFileSync(dir + f, 'utf8')
  let a = performance.now()
  const tree = unified().use(rehypeParse).parse(html)
  let b = performance.now(); t.parse += b - a
  pageMetadata(tree); a = performance.now(); t.meta += a - b
  mainContent(tree); b = performance.now(); t.main += b - a
  await readSource(dir + f); a = performance.now(); t.total += a - b
}
for (const k in t) t[k] = (t[k] / files.length).toFixed(1)
console.log(t)
