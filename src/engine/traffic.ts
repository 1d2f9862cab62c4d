/**
 * Traffic in motion: the messages the simulation has in flight and the requests waiting at a
 * broker, read from the engine's own state for the dashboard to draw — RaftScope's model, where
 * every message on screen is one of the simulation's, placed between its send and delivery time.
 *
 * Every message between nodes is an event in the queue: its delivery time is the event's time and
 * its send time the time it was scheduled (event-queue.ts keeps it per slot). This module walks the
 * queue once, decodes the message events and drops those the engine will ignore on arrival (a
 * stale generation: a fetch round that was reset, a request its client has given up). It also
 * reads the two purgatories:
 * - an acks=all produce parked at its leader until the high watermark passes its records
 *   (DelayedProduce, ReplicaManager.appendRecords), which fails at the producer's
 *   `request.timeout.ms` if the ISR does not catch up (NetworkClient.handleTimedOutRequests);
 * - a follower's fetch parked at its leader while there is nothing new (DelayedFetch), answered
 *   empty after `replica.fetch.wait.max.ms`.
 *
 * Nothing here runs on the simulation's hot path: `buildSnapshot` calls it, and only for clusters
 * of at most TRAFFIC_MAX_BROKERS brokers (the reference cluster never pays for it). It reads state
 * and never writes it.
 *
 * Simplifications, stated plainly: consumers' fetches are not messages in this engine (clients.ts
 * reads up to the high watermark on each consumer tick), so a consumer's traffic is its group
 * protocol and metadata requests; a metadata request and its answer are one event (one round trip).
 */
import { consumerSpecOf, producerSpecOf, type Ctx } from './context'
import { nodeBroker, resolveClient } from './client-network'
import { argOf, forEachScheduled, kindOf, sentTimeOf, timeOf } from './event-queue'
import { asBrokerIndex, type BrokerIndex } from './ids'
import { fetchLink } from './network'
import { lastParkedFetchMs } from './broker/fetch-pair'
import { EV } from './state'
import type { FetchPairState, ProduceRequestState, ProducerState } from './state'
import type {
  NodeRef,
  ParkedRequest,
  ProducerTrafficState,
  TrafficMessage,
  TrafficView,
} from './types'

/** Above this many brokers the snapshot carries no traffic (the dashboard aggregates instead). */
export const TRAFFIC_MAX_BROKERS = 12
/** At most this many messages in one snapshot (the earliest delivered first). */
export const TRAFFIC_MAX_MESSAGES = 400

/** consumer-groups.ts GROUP_REQ, by number: the Kafka API each group request is. */
const GROUP_APIS = ['FindCoordinator', 'JoinGroup', 'SyncGroup', 'Heartbeat', 'OffsetCommit']

const MESSAGE_KINDS: ReadonlySet<number> = new Set([
  EV.fetchRequest,
  EV.fetchResponse,
  EV.produceArrive,
  EV.produceResponse,
  EV.groupRequestArrive,
  EV.groupResponse,
  EV.metadataResponse,
])

function brokerRef(ctx: Ctx, b: BrokerIndex): NodeRef {
  return { broker: ctx.spec.cluster.brokers[b]?.id ?? b }
}

function brokerIdOf(ctx: Ctx, b: number): number {
  return ctx.spec.cluster.brokers[b]?.id ?? b
}

/** The request a produce event is about, if the producer still waits for it. */
function produceRequest(
  producer: ProducerState,
  id: number,
  lp: number,
): ProduceRequestState | null {
  const r = producer.inFlight[lp]
  return r !== null && r !== undefined && r.id === id && !r.closed ? r : null
}

function requestRecords(request: ProduceRequestState): number {
  let n = 0
  for (const part of request.parts)
    for (const batch of part.batches) if (!batch.expired) n += batch.records
  return n
}

function fetchMessage(
  ctx: Ctx,
  kind: number,
  a: number,
  b: number,
  sentMs: number,
  atMs: number,
): TrafficMessage | null {
  const pair = ctx.s.pairs[a]
  if (pair === null || pair === undefined || pair.gen !== b) return null
  const follower = brokerRef(ctx, pair.followerIndex)
  const leader = brokerRef(ctx, pair.leaderIndex)
  const message: TrafficMessage =
    kind === EV.fetchRequest
      ? { kind: 'fetch', from: follower, to: leader, sentMs, atMs }
      : { kind: 'fetchResponse', from: leader, to: follower, sentMs, atMs }
  message.partitions = pair.partitions.length
  if (pair.partitions.length === 1) Object.assign(message, partitionOf(ctx, pair.partitions[0]))
  if (kind === EV.fetchResponse) {
    let records = 0
    for (let e = pair.responseHead; e !== null; e = e.next)
      for (let k = 0; k < e.batchCount; k++) records += e.batches[k]?.count ?? 0
    message.records = records
  }
  return message
}

function partitionOf(ctx: Ctx, p: number | undefined): { topic: string; partition: number } {
  const part = ctx.s.partitions[p ?? -1]
  if (part === undefined) return { topic: '', partition: -1 }
  return { topic: ctx.spec.topics[part.topic]?.name ?? '', partition: part.partition }
}

function produceMessage(
  ctx: Ctx,
  kind: number,
  a: number,
  b: number,
  c: number,
  sentMs: number,
  atMs: number,
): TrafficMessage | null {
  const producer = ctx.s.producers[a]
  if (producer === undefined) return null
  const request = produceRequest(producer, b, c)
  if (request === null) return null
  const client: NodeRef = { client: producerSpecOf(ctx, producer).id }
  const broker = brokerRef(ctx, request.brokerIndex)
  const arrive = kind === EV.produceArrive
  const message: TrafficMessage = {
    kind: arrive ? 'produce' : 'produceResponse',
    from: arrive ? client : broker,
    to: arrive ? broker : client,
    sentMs,
    atMs,
    topic: ctx.spec.topics[producer.topic]?.name ?? '',
    partition: c,
    records: requestRecords(request),
  }
  if (arrive) return message
  const failed = request.parts.find((part) => part.error !== null)
  if (failed?.error != null) message.error = failed.error
  return message
}

function groupMessage(
  ctx: Ctx,
  kind: number,
  a: number,
  b: number,
  c: number,
  sentMs: number,
  atMs: number,
): TrafficMessage | null {
  const consumer = ctx.s.consumers[a]
  const gm = consumer?.gm
  if (consumer === undefined || gm === null || gm === undefined || gm.gen[b] !== c) return null
  const spec = consumerSpecOf(ctx, consumer)
  const k = gm.conn[b] as number
  const client: NodeRef = { client: spec.id }
  const broker = brokerRef(ctx, nodeBroker(ctx, spec, k))
  const api = GROUP_APIS[b] ?? 'Group'
  if (kind === EV.groupRequestArrive)
    return { kind: 'group', from: client, to: broker, sentMs, atMs, api }
  const message: TrafficMessage = {
    kind: 'groupResponse',
    from: broker,
    to: client,
    sentMs,
    atMs,
    api,
  }
  const error = gm.answerError[b]
  if (error !== null && error !== undefined) message.error = error
  return message
}

function metadataMessage(
  ctx: Ctx,
  a: number,
  b: number,
  c: number,
  sentMs: number,
  atMs: number,
): TrafficMessage | null {
  const { net, spec } = resolveClient(ctx, a)
  if (net.metadataGen !== c || !net.metadataInFlight) return null
  return {
    kind: 'metadata',
    from: { client: spec.id },
    to: brokerRef(ctx, nodeBroker(ctx, spec, b)),
    sentMs,
    atMs,
    roundTrip: true,
  }
}

function decodeSlot(ctx: Ctx, slot: number): TrafficMessage | null {
  const q = ctx.s.queue
  return decode(
    ctx,
    kindOf(q, slot),
    argOf(q, slot, 0),
    argOf(q, slot, 1),
    argOf(q, slot, 2),
    sentTimeOf(q, slot),
    timeOf(q, slot),
  )
}

function decode(
  ctx: Ctx,
  kind: number,
  a: number,
  b: number,
  c: number,
  sentMs: number,
  atMs: number,
): TrafficMessage | null {
  switch (kind) {
    case EV.fetchRequest:
    case EV.fetchResponse:
      return fetchMessage(ctx, kind, a, b, sentMs, atMs)
    case EV.produceArrive:
    case EV.produceResponse:
      return produceMessage(ctx, kind, a, b, c, sentMs, atMs)
    case EV.groupRequestArrive:
    case EV.groupResponse:
      return groupMessage(ctx, kind, a, b, c, sentMs, atMs)
    case EV.metadataResponse:
      return metadataMessage(ctx, a, b, c, sentMs, atMs)
    default:
      return null
  }
}

/** The messages in flight, in (delivery time, scheduling order), and how many the cap left out. */
function messagesInFlight(ctx: Ctx): { messages: TrafficMessage[]; omitted: number } {
  const q = ctx.s.queue
  const slots: number[] = []
  forEachScheduled(q, (slot) => {
    if (MESSAGE_KINDS.has(kindOf(q, slot))) slots.push(slot)
  })
  // Slot numbers change when a checkpoint's queue is rebuilt; (time, seq) does not.
  slots.sort((x, y) => timeOf(q, x) - timeOf(q, y) || (q.seqs[x] as number) - (q.seqs[y] as number))
  const messages: TrafficMessage[] = []
  let omitted = 0
  for (const slot of slots) {
    const message = decodeSlot(ctx, slot)
    if (message === null) continue
    if (messages.length < TRAFFIC_MAX_MESSAGES) messages.push(message)
    else omitted++
  }
  return { messages, omitted }
}

/** Deliveries are kept this long (sim time) for the snapshot's `delivered`. */
export const RECENT_TRAFFIC_MS = 250
const RECENT_TRAFFIC_MAX = 400

/**
 * A message event is about to be handled (simulation.ts, small clusters only): keep it, decoded
 * now while its request is still open, so a view that samples the run once a frame still sees the
 * messages that came and went between two frames (they take about a millisecond).
 */
export function noteDelivery(
  ctx: Ctx,
  kind: number,
  a: number,
  b: number,
  c: number,
  sentMs: number,
  atMs: number,
): void {
  if (!MESSAGE_KINDS.has(kind)) return
  const message = decode(ctx, kind, a, b, c, sentMs, atMs)
  if (message === null) return
  const recent = (ctx.s.recentTraffic ??= [])
  recent.push(message)
  let drop = 0
  while (
    drop < recent.length &&
    ((recent[drop] as TrafficMessage).atMs < atMs - RECENT_TRAFFIC_MS ||
      recent.length - drop > RECENT_TRAFFIC_MAX)
  )
    drop++
  if (drop > 0) recent.splice(0, drop)
}

/** The acks=all produces in every leader side's purgatory that their producer still waits for. */
function parkedProduces(ctx: Ctx, out: ParkedRequest[]): void {
  for (const part of ctx.s.partitions) {
    for (const rs of part.replicaStates) {
      const side = rs.leaderSide
      if (side === null || !side.listed) continue
      for (let d = side.delayedHead; d !== null; d = d.next) {
        const producer = ctx.s.producers[d.c]
        if (producer === undefined) continue
        const request = produceRequest(producer, d.request, d.lp)
        if (request === null) continue
        const spec = producerSpecOf(ctx, producer)
        out.push({
          kind: 'produce',
          broker: brokerIdOf(ctx, rs.brokerIndex),
          producer: spec.id,
          topic: ctx.spec.topics[part.topic]?.name ?? '',
          partition: part.partition,
          sinceMs: request.sentAtMs,
          timeoutAtMs: request.sentAtMs + spec.config['request.timeout.ms'],
          requiredOffset: d.requiredOffset,
          highWatermark: rs.highWatermark,
        })
      }
    }
  }
}

/**
 * The followers' fetches parked at their leaders. The engine sends no event while a pair is parked
 * (idle partitions cost nothing); Kafka's follower re-sends its fetch each time the parked one
 * expires, and `lastParkedFetchMs` says when the latest of those went out.
 */
function parkedFetches(ctx: Ctx, out: ParkedRequest[]): void {
  const waitMs = ctx.spec.cluster.config['replica.fetch.wait.max.ms']
  for (const pair of ctx.s.pairs) {
    if (!isParked(ctx, pair)) continue
    const sinceMs = lastParkedFetchMs(ctx, pair)
    out.push({
      kind: 'fetch',
      broker: brokerIdOf(ctx, pair.leaderIndex),
      follower: brokerIdOf(ctx, pair.followerIndex),
      ...partitionOf(ctx, pair.partitions[0]),
      partitions: pair.partitions.length,
      sinceMs,
      timeoutAtMs: sinceMs + waitMs,
    })
  }
}

function isParked(ctx: Ctx, pair: FetchPairState | null): pair is FetchPairState {
  return (
    pair !== null &&
    pair.phase === 'idle' &&
    pair.partitions.length > 0 &&
    fetchLink(ctx, asBrokerIndex(pair.followerIndex), asBrokerIndex(pair.leaderIndex))
  )
}

function producerStates(ctx: Ctx): ProducerTrafficState[] {
  const now = ctx.s.nowMs
  return ctx.s.producers.map((producer) => {
    let retrying = 0
    for (const queue of producer.queues)
      for (const batch of queue) if (batch.attempts > 0) retrying++
    let backoff = -1
    for (const until of producer.backoffUntilMs) if (until > now && until > backoff) backoff = until
    return {
      id: producerSpecOf(ctx, producer).id,
      requestsInFlight: producer.requests.filter((r) => !r.closed).length,
      retryingBatches: retrying,
      backoffUntilMs: backoff < 0 ? null : backoff,
    }
  })
}

/**
 * * The traffic of a small cluster now, or null above TRAFFIC_MAX_BROKERS brokers or when the
 * simulation was not asked for it (SimulationOptions.traffic).
 *
 * @example
 * const traffic = trafficView(ctx)
 * // a produce request half-way: (nowMs - sentMs) / (atMs - sentMs) === 0.5
 */
export function trafficView(ctx: Ctx): TrafficView | null {
  if (!ctx.traffic || ctx.s.brokers.length > TRAFFIC_MAX_BROKERS) return null
  const { messages, omitted } = messagesInFlight(ctx)
  const parked: ParkedRequest[] = []
  parkedProduces(ctx, parked)
  parkedFetches(ctx, parked)
  const now = ctx.s.nowMs
  const delivered = (ctx.s.recentTraffic ?? []).filter(
    (m) => m.atMs <= now && m.atMs >= now - RECENT_TRAFFIC_MS,
  )
  return { messages, omitted, delivered, parked, producers: producerStates(ctx) }
}
