/**
 * Broker cards. Each card is a button ("Broker 2, zone use1-az2, online, leader of 3 partitions")
 * that opens the broker's menu. Its state shows in words on the card and in its outline (dashed
 * when offline or isolated); an aggregated card also shows counts by role and a heat strip of
 * unhealthy replicas. With a broker type every card has a utilisation row: a bar filled to the
 * broker's utilisation (full, with a mark past the end, above 100%), and beside it the number,
 * the resource and "overloaded" in words, so colour is never the only signal. Without one, an
 * aggregated card of a cluster too large to draw its messages shows its traffic rates there
 * instead ("in 70/s · repl 140/s", records per second, traffic-rates.ts).
 */
import type { EnterElement, Selection } from 'd3'
import { changed } from './changed'
import type { BrokerNode } from './scene'
import { ROLE_COLOURS, rolePath, roleIsStroked } from './theme'
import type { ReplicaRole } from './theme'

type Layer = Selection<SVGGElement, unknown, null, undefined>
type Cards = Selection<SVGGElement, BrokerNode, SVGGElement, unknown>

const COUNT_ROLES: { role: ReplicaRole; count: (b: BrokerNode) => number; name: string }[] = [
  { role: 'leader', count: (b) => b.leaders, name: 'leaders' },
  { role: 'in-sync', count: (b) => b.followers, name: 'in-sync followers' },
  { role: 'out-of-sync', count: (b) => b.outOfSync, name: 'out of sync' },
]

function cardClass(d: BrokerNode): string {
  const classes = ['broker', 'focusable', `state-${d.state}`]
  if (d.fenced) classes.push('fenced')
  if (d.isolated) classes.push('isolated')
  if (d.slow) classes.push('slow')
  if (!d.detailed) classes.push('aggregated')
  if (d.selectedRole !== null) classes.push('holds-selected')
  if (d.utilisation !== null && d.utilisation > 1) classes.push('overloaded')
  return classes.join(' ')
}

function enterCard(enter: Selection<EnterElement, BrokerNode, SVGGElement, unknown>) {
  const g = enter
    .append('g')
    .attr('role', 'button')
    .attr('tabindex', 0)
    .attr('aria-haspopup', 'menu')
  g.append('rect').attr('class', 'focus-halo').attr('x', -4).attr('y', -4).attr('rx', 11)
  g.append('rect').attr('class', 'card').attr('rx', 8)
  g.append('rect').attr('class', 'card-hatch').attr('rx', 8)
  g.append('text').attr('class', 'broker-title').attr('x', 10).attr('y', 17)
  g.append('text').attr('class', 'broker-status').attr('x', 10).attr('y', 32)
  g.append('text').attr('class', 'broker-leaders').attr('y', 17).attr('text-anchor', 'end')
  g.append('path').attr('class', 'selected-role')
  const agg = g.append('g').attr('class', 'agg')
  COUNT_ROLES.forEach(({ role }, i) => {
    const item = agg.append('g').attr('class', `count count-${role}`)
    item
      .append('path')
      .attr('d', rolePath(role, 9))
      .attr('transform', 'translate(5,-4)')
      .attr('fill', roleIsStroked(role) ? 'none' : ROLE_COLOURS[role])
    item.append('text').attr('x', 13).attr('data-index', i)
  })
  agg.append('g').attr('class', 'heat')
  const util = g.append('g').attr('class', 'util')
  util.append('rect').attr('class', 'util-track').attr('height', UTIL_BAR_HEIGHT).attr('rx', 2)
  util.append('rect').attr('class', 'util-fill').attr('height', UTIL_BAR_HEIGHT).attr('rx', 2)
  util.append('path').attr('class', 'util-over')
  util.append('text').attr('class', 'util-text').attr('y', UTIL_BAR_HEIGHT)
  g.append('text').attr('class', 'rate-text').attr('x', 10)
  return g
}

const UTIL_BAR_HEIGHT = 6
/** The bar spans this share of the card (at most UTIL_BAR_MAX px); the words follow it. */
const UTIL_BAR_SHARE = 0.3
const UTIL_BAR_MAX = 90

/** Where the utilisation row sits: under the status line, or under an aggregated card's strip. */
function utilRowY(d: BrokerNode): number {
  return d.detailed ? 38 : 58
}

function updateUtilisation(cards: Cards): void {
  const util = cards
    .select<SVGGElement>('g.util')
    .attr('display', (d) => (d.utilisation === null ? 'none' : null))
    .attr('transform', (d) => `translate(10,${utilRowY(d)})`)
  const width = (d: BrokerNode) => Math.min(UTIL_BAR_MAX, (d.width - 20) * UTIL_BAR_SHARE)
  util.select('rect.util-track').attr('width', width)
  util
    .select('rect.util-fill')
    .attr('width', (d) => width(d) * Math.min(1, Math.max(0, d.utilisation ?? 0)))
    .attr('class', (d) => `util-fill ${utilLevel(d.utilisation ?? 0)}`)
  // Past 100%: a notch beyond the bar's end says "more than full" without relying on colour.
  util
    .select('path.util-over')
    .attr('d', (d) =>
      (d.utilisation ?? 0) > 1
        ? `M${width(d) + 2},-1l4,${UTIL_BAR_HEIGHT / 2 + 1}l-4,${UTIL_BAR_HEIGHT / 2 + 1}z`
        : '',
    )
  util
    .select('text.util-text')
    .attr('x', (d) => width(d) + 10)
    .text((d) => d.utilisationText)
  cards
    .select('text.rate-text')
    .attr('display', (d) => (d.rateText === '' ? 'none' : null))
    .attr('y', (d) => utilRowY(d) + UTIL_BAR_HEIGHT)
    .text((d) => d.rateText)
}

/** The bar's colour class: under AWS's 60%, up to the limit, above it. */
function utilLevel(u: number): string {
  if (u > 1) return 'over'
  return u > 0.6 ? 'busy' : 'ok'
}

function updateAggregate(cards: Cards): void {
  const agg = cards
    .select<SVGGElement>('g.agg')
    .attr('display', (d) => (d.detailed ? 'none' : null))
  agg.each(function (d) {
    const slot = (d.width - 20) / COUNT_ROLES.length
    const items = this.querySelectorAll('g.count')
    COUNT_ROLES.forEach(({ count, name }, i) => {
      const item = items[i]
      if (item === undefined) return
      item.setAttribute('transform', `translate(${10 + i * slot},36)`)
      const text = item.querySelector('text')
      if (text !== null) text.textContent = String(count(d))
      item.setAttribute('aria-label', `${count(d)} ${name}`)
    })
  })
  agg
    .select<SVGGElement>('g.heat')
    .attr('transform', 'translate(10,44)')
    .selectAll<SVGPathElement, HeatPath>('path')
    .data(heatPaths, (p) => p.key)
    .join('path')
    .attr('class', (p) => (p.value > 0 ? 'heat-cell hot' : 'heat-cell'))
    .attr('fill-opacity', (p) => (p.value > 0 ? 0.35 + 0.65 * p.value : 0.35))
    .attr('d', (p) => p.d)
}

interface HeatPath {
  key: string
  value: number
  d: string
}

/**
 * The heat strip as one path per distinct cell value rather than a rect per cell: 90 cards of 32
 * rects each were thousands of paint chunks for Chromium to layerize on every frame.
 */
export function heatPaths(d: BrokerNode): HeatPath[] {
  const step = (d.width - 20) / Math.max(1, d.heat.length)
  const round = (value: number) => Math.round(value * 100) / 100
  const cell = round(Math.max(1, step - 1))
  const byValue = new Map<number, string[]>()
  d.heat.forEach((value, index) => {
    const parts = byValue.get(value) ?? []
    if (parts.length === 0) byValue.set(value, parts)
    parts.push(`M${round(index * step)},0h${cell}v10h${-cell}z`)
  })
  return [...byValue]
    .sort(([a], [b]) => a - b)
    .map(([value, parts]) => ({ key: String(value), value, d: parts.join('') }))
}

function renderKey(d: BrokerNode): string {
  return [
    d.x,
    d.y,
    d.width,
    d.height,
    d.detailed,
    d.label,
    d.status,
    cardClass(d),
    d.leaders,
    d.followers,
    d.outOfSync,
    d.selectedRole,
    d.heat.join(','),
    d.utilisation,
    d.utilisationText,
    d.rateText,
  ].join('|')
}

export function renderBrokers(layer: Layer, brokers: readonly BrokerNode[]): void {
  const joined: Cards = layer
    .selectAll<SVGGElement, BrokerNode>('g.broker')
    .data(brokers, (d) => String(d.id))
    .join(enterCard)
  const cards = changed(joined, renderKey)
  cards
    .attr('class', cardClass)
    .attr('data-broker', (d) => d.id)
    .attr('aria-label', (d) => d.label)
    .attr('transform', (d) => `translate(${d.x},${d.y})`)
  // `select` (not `selectAll`) so that each rect receives the card's new datum.
  for (const name of ['rect.card', 'rect.card-hatch']) {
    cards
      .select(name)
      .attr('width', (d) => d.width)
      .attr('height', (d) => d.height)
  }
  cards
    .select('rect.focus-halo')
    .attr('width', (d) => d.width + 8)
    .attr('height', (d) => d.height + 8)
  cards
    .select('text.broker-title')
    .text((d) => `Broker ${d.id}${d.isController ? ' · controller' : ''}`)
  cards
    .select('text.broker-status')
    .attr('x', (d) => (d.detailed ? 10 : d.width - 10))
    .attr('y', (d) => (d.detailed ? 32 : 17))
    .attr('text-anchor', (d) => (d.detailed ? 'start' : 'end'))
    .text((d) => d.status)
  cards
    .select('text.broker-leaders')
    .attr('x', (d) => d.width - 10)
    .text((d) => (d.detailed ? `leads ${d.leaders}` : ''))
  cards
    .select('path.selected-role')
    .attr('display', (d) => (d.selectedRole === null ? 'none' : null))
    .attr('transform', (d) =>
      d.detailed ? `translate(${d.width - 14},31)` : `translate(${d.width - 8},8)`,
    )
    .attr('d', (d) => (d.selectedRole === null ? '' : rolePath(d.selectedRole, 10)))
    .attr('fill', (d) =>
      d.selectedRole === null || roleIsStroked(d.selectedRole)
        ? 'none'
        : ROLE_COLOURS[d.selectedRole],
    )
    .attr('stroke', (d) => (d.selectedRole === null ? null : ROLE_COLOURS[d.selectedRole]))
  updateAggregate(cards)
  updateUtilisation(cards)
}
