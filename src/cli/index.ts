// The briefdeck command: every subcommand is declared here, and each one's
// code is imported only when it runs, so `briefdeck extract` never loads
// Playwright or Slidev.
import { cac, type Command } from 'cac'
import { createRequire } from 'node:module'
import { UsageError } from '../model/index.js'
import { reportError } from './exit.js'
import { exportDefaults } from './options.js'
import { typedOptionValues } from './option-values.js'

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

// Placeholders in capitals and wording as in the README, so that --help and the README read alike.
const outOption = ['--out <DIR>', 'Output folder', { default: 'out' }] as const
const audiencesOption = ['--audience <IDS>', 'Only these audiences (comma-separated)'] as const

cli
  .command(
    'ingest <...FILE>',
    'Read sources (PDF, web page, Word, markdown, text): metadata, sections, tables, notes, furniture',
  )
  .option('--json', 'Print each document as JSON (one object per file)')
  .action(lazy(() => import('./commands/ingest.js')))

cli
  .command('extract <...FILE>', 'Extract argument blocks, actors, timeline and terms from source texts')
  .option('--json', 'Print the extraction as JSON (one object per file)')
  .action(lazy(() => import('./commands/extract.js')))

cli
  .command('new <BRIEF> <...SOURCE>', 'Write a first brief for source files: title and date from them, every audience')
  .action(lazy(() => import('./commands/new.js')))

/** The options build and export share: the decks to make, where, and how to export them. */
function withExportOptions(command: Command): Command {
  return command
    .option(...audiencesOption)
    .option(...outOption)
    .option('--force', 'Build every deck again, even those nothing they are made of changed for')
    .option('--handout-layout <LAYOUT>', 'Handout layout: 1up, 2up, 3up or notes', {
      default: exportDefaults.handoutLayout,
    })
    .option('--paper <SIZE>', 'Handout paper: A4 or Letter', { default: exportDefaults.paper })
    .option('--png-scale <SCALE>', 'Slide PNGs at 1 or 2 times the slide size', { default: exportDefaults.pngScale })
    .option('--pptx', 'Also export PPTX through Slidev')
    .option('--no-check', 'Skip the render check after the export')
    .option('--quiet', 'No progress output')
    .option(
      '--no-repo-templates',
      "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
    )
}

withExportOptions(
  cli.command(
    'build <...BRIEF>',
    'Write a Slidev deck for each audience of each brief (a folder: every *.brief.yaml in it), redoing only what changed, and out/index.html',
  ),
)
  .option('--pdf', 'Also export PDFs, handouts and PNGs, then check every slide (what export does)')
  .option(
    '--watch',
    'Keep running: build again whenever a file of the repository changes, Slidev and Chromium kept loaded',
  )
  .action(lazy(() => import('./commands/build.js')))

withExportOptions(
  cli.command(
    'export <...BRIEF>',
    'Build, then export PDFs, handouts and PNGs for each audience and check every slide (build --pdf)',
  ),
).action(lazy(() => import('./commands/export.js')))

cli
  .command('check <BRIEF>', 'Open every slide in Chromium and report rendering problems')
  .option(...audiencesOption)
  .option(...outOption)
  .option('--json', 'Print the report as JSON')
  .option('--quiet', 'No progress output')
  .option(
    '--no-repo-templates',
    "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
  )
  .action(lazy(() => import('./commands/check.js')))

cli
  .command('present <BRIEF>', "Serve one audience's deck with Slidev; rebuilds when the brief or a source changes")
  .option('--audience <ID>', 'The audience to present (required)')
  .option(...outOption)
  .option('--port <N>', 'Port for the Slidev server', { default: 3030 })
  .option('--remote <PASSWORD>', 'Allow remote control, protected by this password')
  .option('--no-open', 'Do not open a browser (one opens when the machine has a display)')
  .option(
    '--no-repo-templates',
    "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
  )
  .action(lazy(() => import('./commands/present.js')))

cli
  .command('comment <BRIEF> <TEXT>', 'Comment on a slide, or answer a comment with --reply-to')
  .option('--audience <ID>', 'The audience whose deck holds the slide')
  .option('--slide <SLIDE>', 'Slide number or stable id, as briefdeck review shows')
  .option('--as <NAME>', 'Who is commenting (required)')
  .option('--reply-to <COMMENT>', 'Id of the comment this answers')
  .action(lazy(() => import('./commands/comment.js')))

cli
  .command('resolve <BRIEF> <COMMENT>', 'Mark a comment as resolved (briefdeck review lists the ids)')
  .option('--as <NAME>', 'Who resolves it (required)')
  .action(lazy(() => import('./commands/resolve.js')))

cli
  .command('approve <BRIEF>', "Approve slides: every slide of the audience's deck unless --slide is given")
  .option('--audience <ID>', 'The audience whose deck is approved (required)')
  .option('--slide <SLIDES>', 'Slide numbers or ids (comma-separated)')
  .option('--as <NAME>', 'Who approves (required)')
  .option('--key <FILE>', "SSH key to sign with (default: git's user.signingKey)")
  .action(lazy(() => import('./commands/approve.js')))

cli
  .command('review <BRIEF>', 'Show approvals, open comments, changes since approval and orphaned overrides')
  .option('--strict', 'Exit 1 while anything is outstanding')
  .option('--json', 'Print the review state as JSON')
  .action(lazy(() => import('./commands/review.js')))

cli
  .command('diff <BRIEF>', 'Show the slides added, removed and changed between two revisions or build folders')
  .option('--from <REV>', 'Git revision or build folder to compare from', { default: 'HEAD' })
  .option('--to <REV>', 'Git revision or build folder to compare to (default: the working tree)')
  .action(lazy(() => import('./commands/diff.js')))

cli
  .command('serve <BRIEF>', 'Serve the decks with a review panel and the review API')
  .option('--host <HOST>', 'Address to listen on', { default: '127.0.0.1' })
  .option('--port <N>', 'Port', { default: 3040 })
  .option(...audiencesOption)
  .option('--add-reviewer <NAME>', 'Add a reviewer (or replace their token), print the token once and exit')
  .option(
    '--no-repo-templates',
    "Use briefdeck's own templates and theme, not the brief repository's (whose theme is code)",
  )
  .option(
    '--signing-key <FILE>',
    "The server's SSH key for signing approvals (default: one of its own, made on first use)",
  )
  .action(lazy(() => import('./commands/serve.js')))

cli
  .command('ci <PROVIDER>', 'Write a CI workflow that builds every brief and gates on review (provider: github)')
  .option('--out <FILE>', 'Where to write it', { default: '.github/workflows/briefdeck.yml' })
  .option('--briefs <DIR>', 'The folder holding the briefs', { default: 'briefs' })
  .action(lazy(() => import('./commands/ci.js')))

// cac prints `(default: true)` beside every --no-* option, which reads as if the option were on.
cli.help((sections) =>
  sections.map((section) => ({ ...section, body: section.body.replace(/^(\s+--no-.*?) \(default: true\)$/gm, '$1') })),
)
cli.version(version)

try {
  cli.parse(process.argv, { run: false })
  if (!cli.matchedCommand) {
    if (cli.args.length > 0) throw new UsageError('unknown command', String(cli.args[0]))
    if (!cli.options['help'] && !cli.options['version']) cli.outputHelp()
  } else {
    const options = [...cli.matchedCommand.options, ...cli.globalCommand.options]
    Object.assign(cli.options, typedOptionValues(process.argv.slice(2), options))
    await cli.runMatchedCommand()
  }
} catch (error) {
  process.exitCode = reportError(error)
}
