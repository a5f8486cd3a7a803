import type { OrgTree } from './orgChartLayout'

/** Props of {@link OrgChartOutline}. */
export interface OrgChartOutlineProps {
  roots: readonly OrgTree[]
  focusId: string | null
  onShow: (id: string) => void
}

interface BranchProps {
  tree: OrgTree
  focusId: string | null
  onShow: (id: string) => void
}

function Branch({ tree, focusId, onShow }: BranchProps): React.JSX.Element {
  const { node } = tree

  return (
    <li>
      <button
        type="button"
        className="org-outline-person"
        aria-current={node.id === focusId ? 'true' : undefined}
        onClick={() => onShow(node.id)}
      >
        {node.name}
        {node.role ? <span className="option-meta">, {node.role}</span> : null}
      </button>
      {tree.reports.length > 0 ? (
        <ul aria-label={`Reports of ${node.name}`}>
          {tree.reports.map((report) => (
            <Branch key={report.node.id} tree={report} focusId={focusId} onShow={onShow} />
          ))}
        </ul>
      ) : null}
    </li>
  )
}

/**
 * The org chart as nested lists, for people who do not use the drawing: the nesting is the
 * reporting line, and each name shows that person in the chart.
 */
export function OrgChartOutline({
  roots,
  focusId,
  onShow,
}: OrgChartOutlineProps): React.JSX.Element {
  return (
    <ul className="org-outline" aria-label="Org chart as a list">
      {roots.map((root) => (
        <Branch key={root.node.id} tree={root} focusId={focusId} onShow={onShow} />
      ))}
    </ul>
  )
}
