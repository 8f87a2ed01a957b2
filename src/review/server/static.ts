// A built Slidev site, served with sirv: assets as they are (with ETags and
// ranges), and the app's index.html, with the review hook, for every page,
// since slide URLs (`/<audience>/3`) are client-side routes.
import { readFile } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import sirv, { type RequestHandler } from 'sirv'

export type SiteHandler = (
  request: IncomingMessage,
  pagePath: string,
  response: ServerResponse,
  decorate: (html: string) => string,
) => Promise<void>

/**
 * `pagePath` is the path inside the site, already stripped of its base;
 * `decorate` adjusts the HTML page (the server adds its review hook there).
 * A site folder never changes once published (a rebuilt deck gets a new
 * one), so sirv lists its files once.
 */
export function siteHandler(siteDir: string): SiteHandler {
  const assets: RequestHandler = sirv(siteDir, {
    etag: true,
    // Only exact file names: `/3` is a slide, never `3.html`.
    extensions: [],
    setHeaders: (response) => response.setHeader('x-content-type-options', 'nosniff'),
  })
  const page = async (response: ServerResponse, decorate: (html: string) => string) => {
    const html = decorate(await readFile(join(siteDir, 'index.html'), 'utf8'))
    response.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    })
    response.end(html)
  }
  return (request, pagePath, response, decorate) =>
    new Promise<void>((done, fail) => {
      if (pagePath.endsWith('/') || extname(pagePath) === '.html') return page(response, decorate).then(done, fail)
      // sirv reads the path from the request; this one is the path inside the site.
      const inSite = Object.create(request, { url: { value: pagePath } }) as IncomingMessage
      response.once('finish', done)
      assets(inSite, response, () => page(response, decorate).then(done, fail))
    })
}
