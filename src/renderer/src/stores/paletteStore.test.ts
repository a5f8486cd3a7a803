import { describe, expect, it } from 'vitest'

import { installFakeMpath } from '../testing/fakeMpath'
import { usePaletteStore } from './paletteStore'

describe('usePaletteStore', () => {
  it('keeps only the answer to the latest query', async () => {
    const fake = installFakeMpath()
    const answers: ((value: []) => void)[] = []
    fake.handle('search:query', () => new Promise<[]>((resolve) => answers.push(resolve)))
    const store = usePaletteStore.getState()

    const first = store.search('a')
    const second = store.search('ab')
    fake.restore('search:query')
    await Promise.resolve()
    answers[1]?.([])
    await second
    answers[0]?.([{ kind: 'task', id: 'task_01', title: 'Stale' }] as never)
    await first

    expect(usePaletteStore.getState()).toMatchObject({ query: 'ab', results: [] })
  })

  it('wraps the highlight at both ends and ignores arrows without results', () => {
    usePaletteStore.getState().moveActive(1)
    expect(usePaletteStore.getState().activeIndex).toBe(0)

    usePaletteStore.setState({
      results: [
        { kind: 'task', id: 'a', title: 'A' },
        { kind: 'task', id: 'b', title: 'B' },
      ],
    })
    usePaletteStore.getState().moveActive(-1)
    expect(usePaletteStore.getState().activeIndex).toBe(1)
    usePaletteStore.getState().moveActive(1)
    expect(usePaletteStore.getState().activeIndex).toBe(0)
  })
})
