import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { printMessage, reportError, ExitCode } from '../../src/cli/exit.js'
import { BriefdeckProblem, EnvironmentProblem, UsageError } from '../../src/model/index.js'
import {
  ensurePortFree,
  escapeHtml,
  escapeRegExp,
  parsePort,
  readTextFile,
  runProcess,
  startProcess,
} from '../../src/shared/index.js'

const node = process.execPath

describe('processes', () => {
  it('feeds input and returns output and exit code', async () => {
    const script = 'process.stdin.pipe(process.stdout); process.stdin.on("end", () => process.exit(3))'
    const result = await runProcess(node, ['-e', script], { input: new TextEncoder().encode('ünï') })
    expect(result).toEqual({ exitCode: 3, stdout: 'ünï', stderr: '' })
  })

  it('never splits a character between two chunks of output', async () => {
    // 'é' is two bytes; written one byte at a time, each chunk alone is not UTF-8.
    const script =
      'const b = Buffer.from("é".repeat(50)); let i = 0; const t = setInterval(() => { process.stdout.write(b.subarray(i, ++i)); if (i === b.length) clearInterval(t) }, 0)'
    const { stdout } = await runProcess(node, ['-e', script])
    expect(stdout).toBe('é'.repeat(50))
  })

  it('says a missing program is the machine’s problem, with what to install', async () => {
    const failure = runProcess('briefdeck-no-such-program', [], { install: 'poppler-utils' })
    await expect(failure).rejects.toThrow(EnvironmentProblem)
    await expect(failure).rejects.toThrow('briefdeck-no-such-program not found: install poppler-utils')
  })

  it('collects what a long-running program printed and how it ended', async () => {
    const running = startProcess(node, ['-e', 'console.log("up"); setInterval(() => {}, 1000)'], { output: 'collect' })
    await new Promise((resolve) => running.child.stdout?.once('data', resolve))
    running.stop()
    expect(await running.exited).toEqual({ exitCode: 0, stdout: 'up\n', stderr: '' })
  })
})

describe('files', () => {
  it('reads UTF-8 text and names the file of anything else', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'briefdeck-shared-'))
    await writeFile(join(dir, 'ok.txt'), '\ufeffhé')
    await writeFile(join(dir, 'latin1.txt'), Buffer.from([0x68, 0xe9]))
    expect(await readTextFile(join(dir, 'ok.txt'), { ruleId: 'x' })).toBe('hé')
    await expect(readTextFile(join(dir, 'latin1.txt'), { ruleId: 'x' })).rejects.toThrow(
      new BriefdeckProblem('not UTF-8 text', { file: join(dir, 'latin1.txt') }, 'x'),
    )
    await expect(readTextFile(join(dir, 'none.txt'), { ruleId: 'x' })).rejects.toThrow('file not found')
    expect(await readFile(join(dir, 'ok.txt'), 'utf8')).toBe('\ufeffhé')
  })
})

describe('escaping', () => {
  it('escapes HTML and regular expressions', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;')
    expect(new RegExp(escapeRegExp('a.b*(c)')).test('a.b*(c)')).toBe(true)
    expect(new RegExp(escapeRegExp('a.b')).test('axb')).toBe(false)
  })
})

describe('ports', () => {
  it.each(['0', '65536', 'x', '', '3.5'])('refuses --port %j at the option', (value) => {
    expect(() => parsePort(value)).toThrow(UsageError)
    expect(() => parsePort(value)).toThrow(`'${value}' is not a port number (1 to 65535)`)
  })

  it('accepts what cac parses', () => {
    expect(parsePort(3030)).toBe(3030)
    expect(parsePort('1')).toBe(1)
  })

  it('says a taken port is the machine’s problem', async () => {
    const holder = createServer()
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve))
    const { port } = holder.address() as { port: number }
    try {
      await expect(ensurePortFree(port, '127.0.0.1')).rejects.toThrow(EnvironmentProblem)
    } finally {
      holder.close()
    }
    await expect(ensurePortFree(port, '127.0.0.1')).resolves.toBeUndefined()
  })
})

describe('messages', () => {
  it('prints every problem of a pass, warnings marked, usage errors pointing at --help', () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const second = new BriefdeckProblem('second', { file: 'b.yaml', line: 3 }, 'r')
    expect(
      reportError(new BriefdeckProblem('first', { file: 'b.yaml', line: 1, column: 2 }, 'r', { also: [second] })),
    ).toBe(ExitCode.badInput)
    printMessage(new BriefdeckProblem('orphan', { file: 'b.yaml', line: 4 }, 'o', { fatal: false }))
    expect(reportError(new UsageError('required', '--as'))).toBe(ExitCode.badInput)
    expect(reportError(new EnvironmentProblem('pdftotext not found'))).toBe(ExitCode.environment)
    expect(error.mock.calls.map(([line]) => line)).toEqual([
      'briefdeck: b.yaml:1:2: first',
      'briefdeck: b.yaml:3: second',
      'briefdeck: warning: b.yaml:4: orphan',
      'briefdeck: --as: required (see briefdeck --help)',
      'briefdeck: pdftotext not found',
    ])
    error.mockRestore()
  })

  it('keeps the message in JSON', () => {
    const warning = new BriefdeckProblem('orphan', { file: 'b.yaml' }, 'o', { fatal: false, source: 'brief' })
    expect(JSON.parse(JSON.stringify(warning))).toEqual({
      message: 'orphan',
      place: { file: 'b.yaml' },
      ruleId: 'o',
      fatal: false,
      source: 'brief',
    })
    expect(warning.reason).toBe('orphan')
  })
})
