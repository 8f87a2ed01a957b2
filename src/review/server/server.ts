import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'
import { briefName } from '../../brief/index.js'
import { BriefdeckProblem, type Warning } from '../../model/index.js'
import { escapeHtml } from '../../shared/index.js'
import { reviewLogPath } from '../fs.js'
import { allowedSignersPath, approvalVerifier, signedApproval } from '../signatures.js'
import { handleApi, HttpError, sendJson, type ServedDeck } from './api.js'
import { createPublisher } from './publisher.js'
import { readReviewers, reviewersPath } from './reviewers.js'
import { siteHandler, type SiteHandler } from './static.js'
import { openReviewStore } from './store.js'
import { defaultStreamLimits, eventStreams, type StreamLimits } from './streams.js'
import { reviewerForToken } from './tokens.js'

export interface ReviewServerOptions {
  readonly briefPath: string
  readonly host: string
  /** 0 picks a free port. */
  readonly port: number
  readonly decks: readonly ServedDeck[]
  /** Renders and builds one audience's deck again with the review state applied; called when its DRAFT mark must change. */
  readonly republish: (audience: string) => Promise<ServedDeck>
  readonly onWarning?: (warning: Warning | Error) => void
  /** The server's own SSH private key: it signs the approvals it writes for the token's owner. Without one, it cannot approve. */
  readonly signingKey?: string
  readonly streamLimits?: StreamLimits
}

export interface ReviewServer {
  readonly url: string
  readonly decks: () => readonly ServedDeck[]
  /** Resolves when no deck is being rebuilt. */
  readonly idle: () => Promise<void>
  readonly close: () => Promise<void>
}

/**
 * Serves every deck under `/<audience>/`, an index at `/`, and the review API
 * under `/api/`. The decks are public to whoever can reach the server (it
 * listens on 127.0.0.1 unless told otherwise); writing needs a token.
 */
export async function startReviewServer(options: ReviewServerOptions): Promise<ReviewServer> {
  const warn = options.onWarning ?? (() => undefined)
  const brief = { name: briefName(options.briefPath), file: options.briefPath }
  const signingKey = options.signingKey
  const store = await openReviewStore(reviewLogPath(options.briefPath), {
    onWarning: warn,
    verifier: approvalVerifier(brief.name, allowedSignersPath(options.briefPath)),
    sign: async (event) => {
      if (event.type !== 'approve') return event
      if (!signingKey) throw new HttpError(501, 'this server has no signing key, so it cannot approve')
      return signedApproval(event, brief, signingKey, true).catch((error: unknown) => {
        throw error instanceof BriefdeckProblem
          ? new HttpError(403, `the server's key is not listed for ${event.author} in allowed_signers`)
          : error
      })
    },
  })
  const streams = eventStreams(options.streamLimits ?? defaultStreamLimits, (message) => warn(new Error(message)))
  const publisher = createPublisher(options.decks, {
    approvals: store.approvalsOf,
    republish: options.republish,
    onPublished: (deck) => streams.broadcast('deck', { audience: deck.plan.audience, draft: deck.plan.draft }),
    onWithheld: (deck) => streams.broadcast('deck', { audience: deck.plan.audience, draft: true }),
    onError: (error) => warn(error instanceof Error ? error : new Error(String(error))),
  })
  store.onEvent((event) => {
    streams.broadcast('review', { audience: event.audience, id: event.id, type: event.type, slideId: event.slideId })
    if (event.type === 'approve' || event.type === 'revoke') publisher.refresh(event.audience)
  })

  const reviewersFile = reviewersPath(options.briefPath)
  const context = {
    store,
    decks: publisher.decks,
    // Read on every write, so that a reviewer added while the server runs can start at once.
    authenticate: async (request: IncomingMessage) => {
      const token = /^Bearer (\S+)$/.exec(request.headers.authorization ?? '')?.[1]
      return token ? reviewerForToken((await readReviewers(reviewersFile)).reviewers, token) : null
    },
    subscribe: streams.subscribe,
  }

  const server = createServer((request, response) => {
    route(request, response).catch((error: unknown) => {
      warn(error instanceof Error ? error : new Error(String(error)))
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' })
      else response.destroy()
    })
  })

  const sites = new Map<string, SiteHandler>()
  const siteOf = (siteDir: string) => {
    const dir = resolve(siteDir)
    const site = sites.get(dir) ?? siteHandler(dir)
    sites.set(dir, site)
    return site
  }

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isExpectedHost(request.headers.host, options.host))
      return sendJson(response, 403, { error: 'unexpected Host header' })
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (path === '/api' || path.startsWith('/api/')) return handleApi(context, request, response, path)
    const [, audience, rest] = /^\/([^/]+)(\/.*)?$/.exec(path) ?? []
    const deck = publisher.decks().find(({ plan }) => plan.audience === audience)
    if (path === '/') return sendIndex(response, publisher.decks())
    if (!deck) return sendJson(response, 404, { error: 'not found' })
    if (rest === undefined) {
      response.writeHead(301, { location: `/${audience}/` })
      return void response.end()
    }
    if (!publisher.showable(deck.plan.audience)) return sendWithheld(response)
    return siteOf(deck.siteDir)(request, rest, response, (html) => withReviewHook(html, deck))
  }

  // Connections that send nothing, or keep a request half-sent, are dropped instead of holding a descriptor.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  server.keepAliveTimeout = 5_000
  try {
    await new Promise<void>((done, fail) => {
      server.once('error', fail)
      server.listen(options.port, options.host, done)
    })
  } catch (error) {
    // Nothing may keep the process alive after a failed start (a busy port): the caller exits at once.
    store.close()
    throw error
  }
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    decks: publisher.decks,
    idle: publisher.idle,
    close: async () => {
      store.close()
      streams.closeAll()
      await publisher.idle()
      await new Promise<void>((done) => server.close(() => done()))
    },
  }
}

/**
 * The review panel of the theme shows itself only when the page carries this
 * tag, so the same deck stays clean when presented, printed or exported.
 */
function withReviewHook(html: string, deck: ServedDeck): string {
  const hook = JSON.stringify({ api: '/api', audience: deck.plan.audience })
  return html.replace(/<head>/i, `<head><meta name="briefdeck-review" content="${escapeHtml(hook)}">`)
}

/** A deck that just lost its approval, while its DRAFT build is made: never shown without the mark. */
function sendWithheld(response: ServerResponse): void {
  response.writeHead(503, {
    'content-type': 'text/html; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': '2',
  })
  response.end(
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="refresh" content="2"><title>Rebuilding as a draft</title></head><body><p>An approval was withdrawn: this deck is being rebuilt as a DRAFT. The page reloads by itself.</p></body></html>',
  )
}

function sendIndex(response: ServerResponse, decks: readonly ServedDeck[]): void {
  const items = decks.map(
    ({ plan }) =>
      `<li><a href="/${escapeHtml(plan.audience)}/">${escapeHtml(plan.title)}</a> — ${escapeHtml(plan.audience)}${plan.draft ? ' (DRAFT)' : ''}</li>`,
  )
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
  response.end(
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>briefdeck review</title></head><body><h1>Decks under review</h1><ul>${items.join('')}</ul></body></html>`,
  )
}

const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * On a loopback address, only requests for a loopback name are served: a web
 * page whose own name was re-pointed at 127.0.0.1 (DNS rebinding) must not
 * read the review. A server bound to a network address is reached by many
 * names, and relies on its tokens alone.
 */
function isExpectedHost(hostHeader: string | undefined, boundTo: string): boolean {
  if (!loopbackNames.has(boundTo.includes(':') ? `[${boundTo}]` : boundTo)) return true
  const name = hostHeader?.replace(/:\d+$/, '').toLowerCase()
  return name !== undefined && loopbackNames.has(name)
}
