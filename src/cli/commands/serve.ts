import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { homedir, tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { firstErrorLine } from '../../export/print-site.js'
import { printSiteVariables } from '../../export/print-site-config.js'
import { BriefdeckProblem, type BuiltDeck } from '../../model/index.js'
import { generateKey } from '../../review/index.js'
import {
  addReviewer,
  allowServerToSignFor,
  reviewersPath,
  startReviewServer,
  type ReviewServer,
  type ServedDeck,
} from '../../review/server/index.js'
import { ensurePortFree, exists, parsePort, portInUse, runProcess } from '../../shared/index.js'
import { ExitCode, printMessage, printWarnings } from '../exit.js'
import { buildBrief } from '../pipeline.js'
import { requiredReviewers } from './review.js'

export interface ServeOptions {
  readonly host: string
  readonly port: number | string
  readonly out: string
  readonly audience?: string
  readonly addReviewer?: string
  /** The server's SSH key for signing approvals; made on first use when absent. */
  readonly signingKey?: string
  /** False with `--no-repo-templates`. */
  readonly repoTemplates?: boolean
}

/** `briefdeck serve BRIEF`: serves the decks with the review panel until Ctrl-C; `--add-reviewer NAME` prints a new token instead. */
export async function run(briefPath: string, options: ServeOptions): Promise<number> {
  if (options.addReviewer !== undefined)
    return printNewToken(briefPath, String(options.addReviewer), options.signingKey)
  const server = await serveBrief(briefPath, options)
  console.log(`Reviewing at ${server.url}/ (Ctrl-C to stop)`)
  for (const deck of server.decks()) console.log(`  ${deck.plan.audience}: ${server.url}/${deck.plan.audience}/`)
  if (!(await exists(reviewersPath(briefPath))))
    console.log(
      `No reviewers yet: nobody can comment until one is added with \`briefdeck serve ${briefPath} --add-reviewer NAME\`.`,
    )
  await new Promise((stop) => ['SIGINT', 'SIGTERM'].forEach((signal) => process.once(signal, stop)))
  await server.close()
  return ExitCode.ok
}

async function printNewToken(briefPath: string, name: string, keyOption: string | undefined): Promise<number> {
  const { token, file } = await addReviewer(briefPath, name)
  const key = await serverSigningKey(keyOption)
  const signers = await allowServerToSignFor(briefPath, `${key}.pub`, name)
  console.log(
    `Reviewer ${name} added to ${file}. Their token, shown only this once:\n\n  ${token}\n\nGive it to ${name} privately; they paste it into the review panel to sign in.\nThe server's key (${key}.pub) may now sign approvals for ${name}: commit ${signers} so that they count.`,
  )
  return ExitCode.ok
}

/**
 * The key the server signs approvals with: `--signing-key`, else one of its
 * own in the user's configuration folder, made on first use. Never in the
 * brief repository: whoever holds it can approve for every reviewer listed
 * beside it in allowed_signers.
 */
async function serverSigningKey(option: string | undefined): Promise<string> {
  if (option !== undefined) return String(option)
  const folder = join(process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'), 'briefdeck')
  const key = join(folder, 'review-server-key')
  await mkdir(folder, { recursive: true, mode: 0o700 })
  if (!(await exists(key))) await generateKey(key, 'briefdeck review server')
  return key
}

/**
 * Builds the brief's decks, then each one's static site under `/<audience>/`,
 * and starts the review server. When approvals change a deck's draft state the
 * server calls back here to build that deck again.
 */
export async function serveBrief(briefPath: string, options: ServeOptions): Promise<ReviewServer> {
  const port = parsePort(options.port)
  // Said before the decks are built, which takes a while: a busy port ends the command at once.
  await ensurePortFree(port, options.host)
  const audiences =
    options.audience === undefined
      ? undefined
      : String(options.audience)
          .split(',')
          .map((id) => id.trim())
  const sites = await mkdtemp(join(tmpdir(), 'briefdeck-serve-'))
  let published = 0

  async function publish(deck: BuiltDeck, reviewers: readonly string[]): Promise<ServedDeck> {
    const siteDir = join(sites, `${deck.audience}-${++published}`)
    await buildReviewSite(deck, siteDir)
    return { plan: deck.plan, requiredReviewers: reviewers, siteDir }
  }

  try {
    const trust = options.repoTemplates === false ? { repoTemplates: false } : {}
    const { brief, warnings, decks } = await buildBrief(briefPath, { audiences, outDir: options.out, ...trust })
    printWarnings(warnings)
    const served = await Promise.all(decks.map((deck) => publish(deck, requiredReviewers(brief, deck.audience))))
    const server = await startReviewServer({
      briefPath,
      host: options.host,
      port,
      decks: served,
      signingKey: await serverSigningKey(options.signingKey),
      republish: async (audience) => {
        const rebuilt = await buildBrief(briefPath, { audiences: [audience], outDir: options.out, ...trust })
        const deck = rebuilt.decks.find((candidate) => candidate.audience === audience)
        if (!deck)
          throw new BriefdeckProblem(
            `the brief no longer has the audience ${audience}`,
            { file: briefPath },
            'review-audience',
          )
        // The old site stays on disk until the server stops: a browser may still be loading from it.
        return publish(deck, requiredReviewers(rebuilt.brief, audience))
      },
      onWarning: printMessage,
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw portInUse(port, options.host)
      throw error
    })
    return {
      ...server,
      close: async () => {
        await server.close()
        await rm(sites, { recursive: true, force: true })
      },
    }
  } catch (error) {
    await rm(sites, { recursive: true, force: true })
    throw error
  }
}

// The export stage's print-site config (Slidev with the features a static
// deck does not need turned off) is reused with its slide show kept, since
// reviewers page through the deck; every deck is served under its own `/<audience>/`.
const printSiteConfig = fileURLToPath(
  new URL(`../../export/print-site-config${extname(fileURLToPath(import.meta.url))}`, import.meta.url),
)
const viteModule = pathToFileURL(createRequire(import.meta.url).resolve('vite')).href
const buildScript =
  'const { build } = await import(process.env.BRIEFDECK_VITE); await build({ configFile: process.env.BRIEFDECK_CONFIG, base: process.env.BRIEFDECK_BASE })'

/** A Vite build in a child process: Slidev's node API keeps the first deck's root for the life of a process. */
async function buildReviewSite(deck: BuiltDeck, outDir: string): Promise<void> {
  const { exitCode, stdout, stderr } = await runProcess(process.execPath, ['--input-type=module', '-e', buildScript], {
    cwd: deck.dir,
    env: {
      BRIEFDECK_VITE: viteModule,
      BRIEFDECK_CONFIG: printSiteConfig,
      BRIEFDECK_BASE: `/${deck.audience}/`,
      [printSiteVariables.entry]: deck.slidesPath,
      [printSiteVariables.outDir]: outDir,
      [printSiteVariables.keepSlideShow]: '1',
    },
  })
  if (exitCode !== 0)
    throw new BriefdeckProblem(
      `Slidev could not build this deck: ${firstErrorLine(stderr + stdout)}`,
      { file: deck.slidesPath },
      'deck-build',
    )
}
