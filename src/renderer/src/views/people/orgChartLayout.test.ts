import { describe, expect, it } from 'vitest'

import type { OrgChartNode } from '../../../../shared/ipc/views'
import { NODE_HEIGHT, buildOrgTrees, layoutOrgChart } from './orgChartLayout'

function node(id: string, managerId: string | null): OrgChartNode {
  return { id, name: id, role: null, teamName: null, managerId, status: 'active', reportCount: 0 }
}

describe('layoutOrgChart', () => {
  it('centres each manager over their reports, one row per level', () => {
    const layout = layoutOrgChart([node('a', null), node('b', 'a'), node('c', 'a'), node('d', 'b')])

    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((id) => layout.placements.get(id)!)
    expect(a!.x).toBe((b!.x + c!.x) / 2)
    expect(b!.x).toBe(d!.x)
    expect(d!.y).toBeGreaterThan(b!.y)
    expect(b!.y).toBeGreaterThan(a!.y)
    expect(layout.links).toHaveLength(3)
    expect(layout.height).toBeGreaterThan(2 * NODE_HEIGHT)
  })

  it('makes people whose manager is unknown into roots', () => {
    const roots = buildOrgTrees([node('a', 'gone'), node('b', null)])

    expect(roots.map((root) => root.node.id)).toEqual(['a', 'b'])
  })

  it('shows everyone once even when manager links loop', () => {
    const layout = layoutOrgChart([node('a', 'c'), node('b', 'a'), node('c', 'b'), node('d', null)])

    expect(layout.placements.size).toBe(4)
    expect(layout.links).toHaveLength(2)
  })

  it('lays out nothing for no people', () => {
    expect(layoutOrgChart([])).toMatchObject({ width: 0, height: 0, links: [] })
  })
})
