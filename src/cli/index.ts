// The briefdeck command: every subcommand is declared here, and each one's
// code is imported only when it runs, so `briefdeck extract` never loads
// Playwright or Slidev.
import { cac } from 'cac'
import { createRequire } from 'node:module'
import { UsageError } from '../model/index.js'
import { reportError } from './exit.js'

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string }
const cli = cac('briefdeck')

/** Runs a command module's `run` and sets the exit code from what it returns or throws. */
function lazy<A extends unknown[]>(load: () => Promise<{ run: (...args: A) => Promise<number> }>) {
  return async (...args: A) => {
    try {
      const { run } = await load()
      process.exitCode = await run(...args)
    } catch (error) {
      process.exitCode = reportError(error)
    }
  }
}

cli
  .command(
    'ingest <...files>',
    'Read sources (PDF, web page, Word, markdown, text): metadata, sections, tables, notes, furniture',
  )
  .option('--json', 'Print each document as JSON (one object per file)')
  .action(lazy(() => import('./commands/ingest.js')))

cli
  .command('extract <...files>', 'Extract argument blocks, actors, timeline and terms from source texts')
  .option('--json', 'Print the extraction as JSON (one object per file)')
  .action(lazy(() => import('./commands/extract.js')))

cli
  .command('build <brief>', 'Build a Slidev deck per audience from a brief file')
  .option('--audience <ids>', 'Only these audiences (comma-separated)')
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .option('--pdf', 'Also export PDFs, handouts and PNGs, then check the decks')
  .option('--pptx', 'Also export PPTX through Slidev')
  .option('--handout-layout <layout>', 'Handout layout: 1up, 2up, 3up or notes', { default: '1up' })
  .option('--paper <size>', 'Handout paper: A4 or Letter', { default: 'A4' })
  .option('--png-scale <scale>', 'Slide PNGs at 1× or 2× the slide size', { default: 1 })
  .option('--no-check', 'Skip the render check after export')
  .option('--quiet', 'No progress output')
  .option(
    '--no-repo-templates',
    "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
  )
  .action(lazy(() => import('./commands/build.js')))

cli
  .command('export <brief>', 'Build and export PDFs, handouts and PNGs for each audience')
  .option('--audience <ids>', 'Only these audiences (comma-separated)')
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .option('--pptx', 'Also export PPTX through Slidev')
  .option('--handout-layout <layout>', 'Handout layout: 1up, 2up, 3up or notes', { default: '1up' })
  .option('--paper <size>', 'Handout paper: A4 or Letter', { default: 'A4' })
  .option('--png-scale <scale>', 'Slide PNGs at 1× or 2× the slide size', { default: 1 })
  .option('--no-check', 'Skip the render check after export')
  .option('--quiet', 'No progress output')
  .option(
    '--no-repo-templates',
    "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
  )
  .action(lazy(() => import('./commands/export.js')))

cli
  .command('check <brief>', 'Open every slide in Chromium and report rendering problems')
  .option('--audience <ids>', 'Only these audiences (comma-separated)')
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .option('--json', 'Print the report as JSON')
  .option('--quiet', 'No progress output')
  .option(
    '--no-repo-templates',
    "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
  )
  .action(lazy(() => import('./commands/check.js')))

cli
  .command('present <brief>', "Serve one audience's deck with Slidev, rebuilding when the brief or a source changes")
  .option('--audience <id>', 'The audience to present')
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .option('--port <n>', 'Port for the Slidev server', { default: 3030 })
  .option('--remote <password>', 'Allow remote control, protected by this password')
  .option('--no-open', 'Do not open a browser')
  .option(
    '--no-repo-templates',
    "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
  )
  .action(lazy(() => import('./commands/present.js')))

cli
  .command('comment <brief> <text>', 'Comment on a slide')
  .option('--audience <id>', 'The audience whose deck holds the slide')
  .option('--slide <slide>', 'Slide number or slide id')
  .option('--as <name>', 'Who is commenting')
  .option('--reply-to <comment>', 'Id of the comment this answers')
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .action(lazy(() => import('./commands/comment.js')))

cli
  .command('resolve <brief> <comment>', 'Mark a comment as resolved')
  .option('--as <name>', 'Who resolves it')
  .action(lazy(() => import('./commands/resolve.js')))

cli
  .command('approve <brief>', "Approve slides (all of the audience's deck unless --slide is given)")
  .option('--audience <id>', 'The audience whose deck is approved')
  .option('--slide <slides>', 'Slide numbers or ids (comma-separated)')
  .option('--as <name>', 'Who approves')
  .option('--key <file>', "SSH key to sign with (default: git's user.signingKey)")
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .action(lazy(() => import('./commands/approve.js')))

cli
  .command('review <brief>', 'Show approvals, open comments, changes since approval and orphaned overrides')
  .option('--strict', 'Exit non-zero when anything is outstanding')
  .option('--json', 'Print the review state as JSON')
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .action(lazy(() => import('./commands/review.js')))

cli
  .command('diff <brief>', 'Show added, removed and changed slides between two revisions or build folders')
  .option('--from <rev>', 'Git revision or build folder to compare from', { default: 'HEAD' })
  .option('--to <rev>', 'Git revision or build folder to compare to (default: the working tree)')
  .action(lazy(() => import('./commands/diff.js')))

cli
  .command('serve <brief>', 'Serve the decks with a review panel and the review API')
  .option('--host <host>', 'Address to listen on', { default: '127.0.0.1' })
  .option('--port <n>', 'Port', { default: 3040 })
  .option('--out <dir>', 'Output folder', { default: 'out' })
  .option('--audience <ids>', 'Only these audiences (comma-separated)')
  .option('--add-reviewer <name>', 'Add a reviewer (or replace their token), print the token once and exit')
  .option(
    '--signing-key <file>',
    "The server's SSH key for signing approvals (default: one of its own, made on first use)",
  )
  .option(
    '--no-repo-templates',
    "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
  )
  .action(lazy(() => import('./commands/serve.js')))

cli.help()
cli.version(version)

try {
  cli.parse(process.argv, { run: false })
  if (!cli.matchedCommand) {
    if (cli.args.length > 0) throw new UsageError('unknown command', String(cli.args[0]))
    if (!cli.options['help'] && !cli.options['version']) cli.outputHelp()
  } else {
    await cli.runMatchedCommand()
  }
} catch (error) {
  process.exitCode = reportError(error)
}
