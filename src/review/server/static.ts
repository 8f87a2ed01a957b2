import { createReadStream } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, relative, resolve, sep } from 'node:path'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
}

/**
 * Serves a built Slidev site: files as they are, and the app's index.html for
 * any other path, since slide URLs (`/<audience>/3`) are client-side routes.
 * `pagePath` is the path inside the site, already stripped of its base.
 * `decorate` adjusts the HTML page (the server adds its review hook there).
 */
export async function serveSite(
  siteDir: string,
  pagePath: string,
  response: ServerResponse,
  decorate: (html: string) => string,
): Promise<void> {
  const file = fileInside(siteDir, pagePath)
  const found = file === null ? null : await stat(file).catch(() => null)
  if (file && found?.isFile() && extname(file) !== '.html') {
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'content-length': found.size,
      'x-content-type-options': 'nosniff',
    })
    createReadStream(file).pipe(response)
    return
  }
  const html = decorate(await readFile(file && found?.isFile() ? file : resolve(siteDir, 'index.html'), 'utf8'))
  response.writeHead(200, {
    'content-type': contentTypes['.html']!,
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  response.end(html)
}

/** The file a URL path names, or null when the path would leave the site folder. */
function fileInside(siteDir: string, pagePath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(pagePath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const file = resolve(siteDir, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`)
  const inside = relative(siteDir, file)
  return inside.startsWith('..') || inside.startsWith(sep) ? null : file
}
