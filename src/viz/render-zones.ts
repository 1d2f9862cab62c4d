/**
 * Zone columns: a background (hatched while the zone is stopped) and a header that is a button
 * ("Zone use1-az1, running, ...") opening the zone's menu.
 */
import type { Selection } from 'd3'
import { changed } from './changed'
import type { ZoneNode } from './scene'

type Layer = Selection<SVGGElement, unknown, null, undefined>

export function renderZones(layer: Layer, zones: readonly ZoneNode[]): void {
  const joined = layer
    .selectAll<SVGGElement, ZoneNode>('g.zone')
    .data(zones, (d) => d.name)
    .join((enter) => {
      const g = enter.append('g')
      g.append('rect').attr('class', 'zone-bg').attr('rx', 10)
      g.append('rect').attr('class', 'zone-hatch').attr('rx', 10)
      const header = g
        .append('g')
        .attr('class', 'zone-header focusable')
        .attr('role', 'button')
        .attr('tabindex', 0)
        .attr('aria-haspopup', 'menu')
      header.append('rect').attr('class', 'focus-halo').attr('x', 1).attr('y', 1).attr('rx', 10)
      header.append('rect').attr('class', 'zone-header-bg').attr('rx', 8)
      header.append('text').attr('class', 'zone-name').attr('x', 12).attr('y', 21)
      header.append('text').attr('class', 'zone-status').attr('y', 21).attr('text-anchor', 'end')
      return g
    })
  changed(joined, (d) => [d.x, d.y, d.width, d.height, d.label, d.status].join('|'))
    .attr('class', (d) => `zone${d.stopped ? ' stopped' : ''}${d.isolated ? ' isolated' : ''}`)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
    .call((g) => {
      g.select('rect.zone-bg')
        .attr('width', (d) => d.width)
        .attr('height', (d) => d.height)
      g.select('rect.zone-hatch')
        .attr('width', (d) => d.width)
        .attr('height', (d) => d.height)
      const header = g
        .select<SVGGElement>('g.zone-header')
        .attr('data-zone', (d) => d.name)
        .attr('aria-label', (d) => d.label)
      header
        .select('rect.focus-halo')
        .attr('width', (d) => d.width - 2)
        .attr('height', 32)
      header
        .select('rect.zone-header-bg')
        .attr('x', 4)
        .attr('y', 4)
        .attr('width', (d) => d.width - 8)
        .attr('height', 26)
      header.select('text.zone-name').text((d) => d.name)
      header
        .select('text.zone-status')
        .attr('x', (d) => d.width - 12)
        .text((d) => d.status)
    })
}
