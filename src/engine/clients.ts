/**
 * Producers and consumers, with the Java client's configs, errors and log lines
 * (clients/.../producer/internals/Sender.java, RecordAccumulator, NetworkClient; docs/kafka-rules.md §5).
 *
 * Simplifications, stated plainly:
 * - Records are keyless and use a sticky partitioner: each producer tick (100 ms, or linger.ms if
 *   larger) forms one batch for one partition, rotating over partitions whose leader the
 *   producer's metadata knows (KIP-480/KIP-794 route around partitions without a leader).
 * - One produce request per partition in flight; queued batches for that partition go together.
 * - A connection to an unreachable host fails after `socket.connection.setup.timeout.ms`
 *   (10 s) and one to a crashed process (host up) is refused at once, both as NETWORK_EXCEPTION.
 * - Consumers fetch every `fetch.max.wait.ms` and read everything up to the high watermark.
 */
import {
  at,
  brokerAt,
  brokerIdx,
  clientLine,
  consumerAt,
  consumerSpecOf,
  emit,
  partitionAt,
  partitionName,
  producerAt,
  producerSpecOf,
  replicaAt,
  slotOfId,
  topicOf,
  type Ctx,
} from './context'
import {
  asBrokerIndex,
  asConsumerIndex,
  asPartitionIndex,
  asProducerIndex,
  clientCode,
  decodeClientCode,
  type BrokerIndex,
  type PartitionIndex,
} from './ids'
import { EV } from './state'
import { recordAck } from './accounting'
import { clientToBroker, connectedToController } from './network'
import { handleProduce } from './broker/produce'
import { clearArray, insertSorted, removeAt } from './sorted-list'
import { intInclusive, nextInt } from './prng'
import type { ConsumerSpec, ProducerSpec } from './spec'
import type {
  ConsumerState,
  PartitionState,
  ProduceRequestState,
  ProducerBatch,
  ProducerState,
} from './state'
import type { KafkaError } from './types'

const CONNECTION_SETUP_TIMEOUT_MS = 10000
const METADATA_RETRY_BACKOFF_MS = 1000

export function producerTickMs(spec: ProducerSpec): number {
  return Math.max(100, spec.config['linger.ms'])
}

function producerSpec(ctx: Ctx, producer: ProducerState): ProducerSpec {
  return producerSpecOf(ctx, producer)
}

/** The metadata version broker `b` answers from: the latest, or what it had when cut off. */
function metadataVersionSeenBy(ctx: Ctx, b: BrokerIndex): number {
  return connectedToController(ctx, b) ? ctx.s.metadataVersion : brokerAt(ctx, b).metadataVersion
}

/** The leader a metadata cache at `version` names for partition `p` (stale if cut off). */
function leaderAtVersion(part: PartitionState, version: number): number {
  const history = part.leaderHistory
  // Newest entry at or below the version; usually the last one.
  for (let i = history.length - 1; i >= 0; i--) {
    const entry = history[i] as [number, number, number]
    if (entry[0] <= version) return entry[1]
  }
  return -1
}

/**
 * The leader of every partition of `topic` as a metadata cache at `version` names them. Leaders
 * at a version never change once it exists (each change gets a new version), so the result is
 * cached per topic and brought forward through `metadataChanges`; callers must not mutate it.
 */
function topicLeadersAtVersion(ctx: Ctx, topic: number, version: number): number[] {
  const first = ctx.s.topicFirstPartition[topic] as number
  const count = (ctx.spec.topics[topic] as { partitions: number }).partitions
  const cached = ctx.topicLeaders[topic]
  let leaders: number[]
  if (cached !== undefined && cached.version === version) leaders = cached.leaders
  else if (cached !== undefined && cached.version >= 0 && cached.version < version) {
    // Version 0 is the initial state, which is not in metadataChanges; -1 knows nothing.
    leaders = cached.leaders.slice()
    for (let v = cached.version + 1; v <= version; v++) {
      const p = ctx.s.metadataChanges[v - 1] as PartitionIndex
      if (p >= first && p < first + count)
        leaders[p - first] = leaderAtVersion(partitionAt(ctx, p), version)
    }
  } else {
    leaders = new Array<number>(count)
    for (let i = 0; i < count; i++)
      leaders[i] = leaderAtVersion(partitionAt(ctx, asPartitionIndex(first + i)), version)
  }
  ctx.topicLeaders[topic] = { version, leaders }
  if (ctx.checkInvariants) {
    // Tests: the cached answer must equal a fresh lookup of every partition.
    for (let i = 0; i < count; i++) {
      if (leaders[i] !== leaderAtVersion(partitionAt(ctx, asPartitionIndex(first + i)), version)) {
        emit(ctx, {
          atMs: ctx.s.nowMs,
          type: 'InvariantViolated',
          message: `cached metadata names a stale leader for partition ${first + i} at version ${version}`,
        })
        if (ctx.throwOnViolation) throw new Error('stale cached topic leaders')
      }
    }
  }
  return leaders
}

interface ClientLike {
  client: number
  topic: number
  connected: boolean
  metadataGen: number
}

function clientName(ctx: Ctx, c: ClientLike): string {
  const spec = ctx.spec.clients[c.client] as ProducerSpec | ConsumerSpec
  return spec.kind === 'producer'
    ? `[Producer clientId=${spec.id}]`
    : `[Consumer clientId=${spec.id}, groupId=${spec.id}-group]`
}

/**
 * Starts a metadata request: to a bootstrap server before the first success, then to any broker
 * the client knows. A client whose bootstrap servers are all unreachable cannot connect.
 */
export function requestMetadata(ctx: Ctx, kind: 'producer' | 'consumer', index: number): void {
  const c: ClientLike & { metadataInFlight: boolean } =
    kind === 'producer'
      ? producerAt(ctx, asProducerIndex(index))
      : consumerAt(ctx, asConsumerIndex(index))
  if (c.metadataInFlight) return
  const spec = ctx.spec.clients[c.client] as ProducerSpec | ConsumerSpec
  // A connected client asks any broker; a new one only its bootstrap servers. Counted, then the
  // chosen one found by position, so a request allocates no candidate lists.
  const bootstrap = spec.config['bootstrap.servers']
  const candidateCount = c.connected ? ctx.s.brokers.length : bootstrap.length
  /** Candidate `i`'s broker index if the client can reach it, else -1. */
  const reachable = (i: number): number => {
    const b = c.connected ? asBrokerIndex(i) : (ctx.brokerIndex.get(bootstrap[i] as number) ?? -1)
    return b >= 0 && clientToBroker(ctx, asBrokerIndex(b)) ? b : -1
  }
  let reachableCount = 0
  for (let i = 0; i < candidateCount; i++) if (reachable(i) >= 0) reachableCount++
  c.metadataGen += 1
  c.metadataInFlight = true
  if (reachableCount === 0) {
    if (!c.connected) {
      emit(ctx, {
        atMs: ctx.s.nowMs,
        type: 'ClientConnectFailed',
        client: spec.id,
        bootstrapServers: spec.config['bootstrap.servers'].slice(),
      })
      for (const id of spec.config['bootstrap.servers']) {
        clientLine(
          ctx,
          spec.id,
          'WARN',
          `${clientName(ctx, c)} Connection to node -1 (b-${id}:9092) could not be established. Node may not be available.`,
        )
      }
    }
    at(ctx, METADATA_RETRY_BACKOFF_MS, EV.metadataRetry, clientCode(kind, index), c.metadataGen)
    return
  }
  let pick = nextInt(ctx.s.prng, reachableCount)
  let broker = -1
  for (let i = 0; i < candidateCount && broker < 0; i++) {
    const b = reachable(i)
    if (b >= 0 && pick-- === 0) broker = b
  }
  at(
    ctx,
    2 * ctx.latencyClientMs,
    EV.metadataResponse,
    clientCode(kind, index),
    broker,
    c.metadataGen,
  )
}

export function onMetadataResponse(ctx: Ctx, code: number, b: BrokerIndex, gen: number): void {
  const { kind, index } = decodeClientCode(code)
  const c: ClientLike & { metadataInFlight: boolean } =
    kind === 'producer'
      ? producerAt(ctx, asProducerIndex(index))
      : consumerAt(ctx, asConsumerIndex(index))
  if (gen !== c.metadataGen) return
  if (!clientToBroker(ctx, b)) {
    at(ctx, METADATA_RETRY_BACKOFF_MS, EV.metadataRetry, code, c.metadataGen)
    return
  }
  c.metadataInFlight = false
  const spec = ctx.spec.clients[c.client] as ProducerSpec | ConsumerSpec
  if (!c.connected) {
    c.connected = true
    emit(ctx, {
      atMs: ctx.s.nowMs,
      type: 'ClientConnected',
      client: spec.id,
      broker: brokerAt(ctx, b).id,
    })
    clientLine(ctx, spec.id, 'INFO', `${clientName(ctx, c)} Cluster ID: kafka-ha-lab`)
  }
  const leaders = topicLeadersAtVersion(ctx, c.topic, metadataVersionSeenBy(ctx, b))
  if (kind === 'producer') {
    const producer = c as ProducerState
    producer.metadata = leaders
    producer.metadataAtMs = ctx.s.nowMs
    drain(ctx, producer)
  } else {
    ;(c as ConsumerState).metadata = leaders
  }
}

export function onMetadataRetry(ctx: Ctx, code: number, gen: number): void {
  const { kind, index } = decodeClientCode(code)
  const c: ClientLike & { metadataInFlight: boolean } =
    kind === 'producer'
      ? producerAt(ctx, asProducerIndex(index))
      : consumerAt(ctx, asConsumerIndex(index))
  if (gen !== c.metadataGen) return
  c.metadataInFlight = false
  requestMetadata(ctx, kind, index)
}

/** Requests past `request.timeout.ms` time out (checked on each tick rather than per request). */
function expireRequests(ctx: Ctx, producer: ProducerState): void {
  const timeout = producerSpec(ctx, producer).config['request.timeout.ms']
  const now = ctx.s.nowMs
  const requests = producer.requests
  dropClosedFront(producer)
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i] as ProduceRequestState
    if (request.closed) continue
    if (now - request.sentAtMs < timeout) break
    onProduceResponse(ctx, producer, request.id, request.lp, true)
  }
}

/** The producer's tick: new records become a batch, expired batches fail, queues drain. */
export function producerTick(ctx: Ctx, producer: ProducerState): void {
  const spec = producerSpec(ctx, producer)
  const tick = producerTickMs(spec)
  const now = ctx.s.nowMs
  at(ctx, tick, EV.producerTick, producer.index)
  if (!producer.connected) {
    requestMetadata(ctx, 'producer', producer.index)
  } else if (now - producer.metadataAtMs >= spec.config['metadata.max.age.ms']) {
    requestMetadata(ctx, 'producer', producer.index)
  }
  producer.carryMilli += Math.round(spec.recordsPerSecond * tick)
  const records = Math.floor(producer.carryMilli / 1000)
  producer.carryMilli -= records * 1000
  const partitions = producer.queues.length
  let batch: ProducerBatch | null = null
  if (records > 0 && partitions > 0) {
    let p = producer.nextPartition % partitions
    for (let tries = 0; tries < partitions; tries++) {
      const candidate = (producer.nextPartition + tries) % partitions
      if ((producer.metadata[candidate] ?? -1) >= 0) {
        p = candidate
        break
      }
    }
    producer.nextPartition = (p + 1) % partitions
    const seq = producer.nextSequence[p] as number
    producer.nextSequence[p] = seq + records
    batch = { p, records, baseSequence: seq, createdAtMs: now, attempts: 0 }
    producer.sent += records
    ctx.s.counters.produced += records
  }
  if (spec.config.acks !== 0) expireRequests(ctx, producer)
  expireBatches(ctx, producer)
  if (batch !== null) {
    // The usual case: nothing else waits and the partition can take a request now, so the
    // batch goes straight out, as drain would send it, without passing through its queue (one
    // of 1,000 small arrays per producer, cold by the partition's next batch). A new batch
    // cannot have expired, and batches re-queued above for a retry go before it either way.
    const i = batch.p
    if (
      producer.ready.length === 0 &&
      producer.inFlight[i] === null &&
      (producer.backoffUntilMs[i] as number) <= now &&
      (producer.metadata[i] ?? -1) >= 0
    ) {
      sendRequest(ctx, producer, i, [batch])
      return
    }
    insertSorted(producer.ready, i)
    ;(producer.queues[i] as ProducerState['queues'][number]).push(batch)
  }
  drain(ctx, producer)
}

/** RecordAccumulator.expiredBatches: delivery.timeout.ms since the batch was created. */
function expireBatches(ctx: Ctx, producer: ProducerState): void {
  const spec = producerSpec(ctx, producer)
  const limit = spec.config['delivery.timeout.ms']
  const now = ctx.s.nowMs
  const ready = producer.ready
  for (let k = 0; k < ready.length;) {
    const i = ready[k] as number
    const queue = producer.queues[i] as ProducerState['queues'][number]
    while (queue.length > 0 && now - (queue[0] as { createdAtMs: number }).createdAtMs >= limit) {
      const batch = queue.shift() as ProducerState['queues'][number][number]
      failBatch(
        ctx,
        producer,
        batch.p,
        batch.records,
        'REQUEST_TIMED_OUT',
        `Expiring ${batch.records} record(s) for ${partitionName(ctx, producer.firstPartition + batch.p)}:${now - batch.createdAtMs} ms has passed since batch creation`,
      )
    }
    if (queue.length === 0) removeAt(ready, k)
    else k++
  }
}

function failBatch(
  ctx: Ctx,
  producer: ProducerState,
  localP: number,
  records: number,
  error: KafkaError,
  message: string,
): void {
  const spec = producerSpec(ctx, producer)
  producer.failed += records
  ctx.s.counters.failed += records
  emit(ctx, {
    atMs: ctx.s.nowMs,
    type: 'RecordsExpired',
    client: spec.id,
    topic: topicOf(ctx, producer.firstPartition + localP).name,
    partition: localP,
    records,
    error,
  })
  clientLine(ctx, spec.id, 'ERROR', `[Producer clientId=${spec.id}] ${message}`)
}

/** Sends `batches` of local partition `i` to the leader the producer's metadata names. */
function sendRequest(ctx: Ctx, producer: ProducerState, i: number, batches: ProducerBatch[]): void {
  const now = ctx.s.nowMs
  const b = brokerIdx(ctx, producer.metadata[i] as number)
  for (const batch of batches) batch.attempts += 1
  const request: ProduceRequestState = {
    id: producer.nextRequestId++,
    p: asPartitionIndex(producer.firstPartition + i),
    lp: i,
    brokerIndex: b,
    batches,
    sentAtMs: now,
    done: false,
    error: null,
    baseOffset: -1,
    local: false,
    closed: false,
    responseLost: false,
  }
  producer.inFlight[i] = request
  producer.requests.push(request)
  const broker = brokerAt(ctx, b)
  if (!clientToBroker(ctx, b)) {
    // Refused at once by a host whose Kafka process is down; otherwise no answer at all.
    const refused = !broker.processUp && broker.hostUp
    request.done = true
    request.local = true
    request.error = 'NETWORK_EXCEPTION'
    at(
      ctx,
      refused ? ctx.latencyClientMs * 2 : CONNECTION_SETUP_TIMEOUT_MS,
      EV.produceResponse,
      producer.index,
      request.id,
      request.lp,
    )
    return
  }
  at(ctx, ctx.latencyClientMs, EV.produceArrive, producer.index, request.id, request.lp)
}

/** Sender.sendProducerData: one request per ready partition with a known, reachable leader. */
export function drain(ctx: Ctx, producer: ProducerState): void {
  const now = ctx.s.nowMs
  let needMetadata = false
  const ready = producer.ready
  // Sent partitions leave `ready` as the loop goes; `k` moves on only past the ones that stay.
  for (let k = 0; k < ready.length;) {
    const i = ready[k] as number
    const queue = producer.queues[i] as ProducerState['queues'][number]
    if (
      queue.length === 0 ||
      producer.inFlight[i] !== null ||
      (producer.backoffUntilMs[i] as number) > now
    ) {
      k++
      continue
    }
    const leaderId = producer.metadata[i] ?? -1
    if (leaderId < 0) {
      needMetadata = true
      k++
      continue
    }
    // The request takes a copy; emptying in place keeps the queue's storage for the next batches.
    const batches = queue.slice()
    clearArray(queue)
    removeAt(ready, k)
    sendRequest(ctx, producer, i, batches)
  }
  if (needMetadata) requestMetadata(ctx, 'producer', producer.index)
}

function requestById(producer: ProducerState, id: number, lp: number): ProduceRequestState | null {
  const r = producer.inFlight[lp]
  return r !== null && r !== undefined && r.id === id ? r : null
}

export function onProduceArrive(ctx: Ctx, producer: ProducerState, id: number, lp: number): void {
  const request = requestById(producer, id, lp)
  if (request === null || request.done) return
  const spec = producerSpec(ctx, producer)
  if (!clientToBroker(ctx, request.brokerIndex)) return // lost on the way: the client times out
  handleProduce(ctx, producer, request, request.brokerIndex)
  if (spec.config.acks === 0) {
    finishRequest(producer, request)
    dropClosedFront(producer)
    drain(ctx, producer)
  }
}

function finishRequest(producer: ProducerState, request: ProduceRequestState): void {
  producer.inFlight[request.lp] = null
  request.closed = true
}

/**
 * Drops closed requests from the front of `requests`, as the tick's expiry check does. Called
 * when an answer arrives, while the request is in cache (not from the expiry check's own loop,
 * which walks the list by index).
 */
function dropClosedFront(producer: ProducerState): void {
  const requests = producer.requests
  while (requests.length > 0 && (requests[0] as ProduceRequestState).closed) requests.shift()
}

/** Sender.completeBatch: success, retry with backoff, or fail. */
export function onProduceResponse(
  ctx: Ctx,
  producer: ProducerState,
  id: number,
  lp: number,
  timedOut: boolean,
): void {
  const request = requestById(producer, id, lp)
  if (request === null) return
  if (timedOut) {
    // A response on its way wins; a lost one (broken link) leaves the timeout to decide.
    if (request.done && request.local) return
    if (request.done && !request.responseLost) return
    request.error = 'REQUEST_TIMED_OUT'
  } else {
    if (!request.done) return
    if (!request.local && !clientToBroker(ctx, request.brokerIndex)) {
      request.responseLost = true
      return
    }
  }
  finishRequest(producer, request)
  if (!timedOut) dropClosedFront(producer)
  const spec = producerSpec(ctx, producer)
  const p = request.p
  if (request.error === null) {
    let offset = request.baseOffset
    for (const batch of request.batches) {
      recordAck(ctx, producer, p, batch.baseSequence, offset, batch.records)
      offset += batch.records
    }
    drain(ctx, producer)
    return
  }
  const error = request.error
  producer.errors[error] = (producer.errors[error] ?? 0) + 1
  const name = partitionName(ctx, p)
  const records = request.batches.reduce((n, b) => n + b.records, 0)
  const retriesLeft = spec.config.retries - ((request.batches[0]?.attempts ?? 1) - 1)
  const now = ctx.s.nowMs
  // A loop, not a closure: one capturing `now` and `spec` would make V8 allocate a context for
  // this function's variables on every response, successful ones included.
  let deliveryOk = true
  for (const b of request.batches)
    if (now - b.createdAtMs >= spec.config['delivery.timeout.ms']) deliveryOk = false
  const retry = retriesLeft > 0 && deliveryOk
  emit(ctx, {
    atMs: now,
    type: 'ProduceFailed',
    client: spec.id,
    topic: topicOf(ctx, p).name,
    partition: partitionAt(ctx, p).partition,
    error,
    records,
    retriable: retry,
  })
  if (retry) {
    clientLine(
      ctx,
      spec.id,
      'WARN',
      `[Producer clientId=${spec.id}] Got error produce response with correlation id ${request.id} on topic-partition ${name}, retrying (${retriesLeft - 1} attempts left). Error: ${error}`,
    )
    const queue = producer.queues[request.lp] as ProducerState['queues'][number]
    queue.unshift(...request.batches)
    insertSorted(producer.ready, request.lp)
    producer.backoffUntilMs[request.lp] =
      now + retryBackoffMs(ctx, spec, request.batches[0]?.attempts ?? 1)
    at(ctx, (producer.backoffUntilMs[request.lp] as number) - now, EV.producerDrain, producer.index)
  } else {
    for (const batch of request.batches) {
      failBatch(
        ctx,
        producer,
        batch.p,
        batch.records,
        error,
        `Got error produce response on topic-partition ${name}, giving up. Error: ${error}`,
      )
    }
  }
  if (
    error === 'NOT_LEADER_OR_FOLLOWER' ||
    error === 'LEADER_NOT_AVAILABLE' ||
    error === 'NETWORK_EXCEPTION' ||
    error === 'REQUEST_TIMED_OUT'
  ) {
    if (error === 'NOT_LEADER_OR_FOLLOWER') {
      clientLine(
        ctx,
        spec.id,
        'WARN',
        `[Producer clientId=${spec.id}] Received invalid metadata error in produce request on partition ${name} due to org.apache.kafka.common.errors.NotLeaderOrFollowerException: For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.. Going to request metadata update now`,
      )
    } else if (error === 'NETWORK_EXCEPTION' || error === 'REQUEST_TIMED_OUT') {
      const brokerId = brokerAt(ctx, request.brokerIndex).id
      clientLine(
        ctx,
        spec.id,
        'WARN',
        `[Producer clientId=${spec.id}] ${error === 'REQUEST_TIMED_OUT' ? `Disconnecting from node ${brokerId} due to request timeout.` : `Connection to node ${brokerId} (b-${brokerId}:9092) could not be established. Node may not be available.`}`,
      )
    }
    requestMetadata(ctx, 'producer', producer.index)
  }
}

/** Exponential backoff from retry.backoff.ms, doubling, capped at retry.backoff.max.ms, ±20 % jitter. */
function retryBackoffMs(ctx: Ctx, spec: ProducerSpec, attempts: number): number {
  const base = spec.config['retry.backoff.ms']
  const max = spec.config['retry.backoff.max.ms']
  let backoff = base
  for (let i = 1; i < attempts && backoff < max; i++) backoff *= 2
  backoff = Math.min(backoff, Math.max(base, max))
  const jitter = Math.floor(backoff / 5)
  return backoff + (jitter > 0 ? intInclusive(ctx.s.prng, -jitter, jitter) : 0)
}

/** A consumer poll: read up to the high watermark of every partition whose leader it reaches. */
export function consumerTick(ctx: Ctx, consumer: ConsumerState): void {
  const spec = consumerSpecOf(ctx, consumer)
  at(ctx, Math.max(100, spec.config['fetch.max.wait.ms']), EV.consumerTick, consumer.index)
  const meta = consumer.metadata
  if (!consumer.connected || meta === null) {
    requestMetadata(ctx, 'consumer', consumer.index)
    return
  }
  const first = ctx.s.topicFirstPartition[consumer.topic] as number
  let refresh = false
  let lag = 0
  for (let i = 0; i < consumer.positions.length; i++) {
    const p = asPartitionIndex(first + i)
    const part = partitionAt(ctx, p)
    const leaderId = meta[i] ?? -1
    const position = consumer.positions[i] as number
    const currentSlot = slotOfId(part, part.leaderId)
    const currentHw = currentSlot >= 0 ? replicaAt(part, currentSlot).highWatermark : position
    if (leaderId < 0) {
      refresh = true
      lag += Math.max(0, currentHw - position)
      continue
    }
    const b = brokerIdx(ctx, leaderId)
    const slot = slotOfId(part, leaderId)
    const rs = replicaAt(part, slot)
    if (!clientToBroker(ctx, b) || rs.knownLeaderId !== leaderId) {
      refresh = true
      lag += Math.max(0, currentHw - position)
      continue
    }
    if (position > rs.log.logEndOffset) {
      // The log was truncated below our position (unclean election): OFFSET_OUT_OF_RANGE, reset.
      const to = spec.config['auto.offset.reset'] === 'earliest' ? 0 : rs.highWatermark
      emit(ctx, {
        atMs: ctx.s.nowMs,
        type: 'ConsumerOffsetReset',
        client: spec.id,
        topic: topicOf(ctx, p).name,
        partition: part.partition,
        fromOffset: position,
        toOffset: to,
      })
      clientLine(
        ctx,
        spec.id,
        'INFO',
        `${clientName(ctx, consumer)} Fetch position FetchPosition{offset=${position}} is out of range for partition ${partitionName(ctx, p)}, resetting offset`,
      )
      clientLine(
        ctx,
        spec.id,
        'INFO',
        `${clientName(ctx, consumer)} Resetting offset for partition ${partitionName(ctx, p)} to position FetchPosition{offset=${to}}.`,
      )
      consumer.positions[i] = to
      continue
    }
    if (rs.highWatermark > position) {
      consumer.consumed += rs.highWatermark - position
      consumer.positions[i] = rs.highWatermark
    }
  }
  consumer.lag = lag
  if (refresh) requestMetadata(ctx, 'consumer', consumer.index)
}
