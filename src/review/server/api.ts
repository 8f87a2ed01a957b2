import type { IncomingMessage, ServerResponse } from 'node:http'
import { z } from 'zod'
import {
  CommentText,
  describeIssues,
  safeParseInOwnWords,
  type DeckPlan,
  type ReviewEventDraft,
} from '../../model/index.js'
import { approveDraft, commentDraft, replyDraft, resolveDraft, revokeDraft } from '../events.js'
import { reviewDeck } from '../status.js'
import type { ReviewStore } from './store.js'

/** A deck as the server publishes it: its plan and the static site built from it. */
export interface ServedDeck {
  readonly plan: DeckPlan
  /** The reviewers whose approval this audience's deck needs, from the brief. */
  readonly requiredReviewers: readonly string[]
  /** The built Slidev site (the folder holding index.html). */
  readonly siteDir: string
}

export interface ApiContext {
  readonly store: ReviewStore
  readonly decks: () => readonly ServedDeck[]
  /** The reviewer a request's bearer token belongs to, or null. */
  readonly authenticate: (request: IncomingMessage) => Promise<string | null>
  /** Keeps the response open as a Server-Sent Events stream. */
  readonly subscribe: (request: IncomingMessage, response: ServerResponse) => void
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }
}

const maxBodyBytes = 64 * 1024

// Bodies are strict: a field such as `author` is refused, not ignored, so
// that no client can believe it chose who it writes as.
const CommentBody = z.strictObject({ slideId: z.string(), text: CommentText })
const ReplyBody = z.strictObject({ text: CommentText })
const EmptyBody = z.strictObject({})

type Handler = (
  context: ApiContext,
  request: IncomingMessage,
  response: ServerResponse,
  params: string[],
) => Promise<void>

/**
 * A handler that records one event as the token's owner: the token is
 * checked before anything else, and the event is built from the author and
 * the path's parameters.
 */
function recording(
  draft: (context: ApiContext, request: IncomingMessage, author: string, params: string[]) => Promise<ReviewEventDraft>,
): Handler {
  return async (context, request, response, params) => {
    const name = await author(context, request)
    await record(context, response, await draft(context, request, name, params))
  }
}

const comment = recording(async (context, request, name, [audience]) => {
  const deck = findDeck(context, audience)
  const body = await readBody(request, CommentBody)
  return commentDraft({ plan: deck.plan, slide: findSlide(deck, body.slideId), author: name }, body.text)
})

const reply = recording(async (context, request, name, [audience, threadId]) => {
  const thread = findThread(context, audience, threadId)
  return replyDraft(thread, name, (await readBody(request, ReplyBody)).text)
})

const resolve = recording(async (context, request, name, [audience, threadId]) => {
  const thread = findThread(context, audience, threadId)
  await readBody(request, EmptyBody)
  return resolveDraft(thread, name)
})

const approve = recording(async (context, request, name, [audience, slideId]) => {
  const deck = findDeck(context, audience)
  await readBody(request, EmptyBody)
  return approveDraft({ plan: deck.plan, slide: findSlide(deck, slideId), author: name })
})

const revoke = recording(async (context, _, name, [audience, slideId]) => {
  const deck = findDeck(context, audience)
  return revokeDraft({ plan: deck.plan, slide: findSlide(deck, slideId), author: name })
})

const routes: [method: string, pattern: RegExp, handler: Handler][] = [
  ['GET', /^\/api\/decks$/, listDecks],
  ['GET', /^\/api\/events$/, async (context, request, response) => context.subscribe(request, response)],
  ['GET', /^\/api\/whoami$/, whoAmI],
  ['GET', /^\/api\/decks\/([^/]+)\/review$/, deckReview],
  ['POST', /^\/api\/decks\/([^/]+)\/comments$/, comment],
  ['POST', /^\/api\/decks\/([^/]+)\/threads\/([^/]+)\/replies$/, reply],
  ['POST', /^\/api\/decks\/([^/]+)\/threads\/([^/]+)\/resolve$/, resolve],
  ['POST', /^\/api\/decks\/([^/]+)\/slides\/([^/]+)\/approval$/, approve],
  ['DELETE', /^\/api\/decks\/([^/]+)\/slides\/([^/]+)\/approval$/, revoke],
]

export async function handleApi(
  context: ApiContext,
  request: IncomingMessage,
  response: ServerResponse,
  path: string,
): Promise<void> {
  try {
    const matching = routes.filter(([, pattern]) => pattern.test(path))
    const route = matching.find(([method]) => method === request.method)
    if (!route)
      throw new HttpError(
        matching.length > 0 ? 405 : 404,
        matching.length > 0 ? 'method not allowed' : 'no such endpoint',
      )
    const [, pattern, handler] = route
    const params = (pattern.exec(path) ?? []).slice(1).map(decodeParam)
    await handler(context, request, response, params)
  } catch (error) {
    if (error instanceof HttpError) sendJson(response, error.status, { error: error.message })
    else {
      console.error(error)
      sendJson(response, 500, { error: 'internal error' })
    }
  }
}

function decodeParam(param: string): string {
  try {
    return decodeURIComponent(param)
  } catch {
    throw new HttpError(400, `malformed path segment ${param}`)
  }
}

async function listDecks(context: ApiContext, _: IncomingMessage, response: ServerResponse): Promise<void> {
  sendJson(
    response,
    200,
    context.decks().map(({ plan }) => ({
      audience: plan.audience,
      title: plan.title,
      draft: plan.draft,
      url: `/${plan.audience}/`,
    })),
  )
}

async function whoAmI(context: ApiContext, request: IncomingMessage, response: ServerResponse): Promise<void> {
  sendJson(response, 200, { name: await author(context, request) })
}

async function deckReview(
  context: ApiContext,
  _: IncomingMessage,
  response: ServerResponse,
  [audience]: string[],
): Promise<void> {
  const deck = findDeck(context, audience)
  sendJson(response, 200, {
    ...reviewDeck(deck.plan, context.store.state(), deck.requiredReviewers),
    published: { draft: deck.plan.draft },
  })
}

/** Answers only once the event is on disk: a 201 means it is durable. */
async function record(context: ApiContext, response: ServerResponse, draft: ReviewEventDraft): Promise<void> {
  sendJson(response, 201, await context.store.append(draft))
}

/** Checked before the body is read, so that a request without a valid token costs nothing and changes nothing. */
async function author(context: ApiContext, request: IncomingMessage): Promise<string> {
  const name = await context.authenticate(request)
  if (!name) throw new HttpError(401, 'a valid reviewer token is required (Authorization: Bearer <token>)')
  return name
}

function findDeck(context: ApiContext, audience: string | undefined): ServedDeck {
  const deck = context.decks().find(({ plan }) => plan.audience === audience)
  if (!deck) throw new HttpError(404, `no deck for audience ${audience}`)
  return deck
}

function findSlide(deck: ServedDeck, slideId: string | undefined) {
  const slide = deck.plan.slides.find(({ id }) => id === slideId)
  if (!slide) throw new HttpError(404, `no slide ${slideId} in the ${deck.plan.audience} deck`)
  return slide
}

function findThread(context: ApiContext, audience: string | undefined, threadId: string | undefined) {
  const found = threadId === undefined ? undefined : context.store.thread(threadId)
  const thread = found?.audience === audience ? found : undefined
  if (!thread) throw new HttpError(404, `no comment ${threadId} on the ${audience} deck`)
  return thread
}

async function readBody<T>(request: IncomingMessage, schema: z.ZodType<T>): Promise<T> {
  if (!/^application\/json\b/.test(request.headers['content-type'] ?? ''))
    throw new HttpError(415, 'send JSON (Content-Type: application/json)')
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length
    if (size > maxBodyBytes) throw new HttpError(413, `request body over ${maxBodyBytes} bytes`)
    chunks.push(chunk)
  }
  let json: unknown
  try {
    json = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    throw new HttpError(400, 'request body is not JSON')
  }
  const result = safeParseInOwnWords(schema, json)
  if (!result.success) throw new HttpError(400, describeIssues(result.error))
  return result.data
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  })
  response.end(text)
}
