import { render } from '@testing-library/react'
import type { RenderResult } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ReactElement } from 'react'

import type { FakeMpath, FakeMpathOptions } from './fakeMpath'
import { installFakeMpath } from './fakeMpath'

/** What {@link renderWithFake} returns: the render result, the fake bridge and a user. */
export interface RenderedWithFake extends RenderResult {
  fake: FakeMpath
  user: ReturnType<typeof userEvent.setup>
}

/** Installs a fake `window.mpath`, then renders `ui` with a user-event session. */
export function renderWithFake(ui: ReactElement, options?: FakeMpathOptions): RenderedWithFake {
  const fake = installFakeMpath(options)
  const user = userEvent.setup()

  return { fake, user, ...render(ui) }
}
