/**
 * The view model the renderer draws: the layout's boxes joined with one snapshot's state, plus
 * selection. Pure, so it is unit-tested without a DOM. Above `aggregateAbove` replicas on screen
 * the brokers become aggregated cards (counts and a heat strip), except a drilled-into broker.
 */
import type { BrokerView, PartitionView, Snapshot } from '../engine/types'
import {
  brokerLabel,
  capacityLabel,
  capacityText,
  compactRate,
  rateLabel,
  rateText,
  brokerStatusText,
  controllerLabel,
  controllerStatusText,
  zoneLabel,
  zoneStatusText,
} from './labels'
import type {
  BrokerBox,
  ChipBox,
  ChipStyle,
  ControllerBox,
  LayoutInput,
  TopologyLayout,
  ZoneBox,
} from './layout'
import { chipKey, chipSymbol, computeLayout } from './layout'
import type { ReplicaRole } from './theme'
import { ROLE_NAMES } from './theme'
import { buildTrafficScene, clientNodes, type ClientNode, type TrafficScene } from './traffic-scene'
import { sessionCountdown } from './staleness'

export const AGGREGATE_ABOVE = 600
export const HEAT_CELLS = 32
/**
 * Up to this many partitions on screen, every leader-to-follower flow is drawn faintly. Zero:
 * even six partitions' flows crossed the cards like spaghetti, so flows show only for the
 * hovered or selected partition.
 */
export const AMBIENT_FLOWS_MAX_PARTITIONS = 0

export interface ZoneNode extends ZoneBox {
  label: string
  status: string
  /** Partitions keeping two or more of their replicas in this zone (a layout risk), 0 if none. */
  sharedPartitions: number
  stopped: boolean
  isolated: boolean
}

export interface ControllerNode extends ControllerBox {
  label: string
  status: string
  up: boolean
  active: boolean
  isolated: boolean
}

export interface BrokerNode extends BrokerBox {
  label: string
  status: string
  state: BrokerView['status']
  fenced: boolean
  isolated: boolean
  slow: boolean
  isController: boolean
  leaders: number
  followers: number
  outOfSync: number
  /** Per cell of the heat strip, the share of unhealthy replicas (0..1); aggregated cards only. */
  heat: number[]
  /** This broker's role in the selected partition, if it hosts a replica of it. */
  selectedRole: ReplicaRole | null
  /**
   * With a broker type: its utilisation (a ratio, 1 is its limit) and the words the card shows
   * beside the bar ("104% network out · overloaded"); null without a capacity model.
   */
  utilisation: number | null
  utilisationText: string
  /**
   * Without a broker type, on an aggregated card of a cluster with traffic rates: records per
   * second in and replicated out ("in 70/s · repl 140/s", labels.ts rateText); '' otherwise.
   */
  rateText: string
}

export interface ChipNode extends ChipBox {
  role: ReplicaRole
  text: string
  title: string
  lag: number
  /** Lag on a log scale, 0..1 (100,000 records fills the bar). */
  lagFraction: number
  highlighted: boolean
  dimmed: boolean
  /** The partition has no leader. */
  partitionOffline: boolean
  /** Another replica of the partition sits in this replica's zone (a layout risk). */
  sharesZone: boolean
  /** While a zone's "if this zone fails" preview shows: what its loss does to the partition. */
  preview: 'offline' | 'unwritable' | null
}

export interface FlowNode {
  key: string
  x1: number
  y1: number
  x2: number
  y2: number
  healthy: boolean
  emphasis: 'ambient' | 'focus'
}

export interface TopologyScene {
  width: number
  height: number
  chipStyle: ChipStyle
  aggregated: boolean
  visibleReplicas: number
  zones: ZoneNode[]
  controllers: ControllerNode[]
  brokers: BrokerNode[]
  chips: ChipNode[]
  flows: FlowNode[]
  /** Producers and consumers (small clusters only), and the messages between the nodes. */
  clients: ClientNode[]
  traffic: TrafficScene
}

export interface SceneSelection {
  selectedPartition: string | null
  hoveredPartition: string | null
  focusTopic: string | null
  focusBroker: number | null
  /** Show Kafka's internal topics (__consumer_offsets) without a topic in focus. Default false. */
  showInternal?: boolean
  /**
   * "If this zone fails": the partitions its loss takes offline or leaves unwritable for acks=all
   * (computed by the ui from analysis/survivability-detail.ts), shown while its header is hovered
   * or focused.
   */
  zonePreview?: ZonePreview | null
}

export interface ZonePreview {
  zone: string
  outcomes: ReadonlyMap<string, 'offline' | 'unwritable'>
}

/**
 * Whether a partition is on screen: the topic in focus only, else every topic but the internal
 * ones unless they are asked for. View limits (aggregation) count these partitions only.
 */
export function partitionShown(
  p: PartitionView,
  selection: Pick<SceneSelection, 'focusTopic' | 'showInternal'>,
): boolean {
  if (selection.focusTopic !== null) return p.topic === selection.focusTopic
  return selection.showInternal === true || p.internal !== true
}

export function partitionKeyOf(p: PartitionView): string {
  return `${p.topic}-${p.partition}`
}

/**
 * The role a replica plays, by precedence: ELR, offline, leader, in sync, out of sync. A crashed
 * leader stays leader in the metadata until the controller fences its broker (up to
 * broker.session.timeout.ms); it is drawn offline meanwhile, because it serves nothing.
 */
export function replicaRole(partition: PartitionView, broker: BrokerView | undefined): ReplicaRole {
  if (broker !== undefined && partition.elr.includes(broker.id)) return 'elr'
  if (broker === undefined || broker.status === 'offline' || broker.status === 'starting') {
    return 'offline'
  }
  if (broker.fenced) return 'offline'
  if (partition.leader === broker.id) return 'leader'
  return partition.isr.includes(broker.id) ? 'in-sync' : 'out-of-sync'
}

function chipTitle(key: string, p: PartitionView, id: number, role: ReplicaRole, lag: number) {
  const stale = role === 'offline' && p.leader === id ? ' (still leader in the metadata)' : ''
  const behind = lag > 0 ? `, ${lag} records behind the leader` : ''
  return `${key} on broker ${id}: ${ROLE_NAMES[role].toLowerCase()}${stale}${behind}`
}

/** The structure the layout depends on, and a key that changes only when that structure does. */
export function layoutInputFor(
  snapshot: Snapshot,
  width: number,
  selection: Pick<SceneSelection, 'focusTopic' | 'focusBroker' | 'showInternal'>,
  aggregateAbove = AGGREGATE_ABOVE,
): LayoutInput {
  const replicas = new Map<number, string[]>(snapshot.brokers.map((b) => [b.id, []]))
  let total = 0
  for (const p of snapshot.partitions) {
    if (!partitionShown(p, selection)) continue
    const key = partitionKeyOf(p)
    for (const broker of p.replicas) {
      replicas.get(broker)?.push(key)
      total += 1
    }
  }
  const detailed =
    total <= aggregateAbove
      ? 'all'
      : new Set(selection.focusBroker === null ? [] : [selection.focusBroker])
  return {
    width,
    zones: snapshot.zones.map((z) => z.name),
    brokers: snapshot.brokers.map((b) => ({ id: b.id, zone: b.zone })),
    controllers: snapshot.controllers.map((c) => ({ id: c.id, zone: c.zone })),
    replicas,
    detailed,
    capacity: snapshot.brokers.some((b) => b.capacity !== undefined),
    rates: snapshot.rates !== undefined,
    // Client nodes where traffic is drawn: clusters small enough for the engine to report it.
    clients:
      snapshot.traffic === undefined
        ? []
        : snapshot.clients.map((c) => ({ id: c.id, kind: c.kind })),
  }
}

/**
 * A layout plus indexes that let `buildScene` touch only what is on screen: which snapshot
 * partitions are visible, and for each chip the index of its partition. Snapshots of one scenario
 * list partitions in the same order, so indexes stay valid until the structure changes.
 */
export interface LayoutEntry {
  layout: TopologyLayout
  visibleReplicas: number
  visible: number[]
  keyIndex: Map<string, number>
  chipPartitions: number[]
  /** How many visible replicas each broker hosts (the length of its heat-strip record). */
  sizes: Map<number, number>
}

function indexLayout(
  snapshot: Snapshot,
  layout: TopologyLayout,
  selection: Pick<SceneSelection, 'focusTopic' | 'showInternal'>,
) {
  const keyIndex = new Map<string, number>()
  const visible: number[] = []
  snapshot.partitions.forEach((p, i) => {
    keyIndex.set(partitionKeyOf(p), i)
    if (partitionShown(p, selection)) visible.push(i)
  })
  const chipPartitions = layout.chips.map((chip) => keyIndex.get(chip.partition) ?? -1)
  return { keyIndex, visible, chipPartitions }
}

/** Remembers the last layout and recomputes it only when width, focus or structure change. */
export function createLayoutCache(aggregateAbove = AGGREGATE_ABOVE) {
  let lastKey = ''
  let last: LayoutEntry | null = null
  return (
    snapshot: Snapshot,
    width: number,
    selection: SceneSelection,
    generation: number,
  ): LayoutEntry => {
    const key = [
      generation,
      Math.round(width),
      selection.focusTopic,
      selection.focusBroker,
      selection.showInternal === true,
      snapshot.brokers.length,
      snapshot.partitions.length,
      snapshot.brokers[0]?.capacity !== undefined,
      snapshot.rates !== undefined,
      snapshot.traffic === undefined ? '' : snapshot.clients.map((c) => c.id).join(','),
    ].join('|')
    if (last === null || key !== lastKey) {
      const input = layoutInputFor(snapshot, width, selection, aggregateAbove)
      let visibleReplicas = 0
      const sizes = new Map<number, number>()
      for (const [id, list] of input.replicas) {
        visibleReplicas += list.length
        sizes.set(id, list.length)
      }
      const layout = computeLayout(input)
      last = {
        layout,
        visibleReplicas,
        sizes,
        ...indexLayout(snapshot, layout, selection),
      }
      lastKey = key
    }
    return last
  }
}

function chipText(p: PartitionView, multiTopic: boolean): string {
  return multiTopic ? `${p.topic.slice(0, 2)}${p.partition}` : `p${p.partition}`
}

export function lagFraction(lag: number): number {
  return lag <= 0 ? 0 : Math.min(1, Math.log10(1 + lag) / 5)
}

interface BrokerTally {
  leaders: number
  /**
   * Visible partitions the metadata names this broker leader of, reachable or not (a crashed
   * leader stays leader until it is fenced): the card's "leads N" and its accessible name.
   */
  metadataLeaders: number
  followers: number
  outOfSync: number
  /** Visible replicas on this broker: the length of its heat strip's record. */
  size: number
  /** Unhealthy replicas per heat-strip cell. */
  bad: Uint16Array
}

/**
 * Per broker, its visible replicas by role and the unhealthy ones per heat-strip cell. This runs
 * over every replica of the reference cluster (30,000) on each update, so it avoids per-replica
 * map lookups and allocations; the roles are `replicaRole`'s, with the broker's state read once.
 */
function tallyBrokers(
  snapshot: Snapshot,
  visible: readonly number[],
  sizes: ReadonlyMap<number, number>,
): Map<number, BrokerTally> {
  const slot = new Map<number, number>()
  const down: boolean[] = []
  const tallies: BrokerTally[] = []
  snapshot.brokers.forEach((b, i) => {
    slot.set(b.id, i)
    down.push(b.status === 'offline' || b.status === 'starting' || b.fenced)
    tallies.push({
      leaders: 0,
      metadataLeaders: 0,
      followers: 0,
      outOfSync: 0,
      size: sizes.get(b.id) ?? 0,
      bad: new Uint16Array(Math.min(HEAT_CELLS, sizes.get(b.id) ?? 0)),
    })
  })
  const filled = new Int32Array(tallies.length)
  for (const index of visible) {
    const p = snapshot.partitions[index]
    if (p === undefined) continue
    for (const id of p.replicas) {
      const b = slot.get(id)
      if (b === undefined) continue
      const tally = tallies[b] as BrokerTally
      if (p.leader === id) tally.metadataLeaders += 1
      let healthy = false
      if (p.elr.length > 0 && p.elr.includes(id)) tally.outOfSync += 1
      else if (down[b] === true) tally.outOfSync += 1
      else if (p.leader === id) {
        tally.leaders += 1
        healthy = true
      } else if (p.isr.includes(id)) {
        tally.followers += 1
        healthy = true
      } else tally.outOfSync += 1
      const at = filled[b] as number
      filled[b] = at + 1
      if (!healthy && at < tally.size) {
        // The cell holding replica `at` of `size` (see heatCells for the cells' bounds).
        const cell = Math.floor(((at + 1) * tally.bad.length - 1) / tally.size)
        tally.bad[cell] = (tally.bad[cell] as number) + 1
      }
    }
  }
  return new Map(snapshot.brokers.map((b, i) => [b.id, tallies[i] as BrokerTally]))
}

/**
 * The heat strip: the record of a broker's replicas in display order, cut into up to HEAT_CELLS
 * cells (cell c holds replicas floor(c·size/cells) up to floor((c+1)·size/cells)), each the share
 * of unhealthy replicas in it.
 */
function heatCells(tally: BrokerTally): number[] {
  const cells = tally.bad.length
  return Array.from(tally.bad, (bad, cell) => {
    const from = Math.floor((cell * tally.size) / cells)
    const to = Math.floor(((cell + 1) * tally.size) / cells)
    return to > from ? bad / (to - from) : 0
  })
}

function buildChips(
  snapshot: Snapshot,
  entry: LayoutEntry,
  brokers: Map<number, BrokerView>,
  focus: string | null,
  multiTopic: boolean,
  preview: ZonePreview | null,
): ChipNode[] {
  const chips: ChipNode[] = []
  entry.layout.chips.forEach((box, i) => {
    const p = snapshot.partitions[entry.chipPartitions[i] ?? -1]
    if (p === undefined) return
    const id = box.broker
    const role = replicaRole(p, brokers.get(id))
    const zone = brokers.get(id)?.zone
    const outcome = preview?.outcomes.get(box.partition) ?? null
    const lag = p.replicaStates.find((r) => r.broker === id)?.lag ?? 0
    chips.push({
      ...box,
      role,
      text: chipText(p, multiTopic),
      title: chipTitle(box.partition, p, id, role, lag),
      lag,
      lagFraction: role === 'leader' ? 0 : lagFraction(lag),
      highlighted: focus === box.partition,
      dimmed: preview !== null ? outcome === null : focus !== null && focus !== box.partition,
      partitionOffline: p.leader < 0,
      sharesZone: p.replicas.some((r) => r !== id && brokers.get(r)?.zone === zone),
      preview: outcome,
    })
  })
  return chips
}

/** Per zone, the visible partitions with two or more replicas on its brokers. */
function sharedByZone(
  snapshot: Snapshot,
  entry: LayoutEntry,
  brokers: Map<number, BrokerView>,
): Map<string, number> {
  const counts = new Map<string, number>()
  for (const index of entry.visible) {
    const p = snapshot.partitions[index]
    if (p === undefined) continue
    const seen = new Set<string>()
    const twice = new Set<string>()
    for (const r of p.replicas) {
      const zone = brokers.get(r)?.zone
      if (zone === undefined) continue
      if (seen.has(zone)) twice.add(zone)
      seen.add(zone)
    }
    for (const zone of twice) counts.set(zone, (counts.get(zone) ?? 0) + 1)
  }
  return counts
}

/** "if it fails: 2 offline · 3 unwritable (acks=all)", or "if it fails: every partition stays writable". */
function previewStatus(preview: ZonePreview): string {
  let offline = 0
  let unwritable = 0
  for (const outcome of preview.outcomes.values()) {
    if (outcome === 'offline') offline++
    else unwritable++
  }
  if (offline + unwritable === 0) return 'if it fails: every partition stays writable'
  const parts: string[] = []
  if (offline > 0) parts.push(`${offline} offline`)
  if (unwritable > 0) parts.push(`${unwritable} unwritable (acks=all)`)
  return `if it fails: ${parts.join(' · ')}`
}

function buildFlows(
  snapshot: Snapshot,
  entry: LayoutEntry,
  chips: readonly ChipNode[],
  style: ChipStyle,
  focus: string | null,
): FlowNode[] {
  const ambient = entry.visible.length <= AMBIENT_FLOWS_MAX_PARTITIONS
  if (chips.length === 0 || (!ambient && focus === null)) return []
  // Only the partition in focus, unless every flow is drawn: no pass over all partitions.
  const indexes = ambient ? entry.visible : [entry.keyIndex.get(focus ?? '') ?? -1]
  const partitions = indexes.flatMap((index) => snapshot.partitions[index] ?? [])
  const byKey = new Map(chips.map((chip) => [chip.key, chip]))
  const symbolAt = chipSymbol(style)
  const flows: FlowNode[] = []
  for (const p of partitions) {
    const key = partitionKeyOf(p)
    if (p.leader < 0 || (!ambient && key !== focus)) continue
    const from = byKey.get(chipKey(p.leader, key))
    if (from === undefined) continue
    for (const id of p.replicas) {
      const to = byKey.get(chipKey(id, key))
      if (id === p.leader || to === undefined) continue
      flows.push({
        key: `${key}:${p.leader}>${id}`,
        x1: from.x + symbolAt.dx,
        y1: from.y + symbolAt.dy,
        x2: to.x + symbolAt.dx,
        y2: to.y + symbolAt.dy,
        // From a leader that is down (still leader until fenced) nothing flows.
        healthy: to.role === 'in-sync' && from.role === 'leader',
        emphasis: key === focus ? 'focus' : 'ambient',
      })
    }
  }
  return flows
}

/**
 * @example
 * const entry = layoutCache(snapshot, 1200, selection, generation)
 * renderTopology(svg, buildScene(snapshot, entry, selection), options)
 */
export function buildScene(
  snapshot: Snapshot,
  entry: LayoutEntry,
  selection: SceneSelection,
): TopologyScene {
  const { layout, visibleReplicas } = entry
  const brokers = new Map(snapshot.brokers.map((b) => [b.id, b]))
  const focus = selection.hoveredPartition ?? selection.selectedPartition
  const selected = snapshot.partitions[entry.keyIndex.get(focus ?? '') ?? -1]
  const multiTopic =
    (snapshot.partitions[0]?.topic ?? '') !== (snapshot.partitions.at(-1)?.topic ?? '')
  const tallies = tallyBrokers(snapshot, entry.visible, entry.sizes)
  const zonesByName = new Map(snapshot.zones.map((z) => [z.name, z]))
  const controllersById = new Map(snapshot.controllers.map((c) => [c.id, c]))
  const preview = selection.zonePreview ?? null
  const chips = buildChips(snapshot, entry, brokers, focus, multiTopic, preview)
  const shared = sharedByZone(snapshot, entry, brokers)
  const rates = new Map((snapshot.rates?.brokers ?? []).map((r) => [r.broker, r]))
  const crossZoneOut = new Map<string, number>()
  for (const z of snapshot.rates?.crossZone ?? [])
    crossZoneOut.set(z.from, (crossZoneOut.get(z.from) ?? 0) + z.recordsPerSec)
  // Rates stand in for the messages where they are not drawn: on aggregated cards, per zone.
  const showRates = snapshot.rates !== undefined && layout.brokers.some((b) => !b.detailed)
  return {
    width: layout.width,
    height: layout.height,
    chipStyle: layout.chipStyle,
    aggregated: layout.brokers.some((b) => !b.detailed),
    visibleReplicas,
    zones: layout.zones.map((box) => {
      const zone = zonesByName.get(box.name) ?? { name: box.name, stopped: false, isolatedFrom: [] }
      const brokerCount = snapshot.brokers.filter((b) => b.zone === box.name).length
      const controllerCount = snapshot.controllers.filter((c) => c.zone === box.name).length
      const out = showRates && !zone.stopped ? (crossZoneOut.get(box.name) ?? 0) : null
      const sharedPartitions = shared.get(box.name) ?? 0
      const previewText = preview?.zone === box.name ? previewStatus(preview) : null
      return {
        ...box,
        sharedPartitions,
        label:
          zoneLabel(zone, brokerCount, controllerCount) +
          (out === null ? '' : `, ${Math.round(out)} records/s replicated to other zones`) +
          (sharedPartitions > 0
            ? `, ${sharedPartitions} ${sharedPartitions === 1 ? 'partition keeps' : 'partitions keep'} two or more replicas in this zone`
            : '') +
          (previewText === null ? '' : `; ${previewText}`),
        status:
          previewText ??
          zoneStatusText(zone) +
            (out === null ? '' : ` · ${compactRate(out)}/s to other zones`) +
            (sharedPartitions > 0 ? ` · ${sharedPartitions} with 2+ replicas here` : ''),
        stopped: zone.stopped,
        isolated: zone.isolatedFrom.length > 0,
      }
    }),
    controllers: layout.controllers.flatMap((box) => {
      const electionInMs =
        snapshot.controllerElectionDueMs === null
          ? null
          : Math.max(0, snapshot.controllerElectionDueMs - snapshot.nowMs)
      const c = controllersById.get(box.id)
      if (c === undefined) return []
      return [
        {
          ...box,
          label: controllerLabel(c, snapshot.mode, electionInMs),
          status: controllerStatusText(c, electionInMs, snapshot.mode),
          up: c.up,
          active: c.active,
          isolated: c.isolated,
        },
      ]
    }),
    brokers: layout.brokers.flatMap((box) => {
      const b = brokers.get(box.id)
      const tally = tallies.get(box.id)
      if (b === undefined || tally === undefined) return []
      return [
        {
          ...box,
          label:
            brokerLabel(b, {
              leaders: tally.metadataLeaders,
              followers: tally.size - tally.metadataLeaders,
              countdown: sessionCountdown(b, snapshot),
            }) +
            capacityLabel(b) +
            (showRates && b.capacity === undefined ? rateLabel(b, rates.get(b.id)) : ''),
          status: brokerStatusText(b, sessionCountdown(b, snapshot)),
          state: b.status,
          fenced: b.fenced,
          isolated: b.isolatedFrom.length > 0,
          slow: b.fetchDelayMs > 0,
          isController: b.isController,
          leaders: tally.metadataLeaders,
          followers: tally.followers,
          outOfSync: tally.outOfSync,
          heat: box.detailed ? [] : heatCells(tally),
          selectedRole:
            selected !== undefined && selected.replicas.includes(b.id)
              ? replicaRole(selected, b)
              : null,
          utilisation: b.capacity?.utilisation ?? null,
          utilisationText: capacityText(b),
          rateText:
            showRates && !box.detailed && b.capacity === undefined
              ? rateText(b, rates.get(b.id))
              : '',
        },
      ]
    }),
    chips,
    flows: buildFlows(snapshot, entry, chips, layout.chipStyle, focus),
    clients: clientNodes(snapshot, layout),
    traffic: buildTrafficScene(snapshot, layout, entry.visible.length),
  }
}
