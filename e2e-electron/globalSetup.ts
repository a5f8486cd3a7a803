import { seedSandboxTemplate } from '../harness/testing/journeySandbox'

/** Seeds the journeys' sandbox template once (the app itself is built by the script). */
export async function setup(): Promise<void> {
  await seedSandboxTemplate()
}
