import { describe, expect, it } from 'vitest'

import { notesExcerpt } from './oneOnOneGroups'

describe('notesExcerpt', () => {
  it('drops markup and Markdown marks', () => {
    expect(
      notesExcerpt('<p>## Goals</p><ul><li>**Ship** the [plan](https://x.example)</li></ul>'),
    ).toBe('Goals Ship the plan')
  })

  it('cuts long notes at a word boundary', () => {
    const excerpt = notesExcerpt('word '.repeat(100))

    expect(excerpt.endsWith('word…')).toBe(true)
    expect(excerpt.length).toBeLessThanOrEqual(161)
  })

  it('is empty without notes', () => {
    expect(notesExcerpt(null)).toBe('')
  })
})
