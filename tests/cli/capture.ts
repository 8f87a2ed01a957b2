// What a command module printed when run in the test's own process: its exit
// code, its standard output (written or logged) and each line it gave the
// console's error stream. The spies go when the command is done.
import { vi } from 'vitest'

export interface Captured {
  readonly code: number
  readonly stdout: string
  readonly stderr: string[]
}

export async function captureOutput(command: () => Promise<number>): Promise<Captured> {
  const printed: string[] = []
  const errors: string[] = []
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => printed.push(String(chunk)) > 0),
    vi.spyOn(console, 'log').mockImplementation((...parts) => void printed.push(`${parts.join(' ')}\n`)),
    vi.spyOn(console, 'error').mockImplementation((...parts) => void errors.push(parts.join(' '))),
  ]
  try {
    return { code: await command(), stdout: printed.join(''), stderr: errors }
  } finally {
    for (const spy of spies) spy.mockRestore()
  }
}
