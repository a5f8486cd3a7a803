import type { OrgChartNode } from '../../../../shared/ipc/views'

/** Size of one person's box in the chart, in chart units (pixels at zoom 1). */
export const NODE_WIDTH = 184
export const NODE_HEIGHT = 56
const COLUMN_GAP = 20
const ROW_GAP = 56

/** One person in the tree, with their reports in name order. */
export interface OrgTree {
  node: OrgChartNode
  reports: OrgTree[]
}

/** Where a person's box sits: its top-left corner. */
export interface NodePlacement {
  node: OrgChartNode
  x: number
  y: number
}

/** A line from a manager's box to a report's box. */
export interface ChartLink {
  managerId: string
  reportId: string
}

/** The whole chart, laid out. */
export interface OrgChartLayout {
  roots: OrgTree[]
  placements: Map<string, NodePlacement>
  links: ChartLink[]
  width: number
  height: number
}

const byName = (left: OrgChartNode, right: OrgChartNode): number =>
  left.name.localeCompare(right.name)

/**
 * Builds the tree from manager links. People without a manager (or whose manager is not in the
 * list) are roots; a loop of manager links, which the data could hold, is broken at the person
 * first reached so everyone still appears once.
 */
export function buildOrgTrees(nodes: readonly OrgChartNode[]): OrgTree[] {
  const ids = new Set(nodes.map((node) => node.id))
  const reportsOf = new Map<string, OrgChartNode[]>()

  for (const node of nodes) {
    if (node.managerId !== null && ids.has(node.managerId)) {
      const list = reportsOf.get(node.managerId) ?? []
      list.push(node)
      reportsOf.set(node.managerId, list)
    }
  }

  const visited = new Set<string>()
  const grow = (node: OrgChartNode): OrgTree => {
    visited.add(node.id)
    const reports: OrgTree[] = []

    for (const report of [...(reportsOf.get(node.id) ?? [])].sort(byName)) {
      // Checked on the way, not up front: an earlier report's subtree may reach this one.
      if (!visited.has(report.id)) {
        reports.push(grow(report))
      }
    }

    return { node, reports }
  }

  const sorted = [...nodes].sort(byName)
  const roots = sorted
    .filter((node) => node.managerId === null || !ids.has(node.managerId))
    .map(grow)

  for (const node of sorted) {
    if (!visited.has(node.id)) {
      roots.push(grow(node))
    }
  }

  return roots
}

/**
 * Places every person: leaves side by side in tree order, each manager centred over their
 * reports, one row per level.
 */
export function layoutOrgChart(nodes: readonly OrgChartNode[]): OrgChartLayout {
  const roots = buildOrgTrees(nodes)
  const placements = new Map<string, NodePlacement>()
  const links: ChartLink[] = []
  let nextColumn = 0
  let depthReached = 0

  const place = (tree: OrgTree, depth: number): number => {
    depthReached = Math.max(depthReached, depth)
    let x: number

    if (tree.reports.length === 0) {
      x = nextColumn * (NODE_WIDTH + COLUMN_GAP)
      nextColumn += 1
    } else {
      const childXs = tree.reports.map((report) => {
        links.push({ managerId: tree.node.id, reportId: report.node.id })

        return place(report, depth + 1)
      })
      x = ((childXs[0] ?? 0) + (childXs[childXs.length - 1] ?? 0)) / 2
    }

    placements.set(tree.node.id, { node: tree.node, x, y: depth * (NODE_HEIGHT + ROW_GAP) })

    return x
  }

  for (const root of roots) {
    place(root, 0)
  }

  return {
    roots,
    placements,
    links,
    width: Math.max(0, nextColumn * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP),
    height: placements.size === 0 ? 0 : (depthReached + 1) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP,
  }
}
