/**
 * Controller quorum voters (KRaft) or ZooKeeper nodes, as pills inside their zone. The active
 * controller wears a star and the word "active"; a stopped node is dashed and says "down".
 */
import type { Selection } from 'd3'
import { symbol, symbolStar } from 'd3'
import { changed } from './changed'
import type { ControllerNode } from './scene'

type Layer = Selection<SVGGElement, unknown, null, undefined>

const STAR = symbol(symbolStar, 90)() ?? ''
/**
 * A follower voter is a hexagon: the triangle it used to be is the out-of-sync replica's glyph,
 * and no two roles share a shape.
 */
const NODE = hexagon(5)

function hexagon(r: number): string {
  const points = Array.from({ length: 6 }, (_, i) => {
    const angle = (Math.PI / 3) * i
    return `${(r * Math.cos(angle)).toFixed(2)},${(r * Math.sin(angle)).toFixed(2)}`
  })
  return `M${points.join('L')}Z`
}

export function renderControllers(
  layer: Layer,
  controllers: readonly ControllerNode[],
  mode: 'kraft' | 'zookeeper',
): void {
  const joined = layer
    .selectAll<SVGGElement, ControllerNode>('g.controller')
    .data(controllers, (d) => String(d.id))
    .join((enter) => {
      const g = enter
        .append('g')
        .attr('role', 'button')
        .attr('tabindex', 0)
        .attr('aria-haspopup', 'menu')
      g.append('rect').attr('class', 'focus-halo').attr('x', -4).attr('y', -4).attr('rx', 19)
      g.append('rect').attr('class', 'controller-bg').attr('rx', 15)
      g.append('path').attr('class', 'controller-icon').attr('transform', 'translate(15,15)')
      g.append('text').attr('class', 'controller-name').attr('x', 28).attr('y', 19)
      g.append('text').attr('class', 'controller-status').attr('y', 19).attr('text-anchor', 'end')
      return g
    })
  changed(joined, (d) => [d.x, d.y, d.width, d.label, d.status].join('|'))
    .attr('class', (d) => {
      const state = !d.up ? ' down' : d.isolated ? ' isolated' : d.active ? ' active' : ''
      return `controller focusable${state}`
    })
    .attr('data-controller', (d) => d.id)
    .attr('aria-label', (d) => d.label)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .call((g) => {
      g.select('rect.controller-bg')
        .attr('width', (d) => d.width)
        .attr('height', (d) => d.height)
      g.select('rect.focus-halo')
        .attr('width', (d) => d.width + 8)
        .attr('height', (d) => d.height + 8)
      g.select('path').attr('d', (d) => (d.active ? STAR : NODE))
      g.select('text.controller-name').text((d) =>
        d.width < 130
          ? `${mode === 'kraft' ? 'C' : 'ZK'} ${d.id}`
          : `${mode === 'kraft' ? 'Controller' : 'ZooKeeper'} ${d.id}`,
      )
      g.select('text.controller-status')
        .attr('x', (d) => d.width - 10)
        .text((d) => d.status)
    })
}
