// `briefdeck ci github`: the workflow file parses, and its jobs are the
// repository's briefs, each built with --pdf, gated on review --strict and
// uploading its PDFs only after the gate.
import { spawnSync } from 'node:child_process'
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
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
  await cp('briefs', join(repo, 'briefs'), { recursive: true })
  await mkdir(join(repo, 'briefs', 'regional'))
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
    expect(job.strategy.matrix.include).toEqual([
      { name: 'pacific-alliances', path: 'briefs/pacific-alliances.brief.yaml' },
      { name: 'arctic', path: 'briefs/regional/arctic.brief.yaml' },
    ])
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
