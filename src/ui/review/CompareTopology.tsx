/**
 * One design's topology at one moment, compact and read-only: the dashboard's own renderer
 * (viz/render-topology.ts over scene.ts) drawn into an `<svg>` laid out at a fixed width and
 * scaled to its column's width (a tall one scrolls), with no selection, menus or traffic. The
 * drawing is hidden from assistive technology and takes no focus (its nodes are the dashboard's
 * buttons, which would do nothing here); the line above it says the same in words.
 */
import { useEffect, useRef, useState } from 'react'
import type { Snapshot } from '../../engine/types'
import { renderTopology } from '../../viz/render-topology'
import { buildScene, createLayoutCache, type SceneSelection } from '../../viz/scene'
import { frameSummary } from './compare-frames'

export interface CompareTopologyProps {
  /** "A: Current", "B: Reassignment". */
  title: string
  snapshot: Snapshot
}

/** The width the layout is computed for; the drawing then scales to the column. */
const LAYOUT_WIDTH = 880

const SELECTION: SceneSelection = {
  selectedPartition: null,
  hoveredPartition: null,
  focusTopic: null,
  focusBroker: null,
}

export function CompareTopology({ title, snapshot }: CompareTopologyProps) {
  const svgRef = useRef<SVGSVGElement>(null)
  // One layout per design: frames of one run share their structure.
  const [layoutCache] = useState(() => createLayoutCache())

  useEffect(() => {
    const svg = svgRef.current
    if (svg === null) return
    const entry = layoutCache(snapshot, LAYOUT_WIDTH, SELECTION, 0)
    renderTopology(svg, buildScene(snapshot, entry, SELECTION), {
      animate: false,
      mode: snapshot.mode,
    })
  }, [layoutCache, snapshot])

  return (
    <figure className="flex min-w-0 flex-col gap-1 rounded border border-border p-2">
      <figcaption className="text-xs">
        <span className="font-semibold">{title}</span>{' '}
        <span className="block text-muted">{frameSummary(snapshot)}</span>
      </figcaption>
      {/* A large cluster lays out tall: it scrolls in its box rather than shrink to a thumbnail. */}
      <div className="max-h-[36rem] overflow-y-auto">
        <div aria-hidden="true" inert>
          <svg ref={svgRef} className="topology block" style={{ width: '100%', height: 'auto' }} />
        </div>
      </div>
    </figure>
  )
}
