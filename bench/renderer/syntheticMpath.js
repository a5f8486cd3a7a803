/* global document, requestAnimationFrame, MutationObserver */
// A stand-in for main, injected into the page before the renderer's scripts: it answers every
// `window.mpath` request the Tasks view makes from N generated tasks, filtering, sorting and
// windowing them in the page the way main's cache does. It also installs the in-page probes
// the benchmark reads (`globalThis.__bench`). Plain browser JavaScript on purpose: the file is
// injected as it is, without a build step.
;(() => {
  const config = globalThis.__BENCH_CONFIG__ ?? { taskCount: 1000 }
  const count = config.taskCount
  const now = Date.parse('2026-03-10T09:00:00.000Z')
  const DAY = 86_400_000
  const STATUSES = ['todo', 'doing', 'blocked', 'done', 'dropped']
  const STATUS_RANK = { todo: 0, doing: 1, blocked: 2, done: 3, dropped: 4 }
  const VERBS = ['Review', 'Draft', 'Fix', 'Plan', 'Update', 'Write', 'Audit', 'Migrate', 'Prepare']
  const OBJECTS = ['access policy', 'rollout plan', 'export', 'runbook', 'summary', 'reports']
  const managerIndexOf = (index) => (index === 0 ? null : Math.floor((index - 1) / 5))
  const personName = (index) => `Person ${String(index).padStart(3, '0')}`
  const people = Array.from({ length: 200 }, (_unused, index) => {
    const manager = managerIndexOf(index)

    return {
      id: `person_${index}`,
      name: personName(index),
      email: `person${index}@example.com`,
      role: index === 0 ? 'Chief Executive' : 'Engineer',
      status: 'active',
      teamId: null,
      managerId: manager === null ? null : `person_${manager}`,
      organizationId: 'org_bench',
      userId: null,
      createdAt: new Date(now).toISOString(),
      updatedAt: new Date(now).toISOString(),
      teamName: null,
      managerName: manager === null ? null : personName(manager),
      reportCount: Array.from({ length: 200 }, (_other, other) => managerIndexOf(other)).filter(
        (managerIndex) => managerIndex === index,
      ).length,
    }
  })
  const initiatives = Array.from({ length: 40 }, (_unused, index) => ({
    id: `init_${index}`,
    title: `Initiative ${index}`,
    summary: null,
    outcome: null,
    status: 'in_progress',
    rag: ['green', 'amber', 'red'][index % 3],
    confidence: 50 + (index % 50),
    priority: 2,
    startDate: null,
    targetDate: null,
    createdAt: new Date(now).toISOString(),
    updatedAt: new Date(now).toISOString(),
    teamId: null,
    organizationId: 'org_bench',
    objectives: [],
    owners: [],
  }))
  // A fixed-seed generator, so every run sees the same tasks.
  let seed = 42
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648

    return seed / 2_147_483_648
  }

  const pick = (list) => list[Math.floor(random() * list.length)]
  const tasks = Array.from({ length: count }, (_unused, index) => {
    const assignee = random() < 0.15 ? null : pick(people)
    const initiative = random() < 0.3 ? null : pick(initiatives)
    const due = random() < 0.2 ? null : new Date(now + Math.round((random() - 0.4) * 90) * DAY)
    const created = new Date(now - (count - index) * 60_000).toISOString()

    return {
      id: `task_${index}`,
      title: `${pick(VERBS)} the ${pick(OBJECTS)} ${index}`,
      description: null,
      status: pick(STATUSES),
      priority: 1 + Math.floor(random() * 5),
      estimate: null,
      dueDate: due ? due.toISOString() : null,
      createdAt: created,
      updatedAt: created,
      assigneeId: assignee ? assignee.id : null,
      initiativeId: initiative ? initiative.id : null,
      objectiveId: null,
      assignee: assignee ? { id: assignee.id, name: assignee.name } : null,
      initiative: initiative ? { id: initiative.id, title: initiative.title } : null,
      objective: null,
    }
  })

  // Sort keys computed once, as main does per cached snapshot.
  const titles = tasks.map((task) => task.title.toLowerCase())
  const dues = tasks.map((task) => (task.dueDate ? Date.parse(task.dueDate) : Infinity))
  const byNumber = (values, direction) => (left, right) =>
    direction === 'asc' ? values[left] - values[right] : values[right] - values[left]
  const comparators = {
    status: (direction) =>
      byNumber(
        tasks.map((task) => STATUS_RANK[task.status]),
        direction,
      ),
    dueDate: (direction) => byNumber(dues, direction),
    priority: (direction) =>
      byNumber(
        tasks.map((task) => task.priority),
        direction,
      ),
    createdAt: (direction) =>
      byNumber(
        tasks.map((_task, index) => index),
        direction,
      ),
    title: (direction) => (left, right) =>
      (direction === 'asc' ? 1 : -1) * titles[left].localeCompare(titles[right]),
    assignee: (direction) => (left, right) =>
      (direction === 'asc' ? 1 : -1) *
      (tasks[left].assignee?.name ?? '~').localeCompare(tasks[right].assignee?.name ?? '~'),
  }
  const defaultOrder = tasks
    .map((_task, index) => index)
    .sort(
      (left, right) =>
        STATUS_RANK[tasks[left].status] - STATUS_RANK[tasks[right].status] ||
        dues[left] - dues[right] ||
        left - right,
    )
  const results = new Map()

  const matches = (query) => {
    const { offset: _offset, limit: _limit, ...filters } = query
    const key = JSON.stringify(filters)
    const cached = results.get(key)

    if (cached) {
      return cached
    }

    // Like main's cache, the unfiltered default order is ready without another pass.
    if (Object.keys(filters).length === 0) {
      return defaultOrder
    }

    const search = (filters.search ?? '').trim().toLowerCase()
    const wanted = (values) => (values && values.length > 0 ? new Set(values) : null)
    const statuses = wanted(filters.statuses)
    const priorities = wanted(filters.priorities)
    const assignees = wanted(filters.assigneeIds)
    const initiativeIds = wanted(filters.initiativeIds)
    const from = filters.dueFrom ? Date.parse(filters.dueFrom) : -Infinity
    const to = filters.dueTo ? Date.parse(filters.dueTo) + DAY - 1 : Infinity
    let order = defaultOrder.filter((index) => {
      const task = tasks[index]

      return (
        (!search || titles[index].includes(search)) &&
        (!statuses || statuses.has(task.status)) &&
        (!priorities || priorities.has(task.priority)) &&
        (!assignees || assignees.has(task.assigneeId ?? 'unassigned')) &&
        (!initiativeIds || initiativeIds.has(task.initiativeId ?? 'none')) &&
        (from === -Infinity || dues[index] >= from) &&
        (to === Infinity || dues[index] <= to)
      )
    })

    if (filters.sort) {
      order = order.sort(comparators[filters.sort.field](filters.sort.direction))
    }

    results.set(key, order)

    return order
  }

  // Answers cross a process boundary in the app: copied, and delivered on a later task.
  const answer = (value) =>
    new Promise((resolve) => setTimeout(() => resolve(structuredClone(value)), 0))

  const page = (items, query) => {
    const offset = query?.offset ?? 0
    const limit = query?.limit ?? 100

    return { items: items.slice(offset, offset + limit), total: items.length }
  }

  const session = {
    status: 'signed-in',
    user: { subject: 'user_bench', name: 'Bench User', email: 'bench@example.com' },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    accessTokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    persistence: 'session-only',
  }
  const profile = {
    issuer: 'http://127.0.0.1:1',
    apiUrl: 'http://127.0.0.1:2',
    clientId: 'bench',
    redirectUri: 'mpath://oauth/callback',
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    hasClientSecret: false,
  }
  const freshness = { syncedAt: new Date(now).toISOString(), count }
  const handlers = {
    'profile.get': () => ({ profile, source: 'settings' }),
    'auth.getState': () => session,
    'settings.get': () => ({
      theme: 'system',
      trayEnabled: true,
      notificationsEnabled: true,
      startAtLogin: false,
      editingEnabled: false,
      allowWeakRefreshTokenStorage: false,
    }),
    'sync.getStatus': () => ({
      phase: 'idle',
      collections: {
        people: freshness,
        teams: freshness,
        tasks: freshness,
        initiatives: freshness,
        oneOnOnes: freshness,
      },
    }),
    'app.getInfo': () => ({
      name: 'mpath Desktop',
      version: 'bench',
      platform: 'linux',
      runtime: 'preview',
      credentialsInMemoryOnly: true,
      organization: { issuer: profile.issuer, apiUrl: profile.apiUrl },
    }),
    'app.takePendingNavigation': () => null,
    'work.getSummary': () => ({
      me: { personId: null, name: null, email: null },
      overdue: [],
      today: [],
      upcoming: [],
      nextOneOnOnes: [],
      ownedInitiatives: [],
    }),
    'tasks.query': (query) => {
      const order = matches(query ?? {})
      const offset = query?.offset ?? 0
      const limit = query?.limit ?? 100

      return {
        items: order.slice(offset, offset + limit).map((index) => tasks[index]),
        total: order.length,
      }
    },
    'tasks.get': (request) => tasks.find((task) => task.id === request.id) ?? null,
    'tasks.getWriteAvailability': () => ({
      available: false,
      reason: 'The benchmark is read-only.',
    }),
    'people.query': (query) => page(people, query),
    'people.get': (request) => people.find((person) => person.id === request.id) ?? null,
    'people.getOrgChart': () =>
      people.map((person) => ({
        id: person.id,
        name: person.name,
        role: person.role,
        teamName: null,
        managerId: person.managerId,
        status: person.status,
        reportCount: person.reportCount,
      })),
    'teams.list': () => [],
    'initiatives.get': (request) =>
      initiatives.find((initiative) => initiative.id === request.id) ?? null,
    'oneonones.query': () => ({ items: [], total: 0 }),
    'initiatives.query': (query) => page(initiatives, query),
  }
  const unknownCalls = []
  const area = (name) =>
    new Proxy(
      {},
      {
        get: (_target, method) => {
          if (typeof method !== 'string') {
            return undefined
          }

          if (method.startsWith('on')) {
            return () => () => undefined
          }

          const handler = handlers[`${name}.${method}`]

          return (request) => {
            if (!handler) {
              unknownCalls.push(`${name}.${method}`)

              return name === 'log' || method === 'requestRefresh' ? undefined : answer(null)
            }

            return answer(handler(request))
          }
        },
      },
    )

  globalThis.mpath = new Proxy({}, { get: (_target, name) => area(String(name)) })

  // In-page probes: each returns plain numbers for the runner to read.
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()))
  const listbox = () => document.querySelector('[role="listbox"][aria-label="Tasks"]')
  const hasRows = () => {
    const option = listbox()?.querySelector('[role="option"] .task-row-title')

    return Boolean(option)
  }

  const bench = {
    unknownCalls,
    /** Milliseconds from clicking "Tasks" in the sidebar to the first rows painted. */
    timeToFirstRows: async () => {
      const button = [...document.querySelectorAll('nav button')].find((candidate) =>
        candidate.textContent.trim().startsWith('Tasks'),
      )

      if (!button) {
        throw new Error('The sidebar has no Tasks button.')
      }

      const start = performance.now()
      button.click()

      while (!hasRows()) {
        await new Promise((resolve) => setTimeout(resolve, 0))

        if (performance.now() - start > 30_000) {
          throw new Error('No task rows appeared within 30 s.')
        }
      }

      await nextFrame()

      return performance.now() - start
    },
    keystroke: { pendingSince: null, latencies: [] },
    /** Starts timing keystrokes in the search box: keydown → results shown → next frame. */
    watchKeystrokes: () => {
      const state = bench.keystroke
      const area = document.querySelector('.tasks-list-area')

      document.addEventListener(
        'keydown',
        () => {
          state.pendingSince = performance.now()
        },
        true,
      )
      new MutationObserver((records) => {
        const settled = records.some(
          (record) => record.target.getAttribute('aria-busy') === 'false',
        )

        if (settled && state.pendingSince !== null) {
          const since = state.pendingSince
          state.pendingSince = null
          void nextFrame().then(() => state.latencies.push(performance.now() - since))
        }
      }).observe(area, { subtree: true, attributes: true, attributeFilter: ['aria-busy'] })
    },
    /** Resolves once `expected` keystrokes have been timed (or rejects after 10 s). */
    keystrokesTimed: async (expected) => {
      const start = performance.now()

      while (bench.keystroke.latencies.length < expected) {
        if (performance.now() - start > 10_000) {
          throw new Error(
            `Only ${bench.keystroke.latencies.length} of ${expected} keystrokes updated the list.`,
          )
        }

        await new Promise((resolve) => setTimeout(resolve, 2))
      }

      return bench.keystroke.latencies.length
    },
    /** Scrolls the list for `frames` animation frames and reports the slow ones. */
    scroll: async (frames, step) => {
      const list = listbox()
      const longTasks = []
      const observer = new PerformanceObserver((entries) => {
        longTasks.push(...entries.getEntries().map((entry) => entry.duration))
      })
      observer.observe({ type: 'longtask', buffered: false })
      const deltas = []
      let direction = 1
      let last = await new Promise((resolve) => requestAnimationFrame(resolve))

      for (let frame = 0; frame < frames; frame++) {
        const bottom = list.scrollHeight - list.clientHeight

        if (list.scrollTop >= bottom && direction > 0) {
          direction = -1
        } else if (list.scrollTop <= 0 && direction < 0) {
          direction = 1
        }

        list.scrollTop += direction * step
        const time = await new Promise((resolve) => requestAnimationFrame(resolve))
        deltas.push(time - last)
        last = time
      }

      observer.disconnect()
      deltas.sort((left, right) => left - right)

      return {
        frames: deltas.length,
        over50: deltas.filter((delta) => delta > 50).length,
        worst: deltas[deltas.length - 1] ?? 0,
        median: deltas[Math.floor(deltas.length / 2)] ?? 0,
        longTasks: longTasks.length,
        reachedRow: Math.round(list.scrollTop / 60),
      }
    },
  }

  globalThis.__bench = bench
})()
