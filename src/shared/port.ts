// Port numbers for the two servers briefdeck starts (present's Slidev and
// serve's review server): the same bounds and the same words for both.
import { createServer } from 'node:net'
import { EnvironmentProblem, UsageError } from '../model/index.js'

/**
 * A TCP port from the command line. 0 is refused: it would let the system
 * pick one, and the address briefdeck prints would then be wrong.
 */
export function parsePort(value: unknown, option = '--port'): number {
  const port = typeof value === 'number' ? value : Number(String(value).trim() || Number.NaN)
  if (!Number.isInteger(port) || port < 1 || port > 65_535)
    throw new UsageError(`'${String(value)}' is not a port number (1 to 65535)`, option)
  return port
}

/** The machine's problem when another program holds the port. */
export function portInUse(port: number, host: string): EnvironmentProblem {
  return new EnvironmentProblem(`port ${port} on ${host} is in use; pick another with --port`)
}

/**
 * Fails with `portInUse` when the port is taken: said before a child server
 * starts, rather than guessed from its stopping (Slidev exits on a taken port
 * with output of its own).
 */
export function ensurePortFree(port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? portInUse(port, host) : error),
    )
    probe.listen(port, host, () => probe.close(() => resolve()))
  })
}
