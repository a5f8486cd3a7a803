import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { FormEvent, PointerEvent } from 'react'

import type { OrgChartNode } from '../../../../shared/ipc/views'
import { Button } from '../../components/Button'
import { NODE_HEIGHT, NODE_WIDTH, layoutOrgChart } from './orgChartLayout'
import { OrgChartOutline } from './OrgChartOutline'

const MIN_SCALE = 0.2
const MAX_SCALE = 2.5
const ZOOM_STEP = 1.25
const MARGIN = 24
/** Used when the viewport has no size yet (before layout, or in a DOM without layout). */
const FALLBACK_VIEWPORT = { width: 800, height: 440 }
/** Pointer travel, in pixels, below which a press on a box counts as a click, not a drag. */
const DRAG_THRESHOLD = 4

/** The chart's pan and zoom: chart units are scaled, then shifted by (x, y) pixels. */
export interface ChartView {
  scale: number
  x: number
  y: number
}

/** Props of {@link OrgChart}. */
export interface OrgChartProps {
  nodes: readonly OrgChartNode[]
  focusId: string | null
  onFocus: (id: string | null) => void
  onOpenPerson: (id: string) => void
}

/** Text cut to fit a box; the full text is in the list below the chart. */
function fitText(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text
}

function clampScale(scale: number): number {
  return Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale))
}

/**
 * The org chart drawn from manager links: zoom, pan by dragging, reset, and focus on a person
 * (centred and highlighted). The same tree follows as nested lists for screen readers and
 * keyboard use.
 */
export function OrgChart({
  nodes,
  focusId,
  onFocus,
  onOpenPerson,
}: OrgChartProps): React.JSX.Element {
  const layout = useMemo(() => layoutOrgChart(nodes), [nodes])
  const viewportRef = useRef<HTMLDivElement>(null)
  const drag = useRef<{ x: number; y: number; startX: number; startY: number; moved: boolean }>(
    null,
  )
  const findId = useId()
  const [find, setFind] = useState('')
  const [notice, setNotice] = useState('')

  const viewportSize = () => ({
    width: viewportRef.current?.clientWidth || FALLBACK_VIEWPORT.width,
    height: viewportRef.current?.clientHeight || FALLBACK_VIEWPORT.height,
  })

  const resetView = (): ChartView => {
    const { width } = viewportSize()

    return {
      scale: 1,
      x: layout.width + 2 * MARGIN < width ? (width - layout.width) / 2 : MARGIN,
      y: MARGIN,
    }
  }

  const [view, setView] = useState<ChartView>(resetView)
  const focused = focusId ? layout.placements.get(focusId) : undefined

  useEffect(() => {
    if (!focused) {
      return
    }

    const { width, height } = viewportSize()
    setView((current) => ({
      scale: current.scale,
      x: width / 2 - (focused.x + NODE_WIDTH / 2) * current.scale,
      y: height / 2 - (focused.y + NODE_HEIGHT / 2) * current.scale,
    }))
    setNotice(`Showing ${focused.node.name}.`)
    // Centre only when the focused person changes, not on every pan or zoom.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focused?.node.id, layout])

  const zoom = (factor: number): void => {
    const { width, height } = viewportSize()
    setView((current) => {
      const scale = clampScale(current.scale * factor)
      const ratio = scale / current.scale

      // Zoom about the middle of the viewport, so what is there stays there.
      return {
        scale,
        x: width / 2 - (width / 2 - current.x) * ratio,
        y: height / 2 - (height / 2 - current.y) * ratio,
      }
    })
  }

  const onFind = (event: FormEvent): void => {
    event.preventDefault()
    const wanted = find.trim().toLowerCase()
    const match = nodes.find((node) => wanted !== '' && node.name.toLowerCase().includes(wanted))

    if (match) {
      onFocus(match.id)
      setNotice(`Showing ${match.name}.`)
    } else if (wanted) {
      setNotice(`No one called “${find.trim()}” is in the chart.`)
    } else {
      setNotice('Type a name first.')
    }
  }

  const onPointerDown = (event: PointerEvent<SVGSVGElement>): void => {
    if (event.button !== 0) {
      return
    }

    drag.current = {
      x: view.x,
      y: view.y,
      startX: event.clientX,
      startY: event.clientY,
      moved: false,
    }
    event.currentTarget.setPointerCapture?.(event.pointerId)
  }

  const onPointerMove = (event: PointerEvent<SVGSVGElement>): void => {
    const start = drag.current

    if (!start) {
      return
    }

    const dx = event.clientX - start.startX
    const dy = event.clientY - start.startY

    if (Math.abs(dx) + Math.abs(dy) > DRAG_THRESHOLD) {
      start.moved = true
    }

    setView((current) => ({ ...current, x: start.x + dx, y: start.y + dy }))
  }

  const onPointerUp = (event: PointerEvent<SVGSVGElement>): void => {
    const start = drag.current
    drag.current = null
    event.currentTarget.releasePointerCapture?.(event.pointerId)

    if (start && !start.moved) {
      const box = (event.target as Element).closest?.('[data-person-id]')
      const id = box?.getAttribute('data-person-id')

      if (id) {
        onFocus(id)
      }
    }
  }

  return (
    <div className="org-chart">
      <div className="org-chart-toolbar">
        <div className="button-row" role="group" aria-label="Chart view">
          <Button onClick={() => zoom(ZOOM_STEP)} disabled={view.scale >= MAX_SCALE}>
            Zoom in
          </Button>
          <Button onClick={() => zoom(1 / ZOOM_STEP)} disabled={view.scale <= MIN_SCALE}>
            Zoom out
          </Button>
          <Button
            onClick={() => {
              setView(resetView())
              onFocus(null)
              setNotice('')
            }}
          >
            Reset view
          </Button>
        </div>
        <form
          className="org-chart-find"
          role="search"
          aria-label="Find in the org chart"
          onSubmit={onFind}
        >
          <label htmlFor={findId}>Find a person</label>
          <input
            id={findId}
            type="search"
            value={find}
            onChange={(event) => setFind(event.target.value)}
          />
          <Button type="submit">Show</Button>
        </form>
      </div>
      <p className="org-chart-notice" role="status">
        {notice}
      </p>
      {focused ? (
        <div className="org-chart-focus">
          <span>
            <strong>{focused.node.name}</strong>
            {focused.node.role ? ` · ${focused.node.role}` : ''}
            {` · ${focused.node.reportCount} ` +
              (focused.node.reportCount === 1 ? 'report' : 'reports')}
          </span>
          <Button variant="quiet" onClick={() => onOpenPerson(focused.node.id)}>
            Open {focused.node.name}&apos;s page
          </Button>
        </div>
      ) : null}
      <div className="org-chart-viewport" ref={viewportRef}>
        <svg
          className="org-chart-canvas"
          role="img"
          aria-label={`Org chart of ${nodes.length} people. The list below holds the same chart.`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={() => {
            drag.current = null
          }}
        >
          <g
            data-testid="org-chart-view"
            transform={`translate(${view.x} ${view.y}) scale(${view.scale})`}
          >
            {layout.links.map(({ managerId, reportId }) => {
              const from = layout.placements.get(managerId)
              const to = layout.placements.get(reportId)

              if (!from || !to) {
                return null
              }

              const midY = (from.y + NODE_HEIGHT + to.y) / 2

              return (
                <path
                  key={`${managerId}-${reportId}`}
                  className="org-link"
                  d={
                    `M${from.x + NODE_WIDTH / 2} ${from.y + NODE_HEIGHT} ` +
                    `V${midY} H${to.x + NODE_WIDTH / 2} V${to.y}`
                  }
                />
              )
            })}
            {[...layout.placements.values()].map(({ node, x, y }) => (
              <g
                key={node.id}
                data-person-id={node.id}
                className={`org-node${node.id === focusId ? ' org-node-focused' : ''}`}
                transform={`translate(${x} ${y})`}
              >
                <rect width={NODE_WIDTH} height={NODE_HEIGHT} rx={6} />
                <text x={10} y={22} className="org-node-name">
                  {fitText(node.name, 22)}
                </text>
                <text x={10} y={42} className="org-node-role">
                  {fitText(node.role ?? node.teamName ?? '', 26)}
                </text>
              </g>
            ))}
          </g>
        </svg>
      </div>
      <h2 className="org-outline-title">Org chart as a list</h2>
      <OrgChartOutline roots={layout.roots} focusId={focusId} onShow={(id) => onFocus(id)} />
    </div>
  )
}
