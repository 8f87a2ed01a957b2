// A brief repository in a temporary folder holding a copy of the checkout's
// briefs (the sample brief and its sources among them), as a user keeps one:
// for tests that build, edit and rebuild without touching the checkout.
import { cp, mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const checkout = fileURLToPath(new URL('../', import.meta.url))

export interface SampleRepository {
  readonly root: string
  /** The sample brief's file in it. */
  readonly brief: string
}

export async function sampleRepository(prefix: string): Promise<SampleRepository> {
  const root = await mkdtemp(join(tmpdir(), prefix))
  // A package.json marks the repository's root, as `briefdeck new` leaves one.
  await writeFile(join(root, 'package.json'), '{}\n')
  await cp(join(checkout, 'briefs'), join(root, 'briefs'), { recursive: true })
  return { root, brief: join(root, 'briefs', 'pacific-alliances.brief.yaml') }
}
