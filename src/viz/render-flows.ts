/**
 * Replication flows from a partition's leader to its followers: faint curves for every partition
 * in small clusters, a bold moving dash for the hovered or selected partition. A follower out of
 * the ISR gets a dashed, warning-coloured curve.
 */
import type { Selection } from 'd3'
import type { FlowNode } from './scene'

type Layer = Selection<SVGGElement, unknown, null, undefined>

/** A quadratic curve bowed to one side, so flows between the same cards do not overlap. */
export function flowPath(flow: FlowNode): string {
  const mx = (flow.x1 + flow.x2) / 2
  const my = (flow.y1 + flow.y2) / 2
  const dx = flow.x2 - flow.x1
  const dy = flow.y2 - flow.y1
  const length = Math.hypot(dx, dy) || 1
  const bow = Math.min(60, length * 0.18)
  const cx = mx - (dy / length) * bow
  const cy = my + (dx / length) * bow
  return `M${flow.x1},${flow.y1}Q${cx},${cy} ${flow.x2},${flow.y2}`
}

export function renderFlows(layer: Layer, flows: readonly FlowNode[]): void {
  layer
    .selectAll<SVGPathElement, FlowNode>('path.flow')
    .data(flows, (d) => d.key)
    .join('path')
    .attr('class', (d) => `flow ${d.emphasis} ${d.healthy ? 'healthy' : 'broken'}`)
    .attr('d', flowPath)
    .attr('marker-end', (d) => (d.emphasis === 'focus' ? 'url(#flow-arrow)' : null))
}
