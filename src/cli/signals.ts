// Long-running commands (present, serve) start processes of their own. A
// signal to briefdeck must stop them too: Node's default reaction to SIGINT
// or SIGTERM is to exit on the spot, leaving its children running.
import { stopSignals } from '../shared/index.js'

export interface StopRequest {
  /** Resolves with the first stop signal that arrives. */
  readonly received: Promise<NodeJS.Signals>
  /** Takes the handlers away again, leaving Node's defaults. */
  dispose(): void
}

/** From now on a stop signal no longer ends the process; the command hears it through `received` and cleans up. */
export function onStopSignal(): StopRequest {
  let dispose = () => {}
  const received = new Promise<NodeJS.Signals>((resolve) => {
    const handlers = stopSignals.map((signal) => [signal, () => resolve(signal)] as const)
    for (const [signal, handler] of handlers) process.on(signal, handler)
    dispose = () => handlers.forEach(([signal, handler]) => process.off(signal, handler))
  })
  return { received, dispose: () => dispose() }
}
