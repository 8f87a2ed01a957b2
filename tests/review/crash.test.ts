import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appendReviewEvent, readReviewLog, reviewLogPath } from '../../src/review/index.js'
import { addReviewer } from '../../src/review/server/index.js'
import { commentOn } from './events.js'
import { samplePlan } from './plans.js'

// The server must run in a process of its own to be killed, so it runs from
// dist/ (`npm test` builds it first, as the CLI tests assume too).
const serverModule = resolve('dist/review/server/index.js')
const plan = samplePlan()
const port = 15110

const childScript = `
const { startReviewServer } = await import(process.env.SERVER_MODULE)
const deck = JSON.parse(process.env.DECK)
await startReviewServer({ briefPath: process.env.BRIEF, host: '127.0.0.1', port: Number(process.env.PORT), decks: [deck], republish: async () => deck })
console.log('listening')
`

let dir: string
let briefPath: string
let child: ChildProcess | undefined

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'briefdeck-crash-'))
  await mkdir(join(dir, 'briefs'))
  briefPath = join(dir, 'briefs', 'sample.brief.yaml')
})
afterAll(async () => {
  child?.kill('SIGKILL')
  await rm(dir, { recursive: true, force: true })
})

describe('a review server killed while comments pour in', () => {
  it('leaves a log that loads and holds every comment it acknowledged', async () => {
    expect(existsSync(serverModule), 'run `npm run build` first').toBe(true)
    const { token } = await addReviewer(briefPath, 'alice')
    child = spawn(process.execPath, ['--input-type=module', '-e', childScript], {
      env: {
        ...process.env,
        SERVER_MODULE: pathToFileURL(serverModule).href,
        DECK: JSON.stringify({ plan, requiredReviewers: [], siteDir: resolve('tests/fixtures/review/site') }),
        BRIEF: briefPath,
        PORT: String(port),
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    await new Promise<void>((ready) =>
      child!.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('listening') && ready()),
    )

    const acknowledged: string[] = []
    let killed = false
    const client = async (name: number) => {
      for (let index = 0; !killed; index++) {
        const text = `client ${name} comment ${index}`
        const response = await fetch(`http://127.0.0.1:${port}/api/decks/${plan.audience}/comments`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({ slideId: 'bluf', text }),
        }).catch(() => null)
        if (response?.status === 201) acknowledged.push(text)
        if (acknowledged.length >= 60 && !killed) {
          killed = true
          child!.kill('SIGKILL')
        }
      }
    }
    await Promise.all(Array.from({ length: 10 }, (_, name) => client(name)))
    await new Promise((exited) =>
      child!.exitCode !== null || child!.signalCode !== null ? exited(null) : child!.once('exit', exited),
    )

    const { events } = await readReviewLog(reviewLogPath(briefPath))
    const written = new Set(events.flatMap((event) => (event.type === 'comment' ? [event.text] : [])))
    expect(acknowledged.filter((text) => !written.has(text))).toEqual([])

    // The log takes new events after the crash, whatever the kill left at its end.
    const after = commentOn(plan, 'bluf', 'alice', 'After the crash')
    await appendReviewEvent(reviewLogPath(briefPath), after)
    expect((await readReviewLog(reviewLogPath(briefPath))).events.at(-1)!.id).toBe(after.id)
  })
})
