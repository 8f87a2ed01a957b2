// `briefdeck ci github`: the workflow file parses, and its jobs are the
// repository's briefs, each built with --pdf, gated on review --strict and
// uploading its PDFs only after the gate.
import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join, resolve, sep } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const binary = resolve('bin/briefdeck.js')
let repo: string

interface Step {
  readonly name?: string
  readonly uses?: string
  readonly run?: string
  readonly with?: Record<string, unknown>
}

beforeAll(async () => {
  repo = await mkdtemp(join(tmpdir(), 'briefdeck-ci-'))
  // A repository of its own with two briefs, one nested, so that briefs added to this checkout change nothing.
  await mkdir(join(repo, 'briefs', 'regional'), { recursive: true })
  await cp('briefs/sources', join(repo, 'briefs', 'sources'), { recursive: true })
  await cp('briefs/pacific-alliances.brief.yaml', join(repo, 'briefs', 'pacific-alliances.brief.yaml'))
  await cp('briefs/pacific-alliances.brief.yaml', join(repo, 'briefs', 'regional', 'arctic.brief.yaml'))
})
afterAll(() => rm(repo, { recursive: true, force: true }))

describe('briefdeck ci github', () => {
  it('writes a workflow with a job per brief of the repository', async () => {
    const result = spawnSync('node', [binary, 'ci', 'github'], { cwd: repo, encoding: 'utf8' })
    expect(result.stderr).toBe('')
    expect(result.status).toBe(0)
    const workflow = parse(await readFile(join(repo, '.github', 'workflows', 'briefdeck.yml'), 'utf8'))
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['push', 'pull_request']))
    const job = workflow.jobs.brief
    expect(job.strategy['fail-fast']).toBe(false)
    // The repository's briefs, found here by their file names alone.
    const briefs = (await readdir(join(repo, 'briefs'), { recursive: true }))
      .filter((path) => path.endsWith('.brief.yaml'))
      .map((path) => ({ name: basename(path, '.brief.yaml'), path: `briefs/${path.split(sep).join('/')}` }))
    const byPath = (a: { path: string }, b: { path: string }) => a.path.localeCompare(b.path)
    expect([...job.strategy.matrix.include].sort(byPath)).toEqual(briefs.sort(byPath))
    expect(briefs.map((brief) => brief.name)).toEqual(expect.arrayContaining(['pacific-alliances', 'arctic']))
    const steps: Step[] = job.steps
    const index = (test: (step: Step) => boolean) => steps.findIndex(test)
    const install = index((step) => step.run?.includes('npm ci') ?? false)
    const build = index((step) => /npx briefdeck build "\$\{\{ matrix.path \}\}" --pdf$/.test(step.run ?? ''))
    const gate = index((step) => /npx briefdeck review "\$\{\{ matrix.path \}\}" --strict$/.test(step.run ?? ''))
    const upload = index((step) => step.uses?.startsWith('actions/upload-artifact') ?? false)
    expect([install, build, gate, upload].every((position) => position >= 0)).toBe(true)
    expect(install < build && build < gate && gate < upload).toBe(true)
    expect(steps[upload]!.with).toMatchObject({ path: 'out/${{ matrix.name }}/**/*.pdf' })
  })

  it('refuses another provider in one line, exit 2', () => {
    const result = spawnSync('node', [binary, 'ci', 'gitlab'], { cwd: repo, encoding: 'utf8' })
    expect(result.status).toBe(2)
    expect(result.stderr.trim().split('\n')).toHaveLength(1)
  })
})
