import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendJson } from './api.js'

export interface StreamLimits {
  /** Open streams per client address. */
  readonly perClient: number
  readonly total: number
  /** A stream is closed after this long; the browser's EventSource reconnects by itself. */
  readonly maxAgeMs: number
  /** Comments sent every so often keep proxies and browsers from dropping an idle stream. */
  readonly keepAliveMs: number
}

export const defaultStreamLimits: StreamLimits = {
  perClient: 8,
  total: 200,
  maxAgeMs: 10 * 60_000,
  keepAliveMs: 15_000,
}

export interface EventStreams {
  subscribe(request: IncomingMessage, response: ServerResponse): void
  broadcast(event: string, data: unknown): void
  closeAll(): void
  readonly size: number
}

/**
 * Server-Sent Events streams, bounded: anyone who can reach the server may
 * listen, so each client address gets a few streams and everyone together a
 * few hundred, and every stream ends after a while. A stream over the limit
 * is refused with 503 and the refusal reported, so that an open-ended number
 * of listeners can never use up the process's file descriptors.
 */
export function eventStreams(limits: StreamLimits, onRefused: (message: string) => void): EventStreams {
  const streams = new Map<ServerResponse, string>()
  const perClient = new Map<string, number>()
  let refusedSinceReport = 0
  let lastReport = 0

  function refuse(response: ServerResponse, why: string): void {
    sendJson(response, 503, { error: `too many event streams ${why}; try again later` })
    refusedSinceReport++
    // One line per few seconds at most, however hard someone pushes.
    if (Date.now() - lastReport < 5_000) return
    onRefused(`refused ${refusedSinceReport} event stream${refusedSinceReport === 1 ? '' : 's'} (${why})`)
    refusedSinceReport = 0
    lastReport = Date.now()
  }

  function subscribe(request: IncomingMessage, response: ServerResponse): void {
    const client = request.socket.remoteAddress ?? 'unknown'
    if (streams.size >= limits.total) return refuse(response, `in total, limit ${limits.total}`)
    const mine = perClient.get(client) ?? 0
    if (mine >= limits.perClient) return refuse(response, `from ${client}, limit ${limits.perClient}`)
    perClient.set(client, mine + 1)
    streams.set(response, client)
    response.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-store',
      connection: 'keep-alive',
    })
    response.write(': connected\n\n')
    const keepAlive = setInterval(() => response.write(': keep-alive\n\n'), limits.keepAliveMs)
    const maxAge = setTimeout(() => response.end(), limits.maxAgeMs)
    response.on('close', () => {
      clearInterval(keepAlive)
      clearTimeout(maxAge)
      if (!streams.delete(response)) return
      const left = (perClient.get(client) ?? 1) - 1
      if (left > 0) perClient.set(client, left)
      else perClient.delete(client)
    })
  }

  return {
    subscribe,
    broadcast(event, data) {
      for (const stream of streams.keys()) stream.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`)
    },
    closeAll() {
      for (const stream of streams.keys()) stream.end()
    },
    get size() {
      return streams.size
    },
  }
}
