import { describe, expect, it } from 'vitest'

import { snoozeLabel, snoozeOptionsFor } from './snoozeOptions'

const NOW = Date.parse('2026-03-01T10:00:00Z')
const inMinutes = (minutes: number) => new Date(NOW + minutes * 60_000).toISOString()

describe('snoozeOptionsFor', () => {
  it('offers only the presets that end before the task is due', () => {
    expect(snoozeOptionsFor(inMinutes(3), NOW)).toEqual([])
    expect(snoozeOptionsFor(inMinutes(5), NOW)).toEqual([5])
    expect(snoozeOptionsFor(inMinutes(59), NOW)).toEqual([5])
    expect(snoozeOptionsFor(inMinutes(60), NOW)).toEqual([5, 60])
    expect(snoozeOptionsFor(inMinutes(1440), NOW)).toEqual([5, 60, 1440])
    expect(snoozeOptionsFor(inMinutes(5000), NOW)).toEqual([5, 60, 1440])
  })

  it('offers nothing once the task is due or overdue, or for an unreadable date', () => {
    expect(snoozeOptionsFor(inMinutes(0), NOW)).toEqual([])
    expect(snoozeOptionsFor(inMinutes(-30), NOW)).toEqual([])
    expect(snoozeOptionsFor('not a date', NOW)).toEqual([])
  })

  it('names the lengths', () => {
    expect(snoozeLabel(5)).toBe('Snooze 5 min')
    expect(snoozeLabel(60)).toBe('Snooze 1 hour')
    expect(snoozeLabel(120)).toBe('Snooze 2 hours')
    expect(snoozeLabel(1440)).toBe('Snooze 1 day')
  })
})
