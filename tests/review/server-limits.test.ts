// The review server under pressure: bounded event streams, a busy port, and
// a DRAFT mark that never drops while an approval is being withdrawn.
import { rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { applyReview, readReviewState } from '../../src/review/index.js'
import { startReviewServer, type ReviewServer, type ReviewServerOptions } from '../../src/review/server/index.js'
import { samplePlan } from './plans.js'
import { sampleServerOptions, servedSample, type ServedSample } from './served-sample.js'

const plan = samplePlan()
let sample: ServedSample<'bob'>
let briefPath: string
let token: string
const servers: ReviewServer[] = []

beforeEach(async () => {
  sample = await servedSample('briefdeck-serve-limits-', ['bob'], plan)
  briefPath = sample.briefPath
  token = sample.tokens.bob
})
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
  await rm(sample.dir, { recursive: true, force: true })
})

async function start(options: Partial<ReviewServerOptions> = {}): Promise<ReviewServer> {
  const server = await startReviewServer(sampleServerOptions(sample, options))
  servers.push(server)
  return server
}

/** A promise that resolves when the test says so: holds a rebuild at a chosen point. */
function gateOf(): { readonly promise: Promise<void>; readonly open: () => void } {
  let open = () => {}
  const promise = new Promise<void>((done) => (open = done))
  return { promise, open }
}

const approval = (server: ReviewServer, slideId: string, method: 'POST' | 'DELETE') =>
  fetch(`${server.url}/api/decks/${plan.audience}/slides/${slideId}/approval`, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: method === 'POST' ? '{}' : null,
  })

describe('event streams', () => {
  it('refuses streams over the cap per client and in total, and reports the refusals', async () => {
    const warnings: string[] = []
    const server = await start({
      streamLimits: { perClient: 2, total: 3, maxAgeMs: 60_000, keepAliveMs: 60_000 },
      onWarning: (warning) => warnings.push(warning.message),
    })
    const open = async (address: string) => {
      const controller = new AbortController()
      const response = await fetch(server.url.replace('127.0.0.1', address) + '/api/events', {
        signal: controller.signal,
      }).catch(() => null)
      return { status: response?.status, close: () => controller.abort() }
    }
    const first = [await open('127.0.0.1'), await open('127.0.0.1')]
    expect(first.map((stream) => stream.status)).toEqual([200, 200])
    expect((await open('127.0.0.1')).status).toBe(503)
    expect(warnings.some((message) => /refused 1 event stream \(from 127\.0\.0\.1, limit 2\)/.test(message))).toBe(true)
    first[0]!.close()
    await new Promise((done) => setTimeout(done, 100))
    const again = await open('127.0.0.1')
    expect(again.status).toBe(200)
    for (const stream of [first[1]!, again]) stream.close()
  })

  it('refuses streams over the cap in total', async () => {
    const warnings: string[] = []
    const server = await start({
      streamLimits: { perClient: 5, total: 2, maxAgeMs: 60_000, keepAliveMs: 60_000 },
      onWarning: (warning) => warnings.push(warning.message),
    })
    const controller = new AbortController()
    const statuses = []
    for (let index = 0; index < 3; index++)
      statuses.push((await fetch(`${server.url}/api/events`, { signal: controller.signal })).status)
    controller.abort()
    expect(statuses).toEqual([200, 200, 503])
    expect(warnings).toEqual(['refused 1 event stream (in total, limit 2)'])
  })

  it('closes a stream when it reaches its age, so that none is held for ever', async () => {
    const server = await start({ streamLimits: { perClient: 2, total: 3, maxAgeMs: 200, keepAliveMs: 60_000 } })
    const response = await fetch(`${server.url}/api/events`)
    const text = await response.text()
    expect(text).toBe(': connected\n\n')
  })
})

describe('a busy port', () => {
  it('fails at once, leaving nothing that keeps the process alive', async () => {
    const blocker = createServer()
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done))
    const { port } = blocker.address() as { port: number }
    try {
      await expect(start({ port })).rejects.toMatchObject({ code: 'EADDRINUSE' })
    } finally {
      blocker.close()
    }
  })
})

describe('the DRAFT mark during a rebuild', () => {
  it('never serves the deck without its mark after an approval is withdrawn during the rebuild', async () => {
    const firstGate = gateOf()
    const secondGate = gateOf()
    const secondStarted = gateOf()
    let builds = 0
    const server = await start({
      // A rebuild that reads the approvals at its start and takes a while, as a Slidev build does.
      republish: async () => {
        builds++
        const { state } = await readReviewState(briefPath)
        if (builds === 1) await firstGate.promise
        if (builds === 2) {
          secondStarted.open()
          await secondGate.promise
        }
        return { ...sample.deck, plan: applyReview(plan, state, ['bob']) }
      },
    })
    /** The deck is marked DRAFT in the server's state and in what it serves. */
    const expectMarked = async () => {
      expect(server.decks()[0]!.plan.draft).toBe(true)
      expect((await fetch(`${server.url}/api/decks`).then((response) => response.json()))[0].draft).toBe(true)
    }
    // A failed expectation must not leave a rebuild held, or the server never closes.
    try {
      for (const slide of plan.slides) expect((await approval(server, slide.id, 'POST')).status).toBe(201)
      // The rebuild without the mark is under way; the approval of one slide is withdrawn now.
      expect((await approval(server, plan.slides[0]!.id, 'DELETE')).status).toBe(201)
      firstGate.open()
      // The build made before the withdrawal is done, and a DRAFT build (if one is needed) under way: the deck must still be marked.
      await Promise.race([secondStarted.promise, server.idle()])
      await expectMarked()
      secondGate.open()
      await server.idle()
      await expectMarked()
    } finally {
      firstGate.open()
      secondGate.open()
    }
  })

  it('withholds a published approved deck from the moment its approval is withdrawn until its DRAFT build is in', async () => {
    const gate = gateOf()
    let builds = 0
    const server = await start({
      republish: async () => {
        builds++
        const { state } = await readReviewState(briefPath)
        if (builds === 2) await gate.promise
        return { ...sample.deck, plan: applyReview(plan, state, ['bob']) }
      },
    })
    for (const slide of plan.slides) expect((await approval(server, slide.id, 'POST')).status).toBe(201)
    await server.idle()
    expect(server.decks()[0]!.plan.draft).toBe(false)
    expect((await fetch(`${server.url}/${plan.audience}/`)).status).toBe(200)
    expect((await approval(server, plan.slides[0]!.id, 'DELETE')).status).toBe(201)
    const during = await fetch(`${server.url}/${plan.audience}/`)
    expect(during.status).toBe(503)
    expect(await during.text()).toContain('being rebuilt as a DRAFT')
    gate.open()
    await server.idle()
    expect(server.decks()[0]!.plan.draft).toBe(true)
    expect((await fetch(`${server.url}/${plan.audience}/`)).status).toBe(200)
  })
})
