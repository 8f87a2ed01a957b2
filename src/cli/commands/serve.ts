import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { homedir, tmpdir } from 'node:os'
import { join } from 'node:path'
// The review site's module alone: the export's entry would load Playwright, which serving never uses.
import { buildReviewSite } from '../../export/review-site.js'
import { BriefdeckProblem, ReviewerName, type BuiltDeck } from '../../model/index.js'
import { generateKey } from '../../review/index.js'
import { buildBrief } from '../../pipeline/index.js'
import {
  addReviewer,
  allowServerToSignFor,
  reviewersPath,
  startReviewServer,
  type ReviewServer,
  type ServedDeck,
} from '../../review/server/index.js'
import { ensurePortFree, exists, parsePort, portInUse } from '../../shared/index.js'
import { ExitCode, printMessage, printWarnings } from '../exit.js'
import { onStopSignal } from '../signals.js'
import { checked, requiredReviewers } from './review.js'

export interface ServeOptions {
  readonly host: string
  readonly port: number | string
  readonly audience?: string
  readonly addReviewer?: string
  /** Stops the server's site builds (and makes serveBrief fail) when aborted. */
  readonly signal?: AbortSignal
  /** The server's SSH key for signing approvals; made on first use when absent. */
  readonly signingKey?: string
  /** False with `--no-repo-templates`. */
  readonly repoTemplates?: boolean
}

/**
 * `briefdeck serve BRIEF`: serves the decks with the review panel until a
 * stop signal (Ctrl-C, SIGTERM, a closed terminal), which also stops any site
 * build under way; `--add-reviewer NAME` prints a new token instead.
 */
export async function run(briefPath: string, options: ServeOptions): Promise<number> {
  if (options.addReviewer !== undefined)
    return printNewToken(
      briefPath,
      checked(ReviewerName, String(options.addReviewer), '--add-reviewer'),
      options.signingKey,
    )
  const stop = onStopSignal()
  const stopping = new AbortController()
  void stop.received.then(() => stopping.abort())
  try {
    const server = await serveBrief(briefPath, { ...options, signal: stopping.signal })
    console.log(`Reviewing at ${server.url}/ (Ctrl-C to stop)`)
    for (const deck of server.decks()) console.log(`  ${deck.plan.audience}: ${server.url}/${deck.plan.audience}/`)
    if (!(await exists(reviewersPath(briefPath))))
      console.log(
        `No reviewers yet: nobody can comment until one is added with \`briefdeck serve ${briefPath} --add-reviewer NAME\`.`,
      )
    await stop.received
    await server.close()
    return ExitCode.ok
  } catch (error) {
    // Stopped while the sites were building: nothing is left to report.
    if (stopping.signal.aborted) return ExitCode.ok
    throw error
  } finally {
    stop.dispose()
  }
}

async function printNewToken(briefPath: string, name: string, keyOption: string | undefined): Promise<number> {
  const key = await serverSigningKey(keyOption)
  // The signers first: it refuses a key it cannot read and a name it cannot hold before either file changes.
  const signers = await allowServerToSignFor(briefPath, `${key}.pub`, name)
  const { token, file } = await addReviewer(briefPath, name)
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
 * Builds the brief's decks and each one's static site under `/<audience>/`
 * in a folder of the server's own (serving writes nothing under out/), and
 * starts the review server. When approvals change a deck's draft state the
 * server calls back here to build that deck again.
 */
export async function serveBrief(briefPath: string, options: ServeOptions): Promise<ReviewServer> {
  const port = parsePort(options.port)
  // Said before the decks are built, which takes a while: a busy port ends the command at once.
  await ensurePortFree(port, options.host)
  const trust = options.repoTemplates === false ? { repoTemplates: false } : {}
  const audiences =
    options.audience === undefined
      ? undefined
      : String(options.audience)
          .split(',')
          .map((id) => id.trim())
  const sites = await mkdtemp(join(tmpdir(), 'briefdeck-serve-'))
  const decksDir = join(sites, 'decks')
  let published = 0

  async function publish(deck: BuiltDeck, reviewers: readonly string[]): Promise<ServedDeck> {
    const siteDir = join(sites, `${deck.audience}-${++published}`)
    await buildReviewSite(deck, siteDir, options.signal)
    return { plan: deck.plan, requiredReviewers: reviewers, siteDir }
  }

  try {
    const { brief, warnings, decks } = await buildBrief(briefPath, { audiences, outDir: decksDir, ...trust })
    printWarnings(warnings)
    const served = await Promise.all(decks.map((deck) => publish(deck, requiredReviewers(brief, deck.audience))))
    const server = await startReviewServer({
      briefPath,
      host: options.host,
      port,
      decks: served,
      signingKey: await serverSigningKey(options.signingKey),
      republish: async (audience) => {
        const rebuilt = await buildBrief(briefPath, { audiences: [audience], outDir: decksDir, ...trust })
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
