import { readFile, rm, stat } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readReviewLog, readReviewState, reviewDeck, reviewLogPath } from '../../src/review/index.js'
import { startReviewServer, type ReviewServer } from '../../src/review/server/index.js'
import { samplePlan } from './plans.js'
import { reviewedDeck, sampleServerOptions, servedSample, type ServedSample } from './served-sample.js'

const plan = samplePlan()
let sample: ServedSample<'alice' | 'bob'>
let briefPath: string
let server: ReviewServer
let tokens: Readonly<Record<'alice' | 'bob', string>>
let republished = 0

beforeAll(async () => {
  sample = await servedSample('briefdeck-serve-', ['alice', 'bob'], plan)
  ;({ briefPath, tokens } = sample)
  server = await startReviewServer(
    sampleServerOptions(sample, {
      port: 15100,
      republish: () => {
        republished++
        return reviewedDeck(sample)
      },
    }),
  )
})

afterAll(async () => {
  await server?.close()
  await rm(sample.dir, { recursive: true, force: true })
})

interface Sent {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the JSON shape it asked for
  body: any
}

async function send(
  method: string,
  path: string,
  options: { token?: string; body?: unknown; contentType?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { 'content-type': options.contentType ?? 'application/json' }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
  })
  const text = await response.text()
  return { status: response.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text }
}

const commentsPath = `/api/decks/${plan.audience}/comments`
const logFile = () => reviewLogPath(briefPath)

describe('review server: writes', () => {
  it('keeps every one of 200 comments from 10 concurrent clients, once, in the file and in the review', async () => {
    const clients = Array.from({ length: 10 }, (_, client) => client)
    await Promise.all(
      clients.map(async (client) => {
        for (let index = 0; index < 20; index++) {
          const token = client % 2 === 0 ? tokens.alice : tokens.bob
          const sent = await send('POST', commentsPath, {
            token,
            body: { slideId: 'key-points-1', text: `client ${client} comment ${index}` },
          })
          expect(sent.status).toBe(201)
        }
      }),
    )
    const expected = clients
      .flatMap((client) => Array.from({ length: 20 }, (_, index) => `client ${client} comment ${index}`))
      .sort()
    const { events, warnings } = await readReviewLog(logFile())
    expect(warnings).toEqual([])
    const texts = events.flatMap((event) => (event.type === 'comment' ? [event.text] : []))
    expect(texts.sort()).toEqual(expected)
    const { state } = await readReviewState(briefPath)
    const onDisk = reviewDeck(plan, state, ['bob']).slides.find((slide) => slide.slideId === 'key-points-1')!
    expect(onDisk.threads.map((thread) => thread.text).sort()).toEqual(expected)
    const served = await send('GET', `/api/decks/${plan.audience}/review`)
    expect(served.body.slides[2].threads).toHaveLength(200)
  })

  it('takes the author from the token and refuses a body that names one', async () => {
    const sent = await send('POST', commentsPath, { token: tokens.alice, body: { slideId: 'bluf', text: 'Mine.' } })
    expect(sent).toMatchObject({
      status: 201,
      body: { author: 'alice', text: 'Mine.', slideId: 'bluf', blockIds: ['pact:0000000a'] },
    })
    const before = (await stat(logFile())).size
    const spoofed = await send('POST', commentsPath, {
      token: tokens.alice,
      body: { slideId: 'bluf', text: 'As bob.', author: 'bob' },
    })
    expect(spoofed.status).toBe(400)
    expect((await stat(logFile())).size).toBe(before)
  })

  it.each([
    ['no token', undefined],
    ['a made-up token', 'bdr_not-a-token'],
    ['a token with one character changed', 'tampered'],
  ])('rejects a write with %s and changes nothing', async (_, token) => {
    const presented =
      token === 'tampered' ? `${tokens.alice.slice(0, -1)}${tokens.alice.endsWith('A') ? 'B' : 'A'}` : token
    const before = await readFile(logFile(), 'utf8')
    for (const [method, path] of [
      ['POST', commentsPath],
      ['POST', `/api/decks/${plan.audience}/slides/bluf/approval`],
      ['DELETE', `/api/decks/${plan.audience}/slides/bluf/approval`],
    ] as const) {
      const sent = await send(method, path, {
        token: presented,
        body: method === 'POST' && path === commentsPath ? { slideId: 'bluf', text: 'sneaky' } : {},
      })
      expect(sent.status).toBe(401)
    }
    expect(await send('GET', '/api/whoami', { token: presented })).toMatchObject({ status: 401 })
    expect(await readFile(logFile(), 'utf8')).toBe(before)
  })

  it('refuses unknown slides, empty comments and non-JSON bodies', async () => {
    expect(
      (await send('POST', commentsPath, { token: tokens.alice, body: { slideId: 'nope', text: 'x' } })).status,
    ).toBe(404)
    expect(
      (await send('POST', commentsPath, { token: tokens.alice, body: { slideId: 'bluf', text: '   ' } })).status,
    ).toBe(400)
    expect(
      (
        await send('POST', commentsPath, {
          token: tokens.alice,
          body: 'slideId=bluf',
          contentType: 'application/x-www-form-urlencoded',
        })
      ).status,
    ).toBe(415)
  })

  it('stores HTML in a comment as the text it is', async () => {
    const text = '<img src=x onerror="alert(1)"><b>bold</b> {{ 1 + 1 }}'
    const sent = await send('POST', commentsPath, { token: tokens.bob, body: { slideId: 'cover', text } })
    expect(sent.body.text).toBe(text)
  })
})

describe('review server: threads, approvals and live updates', () => {
  it('tells every listener about a new event as it lands', async () => {
    const received = listen('review')
    const sent = await send('POST', commentsPath, { token: tokens.alice, body: { slideId: 'bluf', text: 'Live?' } })
    expect(await received).toMatchObject({
      audience: plan.audience,
      id: sent.body.id,
      type: 'comment',
      slideId: 'bluf',
    })
  })

  it('threads replies and resolutions', async () => {
    const opened = await send('POST', commentsPath, {
      token: tokens.alice,
      body: { slideId: 'key-points-2', text: 'Which source?' },
    })
    const thread = `/api/decks/${plan.audience}/threads/${opened.body.id}`
    expect(
      (await send('POST', `${thread}/replies`, { token: tokens.bob, body: { text: 'The 2025 op-ed.' } })).status,
    ).toBe(201)
    expect((await send('POST', `${thread}/resolve`, { token: tokens.bob, body: {} })).status).toBe(201)
    const review = await send('GET', `/api/decks/${plan.audience}/review`)
    const slide = review.body.slides.find((candidate: { slideId: string }) => candidate.slideId === 'key-points-2')
    expect(slide.threads[0]).toMatchObject({
      text: 'Which source?',
      replies: [{ author: 'bob', text: 'The 2025 op-ed.' }],
      resolved: { by: 'bob' },
    })
  })

  it("refuses an approval from a reviewer the server's key may not sign for, and writes nothing", async () => {
    const before = await readFile(logFile(), 'utf8')
    const refused = await send('POST', `/api/decks/${plan.audience}/slides/bluf/approval`, {
      token: tokens.alice,
      body: {},
    })
    expect(refused).toMatchObject({ status: 403, body: { error: expect.stringMatching(/not listed for alice/) } })
    expect(await readFile(logFile(), 'utf8')).toBe(before)
  })

  it('republishes the deck without its draft mark once the required reviewer approved every slide', async () => {
    const rebuilt = listen('deck')
    for (const slide of plan.slides) {
      expect(republished).toBe(0)
      expect(
        (await send('POST', `/api/decks/${plan.audience}/slides/${slide.id}/approval`, { token: tokens.bob, body: {} }))
          .status,
      ).toBe(201)
    }
    expect(await rebuilt).toEqual({ audience: plan.audience, draft: false })
    await server.idle()
    const approvals = (await readReviewLog(logFile())).events.filter((event) => event.type === 'approve')
    expect(
      approvals.every((event) => event.author === 'bob' && event.signature?.startsWith('-----BEGIN SSH SIGNATURE')),
    ).toBe(true)
    expect(republished).toBe(1)
    expect(server.decks()[0]!.plan.draft).toBe(false)
    expect((await send('GET', '/api/decks')).body).toEqual([
      { audience: plan.audience, title: plan.title, draft: false, url: `/${plan.audience}/` },
    ])
  })
})

describe('review server: decks', () => {
  it('serves the deck with the review hook, and slide URLs as the app page', async () => {
    for (const path of [`/${plan.audience}/`, `/${plan.audience}/3`]) {
      const page = await send('GET', path)
      expect(page.status).toBe(200)
      expect(page.body).toContain(
        '<meta name="briefdeck-review" content="{&quot;api&quot;:&quot;/api&quot;,&quot;audience&quot;:&quot;congressional-staff&quot;}">',
      )
    }
    expect((await send('GET', `/${plan.audience}/assets/app.js`)).body).toContain('document.title')
    // Nothing outside the site folder, however the path is spelled: an unknown path is a slide route.
    for (const path of [`/${plan.audience}/%2e%2e/%2e%2e/package.json`, `/${plan.audience}/..%2f..%2fpackage.json`]) {
      const escaped = await send('GET', path)
      expect(String(escaped.body)).not.toContain('"name"')
    }
  })

  it('refuses a request for another host name, as a DNS-rebinding page would send', async () => {
    expect(await rawGet(`/api/decks/${plan.audience}/review`, { host: 'attacker.example:15100' })).toContain(
      'unexpected Host header',
    )
    expect(await rawGet(`/api/decks/${plan.audience}/review`, { host: 'localhost:15100' })).toContain('"slides"')
  })

  it('never serves a file outside the deck’s site', async () => {
    // The fixture site is four folders below the repository's package.json.
    const up = '../'.repeat(4)
    const paths = [
      '/../package.json',
      `/${plan.audience}/${up}package.json`,
      `/${plan.audience}/${up.replaceAll('..', '%2e%2e')}package.json`,
      `/${plan.audience}/${up.replaceAll('/', '%2f')}package.json`,
    ]
    for (const path of paths) expect(await rawGet(path)).not.toContain('"name": "briefdeck"')
  })
})

/** The data of the next server-sent event of this type. */
async function listen(type: string): Promise<unknown> {
  const controller = new AbortController()
  const response = await fetch(`${server.url}/api/events`, { signal: controller.signal })
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  return (async () => {
    for (;;) {
      const { value, done } = await reader.read()
      if (done) throw new Error('event stream ended')
      buffer += value
      const match = new RegExp(`event: ${type}\\ndata: (.*)\\n\\n`).exec(buffer)
      if (match) {
        controller.abort()
        return JSON.parse(match[1]!)
      }
    }
  })()
}

/** A GET with the path sent exactly as written (fetch would normalise the dots away). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<string> {
  const { hostname, port } = new URL(server.url)
  return new Promise((done, fail) => {
    const request = httpRequest({ hostname, port, path, method: 'GET', headers }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (body += chunk))
      response.on('end', () => done(body))
    })
    request.on('error', fail)
    request.end()
  })
}
