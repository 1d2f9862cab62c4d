/**
 * The topology's fixed grid, as a pure function of the cluster's structure and the available
 * width: zones are columns, each holding its controller nodes and then its broker cards; a
 * detailed broker card holds one chip per replica, an aggregated card holds counts and a heat
 * strip. Positions depend only on structure, never on state, so nothing jumps when a broker
 * fails and keyed joins keep their elements.
 */

export interface LayoutInput {
  width: number
  zones: readonly string[]
  brokers: readonly { id: number; zone: string }[]
  controllers: readonly { id: number; zone: string }[]
  /** Partition keys each broker hosts, in display order (after any topic filter). */
  replicas: ReadonlyMap<number, readonly string[]>
  /** Brokers drawn with one chip per replica; the others are aggregated cards. */
  detailed: ReadonlySet<number> | 'all'
  /** The scenario has a broker type: every card gets a utilisation row (docs/capacity.md). */
  capacity?: boolean
  /**
   * The snapshot has traffic rates: without a broker type, aggregated cards get a row for them
   * (records per second in and replicated out, scene.ts rateText).
   */
  rates?: boolean
  /**
   * Producers and consumer entries drawn as nodes in a band above the zones (traffic in motion):
   * producers from the left, consumers from the right. Absent or empty: no band.
   */
  clients?: readonly { id: string; kind: 'producer' | 'consumer' }[]
}

export type ChipStyle = 'labelled' | 'compact'

export interface Box {
  x: number
  y: number
  width: number
  height: number
}

export interface ZoneBox extends Box {
  name: string
}

export interface ControllerBox extends Box {
  id: number
  zone: string
}

/** A producer's or consumer's node in the client band. */
export interface ClientBox extends Box {
  id: string
  kind: 'producer' | 'consumer'
}

export interface BrokerBox extends Box {
  id: number
  zone: string
  detailed: boolean
}

/** A replica chip's cell; (x, y) is its top-left corner. */
export interface ChipBox {
  key: string
  broker: number
  partition: string
  x: number
  y: number
}

export interface TopologyLayout {
  width: number
  height: number
  chipStyle: ChipStyle
  chipWidth: number
  chipHeight: number
  zones: ZoneBox[]
  controllers: ControllerBox[]
  brokers: BrokerBox[]
  chips: ChipBox[]
  clients: ClientBox[]
}

export const LAYOUT = {
  margin: 12,
  zoneGap: 12,
  zoneHeader: 34,
  zonePad: 10,
  minZoneWidth: 210,
  controllerHeight: 30,
  controllerMaxWidth: 220,
  cardGap: 10,
  cardHeader: 40,
  cardPad: 8,
  aggregatedMinWidth: 130,
  aggregatedHeight: 62,
  /** The utilisation bar's row, added to every card when the scenario has a broker type. */
  capacityRow: 14,
  chipGap: 4,
  labelled: { width: 50, height: 28 },
  compact: { width: 13, height: 18 },
  /** Most replicas on one detailed broker that still get labelled chips. */
  labelledMaxPerBroker: 30,
  /** The client band: node size, and the gap between the band and the zones. */
  clientWidth: 200,
  clientHeight: 46,
  clientGap: 10,
  clientBandGap: 28,
} as const

/**
 * The client band's nodes: producers left to right from the left margin, consumers right to left
 * from the right edge, shrunk (never below 120 px) when they do not fit in one row.
 */
function layoutClients(input: LayoutInput, width: number): ClientBox[] {
  const clients = input.clients ?? []
  if (clients.length === 0) return []
  const inner = width - 2 * LAYOUT.margin
  const fit = (inner - (clients.length - 1) * LAYOUT.clientGap) / clients.length
  const nodeWidth = Math.max(120, Math.min(LAYOUT.clientWidth, Math.floor(fit)))
  const step = nodeWidth + LAYOUT.clientGap
  const producers = clients.filter((c) => c.kind === 'producer')
  const consumers = clients.filter((c) => c.kind === 'consumer')
  const box = (c: { id: string; kind: 'producer' | 'consumer' }, x: number): ClientBox => ({
    id: c.id,
    kind: c.kind,
    x,
    y: LAYOUT.margin,
    width: nodeWidth,
    height: LAYOUT.clientHeight,
  })
  return [
    ...producers.map((c, i) => box(c, LAYOUT.margin + i * step)),
    ...consumers.map((c, i) => box(c, width - LAYOUT.margin - nodeWidth - i * step)),
  ]
}

export function chipKey(broker: number, partition: string): string {
  return `${broker}:${partition}`
}

/** Where a chip's role symbol sits inside its cell, and how wide it is. */
export function chipSymbol(style: ChipStyle): { dx: number; dy: number; size: number } {
  return style === 'labelled' ? { dx: 11, dy: 11, size: 14 } : { dx: 6.5, dy: 6.5, size: 11 }
}

function isDetailed(input: LayoutInput, broker: number): boolean {
  return input.detailed === 'all' || input.detailed.has(broker)
}

function chipStyleFor(input: LayoutInput): ChipStyle {
  let most = 0
  for (const broker of input.brokers) {
    if (isDetailed(input, broker.id)) {
      most = Math.max(most, input.replicas.get(broker.id)?.length ?? 0)
    }
  }
  return most <= LAYOUT.labelledMaxPerBroker ? 'labelled' : 'compact'
}

interface ColumnResult {
  height: number
  controllers: ControllerBox[]
  brokers: BrokerBox[]
  chips: ChipBox[]
}

function layoutControllers(
  ids: readonly { id: number; zone: string }[],
  x: number,
  y: number,
  inner: number,
): ControllerBox[] {
  if (ids.length === 0) return []
  const width = Math.min(
    LAYOUT.controllerMaxWidth,
    (inner - (ids.length - 1) * LAYOUT.cardGap) / ids.length,
  )
  return ids.map((c, i) => ({
    id: c.id,
    zone: c.zone,
    x: x + i * (width + LAYOUT.cardGap),
    y,
    width,
    height: LAYOUT.controllerHeight,
  }))
}

/** A detailed card's header: title and status, and the utilisation row with a broker type. */
export function cardHeaderOf(input: Pick<LayoutInput, 'capacity'>): number {
  return LAYOUT.cardHeader + (input.capacity === true ? LAYOUT.capacityRow : 0)
}

/**
 * An aggregated card's height, with the utilisation row when the scenario has a broker type, or
 * else the rate row when the snapshot has rates.
 */
export function aggregatedHeightOf(input: Pick<LayoutInput, 'capacity' | 'rates'>): number {
  const row = input.capacity === true || input.rates === true
  return LAYOUT.aggregatedHeight + (row ? LAYOUT.capacityRow : 0)
}

function layoutDetailedCard(
  input: LayoutInput,
  broker: { id: number; zone: string },
  box: { x: number; y: number; width: number },
  style: ChipStyle,
  chips: ChipBox[],
): BrokerBox {
  const chip = LAYOUT[style]
  const header = cardHeaderOf(input)
  const partitions = input.replicas.get(broker.id) ?? []
  const usable = box.width - 2 * LAYOUT.cardPad + LAYOUT.chipGap
  const perRow = Math.max(1, Math.floor(usable / (chip.width + LAYOUT.chipGap)))
  const rows = Math.max(1, Math.ceil(partitions.length / perRow))
  partitions.forEach((partition, i) => {
    const column = i % perRow
    const row = Math.floor(i / perRow)
    chips.push({
      key: chipKey(broker.id, partition),
      broker: broker.id,
      partition,
      x: box.x + LAYOUT.cardPad + column * (chip.width + LAYOUT.chipGap),
      y: box.y + header + row * (chip.height + LAYOUT.chipGap),
    })
  })
  const height = header + rows * (chip.height + LAYOUT.chipGap) - LAYOUT.chipGap + LAYOUT.cardPad
  return { id: broker.id, zone: broker.zone, ...box, height, detailed: true }
}

function layoutColumn(
  input: LayoutInput,
  zone: ZoneBox,
  style: ChipStyle,
  top: number,
): ColumnResult {
  const inner = zone.width - 2 * LAYOUT.zonePad
  const left = zone.x + LAYOUT.zonePad
  const controllers = layoutControllers(
    input.controllers.filter((c) => c.zone === zone.name),
    left,
    top,
    inner,
  )
  let y = top + (controllers.length > 0 ? LAYOUT.controllerHeight + LAYOUT.cardGap : 0)
  const brokers: BrokerBox[] = []
  const chips: ChipBox[] = []
  const perRow = Math.max(
    1,
    Math.floor((inner + LAYOUT.cardGap) / (LAYOUT.aggregatedMinWidth + LAYOUT.cardGap)),
  )
  const aggregatedWidth = (inner - (perRow - 1) * LAYOUT.cardGap) / perRow
  const aggregatedHeight = aggregatedHeightOf(input)
  let rowFill = 0
  for (const broker of input.brokers.filter((b) => b.zone === zone.name)) {
    if (isDetailed(input, broker.id)) {
      if (rowFill > 0) y += aggregatedHeight + LAYOUT.cardGap
      rowFill = 0
      const card = layoutDetailedCard(input, broker, { x: left, y, width: inner }, style, chips)
      brokers.push(card)
      y += card.height + LAYOUT.cardGap
      continue
    }
    brokers.push({
      id: broker.id,
      zone: broker.zone,
      x: left + rowFill * (aggregatedWidth + LAYOUT.cardGap),
      y,
      width: aggregatedWidth,
      height: aggregatedHeight,
      detailed: false,
    })
    rowFill += 1
    if (rowFill === perRow) {
      y += aggregatedHeight + LAYOUT.cardGap
      rowFill = 0
    }
  }
  if (rowFill > 0) y += aggregatedHeight + LAYOUT.cardGap
  return { height: y - LAYOUT.cardGap + LAYOUT.zonePad - zone.y, controllers, brokers, chips }
}

/**
 * @example
 * const layout = computeLayout({ width: 1200, zones: ['a', 'b'], brokers, controllers,
 *   replicas: new Map([[1, ['orders-0']]]), detailed: 'all' })
 */
export function computeLayout(input: LayoutInput): TopologyLayout {
  const count = Math.max(1, input.zones.length)
  const available = input.width - 2 * LAYOUT.margin - (count - 1) * LAYOUT.zoneGap
  // Too narrow for the zones side by side (a phone): they stack, each the full width, so nothing
  // scrolls sideways and every zone is on the page.
  const stacked = count > 1 && Math.floor(available / count) < LAYOUT.minZoneWidth
  const zoneWidth = stacked
    ? Math.max(LAYOUT.aggregatedMinWidth + 2 * LAYOUT.zonePad, input.width - 2 * LAYOUT.margin)
    : Math.max(LAYOUT.minZoneWidth, Math.floor(available / count))
  const style = chipStyleFor(input)
  const totalWidth = stacked
    ? Math.max(input.width, zoneWidth + 2 * LAYOUT.margin)
    : Math.max(input.width, LAYOUT.margin * 2 + count * zoneWidth + (count - 1) * LAYOUT.zoneGap)
  const clients = layoutClients(input, totalWidth)
  const band = clients.length > 0 ? LAYOUT.clientHeight + LAYOUT.clientBandGap : 0
  const zones: ZoneBox[] = input.zones.map((name, i) => ({
    name,
    x: stacked ? LAYOUT.margin : LAYOUT.margin + i * (zoneWidth + LAYOUT.zoneGap),
    y: LAYOUT.margin + band,
    width: zoneWidth,
    height: 0,
  }))
  const controllers: ControllerBox[] = []
  const brokers: BrokerBox[] = []
  const chips: ChipBox[] = []
  let tallest = LAYOUT.zoneHeader + LAYOUT.zonePad
  let bottom = LAYOUT.margin + band
  for (const zone of zones) {
    if (stacked) zone.y = bottom
    const column = layoutColumn(input, zone, style, zone.y + LAYOUT.zoneHeader)
    controllers.push(...column.controllers)
    brokers.push(...column.brokers)
    chips.push(...column.chips)
    tallest = Math.max(tallest, column.height)
    if (stacked) {
      zone.height = column.height
      bottom = zone.y + column.height + LAYOUT.zoneGap
    }
  }
  if (!stacked) for (const zone of zones) zone.height = tallest
  const height = stacked
    ? bottom - LAYOUT.zoneGap + LAYOUT.margin
    : LAYOUT.margin * 2 + band + tallest
  return {
    width: totalWidth,
    height,
    chipStyle: style,
    chipWidth: LAYOUT[style].width,
    chipHeight: LAYOUT[style].height,
    zones,
    controllers,
    brokers,
    chips,
    clients,
  }
}
