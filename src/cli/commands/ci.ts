import { ExitCode } from '../exit.js'
import { UsageError } from '../../model/index.js'

export interface CiOptions {
  readonly out: string
  readonly briefs: string
}

/** `briefdeck ci github`: writes the GitHub Actions workflow of the brief repository it runs in. */
export async function run(provider: string, options: CiOptions): Promise<number> {
  if (provider !== 'github')
    throw new UsageError(`'${provider}' is not a provider briefdeck writes CI for (github)`, 'ci')
  const { writeGithubWorkflow } = await import('../../ci/index.js')
  const { file, briefs } = await writeGithubWorkflow({ briefsDir: options.briefs, out: options.out })
  console.log(`${file}: a job per brief (${briefs.length}): build --pdf, review --strict, PDFs uploaded`)
  return ExitCode.ok
}
