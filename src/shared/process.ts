// Child processes, on tinyexec: briefdeck runs Slidev, Vite builds and
// poppler's pdftotext, and each needs the same three things: the output as
// text (decoded as a stream, so that no character is split between chunks),
// the exit code, and a missing program reported as the machine's problem
// rather than as a bug.
import type { ChildProcess, StdioOptions } from 'node:child_process'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { x, type Result } from 'tinyexec'
import { EnvironmentProblem } from '../model/index.js'

/** The signals that ask briefdeck to stop: on each, what it started must stop too. */
export const stopSignals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const

export interface ProcessOptions {
  readonly cwd?: string
  /** Added to this process's environment. */
  readonly env?: NodeJS.ProcessEnv
  /** What to tell the user to install when the program is not found, e.g. `poppler-utils`. */
  readonly install?: string
}

export interface ProcessOutput {
  /** 0 for a program stopped by a signal we sent; 1 when it ended without a code. */
  readonly exitCode: number
  readonly stdout: string
  readonly stderr: string
}

/** Runs a program to its end, feeding it `input`, and returns what it printed and how it ended. */
export function runProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions & { readonly input?: Uint8Array } = {},
): Promise<ProcessOutput> {
  const running = spawnProcess(command, args, options, ['pipe', 'pipe', 'pipe'])
  const stdin = running.process?.stdin
  // A program that stops reading early fails with its own exit code and message; the broken pipe adds nothing.
  stdin?.on('error', () => undefined)
  stdin?.end(options.input ?? '')
  return finished(running, command, options)
}

/** A program that runs until it stops or is stopped (a server, a build worker spoken to over IPC). */
export interface RunningProcess {
  readonly child: ChildProcess
  /** Resolves when the program has ended, with what it printed when `output` is `collect`. */
  readonly exited: Promise<ProcessOutput>
  stop(): void
}

export function startProcess(
  command: string,
  args: readonly string[],
  options: ProcessOptions & {
    /** `inherit` shows its output in this terminal; `collect` keeps it for `exited`; `ignore` drops it. */
    readonly output: 'inherit' | 'collect' | 'ignore'
    /** Opens a message channel to a Node.js child. */
    readonly ipc?: boolean
  },
): RunningProcess {
  const streams = options.output === 'collect' ? 'pipe' : options.output
  const stdio: StdioOptions = ['ignore', streams, streams, ...(options.ipc ? ['ipc' as const] : [])]
  const running = spawnProcess(command, args, options, stdio)
  const child = running.process
  if (!child) throw new Error(`${command} did not start`)
  return { child, exited: finished(running, command, options), stop: () => running.kill('SIGTERM') }
}

function spawnProcess(command: string, args: readonly string[], options: ProcessOptions, stdio: StdioOptions): Result {
  const running = x(command, args, {
    // Children find their programs as briefdeck does, not in whatever node_modules/.bin is near their folder.
    nodePath: false,
    nodeOptions: { ...(options.cwd === undefined ? {} : { cwd: options.cwd }), env: options.env ?? {}, stdio },
  })
  running.process?.stdout?.setEncoding('utf8')
  running.process?.stderr?.setEncoding('utf8')
  return running
}

async function finished(running: Result, command: string, options: ProcessOptions): Promise<ProcessOutput> {
  try {
    const { exitCode, stdout, stderr } = await running
    return { exitCode: exitCode ?? (running.signalCode === null ? 1 : 0), stdout, stderr }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    const install = options.install === undefined ? '' : `: install ${options.install}`
    throw new EnvironmentProblem(`${command} not found${install}`, { cause: error })
  }
}

/** Slidev's command, run with this Node.js (`process.execPath`) so that it needs no shell or PATH. */
export const slidevBin = join(
  dirname(createRequire(import.meta.url).resolve('@slidev/cli/package.json')),
  'bin',
  'slidev.mjs',
)
