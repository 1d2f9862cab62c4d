/**
 * Traffic in motion (RaftScope's model): producer and consumer nodes, every message the engine has
 * in flight as a small shape moving along its link, and acks=all requests waiting in a leader's
 * purgatory as a ring that fills toward request.timeout.ms.
 *
 * Where a message is: while the simulation has it in flight, at (nowMs − sentMs) / (atMs − sentMs)
 * of its way, the snapshot's own time. Messages here take about a millisecond (the engine's
 * client and in-zone latencies), far too short to see at 1× — and most would fall between two
 * frames. The honest rule: a message seen in a snapshot stays on screen for at least
 * MIN_VISIBLE_MS of wall time; once the simulation has delivered it, its dot finishes the trip
 * over what is left of that time. The legend says so. Paused, dots still in flight stand still.
 *
 * Under prefers-reduced-motion nothing moves: each link with messages in flight gets an arrow and
 * a count instead. The dots are aria-hidden; the client nodes carry accessible names and the
 * legend's group the summary of what is in flight.
 */
import type { Selection } from 'd3'
import type { ClientNode, ParkedBadge, TrafficDot, TrafficScene } from './traffic-scene'
import { TRAFFIC_ERROR_STYLE, TRAFFIC_STYLES } from './theme'

type Layer = Selection<SVGGElement, unknown, null, undefined>

/** Wall time each message stays on screen at least. */
export const MIN_VISIBLE_MS = 900
/** Most dots drawn at once (the oldest go first). */
const MAX_DOTS = 300

export interface DrawnDot {
  key: string
  kind: TrafficDot['kind']
  x: number
  y: number
  error: boolean
}

interface Tracked {
  dot: TrafficDot
  firstWallMs: number
  /** Progress (0..1) when the simulation last had it in flight, and the wall time then. */
  lastProgress: number
  deliveredAtWallMs: number | null
}

function simProgress(dot: TrafficDot, nowMs: number): number {
  const span = dot.atMs - dot.sentMs
  return span <= 0 ? 1 : Math.min(1, Math.max(0, (nowMs - dot.sentMs) / span))
}

function place(dot: TrafficDot, progress: number): { x: number; y: number } {
  // A round trip goes out in the first half and comes back in the second.
  const t = dot.roundTrip ? 1 - Math.abs(1 - 2 * progress) : progress
  return { x: dot.x1 + (dot.x2 - dot.x1) * t, y: dot.y1 + (dot.y2 - dot.y1) * t }
}

/**
 * Remembers the messages it has seen, so each stays visible for MIN_VISIBLE_MS. Pure apart from
 * that memory: `frame` takes the scene and the wall time and returns what to draw.
 */
export function createTrafficAnimator() {
  const tracked = new Map<string, Tracked>()
  let lastNowMs = -1
  return {
    frame(scene: TrafficScene, wallMs: number): DrawnDot[] {
      // Time went backwards (a seek or a restart): what was on its way never was.
      if (scene.nowMs < lastNowMs) tracked.clear()
      lastNowMs = scene.nowMs
      const current = new Set<string>()
      for (const dot of scene.dots) {
        const seen = tracked.get(dot.key)
        if (dot.delivered) {
          // Delivered between two frames and never seen in flight: its whole trip is still to draw.
          if (seen === undefined)
            tracked.set(dot.key, {
              dot,
              firstWallMs: wallMs,
              lastProgress: 0,
              deliveredAtWallMs: wallMs,
            })
          continue
        }
        current.add(dot.key)
        const progress = simProgress(dot, scene.nowMs)
        if (seen === undefined)
          tracked.set(dot.key, {
            dot,
            firstWallMs: wallMs,
            lastProgress: progress,
            deliveredAtWallMs: null,
          })
        else {
          seen.dot = dot
          seen.lastProgress = progress
        }
      }
      const out: DrawnDot[] = []
      for (const [key, t] of tracked) {
        let progress = t.lastProgress
        if (!current.has(key)) {
          t.deliveredAtWallMs ??= wallMs
          const end = Math.max(t.firstWallMs + MIN_VISIBLE_MS, t.deliveredAtWallMs + 250)
          if (wallMs >= end) {
            tracked.delete(key)
            continue
          }
          const share = (wallMs - t.deliveredAtWallMs) / Math.max(1, end - t.deliveredAtWallMs)
          progress = t.lastProgress + (1 - t.lastProgress) * share
        }
        out.push({ key, kind: t.dot.kind, error: t.dot.error, ...place(t.dot, progress) })
      }
      return out.length > MAX_DOTS ? out.slice(out.length - MAX_DOTS) : out
    },
    /** Some delivered message is still finishing its trip: draw another frame. */
    busy(): boolean {
      for (const t of tracked.values()) if (t.deliveredAtWallMs !== null) return true
      return false
    },
    reset(): void {
      tracked.clear()
      lastNowMs = -1
    },
  }
}

export type TrafficAnimator = ReturnType<typeof createTrafficAnimator>

export function renderClients(layer: Layer, clients: readonly ClientNode[]): void {
  const nodes = layer
    .selectAll<SVGGElement, ClientNode>('g.traffic-client')
    .data(clients, (d) => d.id)
    .join((enter) => {
      const g = enter.append('g').attr('role', 'img')
      g.append('rect').attr('class', 'traffic-client-box').attr('rx', 8)
      g.append('text').attr('class', 'traffic-client-icon').attr('aria-hidden', 'true')
      g.append('text').attr('class', 'traffic-client-title')
      g.append('text').attr('class', 'traffic-client-status')
      return g
    })
    .attr('class', (d) =>
      ['traffic-client', d.kind, d.troubled ? 'troubled' : '', d.alive ? '' : 'stopped']
        .filter((c) => c !== '')
        .join(' '),
    )
    .attr('data-client', (d) => d.id)
    .attr('aria-label', (d) => d.label)
  nodes
    .select('rect')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr('width', (d) => d.width)
    .attr('height', (d) => d.height)
  // Producers send (▶), consumers receive (◀); a troubled client gets ⚠ (shape, not just colour).
  nodes
    .select('text.traffic-client-icon')
    .attr('x', (d) => d.x + 10)
    .attr('y', (d) => d.y + 19)
    .text((d) => (d.troubled ? '⚠' : d.kind === 'producer' ? '▶' : '◀'))
  nodes
    .select('text.traffic-client-title')
    .attr('x', (d) => d.x + 26)
    .attr('y', (d) => d.y + 19)
    .text((d) => d.title)
  nodes
    .select('text.traffic-client-status')
    .attr('x', (d) => d.x + 10)
    .attr('y', (d) => d.y + 37)
    .text((d) => d.status)
}

function renderDots(layer: Layer, dots: readonly DrawnDot[]): void {
  const g = layer
    .selectAll<SVGGElement, DrawnDot>('g.traffic-dot')
    .data(dots, (d) => d.key)
    .join((enter) => {
      const dot = enter.append('g')
      dot.append('rect')
      dot.append('text').attr('y', 3.5)
      return dot
    })
    .attr('class', (d) => {
      const style = TRAFFIC_STYLES[d.kind]
      return `traffic-dot ${d.kind}${d.error ? ' error' : ''}${style.filled || d.error ? ' filled' : ''}`
    })
    .attr('transform', (d) => `translate(${d.x.toFixed(1)},${d.y.toFixed(1)})`)
    .style('--traffic-colour', (d) =>
      d.error ? TRAFFIC_ERROR_STYLE.colour : TRAFFIC_STYLES[d.kind].colour,
    )
  // Replication runs between every broker pair all the time: its messages are small unlabelled
  // marks, so the clients' produce and ack pills (and the chips under them) stay readable.
  const small = (d: DrawnDot) => !d.error && (d.kind === 'fetch' || d.kind === 'fetchResponse')
  g.classed('replication', small)
  g.select('rect')
    .attr('x', (d) => (small(d) ? -2.5 : -6.5))
    .attr('y', (d) => (small(d) ? -2.5 : -5.5))
    .attr('width', (d) => (small(d) ? 5 : 13))
    .attr('height', (d) => (small(d) ? 5 : 11))
    .attr('rx', (d) => (small(d) ? 1 : 3))
  g.select('text').text((d) =>
    small(d) ? '' : d.error ? TRAFFIC_ERROR_STYLE.glyph : TRAFFIC_STYLES[d.kind].glyph,
  )
}

function renderLinks(layer: Layer, scene: TrafficScene, animate: boolean): void {
  const links = animate ? [] : scene.links
  const g = layer
    .selectAll<SVGGElement, (typeof links)[number]>('g.traffic-link')
    .data(links, (d) => d.key)
    .join((enter) => {
      const link = enter.append('g').attr('class', 'traffic-link')
      link.append('line').attr('marker-end', 'url(#traffic-arrow)')
      link.append('text')
      return link
    })
  g.select('line')
    .attr('x1', (d) => d.x1)
    .attr('y1', (d) => d.y1)
    .attr('x2', (d) => d.x2)
    .attr('y2', (d) => d.y2)
    .style(
      '--traffic-colour',
      (d) => TRAFFIC_STYLES[d.key.split('|')[0] as TrafficDot['kind']].colour,
    )
  g.select('text')
    .attr('x', (d) => (d.x1 + d.x2) / 2)
    .attr('y', (d) => (d.y1 + d.y2) / 2 - 4)
    .text((d) => `${TRAFFIC_STYLES[d.key.split('|')[0] as TrafficDot['kind']].glyph} ${d.count}`)
}

const RING_R = 13
const RING_LENGTH = 2 * Math.PI * RING_R

function renderParked(layer: Layer, parked: readonly ParkedBadge[]): void {
  const badges = layer
    .selectAll<SVGGElement, ParkedBadge>('g.traffic-parked')
    .data(parked, (d) => d.key)
    .join((enter) => {
      const g = enter.append('g')
      g.append('title')
      g.append('circle').attr('class', 'traffic-parked-track').attr('r', RING_R)
      g.append('circle').attr('class', 'traffic-parked-ring').attr('r', RING_R)
      g.append('rect').attr('class', 'traffic-parked-pill').attr('rx', 4)
      g.append('text').attr('class', 'traffic-parked-text')
      return g
    })
    .attr('class', (d) => `traffic-parked ${d.kind}`)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
  badges.select('title').text((d) => d.text)
  // A produce's ring fills toward request.timeout.ms; a parked fetch shows only its count.
  badges
    .select('circle.traffic-parked-track')
    .attr('display', (d) => (d.kind === 'produce' ? null : 'none'))
  badges
    .select('circle.traffic-parked-ring')
    .attr('display', (d) => (d.kind === 'produce' ? null : 'none'))
    .attr('stroke-dasharray', (d) => `${(d.fraction * RING_LENGTH).toFixed(1)} ${RING_LENGTH}`)
  const label = (d: ParkedBadge) =>
    d.kind === 'produce'
      ? `${d.count} waiting · ${Math.round(d.fraction * 100)}% of request.timeout.ms`
      : `${d.count} parked`
  const width = (d: ParkedBadge) => label(d).length * 6.2 + 8
  badges
    .select('rect.traffic-parked-pill')
    .attr('x', (d) => (d.kind === 'produce' ? -width(d) / 2 : 12))
    .attr('y', (d) => (d.kind === 'produce' ? -RING_R - 19 : -28))
    .attr('width', width)
    .attr('height', 15)
  badges
    .select('text.traffic-parked-text')
    .attr('x', (d) => (d.kind === 'produce' ? 0 : 16))
    .attr('y', (d) => (d.kind === 'produce' ? -RING_R - 8 : -17))
    .attr('text-anchor', (d) => (d.kind === 'produce' ? 'middle' : 'start'))
    .text(label)
}

const LEGEND_NAMES = {
  produce: 'produce',
  produceResponse: 'ack',
  group: 'group',
  metadata: 'metadata',
} as const

function legendText(
  scene: TrafficScene,
  animate: boolean,
  stillBecause: StillReason,
  narrow: boolean,
): string {
  if (scene.mode === 'off') return scene.note ?? ''
  // A phone has room for the letters only; the whole legend is the node's accessible name.
  if (narrow) return 'P produce · A ack · G group · M metadata · ! error'
  const keys = (Object.keys(LEGEND_NAMES) as (keyof typeof LEGEND_NAMES)[])
    .map((k) => `${TRAFFIC_STYLES[k].glyph} ${LEGEND_NAMES[k]}`)
    .join('  ')
  const rule = animate
    ? `slowed: each ≥ ${MIN_VISIBLE_MS / 1000} s on screen (real ≈ 1 ms)`
    : `${stillBecause === 'speed' ? `above ${MAX_MOVING_SPEED}×` : 'reduced motion'}: client messages per link, last 0.25 s`
  const replication = animate ? '  ▫▪ replication' : ''
  return `${keys}  ${TRAFFIC_ERROR_STYLE.glyph} error${replication}  · ${rule}`
}

/**
 * Draws the traffic layer; returns true while dots still move without a new snapshot (the view
 * then asks for another animation frame).
 *
 * @example
 * const animator = createTrafficAnimator()
 * const moving = renderTraffic(layer, scene.traffic, { animate: true, wallMs: performance.now(), animator, legendAt })
 */
/**
 * Above this speed messages do not move: a 1 ms message shown for 0.9 s of wall time at 100×
 * stands for 90 s of simulated time, and drawing hundreds of them every frame cost the frame
 * budget (bench: median frame 33–50 ms at 100× with dots, 16.7 ms with counts). Counts per link
 * replace them, as under reduced motion.
 */
export const MAX_MOVING_SPEED = 20

export type StillReason = 'reduced-motion' | 'speed'

export function renderTraffic(
  layer: Layer,
  scene: TrafficScene,
  options: {
    animate: boolean
    wallMs: number
    animator: TrafficAnimator
    legendAt: { x: number; y: number } | null
    /** Why `animate` is off, for the legend. */
    stillBecause?: StillReason
    /** The topology is phone-narrow: a short legend. */
    narrow?: boolean
  },
): boolean {
  const dotsLayer = ensure(layer, 'traffic-dots').attr('aria-hidden', 'true')
  const linksLayer = ensure(layer, 'traffic-links').attr('aria-hidden', 'true')
  const parkedLayer = ensure(layer, 'traffic-parked-layer')
  const dots =
    options.animate && scene.mode === 'dots' ? options.animator.frame(scene, options.wallMs) : []
  if (!options.animate) options.animator.reset()
  renderLinks(linksLayer, scene, options.animate)
  renderDots(dotsLayer, dots)
  // A follower's fetch parked at its leader is the idle cluster's normal state: it stays in the
  // summary, not on the cards (six badges on a quiet cluster said nothing).
  renderParked(
    parkedLayer,
    scene.parked.filter((p) => p.kind === 'produce'),
  )
  const legend = layer
    .selectAll<SVGTextElement, { x: number; y: number }>('text.traffic-legend')
    .data(options.legendAt === null ? [] : [options.legendAt])
    .join('text')
    .attr('class', 'traffic-legend')
    .attr('role', 'img')
    .attr('x', (d) => d.x)
    .attr('y', (d) => d.y)
    .attr(
      'aria-label',
      `Traffic (${legendText(scene, options.animate, options.stillBecause ?? 'reduced-motion', false)}): ${scene.summary === '' ? (scene.note ?? '') : scene.summary}`,
    )
    .text(
      legendText(
        scene,
        options.animate,
        options.stillBecause ?? 'reduced-motion',
        options.narrow === true,
      ),
    )
  void legend
  return options.animate && options.animator.busy()
}

function ensure(layer: Layer, name: string): Layer {
  const existing = layer.select<SVGGElement>(`g.${name}`)
  return existing.empty() ? layer.append('g').attr('class', name) : existing
}
