// Work a command will need, begun before the CLI's code loads: bin/briefdeck.js
// calls this first thing, with the raw arguments.
import { startPrinterThread } from '../pipeline/printer-worker.js'

/** Whether the arguments ask for PDFs (`export`, or `build` with `--pdf`): a guess ahead of the CLI's parsing, which a wrong answer only makes slower. */
export function printsPdfs(args: readonly string[]): boolean {
  const [command, ...rest] = args
  return command === 'export' || (command === 'build' && rest.includes('--pdf'))
}

export function startEarlyWork(args: readonly string[]): void {
  if (printsPdfs(args)) startPrinterThread()
}
