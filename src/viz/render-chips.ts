/**
 * Replica chips inside detailed broker cards. Shape and colour both tell the role (theme.ts); a
 * bar under each follower shows its lag behind the leader. When a role changes the symbol pops
 * in (and a new leader sends out a ring) unless animation is off; colours ease through CSS
 * transitions, which prefers-reduced-motion switches off. A chip has no `<title>`: the view's
 * one shared tooltip (ui/chip-tooltip.ts) defines it on hover and keyboard focus instead, and
 * two tooltips at once would cover each other.
 */
import type { EnterElement, Selection } from 'd3'
import { easeCubicOut, select, transition } from 'd3'
import type { ChipStyle } from './layout'
import { LAYOUT, chipSymbol } from './layout'
import { changed } from './changed'
import type { ChipNode } from './scene'
import { ROLE_COLOURS, TRANSITION_MS, rolePath, roleIsStroked } from './theme'

type Layer = Selection<SVGGElement, unknown, null, undefined>

export interface ChipRenderOptions {
  style: ChipStyle
  animate: boolean
}

function enterChip(enter: Selection<EnterElement, ChipNode, SVGGElement, unknown>) {
  const g = enter.append('g')
  g.append('rect').attr('class', 'chip-bg').attr('rx', 4)
  g.append('path').attr('class', 'chip-symbol')
  g.append('text').attr('class', 'chip-text')
  g.append('rect').attr('class', 'lag-track').attr('height', 3).attr('rx', 1.5)
  g.append('rect').attr('class', 'lag-bar').attr('height', 3).attr('rx', 1.5)
  return g
}

function chipClass(d: ChipNode): string {
  const classes = ['chip', `role-${d.role}`]
  if (d.highlighted) classes.push('highlighted')
  if (d.dimmed) classes.push('dimmed')
  if (d.partitionOffline) classes.push('partition-offline')
  if (d.sharesZone) classes.push('shares-zone')
  if (d.preview !== null) classes.push(`preview-${d.preview}`)
  return classes.join(' ')
}

/** Pops a symbol whose role just changed, and rings a replica that just became leader. */
function animateRoleChange(g: SVGGElement, d: ChipNode, symbolAt: { dx: number; dy: number }) {
  const symbolEl = g.querySelector<SVGPathElement>('path.chip-symbol')
  if (symbolEl === null) return
  const at = `translate(${symbolAt.dx},${symbolAt.dy})`
  // Naming the transition keeps d3-transition (which patches selection.transition) in the bundle.
  const pop = transition().duration(TRANSITION_MS).ease(easeCubicOut)
  select(symbolEl)
    .attr('transform', `${at} scale(0.3)`)
    .transition(pop)
    .attr('transform', `${at} scale(1)`)
  if (d.role !== 'leader') return
  select(g)
    .append('circle')
    .attr('class', 'leader-pulse')
    .attr('cx', symbolAt.dx)
    .attr('cy', symbolAt.dy)
    .attr('r', 6)
    .transition()
    .duration(TRANSITION_MS * 2)
    .ease(easeCubicOut)
    .attr('r', 22)
    .style('opacity', 0)
    .remove()
}

export function renderChips(layer: Layer, chips: readonly ChipNode[], options: ChipRenderOptions) {
  const cell = LAYOUT[options.style]
  const symbolAt = chipSymbol(options.style)
  const labelled = options.style === 'labelled'
  const joined = changed(
    layer
      .selectAll<SVGGElement, ChipNode>('g.chip')
      .data(chips, (d) => d.key)
      .join(enterChip),
    (d) => [options.style, d.x, d.y, chipClass(d), d.title, d.text, d.lag, d.lagFraction].join('|'),
  )
  joined
    .attr('class', chipClass)
    .attr('data-partition', (d) => d.partition)
    .attr('data-on-broker', (d) => d.broker)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
  joined.select('rect.chip-bg').attr('width', cell.width).attr('height', cell.height)
  joined.each(function (d) {
    const previous = this.getAttribute('data-role')
    if (previous === d.role) return
    this.setAttribute('data-role', d.role)
    const path = this.querySelector<SVGPathElement>('path.chip-symbol')
    if (path === null) return
    path.setAttribute('d', rolePath(d.role, symbolAt.size))
    path.setAttribute('transform', `translate(${symbolAt.dx},${symbolAt.dy})`)
    path.style.fill = roleIsStroked(d.role) ? 'none' : ROLE_COLOURS[d.role]
    path.style.stroke = ROLE_COLOURS[d.role]
    if (options.animate && previous !== null) animateRoleChange(this, d, symbolAt)
  })
  joined
    .select('text.chip-text')
    .attr('display', labelled ? null : 'none')
    .attr('x', symbolAt.dx + symbolAt.size / 2 + 4)
    .attr('y', symbolAt.dy + 4)
    .text((d) => (labelled ? d.text : ''))
  const barWidth = cell.width - 4
  joined
    .select('rect.lag-track')
    .attr('x', 2)
    .attr('y', cell.height - 4)
    .attr('width', barWidth)
    .attr('display', (d) => (d.role === 'leader' || d.lag <= 0 ? 'none' : null))
  joined
    .select('rect.lag-bar')
    .attr('x', 2)
    .attr('y', cell.height - 4)
    .attr('width', (d) => Math.max(d.lag > 0 ? 1.5 : 0, barWidth * d.lagFraction))
    .attr('display', (d) => (d.role === 'leader' || d.lag <= 0 ? 'none' : null))
}
