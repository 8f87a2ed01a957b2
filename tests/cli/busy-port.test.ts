// `serve` and `present` on a port that something else holds: one line naming
// the port and a non-zero exit at once, never a server that waits for ever.
import { spawnSync } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { cp, mkdir, rm } from 'node:fs/promises'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const repo = mkdtempSync(join(tmpdir(), 'briefdeck-busy-port-'))
beforeAll(async () => {
  await cp('tests/fixtures/review/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('tests/fixtures/review/harbors.brief.yaml', join(repo, 'briefs', 'harbors.brief.yaml'))
  await mkdir(join(repo, '.git'))
})
afterAll(() => rm(repo, { recursive: true, force: true }))

async function holdPort(host: string): Promise<{ readonly port: number; readonly blocker: Server }> {
  const blocker = createServer()
  await new Promise<void>((done) => blocker.listen(0, host, done))
  return { port: (blocker.address() as { port: number }).port, blocker }
}

describe.each([
  { command: 'serve', host: '127.0.0.1', more: [] },
  { command: 'present', host: 'localhost', more: ['--audience', 'congressional-staff', '--no-open'] },
])('$command on a port in use', ({ command, host, more }) => {
  it('exits non-zero at once with one line naming the port', { timeout: 60_000 }, async () => {
    const { port, blocker } = await holdPort(host)
    try {
      const args = [resolve('bin/briefdeck.js'), command, 'briefs/harbors.brief.yaml', '--port', String(port), ...more]
      // A server that waited for ever would be killed here, and fail the test.
      const result = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8', timeout: 30_000 })
      expect(result.signal).toBeNull()
      expect(result.status).toBe(3)
      expect(result.stderr.trim().split('\n').at(-1)).toMatch(new RegExp(`^briefdeck: port ${port} on \\S+ is in use`))
    } finally {
      blocker.close()
    }
  })
})
