/**
 * The traffic part of the topology's view model (pure, unit-tested without a DOM): producer and
 * consumer nodes with their status, every message the engine has in flight as a dot on its link,
 * acks=all requests waiting in a leader's purgatory, and per-link counts for reduced motion. All of
 * it comes from the snapshot's `traffic` and `clients` (engine/traffic.ts); nothing is invented.
 *
 * A message runs between anchors: a client node's lower edge, or the chip of the partition it is
 * about on a broker (a broker card's header when it carries several partitions).
 */
import type {
  ClientView,
  NodeRef,
  ParkedRequest,
  ProducerTrafficState,
  Snapshot,
  TrafficMessage,
  TrafficMessageKind,
} from '../engine/types'
import type { ClientBox, TopologyLayout } from './layout'
import { chipKey } from './layout'

/** Above this many visible partitions (internal topics hidden) no dots are drawn. */
export const TRAFFIC_MAX_VISIBLE_PARTITIONS = 48

export interface ClientNode extends ClientBox {
  /** The visible name ("Producer p1 · acks=all") and status line ("3 errors · retrying"). */
  title: string
  status: string
  /** The accessible name: the same facts in a sentence. */
  label: string
  alive: boolean
  /** Errors, a running backoff or a request waiting: drawn with a warning border and icon. */
  troubled: boolean
}

export interface TrafficDot {
  key: string
  kind: TrafficMessageKind
  x1: number
  y1: number
  x2: number
  y2: number
  sentMs: number
  atMs: number
  error: boolean
  /** Out to `(x2, y2)` and back (a metadata request and its answer). */
  roundTrip: boolean
  /** Delivered since the last frames (the snapshot's `traffic.delivered`), no longer in flight. */
  delivered: boolean
}

export interface ParkedBadge {
  key: string
  kind: ParkedRequest['kind']
  x: number
  y: number
  count: number
  /** Of the earliest request's wait, the part already gone (0..1): the ring fills toward its timeout. */
  fraction: number
  text: string
}

export interface LinkCount {
  key: string
  x1: number
  y1: number
  x2: number
  y2: number
  count: number
  text: string
}

export interface TrafficScene {
  /** 'dots' for a small cluster; 'off' when the snapshot has no traffic or too much is on screen. */
  mode: 'dots' | 'off'
  nowMs: number
  dots: TrafficDot[]
  parked: ParkedBadge[]
  links: LinkCount[]
  /** What is moving, in words (screen readers, and the legend under reduced motion). */
  summary: string
  /** Why no dots are drawn, or null. */
  note: string | null
}

export const TRAFFIC_NAMES: Record<TrafficMessageKind, string> = {
  produce: 'produce request',
  produceResponse: 'produce response (ack)',
  fetch: 'replica fetch',
  fetchResponse: 'fetch response',
  group: 'group request',
  groupResponse: 'group response',
  metadata: 'metadata request',
}

interface Point {
  x: number
  y: number
}

/** Anchors of the layout's boxes, by broker, chip and client. */
function anchors(layout: TopologyLayout) {
  const brokers = new Map(layout.brokers.map((b) => [b.id, { x: b.x + b.width / 2, y: b.y + 20 }]))
  const chips = new Map(
    layout.chips.map((c) => [
      c.key,
      { x: c.x + layout.chipWidth / 2, y: c.y + layout.chipHeight / 2 },
    ]),
  )
  const clients = new Map(
    layout.clients.map((c) => [c.id, { x: c.x + c.width / 2, y: c.y + c.height }]),
  )
  return { brokers, chips, clients }
}

type Anchors = ReturnType<typeof anchors>

function pointOf(a: Anchors, ref: NodeRef, partition: string | null): Point | undefined {
  if ('client' in ref) return a.clients.get(ref.client)
  return (
    (partition === null ? undefined : a.chips.get(chipKey(ref.broker, partition))) ??
    a.brokers.get(ref.broker)
  )
}

function refKey(ref: NodeRef): string {
  return 'client' in ref ? `c:${ref.client}` : `b:${ref.broker}`
}

function partitionOf(m: { topic?: string; partition?: number }): string | null {
  return m.topic === undefined || m.partition === undefined ? null : `${m.topic}-${m.partition}`
}

function seconds(ms: number): string {
  return ms >= 10_000 ? `${Math.round(ms / 1000)} s` : `${(ms / 1000).toFixed(1)} s`
}

function dotsOf(messages: readonly TrafficMessage[], a: Anchors, delivered: boolean): TrafficDot[] {
  const dots: TrafficDot[] = []
  for (const m of messages) {
    const partition = partitionOf(m)
    const from = pointOf(a, m.from, partition)
    const to = pointOf(a, m.to, partition)
    if (from === undefined || to === undefined) continue
    dots.push({
      key: `${m.kind}|${refKey(m.from)}|${refKey(m.to)}|${m.sentMs}|${m.atMs}|${partition ?? ''}|${m.api ?? ''}`,
      kind: m.kind,
      x1: from.x,
      y1: from.y,
      x2: to.x,
      y2: to.y,
      sentMs: m.sentMs,
      atMs: m.atMs,
      error: m.error !== undefined,
      roundTrip: m.roundTrip === true,
      delivered,
    })
  }
  return dots
}

/**
 * In-flight messages per (from, to, kind), for the reduced-motion view: counts and arrows.
 * Client links only: replication fetches run between every pair of brokers all the time, and as
 * static arrows they crossed every card; the focused partition's flows show replication.
 */
function linksOf(dots: readonly TrafficDot[]): LinkCount[] {
  const links = new Map<string, LinkCount>()
  for (const d of dots) {
    if (d.kind === 'fetch' || d.kind === 'fetchResponse') continue
    const key = `${d.kind}|${d.x1},${d.y1}>${d.x2},${d.y2}`
    const link = links.get(key)
    if (link !== undefined) link.count++
    else links.set(key, { key, x1: d.x1, y1: d.y1, x2: d.x2, y2: d.y2, count: 1, text: '' })
  }
  for (const link of links.values()) {
    const kind = link.key.slice(0, link.key.indexOf('|')) as TrafficMessageKind
    link.text = `${link.count} ${TRAFFIC_NAMES[kind]}${link.count === 1 ? '' : 's'} in flight or just delivered`
  }
  return [...links.values()]
}

/** One badge per partition for parked produces, one per leader broker for parked fetches. */
function parkedOf(parked: readonly ParkedRequest[], a: Anchors, nowMs: number): ParkedBadge[] {
  const groups = new Map<string, ParkedRequest[]>()
  for (const p of parked) {
    const key =
      p.kind === 'produce' ? `produce|${p.broker}|${p.topic}-${p.partition}` : `fetch|${p.broker}`
    groups.set(key, [...(groups.get(key) ?? []), p])
  }
  const badges: ParkedBadge[] = []
  for (const [key, list] of groups) {
    const first = list.reduce((x, y) => (y.sinceMs < x.sinceMs ? y : x))
    const at =
      first.kind === 'produce'
        ? pointOf(a, { broker: first.broker }, `${first.topic}-${first.partition}`)
        : a.brokers.get(first.broker)
    if (at === undefined) continue
    const span = Math.max(1, first.timeoutAtMs - first.sinceMs)
    const fraction = Math.min(1, Math.max(0, (nowMs - first.sinceMs) / span))
    const text =
      first.kind === 'produce'
        ? `${list.length} acks=all produce request${list.length === 1 ? '' : 's'} waiting at broker ${first.broker} for the ISR on ${first.topic}-${first.partition} (request.timeout.ms ${seconds(span)}, ${seconds(Math.max(0, first.timeoutAtMs - nowMs))} left)`
        : `${list.length} follower fetch${list.length === 1 ? '' : 'es'} parked at broker ${first.broker} until new data (replica.fetch.wait.max.ms ${span} ms)`
    badges.push({ key, kind: first.kind, x: at.x, y: at.y, count: list.length, fraction, text })
  }
  return badges
}

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`
}

function producerNode(
  box: ClientBox,
  view: ClientView & { kind: 'producer' },
  state: ProducerTrafficState | undefined,
  waiting: readonly ParkedRequest[],
  nowMs: number,
): ClientNode {
  const acks = view.acks === -1 ? 'all' : String(view.acks)
  const errors = Object.values(view.errors).reduce((n, e) => n + e, 0)
  const errorList = Object.entries(view.errors)
    .map(([name, n]) => `${name} ${n}`)
    .join(', ')
  const facts: string[] = []
  const words: string[] = []
  if (!view.alive) {
    facts.push('process stopped')
    words.push('stopped')
  }
  facts.push(`${count(view.acked, 'record')} acknowledged`)
  if (errors > 0) {
    facts.push(`${count(errors, 'error')} (${errorList})`)
    words.push(count(errors, 'error'))
  } else words.push(`${view.acked.toLocaleString('en-US')} acked`)
  const retrying = state?.retryingBatches ?? 0
  if (retrying > 0) {
    facts.push(`retrying ${count(retrying, 'batch')}`.replace('batchs', 'batches'))
    words.push('retrying')
  }
  const backoff = state?.backoffUntilMs ?? null
  if (backoff !== null) {
    const left = seconds(Math.max(0, backoff - nowMs))
    facts.push(`backing off ${left} (retry.backoff.ms)`)
    words.push(`backoff ${left}`)
  }
  const inFlight = state?.requestsInFlight ?? 0
  if (inFlight > 0) facts.push(`${count(inFlight, 'request')} in flight`)
  if (waiting.length > 0) {
    const broker = waiting[0]?.broker
    facts.push(`${waiting.length} waiting at broker ${broker} for the ISR`)
    words.push(`${waiting.length} waiting`)
  }
  return {
    ...box,
    title: `Producer ${view.id} · acks=${acks}`,
    status: words.join(' · '),
    label: `Producer ${view.id} (acks=${acks}, topic ${view.topic}): ${facts.join(', ')}`,
    alive: view.alive,
    troubled: errors > 0 || backoff !== null || retrying > 0 || !view.alive,
  }
}

function consumerNode(
  box: ClientBox,
  view: ClientView & { kind: 'consumer' },
  coordinator: number | null,
): ClientNode {
  const facts = [
    `${count(view.consumed, 'record')} consumed`,
    `position ${count(view.lag, 'record')} below the high watermark (lag)`,
  ]
  if (view.members !== undefined) facts.push(count(view.members.length, 'member'))
  if (view.group !== undefined)
    facts.push(coordinator === null ? 'no group coordinator' : `coordinator broker ${coordinator}`)
  if (!view.alive) facts.push('stopped')
  const words = [`lag ${view.lag.toLocaleString('en-US')}`]
  if (view.group !== undefined)
    words.push(coordinator === null ? 'no coordinator' : `coord. ${coordinator}`)
  if (!view.alive) words.unshift('stopped')
  const group = view.group === undefined ? '' : ` (group ${view.group})`
  return {
    ...box,
    title: `Consumer ${view.id}${view.group === undefined ? '' : ` · ${view.group}`}`,
    status: words.join(' · '),
    label: `Consumer ${view.id}${group}, topic ${view.topic}: ${facts.join(', ')}`,
    alive: view.alive,
    troubled: !view.alive || (view.group !== undefined && coordinator === null),
  }
}

export function clientNodes(snapshot: Snapshot, layout: TopologyLayout): ClientNode[] {
  const views = new Map(snapshot.clients.map((c) => [c.id, c]))
  const states = new Map((snapshot.traffic?.producers ?? []).map((p) => [p.id, p]))
  const parked = snapshot.traffic?.parked ?? []
  return layout.clients.flatMap((box) => {
    const view = views.get(box.id)
    if (view === undefined) return []
    if (view.kind === 'producer') {
      const waiting = parked.filter((p) => p.kind === 'produce' && p.producer === view.id)
      return [producerNode(box, view, states.get(view.id), waiting, snapshot.nowMs)]
    }
    const group = snapshot.groups.find((g) => g.name === view.group)
    return [consumerNode(box, view, group?.coordinator ?? null)]
  })
}

function summaryOf(dots: readonly TrafficDot[], parked: readonly ParkedBadge[]): string {
  const byKind = new Map<TrafficMessageKind, number>()
  for (const d of dots) if (!d.delivered) byKind.set(d.kind, (byKind.get(d.kind) ?? 0) + 1)
  const parts = [...byKind].map(([kind, n]) => `${n} ${TRAFFIC_NAMES[kind]}${n === 1 ? '' : 's'}`)
  const moving = parts.length === 0 ? 'No messages in flight' : `In flight: ${parts.join(', ')}`
  const waiting = parked.filter((p) => p.kind === 'produce').map((p) => p.text)
  return [moving, ...waiting].join('. ')
}

/**
 * @example
 * const traffic = buildTrafficScene(snapshot, entry.layout, entry.visible.length)
 * traffic.dots[0] // { kind: 'produce', x1, y1, x2, y2, sentMs, atMs, … }
 */
export function buildTrafficScene(
  snapshot: Snapshot,
  layout: TopologyLayout,
  visiblePartitions: number,
): TrafficScene {
  const traffic = snapshot.traffic
  const off = (note: string): TrafficScene => ({
    mode: 'off',
    nowMs: snapshot.nowMs,
    dots: [],
    parked: [],
    links: [],
    summary: '',
    note,
  })
  if (traffic === undefined)
    return off('Messages are drawn for clusters of up to 12 brokers; this one is larger.')
  if (visiblePartitions > TRAFFIC_MAX_VISIBLE_PARTITIONS)
    return off(
      `Messages are drawn for up to ${TRAFFIC_MAX_VISIBLE_PARTITIONS} partitions on screen; focus on a topic to see them.`,
    )
  const a = anchors(layout)
  const inFlight = dotsOf(traffic.messages, a, false)
  const dots = [...dotsOf(traffic.delivered, a, true), ...inFlight]
  const parked = parkedOf(traffic.parked, a, snapshot.nowMs)
  return {
    mode: 'dots',
    nowMs: snapshot.nowMs,
    dots,
    parked,
    // Counts (reduced motion): in flight now or delivered in the last 250 ms of sim time.
    links: linksOf(dots),
    summary: summaryOf(dots, parked),
    note: null,
  }
}
