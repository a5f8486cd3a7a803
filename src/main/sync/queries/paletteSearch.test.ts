import { describe, expect, it } from 'vitest'

import { createDataStore } from '../dataStore'
import { sampleOrganization } from '../testing/sampleData'
import { rankMatch, searchPalette } from './paletteSearch'

describe('searchPalette', () => {
  it('ranks a title prefix above a word prefix above a substring', () => {
    expect(rankMatch('budget review', 'bud')).toBe(0)
    expect(rankMatch('q1 budget', 'bud')).toBe(1)
    expect(rankMatch('rebudgeting', 'bud')).toBe(2)
    expect(rankMatch('plan', 'bud')).toBeUndefined()
  })

  it('returns ranked hits across people, initiatives and tasks', () => {
    const store = createDataStore()
    const base = sampleOrganization({ tasks: 0, people: 0, initiatives: 0 })
    store.replace(
      'tasks',
      ['Rebudgeting', 'Budget cut', 'Q1 budget'].map((title, index) => ({
        ...sampleOrganization({ tasks: 1 }).tasks[0]!,
        id: `t${index}`,
        title,
      })),
      null,
    )
    store.replace('people', base.people, null)
    store.replace('initiatives', [], null)

    const results = searchPalette(
      {
        people: store.get('people'),
        tasks: store.get('tasks'),
        initiatives: store.get('initiatives'),
      },
      { q: ' BUD ', limit: 10 },
    )
    expect(results.map((result) => result.title)).toEqual([
      'Budget cut',
      'Q1 budget',
      'Rebudgeting',
    ])
    expect(results[0]).toMatchObject({ kind: 'task', id: 't1' })
  })

  it('searches 100,000 tasks within the limit and fast', () => {
    const organization = sampleOrganization({ tasks: 100_000, people: 300 })
    const store = createDataStore()
    store.replace('tasks', organization.tasks, null)
    store.replace('people', organization.people, null)
    store.replace('initiatives', organization.initiatives, null)
    const sources = {
      people: store.get('people'),
      tasks: store.get('tasks'),
      initiatives: store.get('initiatives'),
    }
    searchPalette(sources, { q: 'warm', limit: 1 })

    const started = performance.now()
    const results = searchPalette(sources, { q: 'a', limit: 20 })
    expect(results).toHaveLength(20)
    expect(performance.now() - started).toBeLessThan(2000)
    expect(searchPalette(sources, { q: '   ', limit: 20 })).toEqual([])
  })
})
