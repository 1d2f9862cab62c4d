/**
 * Draws a `TopologyScene` into an `<svg>` that React owns (docs/architecture.md, "Drawing").
 * Idempotent: every layer is a keyed join, so calling it each frame updates elements in place and
 * keeps focus and hover. The renderer never reads the store and attaches no listeners: the view
 * delegates events from the `data-broker`, `data-zone`, `data-controller` and `data-partition`
 * attributes.
 *
 * @example
 * renderTopology(svgElement, buildScene(snapshot, layout, visibleReplicas, selection), {
 *   animate: !prefersReducedMotion,
 *   mode: snapshot.mode,
 * })
 */
import { select } from 'd3'
import type { Selection } from 'd3'
import { renderBrokers } from './render-brokers'
import { renderChips } from './render-chips'
import { renderControllers } from './render-controllers'
import { renderFlows } from './render-flows'
import { renderZones } from './render-zones'
import {
  MAX_MOVING_SPEED,
  createTrafficAnimator,
  renderClients,
  renderTraffic,
} from './render-traffic'
import type { TrafficAnimator } from './render-traffic'
import type { TopologyScene } from './scene'

export interface RenderOptions {
  animate: boolean
  mode: 'kraft' | 'zookeeper'
  /** Wall-clock time of the frame (requestAnimationFrame's), for the traffic dots' minimum time. */
  wallMs?: number
  /** Playback speed: above MAX_MOVING_SPEED traffic shows counts per link instead of motion. */
  speed?: number
}

const LAYERS = ['zones', 'controllers', 'brokers', 'flows', 'chips', 'clients', 'traffic'] as const

/** Each `<svg>`'s traffic animator: which messages it has shown and since when. */
const animators = new WeakMap<SVGSVGElement, TrafficAnimator>()
type LayerName = (typeof LAYERS)[number]

function ensureDefs(svg: Selection<SVGSVGElement, unknown, null, undefined>): void {
  if (!svg.select('defs').empty()) return
  const defs = svg.append('defs')
  defs
    .append('marker')
    .attr('id', 'flow-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 16)
    .attr('refY', 5)
    .attr('markerWidth', 7)
    .attr('markerHeight', 7)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('class', 'flow-arrow')
    .attr('d', 'M0,0L10,5L0,10z')
  defs
    .append('marker')
    .attr('id', 'traffic-arrow')
    .attr('viewBox', '0 0 10 10')
    .attr('refX', 10)
    .attr('refY', 5)
    .attr('markerWidth', 6)
    .attr('markerHeight', 6)
    .attr('orient', 'auto-start-reverse')
    .append('path')
    .attr('class', 'traffic-arrow')
    .attr('d', 'M0,0L10,5L0,10z')
  defs
    .append('pattern')
    .attr('id', 'hatch')
    .attr('width', 8)
    .attr('height', 8)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('patternTransform', 'rotate(45)')
    .append('rect')
    .attr('class', 'hatch-line')
    .attr('width', 2)
    .attr('height', 8)
}

function layer(
  svg: Selection<SVGSVGElement, unknown, null, undefined>,
  name: LayerName,
): Selection<SVGGElement, unknown, null, undefined> {
  const existing = svg.select<SVGGElement>(`g.layer-${name}`)
  if (!existing.empty()) return existing
  const g = svg.append('g').attr('class', `layer-${name}`)
  // The chips' "p0 p4 p5 …" would read as one flat run: screen readers get the topology as a
  // zone → broker → replica tree instead (ui/TopologyOutline.tsx).
  if (name === 'chips') g.attr('aria-hidden', 'true')
  return g
}

/**
 * Returns true while traffic dots still move with no new snapshot (the caller asks for another
 * animation frame).
 */
export function renderTopology(
  svgElement: SVGSVGElement,
  scene: TopologyScene,
  options: RenderOptions,
): boolean {
  const svg = select(svgElement)
  // Setting the size, even to the same value, makes Chromium lay out and repaint the whole SVG.
  const viewBox = `0 0 ${scene.width} ${scene.height}`
  if (svgElement.getAttribute('viewBox') !== viewBox) {
    svg.attr('width', scene.width).attr('height', scene.height).attr('viewBox', viewBox)
  }
  ensureDefs(svg)
  const layers = Object.fromEntries(LAYERS.map((name) => [name, layer(svg, name)])) as Record<
    LayerName,
    Selection<SVGGElement, unknown, null, undefined>
  >
  renderZones(layers.zones, scene.zones)
  renderControllers(layers.controllers, scene.controllers, options.mode)
  renderBrokers(layers.brokers, scene.brokers)
  renderFlows(layers.flows, scene.flows)
  renderChips(layers.chips, scene.chips, { style: scene.chipStyle, animate: options.animate })
  renderClients(layers.clients, scene.clients)
  let animator = animators.get(svgElement)
  if (animator === undefined) {
    animator = createTrafficAnimator()
    animators.set(svgElement, animator)
  }
  const firstZone = scene.zones[0]
  const fast = (options.speed ?? 1) > MAX_MOVING_SPEED
  return renderTraffic(layers.traffic, scene.traffic, {
    animate: options.animate && !fast,
    narrow: scene.width < 600,
    ...(options.animate && fast ? { stillBecause: 'speed' as const } : {}),
    wallMs: options.wallMs ?? 0,
    animator,
    // The legend sits in the client band's gap, just above the zones.
    legendAt:
      scene.clients.length > 0 && firstZone !== undefined
        ? { x: firstZone.x, y: firstZone.y - 9 }
        : null,
  })
}
