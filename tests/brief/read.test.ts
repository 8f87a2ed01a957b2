import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readBrief, sourcePath } from '../../src/brief/index.js'
import { BriefdeckProblem } from '../../src/model/index.js'

// A throwaway repository: a package.json marks its root, the brief sits in briefs/.
let outside: string
let repo: string
let briefFile: string

beforeEach(async () => {
  outside = await mkdtemp(join(tmpdir(), 'briefdeck-read-'))
  repo = join(outside, 'repo')
  await mkdir(join(repo, 'briefs', 'sources'), { recursive: true })
  await writeFile(join(repo, 'package.json'), '{}\n')
  await writeFile(join(repo, 'briefs', 'sources', 'pact.txt'), 'A source.\n')
  await writeFile(join(outside, 'secret.txt'), 'Not part of the repository.\n')
  briefFile = join(repo, 'briefs', 'test.brief.yaml')
})
afterEach(() => rm(outside, { recursive: true, force: true }))

const briefWithSource = (path: string) =>
  `title: Test\nsources:\n  - id: pact\n    path: ${path}\naudiences: [congressional-staff]\n`

async function problemReading(text: string | Uint8Array): Promise<BriefdeckProblem> {
  await writeFile(briefFile, text)
  const error = await readBrief(briefFile).then(
    () => undefined,
    (caught: unknown) => caught,
  )
  if (!(error instanceof BriefdeckProblem)) throw new Error(`expected a BriefdeckProblem, got ${String(error)}`)
  return error
}

describe('readBrief', () => {
  it('reads a brief whose sources are inside its repository, relative to the brief', async () => {
    await writeFile(briefFile, briefWithSource('sources/pact.txt'))
    const brief = await readBrief(briefFile)
    expect(sourcePath(brief, brief.sources[0]!)).toBe(join(repo, 'briefs', 'sources', 'pact.txt'))
  })

  it('refuses a source path that climbs out of the repository, naming the line', async () => {
    const problem = await problemReading(briefWithSource('../../secret.txt'))
    expect(problem.place).toEqual({ file: briefFile, line: 4, column: 5 })
    expect(problem.message).toMatch(/outside the repository/)
  })

  it('refuses an absolute source path outside the repository', async () => {
    const problem = await problemReading(briefWithSource(join(outside, 'secret.txt')))
    expect(problem.message).toMatch(/outside the repository/)
  })

  it('refuses a symbolic link inside the repository that leads outside it', async () => {
    await symlink(join(outside, 'secret.txt'), join(repo, 'briefs', 'sources', 'linked.txt'))
    const problem = await problemReading(briefWithSource('sources/linked.txt'))
    expect(problem.message).toMatch(/is a link to .*secret\.txt, outside the repository/)
    expect(problem.place.line).toBe(4)
  })

  it('accepts a symbolic link that stays inside the repository', async () => {
    await symlink(join(repo, 'briefs', 'sources', 'pact.txt'), join(repo, 'briefs', 'sources', 'alias.txt'))
    await writeFile(briefFile, briefWithSource('sources/alias.txt'))
    await expect(readBrief(briefFile)).resolves.toMatchObject({ name: 'test' })
  })

  it('reports a missing source at its line', async () => {
    const problem = await problemReading(briefWithSource('sources/absent.txt'))
    expect(problem.toString()).toBe(`${briefFile}:4:5: source 'sources/absent.txt' does not exist`)
  })

  it.each([
    ['an empty file', '', ':1:1: the file is empty'],
    ['a binary file', new Uint8Array([0x74, 0x69, 0x00, 0x01]), ': binary file, expected YAML text'],
    ['a file that is not UTF-8', new Uint8Array([0x74, 0x69, 0x74, 0xff, 0x0a]), ': not UTF-8 text'],
    ['a huge file', `# ${'x'.repeat(1_100_000)}\n`, ': file is too large'],
  ])('refuses %s with a one-line message naming it', async (_, content, expected) => {
    const problem = await problemReading(content)
    expect(problem.toString()).toContain(`${briefFile}${expected}`)
  })

  it('reports a brief that does not exist', async () => {
    await expect(readBrief(join(repo, 'briefs', 'none.brief.yaml'))).rejects.toThrow('file not found')
  })
})
