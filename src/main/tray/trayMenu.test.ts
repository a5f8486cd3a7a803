import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

import type { TraySummary, TrayTask } from '../../shared/tray/traySummary'
import {
  QUICK_VIEW_SHORTCUT,
  buildTrayMenu,
  menuLabel,
  trayBindingOf,
  trayCapabilityOf,
  type TrayMenuActions,
} from './trayMenu'

const trayTask = (id: string, title = `Task ${id}`): TrayTask => ({
  id,
  title,
  dueDate: '2026-03-01T10:00:00.000Z',
  priority: 2,
  status: 'todo',
  initiativeTitle: null,
})

const READY: TraySummary = {
  condition: 'ready',
  notice: null,
  groups: {
    overdue: [trayTask('o1'), trayTask('o2')],
    today: [trayTask('t1', 'Ship R&D notes')],
    upcoming: [trayTask('u1'), trayTask('u2'), trayTask('u3')],
  },
  counts: { overdue: 2, today: 1, upcoming: 3 },
  tooltip: 'mpath Desktop: 2 overdue, 1 due today',
  title: '3',
  badge: 'none',
}

const SIGNED_OUT: TraySummary = {
  ...READY,
  condition: 'signed-out',
  notice: 'Sign in to see your tasks.',
  groups: { overdue: [], today: [], upcoming: [] },
  counts: { overdue: 0, today: 0, upcoming: 0 },
}

const actions = (): TrayMenuActions & Record<string, ReturnType<typeof vi.fn>> => ({
  showTasks: vi.fn(),
  openTask: vi.fn(),
  openApp: vi.fn(),
  signIn: vi.fn(),
  quit: vi.fn(),
})

const click = (item: MenuItemConstructorOptions | undefined) =>
  (item?.click as (() => void) | undefined)?.()

const labels = (items: MenuItemConstructorOptions[]) =>
  items.filter((item) => item.type !== 'separator').map((item) => item.label)

const PLATFORMS: NodeJS.Platform[] = ['darwin', 'win32', 'linux', 'freebsd']

describe('tray capability', () => {
  it('knows which desktops deliver tray clicks', () => {
    expect(trayCapabilityOf('darwin')).toBe('click')
    expect(trayCapabilityOf('win32')).toBe('click')
    expect(trayCapabilityOf('linux')).toBe('menu-only')
    expect(trayCapabilityOf('freebsd')).toBe('menu-only')
  })

  it('binds the icon per platform so the quick-view is reachable everywhere', () => {
    expect(trayBindingOf('darwin')).toEqual({
      setsContextMenu: false,
      clickTogglesQuickView: true,
      rightClickPopsMenu: true,
    })
    expect(trayBindingOf('win32')).toMatchObject({
      setsContextMenu: true,
      clickTogglesQuickView: true,
    })
    // Linux SNI trays: the menu is the only way in, so it must be set.
    expect(trayBindingOf('linux')).toEqual({
      setsContextMenu: true,
      clickTogglesQuickView: false,
      rightClickPopsMenu: false,
    })
  })
})

describe('buildTrayMenu', () => {
  it.each(PLATFORMS)(
    'always starts with "Show tasks", which opens the quick-view (%s, S22)',
    (platform) => {
      const spies = actions()

      for (const summary of [READY, SIGNED_OUT]) {
        const items = buildTrayMenu({ summary, platform, actions: spies })
        expect(items[0]).toMatchObject({ id: 'show-tasks', label: 'Show tasks' })
        click(items[0])
      }

      expect(spies.showTasks).toHaveBeenCalledTimes(2)
    },
  )

  it('lists the first tasks, overdue first, and each opens its task', () => {
    const spies = actions()
    const items = buildTrayMenu({ summary: READY, platform: 'darwin', actions: spies })

    expect(labels(items)).toEqual([
      'Show tasks',
      '2 overdue, 1 due today',
      'Overdue: Task o1',
      'Overdue: Task o2',
      'Today: Ship R&D notes',
      'Upcoming: Task u1',
      'Upcoming: Task u2',
      'Open mpath Desktop',
      'Quit mpath Desktop',
    ])
    click(items.find((item) => item.id === 'task:t1'))
    expect(spies.openTask).toHaveBeenCalledWith('t1')
    click(items.find((item) => item.id === 'open-app'))
    expect(spies.openApp).toHaveBeenCalled()
    click(items.find((item) => item.id === 'quit'))
    expect(spies.quit).toHaveBeenCalled()
    expect(items.find((item) => item.id === 'status')?.enabled).toBe(false)
  })

  it('offers Sign in instead of tasks when signed out', () => {
    const spies = actions()
    const items = buildTrayMenu({ summary: SIGNED_OUT, platform: 'linux', actions: spies })

    expect(labels(items)).toEqual([
      'Show tasks',
      'Sign in to see your tasks.',
      'Open mpath Desktop',
      'Sign in',
      'Quit mpath Desktop',
    ])
    click(items.find((item) => item.id === 'sign-in'))
    expect(spies.signIn).toHaveBeenCalled()
  })

  it('shows the notice of a stale list and the registered shortcut', () => {
    const items = buildTrayMenu({
      summary: { ...READY, condition: 'offline', notice: 'You are offline.' },
      platform: 'linux',
      actions: actions(),
      shortcut: QUICK_VIEW_SHORTCUT,
      taskLimit: 1,
    })

    expect(items[0]).toMatchObject({
      accelerator: 'CommandOrControl+Shift+M',
      registerAccelerator: false,
    })
    expect(labels(items)).toContain('You are offline.')
    expect(items.filter((item) => item.id?.startsWith('task:'))).toHaveLength(1)
  })

  it('escapes access-key ampersands off macOS and shortens long titles', () => {
    expect(menuLabel('R&D', 'win32')).toBe('R&&D')
    expect(menuLabel('R&D', 'linux')).toBe('R&&D')
    expect(menuLabel('R&D', 'darwin')).toBe('R&D')
    expect(menuLabel(`A ${'very '.repeat(30)}long title`, 'darwin')).toHaveLength(60)
    expect(menuLabel('line\nbreak', 'darwin')).toBe('line break')
  })
})
