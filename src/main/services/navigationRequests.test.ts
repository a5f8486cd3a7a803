import { describe, expect, it } from 'vitest'

import { createServices } from '../services'
import { createNavigationRequests } from './navigationRequests'
import { fakeServicePorts } from './testing/fakePorts'

describe('createNavigationRequests', () => {
  it('announces a request at once and hands it once to a window that asks', () => {
    let now = 1_000
    const emitted: unknown[] = []
    const navigation = createNavigationRequests({
      clock: { now: () => now },
      emit: (request) => emitted.push(request),
    })

    expect(navigation.take()).toBeNull()
    navigation.request({ target: 'tasks', id: 'task_1' })
    expect(emitted).toEqual([{ target: 'tasks', id: 'task_1' }])
    expect(navigation.take()).toEqual({ target: 'tasks', id: 'task_1' })
    expect(navigation.take()).toBeNull()

    navigation.request({ target: 'people', id: 'person_1' })
    now += 60_001
    expect(navigation.take()).toBeNull()
  })
})

describe('links into the app, through the services', () => {
  const setUp = () => {
    const services = createServices(fakeServicePorts())
    const navigations: unknown[] = []
    services.events.subscribe((channel, payload) => {
      if (channel === 'app:did-request-navigation') {
        navigations.push(payload)
      }
    })
    services.deepLinks.markReady()

    return { services, navigations }
  }

  it.each([
    ['mpath://tasks/task_42', { target: 'tasks', id: 'task_42' }],
    ['mpath://people/p-1', { target: 'people', id: 'p-1' }],
    ['mpath://initiatives/I9/', { target: 'initiatives', id: 'I9' }],
  ])('opens %s in the window', async (link, expected) => {
    const { services, navigations } = setUp()

    services.deepLinks.accept(link, 'open-url')
    expect(navigations).toEqual([expected])
    // A window that loads only now still gets it, once.
    expect(await services.handlers['app:take-pending-navigation'](undefined)).toEqual(expected)
    expect(await services.handlers['app:take-pending-navigation'](undefined)).toBeNull()
    services.dispose()
  })

  it.each([
    ['another scheme', 'https://tasks/task_42'],
    ['a look-alike scheme', 'mpathx://tasks/task_42'],
    ['an unknown target', 'mpath://settings/x'],
    ['a flag injection', 'mpath://tasks/x" --inspect=9229 "'],
    ['a newline', 'mpath://tasks/t1\n--inspect'],
    ['a path traversal', 'mpath://tasks/..'],
    ['an encoded slash', 'mpath://tasks/a%2Fb'],
    ['two segments', 'mpath://people/a/b'],
    ['a query', 'mpath://initiatives/i1?redirect=https://evil.example'],
    ['user info', 'mpath://u:p@tasks/t1'],
    ['an id too long', `mpath://tasks/${'a'.repeat(65)}`],
    ['a script', 'mpath://tasks/<script>'],
    ['an empty id', 'mpath://tasks/'],
  ])('ignores %s', async (_name, link) => {
    const { services, navigations } = setUp()

    services.deepLinks.accept(link, 'open-url')
    expect(navigations).toEqual([])
    expect(await services.handlers['app:take-pending-navigation'](undefined)).toBeNull()
    services.dispose()
  })
})
