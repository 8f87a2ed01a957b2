// The GitHub Actions workflow of a brief repository: a job per brief, so that
// a hundred briefs build side by side on GitHub's machines, each one
// installing, building with --pdf, gating on `review --strict` and uploading
// its PDFs only when the gate passes.
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, posix, relative, sep } from 'node:path'
import { stringify } from 'yaml'
import { briefName } from '../brief/index.js'
import { findBriefs } from '../pipeline/index.js'

export interface WorkflowBrief {
  /** The brief's name: its file name without `.brief.yaml`. */
  readonly name: string
  /** Its path from the repository root, with `/` separators. */
  readonly path: string
}

/** The Node version the jobs run: the oldest briefdeck supports would do; the current LTS is faster. */
const nodeVersion = 22

export function githubWorkflow(briefs: readonly WorkflowBrief[]): string {
  const workflow = {
    name: 'briefdeck',
    on: { push: { branches: ['main'] }, pull_request: {}, workflow_dispatch: {} },
    jobs: {
      brief: {
        name: '${{ matrix.name }}',
        'runs-on': 'ubuntu-latest',
        strategy: { 'fail-fast': false, matrix: { include: briefs.map(({ name, path }) => ({ name, path })) } },
        steps: [
          { uses: 'actions/checkout@v4' },
          { uses: 'actions/setup-node@v4', with: { 'node-version': nodeVersion, cache: 'npm' } },
          {
            name: 'Install',
            // GitHub's Ubuntu image has Google Chrome, which briefdeck finds; the check reads PDFs with poppler's pdftotext.
            run: 'sudo apt-get update && sudo apt-get install -y poppler-utils\nnpm ci',
          },
          { name: 'Build', run: 'npx briefdeck build "${{ matrix.path }}" --pdf' },
          { name: 'Review gate', run: 'npx briefdeck review "${{ matrix.path }}" --strict' },
          {
            name: 'Upload PDFs',
            uses: 'actions/upload-artifact@v4',
            with: {
              name: '${{ matrix.name }}-pdfs',
              path: 'out/${{ matrix.name }}/**/*.pdf',
              'if-no-files-found': 'error',
            },
          },
        ],
      },
    },
  }
  return `# Written by \`briefdeck ci github\`; run it again after adding or removing a brief.\n${stringify(workflow, { lineWidth: 0 })}`
}

/** Finds the briefs under `briefsDir` and writes the workflow to `out`; paths are taken from the current folder, the repository root. */
export async function writeGithubWorkflow(options: {
  readonly briefsDir: string
  readonly out: string
}): Promise<{ file: string; briefs: WorkflowBrief[] }> {
  const briefs = (await findBriefs([options.briefsDir])).map((path) => ({
    name: briefName(path),
    path: relative(process.cwd(), path).split(sep).join(posix.sep),
  }))
  await mkdir(dirname(options.out), { recursive: true })
  await writeFile(options.out, githubWorkflow(briefs))
  return { file: options.out, briefs }
}
