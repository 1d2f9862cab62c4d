/**
 * Producers and consumers, with the Java client's configs, errors and log lines
 * (clients/.../producer/internals/Sender.java, RecordAccumulator, NetworkClient; docs/kafka-rules.md §5).
 * The network layer they share (connections, backoffs, metadata refreshes) is client-network.ts.
 *
 * The producer as Kafka's Sender runs it:
 * - a batch waits in the accumulator until its leader's connection is ready and has a free slot
 *   (`max.in.flight.requests.per.connection`, 5, counting requests); a connection that is not
 *   ready costs no attempt.
 *   Only a request actually in flight fails (NETWORK_EXCEPTION when its connection is reset,
 *   REQUEST_TIMED_OUT when nothing answers within `request.timeout.ms`) and uses an attempt;
 * - from 3.7 (KIP-951) a NOT_LEADER_OR_FOLLOWER answer names the current leader and the retry goes
 *   there at once, without backoff; before, the producer refreshes its metadata and backs off
 *   `retry.backoff.ms` (constant before KIP-580, 3.7; exponential to `retry.backoff.max.ms` from);
 * - `delivery.timeout.ms` bounds a record's life from send() to its answer.
 *
 * Simplifications, stated plainly:
 * - Records are keyless and use a sticky partitioner: each producer tick (100 ms, or linger.ms if
 *   larger) forms one batch for one partition, rotating over partitions whose leader the
 *   producer's metadata knows (KIP-480/KIP-794 route around partitions without a leader; the
 *   adaptive partitioner's queue weighting is not modelled).
 * - As Kafka's, a request goes to one broker with every partition ready for it
 *   (RecordAccumulator.drain, Sender.sendProduceRequests) and is answered once all of them are
 *   settled, so an acks=all answer waits for the slowest partition in it. Simplified: a
 *   partition's part carries all its queued batches (Kafka: one batch.size batch per partition,
 *   up to max.request.size), and a partition has at most one request in flight (docs/engine.md,
 *   Simplifications). The broker's checks of out-of-order sequences are not modelled.
 * - Consumers fetch every `fetch.max.wait.ms` and read everything up to the high watermark; their
 *   fetches do not go through connections (only their metadata requests do).
 */
import {
  at,
  brokerAt,
  brokerIdx,
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
import { noteBytes, queueDelayMs } from './capacity/saturation'
import { BYTES_OUT } from './capacity/model'
import { clientToBroker } from './network'
import { handleProduce } from './broker/produce'
import { partOf } from './broker/purgatory'
import { clearArray, insertSorted, removeAt } from './sorted-list'
import { endOffsetForEpoch, epochAtOffset } from './log'
import {
  CONN_DISCONNECTED,
  LOGGER,
  canConnect,
  canSendRequest,
  checkConnect,
  clientLog,
  clientRules,
  disconnected,
  expiredMetadataNode,
  exponentialBackoff,
  initiateConnect,
  maybeUpdateMetadata,
  metadataUpdated,
  nodeBroker,
  requestMetadataUpdate,
  resetClientNet,
  resolveClient,
  takeMetadataResponse,
  type ClientSpecOf,
  type DisconnectCause,
} from './client-network'
import { leaderAtVersion, leaderEpochAtVersion, metadataVersionSeenBy } from './metadata-view'
import { recordLatency } from './latency-histogram'
import {
  crashMember,
  expiredGroupRequest,
  groupConnectionClosed,
  invokeCommitCallbacks,
  memberPartitions,
  memberStep,
  noteDelivered,
  notePositionJump,
} from './consumer-groups'
import { noteFailoverAck } from './failovers'
import { javaHashMapPutOrder, topicPartitionHash } from './java-hash'
import { atLeast } from './versions'
import { DEFAULT_RECORD_BYTES, type ProducerSpec } from './spec'
import type {
  ClientConnection,
  ClientNetState,
  ConsumerState,
  PartitionState,
  ProducePart,
  ProduceRequestState,
  ProducerBatch,
  ProducerState,
} from './state'
import type { KafkaError } from './types'

export function producerTickMs(spec: ProducerSpec): number {
  return Math.max(100, spec.config['linger.ms'])
}

function producerSpec(ctx: Ctx, producer: ProducerState): ProducerSpec {
  return producerSpecOf(ctx, producer)
}

interface TopicLeaders {
  version: number
  leaders: number[]
  epochs: number[]
}

/**
 * The leader (and its epoch) of every partition of `topic` as a metadata cache at `version`
 * names them. Leaders at a version never change once it exists (each change gets a new version),
 * so the result is cached per topic and brought forward through `metadataChanges`; callers must
 * not mutate it.
 */
function topicLeadersAtVersion(ctx: Ctx, topic: number, version: number): TopicLeaders {
  const first = ctx.s.topicFirstPartition[topic] as number
  const count = (ctx.spec.topics[topic] as { partitions: number }).partitions
  const cached = ctx.topicLeaders[topic]
  let result: TopicLeaders
  if (cached !== undefined && cached.version === version) result = cached
  else if (cached !== undefined && cached.version >= 0 && cached.version < version) {
    // Version 0 is the initial state, which is not in metadataChanges; -1 knows nothing.
    result = { version, leaders: cached.leaders.slice(), epochs: cached.epochs.slice() }
    for (let v = cached.version + 1; v <= version; v++) {
      const p = ctx.s.metadataChanges[v - 1] as PartitionIndex
      if (p >= first && p < first + count) {
        const part = partitionAt(ctx, p)
        result.leaders[p - first] = leaderAtVersion(part, version)
        result.epochs[p - first] = leaderEpochAtVersion(part, version)
      }
    }
  } else {
    result = { version, leaders: new Array<number>(count), epochs: new Array<number>(count) }
    for (let i = 0; i < count; i++) {
      const part = partitionAt(ctx, asPartitionIndex(first + i))
      result.leaders[i] = leaderAtVersion(part, version)
      result.epochs[i] = leaderEpochAtVersion(part, version)
    }
  }
  ctx.topicLeaders[topic] = result
  if (ctx.checkInvariants) {
    // Tests: the cached answer must equal a fresh lookup of every partition.
    for (let i = 0; i < count; i++) {
      const part = partitionAt(ctx, asPartitionIndex(first + i))
      if (
        result.leaders[i] !== leaderAtVersion(part, version) ||
        result.epochs[i] !== leaderEpochAtVersion(part, version)
      ) {
        emit(ctx, {
          atMs: ctx.s.nowMs,
          type: 'InvariantViolated',
          message: `cached metadata names a stale leader for partition ${first + i} at version ${version}`,
        })
        if (ctx.throwOnViolation) throw new Error('stale cached topic leaders')
      }
    }
  }
  return result
}

// ---------------------------------------------------------------------------------------------
// Network events, for producers and consumers alike
// ---------------------------------------------------------------------------------------------

/** A connection attempt's outcome is due (EV.connectCheck). */
export function onConnectCheck(ctx: Ctx, code: number, k: number, gen: number): void {
  const outcome = checkConnect(ctx, code, k, gen)
  if (outcome === 'pending') return
  if (outcome === 'ready') {
    maybeUpdateMetadata(ctx, code)
    const { kind, index } = decodeClientCode(code)
    if (kind === 'producer') drain(ctx, producerAt(ctx, asProducerIndex(index)))
    else memberStep(ctx, consumerAt(ctx, asConsumerIndex(index)))
    return
  }
  closeConnection(ctx, code, k, outcome)
}

/**
 * A connection closes: the network layer's state and lines, then the requests in flight on it
 * cancelled (NetworkClient.cancelInFlightRequests) and a metadata update requested.
 */
function closeConnection(
  ctx: Ctx,
  code: number,
  k: number,
  cause: DisconnectCause,
  deferred: CancelledRequest[] | null = null,
): void {
  const { net, kind, index } = resolveClient(ctx, code)
  const conn = net.conns[k] as ClientConnection
  const oldGen = conn.gen
  const inFlight = disconnected(ctx, code, k, cause)
  if (kind === 'producer') {
    const producer = producerAt(ctx, asProducerIndex(index))
    if (inFlight > 0) cancelInFlight(ctx, producer, k, oldGen, cause, deferred)
    // Wake the sender when it may connect again, if batches wait.
    if (producer.ready.length > 0)
      at(ctx, conn.reconnectBackoffMs, EV.producerDrain, producer.index)
  } else {
    groupConnectionClosed(ctx, consumerAt(ctx, asConsumerIndex(index)), k)
  }
  requestMetadataUpdate(ctx, code)
}

/**
 * A broker process stopped on a running host: the host resets its connections, and every client
 * holding one to that process (generation `brokerGen`) sees the disconnect.
 */
export function onBrokerSocketsClosed(ctx: Ctx, b: BrokerIndex, brokerGen: number): void {
  for (const producer of ctx.s.producers)
    resetConnectionsTo(ctx, clientCode('producer', producer.index), producer, b, brokerGen)
  for (const consumer of ctx.s.consumers)
    resetConnectionsTo(ctx, clientCode('consumer', consumer.index), consumer, b, brokerGen)
}

function resetConnectionsTo(
  ctx: Ctx,
  code: number,
  net: ClientNetState,
  b: BrokerIndex,
  brokerGen: number,
): void {
  const spec = ctx.spec.clients[(net as ClientNetState & { client: number }).client] as ClientSpecOf
  for (let k = 0; k < net.conns.length; k++) {
    const conn = net.conns[k] as ClientConnection
    if (conn.state === CONN_DISCONNECTED || conn.brokerGen !== brokerGen) continue
    if (nodeBroker(ctx, spec, k) !== b) continue
    // A connection still being set up learns of it at its own check (refused).
    if (conn.state !== 2) continue
    closeConnection(ctx, code, k, 'reset')
  }
}

export function onMetadataResponse(ctx: Ctx, code: number, k: number, gen: number): void {
  if (!takeMetadataResponse(ctx, code, k, gen)) return
  const { net, spec, kind, index } = resolveClient(ctx, code)
  const b = nodeBroker(ctx, spec, k)
  // The first response always counts as a change (every epoch is new to the client).
  const firstResponse = !net.connected
  if (!net.connected) {
    net.connected = true
    emit(ctx, {
      atMs: ctx.s.nowMs,
      type: 'ClientConnected',
      client: spec.id,
      broker: brokerAt(ctx, b).id,
    })
    // Metadata.update logs the cluster id the first time it learns it.
    clientLog(ctx, spec, 'INFO', LOGGER.metadata, 'Cluster ID: kafka-ha-lab')
  }
  const topic =
    kind === 'producer'
      ? producerAt(ctx, asProducerIndex(index)).topic
      : consumerAt(ctx, asConsumerIndex(index)).topic
  const view = topicLeadersAtVersion(ctx, topic, metadataVersionSeenBy(ctx, b))
  if (kind === 'producer') {
    const producer = producerAt(ctx, asProducerIndex(index))
    const changed = takeLeaders(view, producer.metadata, producer.leaderEpochs) || firstResponse
    metadataUpdated(ctx, code, changed)
    drain(ctx, producer)
  } else {
    const consumer = consumerAt(ctx, asConsumerIndex(index))
    consumer.metadata ??= new Array<number>(view.leaders.length).fill(-1)
    const changed = takeLeaders(view, consumer.metadata, consumer.metadataEpochs) || firstResponse
    metadataUpdated(ctx, code, changed)
    if (consumer.gm !== null) memberStep(ctx, consumer)
  }
}

/**
 * Metadata.updateLatestMetadata, for producers and consumers alike: each partition takes the
 * response's leader unless the response's epoch is older than the one the client knows (a stale
 * broker cannot move a client back). True when some partition's epoch moved on (or was first
 * seen), which ends a run of equivalent responses (KIP-580's equivalentResponseCount).
 */
function takeLeaders(
  view: TopicLeaders,
  leaders: number[] | Int32Array,
  epochs: number[] | Int32Array,
): boolean {
  let changed = false
  for (let i = 0; i < view.leaders.length; i++) {
    const epoch = view.epochs[i] as number
    const known = epochs[i] as number
    if (epoch < known) continue
    if (epoch !== known || leaders[i] !== view.leaders[i]) changed = true
    leaders[i] = view.leaders[i] as number
    epochs[i] = epoch
  }
  return changed
}

/** A metadata update may be allowed now (EV.metadataRetry). */
export { onMetadataPoll } from './client-network'

// ---------------------------------------------------------------------------------------------
// The producer
// ---------------------------------------------------------------------------------------------

/**
 * NetworkClient.handleTimedOutRequests: a request in flight past `request.timeout.ms` closes its
 * connection, and every request on it fails with REQUEST_TIMED_OUT. Checked on each tick.
 */
function expireRequests(ctx: Ctx, producer: ProducerState): void {
  const timeout = producerSpec(ctx, producer).config['request.timeout.ms']
  const now = ctx.s.nowMs
  const requests = producer.requests
  compactRequests(producer)
  // InFlightRequests.nodesWithTimedOutRequests: every node with a request past the timeout, found
  // before any is closed (closing one cancels its requests, which changes the list).
  let timedOut: BrokerIndex[] | null = null
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i] as ProduceRequestState
    if (request.closed) continue
    if (now - request.sentAtMs < timeout) break
    const conn = producer.conns[request.brokerIndex] as ClientConnection
    if (conn.gen !== request.connGen) continue
    timedOut ??= []
    if (!timedOut.includes(request.brokerIndex)) timedOut.push(request.brokerIndex)
  }
  if (timedOut !== null) {
    // One poll: every node's disconnect and cancel lines first, then the callbacks of all the
    // cancelled requests (NetworkClient.poll: handleTimedOutRequests, then completeResponses).
    const deferred: CancelledRequest[] = []
    for (const b of timedOut)
      closeConnection(ctx, clientCode('producer', producer.index), b, 'request-timeout', deferred)
    for (const c of deferred) completeRequest(ctx, producer, c.request, c.error, c.message)
    dropClosedFront(producer)
  }
  if (!producer.metadataInFlight) return
  const k = expiredMetadataNode(ctx, clientCode('producer', producer.index))
  if (k >= 0) closeConnection(ctx, clientCode('producer', producer.index), k, 'request-timeout')
}

/** The producer's tick: new records become a batch, expired batches fail, queues drain. */
export function producerTick(ctx: Ctx, producer: ProducerState, life = producer.life): void {
  if (life !== producer.life || !producer.alive) return
  const spec = producerSpec(ctx, producer)
  const tick = producerTickMs(spec)
  const now = ctx.s.nowMs
  at(ctx, tick, EV.producerTick, producer.index, life)
  // maybeUpdateMetadata's own first checks, here so the common tick (nothing due) costs nothing.
  if (
    !producer.metadataInFlight &&
    (producer.needMetadata ||
      now - producer.lastSuccessfulRefreshMs >= spec.config['metadata.max.age.ms'])
  )
    maybeUpdateMetadata(ctx, clientCode('producer', producer.index))
  if (!producer.connected) {
    producer.blockedSinceMs = blockSend(ctx, producer, spec, producer.blockedSinceMs, (limit) =>
      metadataTimeout(ctx, producer, limit),
    )
    return
  }
  producer.blockedSinceMs = -1
  producer.carryMilli += Math.round(spec.recordsPerSecond * tick)
  const records = Math.floor(producer.carryMilli / 1000)
  producer.carryMilli -= records * 1000
  const partitions = producer.queues.length
  let batch: ProducerBatch | null = null
  const bytes = records > 0 ? recordBytes(spec, records) : 0
  if (records > 0 && producer.bufferUsed + bytes > spec.config['buffer.memory']) {
    producer.bufferBlockedSinceMs = blockSend(
      ctx,
      producer,
      spec,
      producer.bufferBlockedSinceMs,
      (limit) => bufferExhausted(spec, producer, limit),
    )
  } else if (records > 0 && partitions > 0) {
    producer.bufferBlockedSinceMs = -1
    producer.bufferUsed += bytes
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
    batch = { p, records, baseSequence: seq, createdAtMs: now, attempts: 0, expired: false }
    producer.sent += records
    ctx.s.counters.produced += records
  }
  // Sender.runOnce: sendProducerData expires batches in flight before poll times requests out.
  if (now >= producer.inFlightExpiryMs) expireInFlight(ctx, producer)
  if (spec.config.acks !== 0) expireRequests(ctx, producer)
  expireBatches(ctx, producer)
  if (batch !== null) {
    // The usual case: nothing else waits and the partition can take a request now, so the
    // batch goes straight out, as drain would send it, without passing through its queue (one
    // of 1,000 small arrays per producer, cold by the partition's next batch). A new batch
    // cannot have expired, and batches re-queued above for a retry go before it either way.
    const i = batch.p
    const leaderId = producer.metadata[i] ?? -1
    if (producer.ready.length === 0 && producer.inFlight[i] === null && leaderId >= 0) {
      const b = brokerIdx(ctx, leaderId)
      const conn = producer.conns[b] as ClientConnection
      if (canSendRequest(conn, spec.config['max.in.flight.requests.per.connection'])) {
        sendRequest(ctx, producer, b, [newPart(producer, i, [batch])])
        return
      }
    }
    insertSorted(producer.ready, i)
    ;(producer.queues[i] as ProducerState['queues'][number]).push(batch)
  }
  drain(ctx, producer)
}

/**
 * send() blocks the application's thread for up to `max.block.ms` — without metadata for its
 * topic (KafkaProducer.waitOnMetadata) or without free buffer memory (BufferPool.allocate) —
 * then fails that record (KafkaProducer.doSend: the callback gets `exception`, send() returns a
 * failed future); the thread produces nothing meanwhile, and blocks again on its next record.
 * Takes and returns the time the current block began (-1: not blocked).
 */
function blockSend(
  ctx: Ctx,
  producer: ProducerState,
  spec: ProducerSpec,
  sinceMs: number,
  exception: (limitMs: number) => string,
): number {
  const now = ctx.s.nowMs
  if (sinceMs < 0) return now
  const limit = spec.config['max.block.ms']
  if (now - sinceMs < limit) return sinceMs
  producer.sent += 1
  ctx.s.counters.produced += 1
  failBatch(ctx, producer, -1, 1, 'REQUEST_TIMED_OUT', exception(limit), 'Send callback got')
  return now
}

function metadataTimeout(ctx: Ctx, producer: ProducerState, limitMs: number): string {
  return `org.apache.kafka.common.errors.TimeoutException: Topic ${topicOf(ctx, producer.firstPartition).name} not present in metadata after ${limitMs} ms.`
}

function bufferExhausted(spec: ProducerSpec, producer: ProducerState, limitMs: number): string {
  const total = spec.config['buffer.memory']
  const size = spec.config['batch.size']
  return `org.apache.kafka.clients.producer.BufferExhaustedException: Failed to allocate ${size} bytes within the configured max blocking time ${limitMs} ms. Total memory: ${total} bytes. Available memory: ${Math.max(0, total - producer.bufferUsed)} bytes. Poolable size: ${size} bytes`
}

/**
 * The buffer memory a batch holds (BufferPool): its records' bytes (the producer's recordBytes,
 * 1 KiB unless the scenario sets it). Kafka
 * allocates batch.size buffers, but a partition's open batch keeps taking records until it is
 * full, so the records waiting for a partition fill whole buffers but for the last one; the
 * simulator's per-tick batches are not split into batch.size pieces.
 */
function recordBytes(spec: ProducerSpec, records: number): number {
  return records * (spec.recordBytes ?? DEFAULT_RECORD_BYTES)
}

export { DEFAULT_RECORD_BYTES } from './spec'

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
      expireBatch(ctx, producer, batch, now)
    }
    if (queue.length === 0) removeAt(ready, k)
    else k++
  }
}

/** Sender.sendProducerData's expiry: the batch fails with Kafka's TimeoutException. */
function expireBatch(ctx: Ctx, producer: ProducerState, batch: ProducerBatch, now: number): void {
  failBatch(
    ctx,
    producer,
    batch.p,
    batch.records,
    'REQUEST_TIMED_OUT',
    `org.apache.kafka.common.errors.TimeoutException: Expiring ${batch.records} record(s) for ${partitionName(ctx, producer.firstPartition + batch.p)}:${now - batch.createdAtMs} ms has passed since batch creation`,
    'Send callback',
    batch.createdAtMs,
  )
}

/**
 * Sender.getExpiredInflightBatches: a batch whose request is still in flight fails at
 * delivery.timeout.ms as well, with the same TimeoutException; the request keeps its slot until
 * it is answered or times out, and its answer then no longer counts for that batch.
 */
function expireInFlight(ctx: Ctx, producer: ProducerState): void {
  const limit = producerSpec(ctx, producer).config['delivery.timeout.ms']
  const now = ctx.s.nowMs
  let next = Number.MAX_SAFE_INTEGER
  for (const request of producer.requests) {
    if (request.closed) continue
    for (const part of request.parts)
      for (const batch of part.batches) {
        if (batch.expired) continue
        if (now - batch.createdAtMs < limit) {
          next = Math.min(next, batch.createdAtMs + limit)
          continue
        }
        batch.expired = true
        expireBatch(ctx, producer, batch, now)
      }
  }
  producer.inFlightExpiryMs = next
}

/**
 * Sender.failBatch: the records are lost to the application, which learns it in its send
 * callback. Kafka's producer logs nothing here; the line is the exception the callback receives.
 */
function failBatch(
  ctx: Ctx,
  producer: ProducerState,
  localP: number,
  records: number,
  error: KafkaError,
  exception: string,
  how = 'Send callback',
  createdAtMs = ctx.s.nowMs,
): void {
  const spec = producerSpec(ctx, producer)
  if (localP >= 0) {
    noteClientWait(ctx, producer.firstPartition + localP, createdAtMs)
    producer.bufferUsed -= recordBytes(spec, records)
  }
  producer.failed += records
  ctx.s.counters.failed += records
  emit(ctx, {
    atMs: ctx.s.nowMs,
    type: 'RecordsExpired',
    client: spec.id,
    topic: topicOf(ctx, producer.firstPartition).name,
    // -1: send() itself failed, before a partition was chosen.
    partition: localP,
    records,
    error,
  })
  clientLog(
    ctx,
    spec,
    'ERROR',
    LOGGER.application,
    how === 'Send callback'
      ? `Send callback for ${records} record(s) to ${partitionName(ctx, producer.firstPartition + localP)} got ${exception}`
      : `${how} ${exception}`,
  )
}

/** A partition's part of a request: its queued batches, not yet settled by the broker. */
function newPart(producer: ProducerState, i: number, batches: ProducerBatch[]): ProducePart {
  return {
    p: asPartitionIndex(producer.firstPartition + i),
    lp: i,
    batches,
    done: false,
    error: null,
    baseOffset: -1,
    currentLeaderId: -1,
    currentLeaderEpoch: -1,
  }
}

/**
 * Sender.sendProduceRequest: one request to broker `b`, on its ready connection, carrying
 * `parts` (every partition drained for `b`).
 */
function sendRequest(
  ctx: Ctx,
  producer: ProducerState,
  b: BrokerIndex,
  parts: ProducePart[],
): void {
  const now = ctx.s.nowMs
  const conn = producer.conns[b] as ClientConnection
  const config = producerSpec(ctx, producer).config
  const request: ProduceRequestState = {
    id: producer.nextRequestId++,
    brokerIndex: b,
    parts,
    pending: parts.length,
    sentAtMs: now,
    done: false,
    closed: false,
    connGen: conn.gen,
  }
  // Indexed loops on this path: an unoptimised for-of allocates an iterator result per step.
  for (let n = 0; n < parts.length; n++) {
    const part = parts[n] as ProducePart
    const batches = part.batches
    for (let k = 0; k < batches.length; k++) (batches[k] as ProducerBatch).attempts += 1
    producer.retryEpoch[part.lp] = producer.leaderEpochs[part.lp] as number
    producer.inFlight[part.lp] = request
    const expiry = (part.batches[0] as ProducerBatch).createdAtMs + config['delivery.timeout.ms']
    if (expiry < producer.inFlightExpiryMs) producer.inFlightExpiryMs = expiry
  }
  producer.requests.push(request)
  producer.openRequests += 1
  // acks=0 expects no answer: the request is done once written and holds no slot.
  if (config.acks !== 0) conn.inFlight += 1
  const first = parts[0] as ProducePart
  // With a broker type, the request also waits in the broker's queue (capacity/saturation.ts).
  const queued = ctx.capacity === null ? 0 : queueDelayMs(ctx, b)
  at(ctx, ctx.latencyClientMs + queued, EV.produceArrive, producer.index, request.id, first.lp)
}

/**
 * Sender.sendProducerData: a ready partition's batches go out when its leader is known and the
 * connection to it can take a request; for a leader not connected, a connection is started once
 * its reconnect backoff has passed (NetworkClient.ready). Batches waiting for a connection cost
 * no attempt. Partitions in retry backoff wait, unless (3.7, KIP-951) their leader changed
 * since the failed attempt (RecordAccumulator.shouldBackoff). Every partition drained for one
 * broker goes in one request (RecordAccumulator.drain, Sender.sendProduceRequests), so the
 * request takes one of the connection's in-flight slots and its answer waits for all of them.
 */
export function drain(ctx: Ctx, producer: ProducerState): void {
  // The usual call, after an answer with nothing waiting: nothing to look up.
  if (producer.ready.length === 0) return
  const now = ctx.s.nowMs
  const spec = producerSpec(ctx, producer)
  const limit = spec.config['max.in.flight.requests.per.connection']
  const skipBackoffOnNewLeader = clientRules(ctx).leaderDiscoveryInResponses
  let needMetadata = false
  const ready = producer.ready
  // The requests being filled: their brokers, in the order each was first drained, and parts.
  let brokers: BrokerIndex[] | null = null
  let partsOf: ProducePart[][] | null = null
  // Sent partitions leave `ready` as the loop goes; `k` moves on only past the ones that stay.
  for (let k = 0; k < ready.length;) {
    const i = ready[k] as number
    const queue = producer.queues[i] as ProducerState['queues'][number]
    if (queue.length === 0 || producer.inFlight[i] !== null) {
      k++
      continue
    }
    if (
      (producer.backoffUntilMs[i] as number) > now &&
      !(skipBackoffOnNewLeader && producer.leaderEpochs[i] !== producer.retryEpoch[i])
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
    const b = brokerIdx(ctx, leaderId)
    let slot = brokers === null ? -1 : brokers.indexOf(b)
    if (slot < 0) {
      const conn = producer.conns[b] as ClientConnection
      if (!canSendRequest(conn, limit)) {
        if (canConnect(conn, now)) initiateConnect(ctx, clientCode('producer', producer.index), b)
        k++
        continue
      }
      brokers ??= []
      partsOf ??= []
      slot = brokers.length
      brokers.push(b)
      partsOf.push([])
    }
    // The request takes a copy; emptying in place keeps the queue's storage for the next batches.
    const batches = queue.slice()
    clearArray(queue)
    removeAt(ready, k)
    ;(partsOf as ProducePart[][])[slot]?.push(newPart(producer, i, batches))
  }
  if (brokers !== null && partsOf !== null) {
    // Sender.sendProduceRequests goes through RecordAccumulator.drain's HashMap by node id.
    const order =
      brokers.length === 1 ? [0] : javaHashMapPutOrder(brokers.map((b) => brokerAt(ctx, b).id))
    for (const n of order)
      sendRequest(ctx, producer, brokers[n] as BrokerIndex, partsOf[n] as ProducePart[])
  }
  if (needMetadata) requestMetadataUpdate(ctx, clientCode('producer', producer.index))
}

function requestById(producer: ProducerState, id: number, lp: number): ProduceRequestState | null {
  const r = producer.inFlight[lp]
  return r !== null && r !== undefined && r.id === id ? r : null
}

export function onProduceArrive(ctx: Ctx, producer: ProducerState, id: number, lp: number): void {
  const request = requestById(producer, id, lp)
  if (request === null || request.done || request.closed) return
  const spec = producerSpec(ctx, producer)
  const b = request.brokerIndex
  const parts = request.parts
  if (delivered(ctx, producer, request)) {
    for (let n = 0; n < parts.length; n++)
      handleProduce(ctx, producer, request, parts[n] as ProducePart, b)
  } else if (spec.config.acks !== 0) {
    return // the client times out, or the reset cancelled it
  } else {
    // acks=0 expects no answer: NetworkClient completes the request once it is written, and the
    // send callback reports success. The broker never got it: the records count as
    // acknowledged records the log does not have.
    for (const part of parts)
      for (const batch of part.batches)
        if (!batch.expired) recordAck(ctx, producer, part.p, batch.baseSequence, -1, batch.records)
  }
  if (spec.config.acks === 0) {
    // The send callback fires once the request is written.
    for (const part of request.parts) {
      const oldest = (part.batches[0] as { createdAtMs: number }).createdAtMs
      noteClientWait(ctx, part.p, oldest)
      if (ctx.s.openFailovers.length > 0) noteFailoverAck(ctx, part.p, oldest)
      for (const batch of part.batches) {
        if (batch.expired) continue
        producer.bufferUsed -= recordBytes(spec, batch.records)
        recordLatency(producer.latency, ctx.s.nowMs - batch.createdAtMs, batch.records)
        recordLatency(ctx.s.intervalLatency, ctx.s.nowMs - batch.createdAtMs, batch.records)
      }
    }
    finishRequest(producer, request)
    dropClosedFront(producer)
    drain(ctx, producer)
  }
}

/**
 * Whether a request reaches its broker: not when its connection closed meanwhile, when the
 * process it connected to has restarted (the host resets the connection, here), or when the link
 * is down (it is lost on the way).
 */
function delivered(ctx: Ctx, producer: ProducerState, request: ProduceRequestState): boolean {
  const b = request.brokerIndex
  const conn = producer.conns[b] as ClientConnection
  if (conn.gen !== request.connGen) return false
  const broker = brokerAt(ctx, b)
  if (broker.hostUp && broker.gen !== conn.brokerGen && !broker.isolatedFrom.includes('clients')) {
    if (conn.state === 2) closeConnection(ctx, clientCode('producer', producer.index), b, 'reset')
    return false
  }
  return clientToBroker(ctx, b)
}

function finishRequest(producer: ProducerState, request: ProduceRequestState): void {
  if (!request.closed) producer.openRequests -= 1
  const parts = request.parts
  for (let n = 0; n < parts.length; n++) {
    const lp = (parts[n] as ProducePart).lp
    if (producer.inFlight[lp] === request) producer.inFlight[lp] = null
  }
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

/**
 * Removes the closed requests from `requests` once they outnumber the open ones (they pile up
 * behind a request that waits long, such as one sent to a host that went away), so walks of the
 * list stay proportional to what is in flight. Called from the tick only, never during a walk.
 */
function compactRequests(producer: ProducerState): void {
  const requests = producer.requests
  dropClosedFront(producer)
  if (requests.length <= 2 * producer.openRequests + 16) return
  let n = 0
  for (let i = 0; i < requests.length; i++) {
    const request = requests[i] as ProduceRequestState
    if (!request.closed) requests[n++] = request
  }
  requests.length = n
}

/** The broker's answer reaches the producer (EV.produceResponse), unless the link is down. */
export function onProduceResponse(ctx: Ctx, producer: ProducerState, id: number, lp: number): void {
  const request = requestById(producer, id, lp)
  if (request === null || request.closed || !request.done) return
  const conn = producer.conns[request.brokerIndex] as ClientConnection
  if (conn.gen !== request.connGen) return
  // The answer is lost when the link is down: the request times out.
  if (!clientToBroker(ctx, request.brokerIndex)) return
  conn.inFlight = Math.max(0, conn.inFlight - 1)
  completeRequest(ctx, producer, request, null, null)
  dropClosedFront(producer)
  // Sender.runOnce: the answers handled, sendProducerData drains what is ready again.
  drain(ctx, producer)
}

/** A request a disconnect cancelled, whose callback has not run yet. */
interface CancelledRequest {
  request: ProduceRequestState
  error: KafkaError
  message: string
}

/**
 * NetworkClient.cancelInFlightRequests: every request in flight on connection `k` (of generation
 * `connGen`) ends with NETWORK_EXCEPTION ("Disconnected from node N") or, after a request timeout,
 * REQUEST_TIMED_OUT ("Disconnected from node N due to timeout"); its callback runs now, or later
 * when `deferred` collects it.
 */
function cancelInFlight(
  ctx: Ctx,
  producer: ProducerState,
  k: number,
  connGen: number,
  cause: DisconnectCause,
  deferred: CancelledRequest[] | null,
): void {
  const spec = producerSpec(ctx, producer)
  const now = ctx.s.nowMs
  const timedOut = cause === 'request-timeout'
  const brokerId = brokerAt(ctx, asBrokerIndex(k)).id
  const cancelled: ProduceRequestState[] = []
  for (const request of producer.requests)
    if (!request.closed && request.brokerIndex === k && request.connGen === connGen)
      cancelled.push(request)
  // NetworkClient.cancelInFlightRequests; the ClientRequest is created when it is sent, and the
  // throttle time is printed from 3.8.
  const throttle = atLeast(clientRules(ctx).version, '3.8') ? 'throttle time: 0ms, ' : ''
  for (const request of cancelled) {
    const elapsed = now - request.sentAtMs
    clientLog(
      ctx,
      spec,
      'INFO',
      LOGGER.network,
      `Cancelled in-flight PRODUCE request with correlation id ${request.id} due to node ${brokerId} being disconnected (elapsed time since creation: ${elapsed}ms, elapsed time since send: ${elapsed}ms, ${throttle}request timeout: ${spec.config['request.timeout.ms']}ms)`,
    )
  }
  const error = timedOut ? 'REQUEST_TIMED_OUT' : 'NETWORK_EXCEPTION'
  const message = timedOut
    ? `Disconnected from node ${brokerId} due to timeout`
    : `Disconnected from node ${brokerId}`
  // With `deferred`, the caller runs the callbacks once every node of its poll is handled.
  if (deferred !== null) {
    for (const request of cancelled) deferred.push({ request, error, message })
    return
  }
  for (const request of cancelled) completeRequest(ctx, producer, request, error, message)
  dropClosedFront(producer)
}

/** The exception class Kafka's Errors maps each error to (Errors.java). */
const EXCEPTION: Partial<Record<KafkaError, string>> = {
  NOT_LEADER_OR_FOLLOWER: 'NotLeaderOrFollowerException',
  NETWORK_EXCEPTION: 'NetworkException',
  REQUEST_TIMED_OUT: 'TimeoutException',
  NOT_ENOUGH_REPLICAS: 'NotEnoughReplicasException',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 'NotEnoughReplicasAfterAppendException',
  LEADER_NOT_AVAILABLE: 'LeaderNotAvailableException',
}

/** Errors.java's default messages, the exception text when the broker sends none. */
const DEFAULT_MESSAGE: Partial<Record<KafkaError, string>> = {
  NOT_LEADER_OR_FOLLOWER:
    'For requests intended only for the leader, this error indicates that the broker is not the current leader. For requests intended for any replica, this error indicates that the broker is not a replica of the topic partition.',
  NETWORK_EXCEPTION: 'The server disconnected before a response was received.',
  REQUEST_TIMED_OUT: 'The request timed out.',
  NOT_ENOUGH_REPLICAS:
    'Messages are rejected since there are fewer in-sync replicas than required.',
  NOT_ENOUGH_REPLICAS_AFTER_APPEND:
    'Messages are written to the log, but to fewer in-sync replicas than required.',
  LEADER_NOT_AVAILABLE:
    'There is no leader for this topic-partition as we are in the middle of a leadership election.',
}

/** InvalidMetadataException subclasses: the producer requests a metadata update after them. */
function invalidMetadata(error: KafkaError): boolean {
  return (
    error === 'NOT_LEADER_OR_FOLLOWER' ||
    error === 'LEADER_NOT_AVAILABLE' ||
    error === 'NETWORK_EXCEPTION'
  )
}

/**
 * Sender.handleProduceResponse: every partition of the request completes (Sender.completeBatch).
 * `error` non-null fails them all with it and `message` (a disconnect or a request timeout); null
 * takes each partition's own result from the broker's answer.
 */
function completeRequest(
  ctx: Ctx,
  producer: ProducerState,
  request: ProduceRequestState,
  error: KafkaError | null,
  message: string | null,
): void {
  finishRequest(producer, request)
  const parts = request.parts
  // A failed request completes its batches in the order of Sender.sendProduceRequest's
  // recordsByPartition, a HashMap of TopicPartition; an answer, in the broker's order, which is
  // taken here as the order sent.
  const order = error !== null && parts.length > 1 ? failureOrder(ctx, producer, parts) : null
  for (let n = 0; n < parts.length; n++) {
    const part = parts[order === null ? n : (order[n] as number)] as ProducePart
    completePart(ctx, producer, request, part, error ?? part.error, error === null ? null : message)
  }
}

/** Indexes of `parts` in the order recordsByPartition (a HashMap of TopicPartition) holds them. */
function failureOrder(ctx: Ctx, producer: ProducerState, parts: ProducePart[]): number[] {
  const topic = topicOf(ctx, producer.firstPartition).name
  return javaHashMapPutOrder(
    parts.map((part) => topicPartitionHash(topic, part.lp)),
    parts.length,
  )
}

/**
 * Sender.completeBatch: success, retry with backoff, or fail. `message` is the error message
 * the response carries (null: none, as brokers send for these errors).
 */
function completePart(
  ctx: Ctx,
  producer: ProducerState,
  request: ProduceRequestState,
  part: ProducePart,
  error: KafkaError | null,
  message: string | null,
): void {
  const spec = producerSpec(ctx, producer)
  const p = part.p
  const lp = part.lp
  const now = ctx.s.nowMs
  // Batches that expired in flight were already failed to the application (a loop, not a
  // filter: this runs for every answer, and almost never finds one).
  let expired = 0
  let oldest = -1
  const batches = part.batches
  for (let k = 0; k < batches.length; k++) {
    const batch = batches[k] as ProducerBatch
    if (batch.expired) expired++
    else if (oldest < 0) oldest = batch.createdAtMs
  }
  if (expired > 0) {
    const live = part.batches.filter((batch) => !batch.expired)
    if (live.length === 0) return
    if (error !== null) part.batches = live
  }
  if (error === null) {
    noteClientWait(ctx, p, oldest)
    if (ctx.s.openFailovers.length > 0) noteFailoverAck(ctx, p, oldest)
    let offset = part.baseOffset
    for (let k = 0; k < part.batches.length; k++) {
      const batch = part.batches[k] as ProducerBatch
      if (batch.expired) {
        offset += batch.records
        continue
      }
      recordAck(ctx, producer, p, batch.baseSequence, offset, batch.records)
      producer.bufferUsed -= recordBytes(spec, batch.records)
      recordLatency(producer.latency, now - batch.createdAtMs, batch.records)
      recordLatency(ctx.s.intervalLatency, now - batch.createdAtMs, batch.records)
      offset += batch.records
    }
    return
  }
  producer.errors[error] = (producer.errors[error] ?? 0) + 1
  const name = partitionName(ctx, p)
  const records = part.batches.reduce((n, b) => n + b.records, 0)
  const attempts = part.batches[0]?.attempts ?? 1
  const retriesLeft = spec.config.retries - (attempts - 1)
  // A loop, not a closure: one capturing `now` and `spec` would make V8 allocate a context for
  // this function's variables on every response, successful ones included.
  let deliveryOk = true
  for (const b of part.batches)
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
  const formatted = message === null ? error : `${error}. Error Message: ${message}`
  if (retry) {
    clientLog(
      ctx,
      spec,
      'WARN',
      LOGGER.sender,
      `Got error produce response with correlation id ${request.id} on topic-partition ${name}, retrying (${retriesLeft - 1} attempts left). Error: ${formatted}`,
    )
    const queue = producer.queues[lp] as ProducerState['queues'][number]
    queue.unshift(...part.batches)
    insertSorted(producer.ready, lp)
    producer.backoffUntilMs[lp] = now + retryBackoffMs(ctx, spec, attempts)
    at(ctx, producer.backoffUntilMs[lp] - now, EV.producerDrain, producer.index)
  } else {
    const exception = `org.apache.kafka.common.errors.${EXCEPTION[error] ?? 'KafkaException'}: ${message ?? DEFAULT_MESSAGE[error] ?? error}`
    for (const batch of part.batches)
      failBatch(
        ctx,
        producer,
        batch.p,
        batch.records,
        error,
        exception,
        'Send callback',
        batch.createdAtMs,
      )
  }
  if (invalidMetadata(error)) {
    clientLog(
      ctx,
      spec,
      'WARN',
      LOGGER.sender,
      `Received invalid metadata error in produce request on partition ${name} due to org.apache.kafka.common.errors.${EXCEPTION[error] as string}: ${message ?? (DEFAULT_MESSAGE[error] as string)}${atLeast(clientRules(ctx).version, '3.8') ? '' : '.'} Going to request metadata update now`,
    )
    if (
      error === 'NOT_LEADER_OR_FOLLOWER' &&
      clientRules(ctx).leaderDiscoveryInResponses &&
      part.currentLeaderId >= 0 &&
      part.currentLeaderEpoch > (producer.leaderEpochs[lp] as number)
    ) {
      // KIP-951 (3.7): the response names the new leader; Metadata.updatePartitionLeadership
      // takes it, and the retry goes there without waiting for its backoff.
      producer.metadata[lp] = part.currentLeaderId
      producer.leaderEpochs[lp] = part.currentLeaderEpoch
      at(ctx, 0, EV.producerDrain, producer.index)
    }
    requestMetadataUpdate(ctx, clientCode('producer', producer.index))
  }
}

/**
 * RecordAccumulator's retry backoff: from 3.7 (KIP-580) ExponentialBackoff(retry.backoff.ms, 2,
 * retry.backoff.max.ms, 0.2) at attempts − 1; before, a constant retry.backoff.ms.
 */
function retryBackoffMs(ctx: Ctx, spec: ProducerSpec, attempts: number): number {
  const base = spec.config['retry.backoff.ms']
  if (!clientRules(ctx).exponentialRetryBackoff) return base
  return exponentialBackoff(ctx.s.prng, base, spec.config['retry.backoff.max.ms'], attempts - 1)
}

// ---------------------------------------------------------------------------------------------
// Client processes (crashClient, startClient)
// ---------------------------------------------------------------------------------------------

/**
 * The application process of a producer, or of one member of a consumer entry, dies: what the
 * producer held and had not had acknowledged is gone with it (never acknowledged, so no
 * acknowledged record is lost); a group member simply stops, and its coordinator notices only
 * when its session times out.
 */
export function crashClient(ctx: Ctx, id: string, member: number): void {
  const client = ctx.spec.clients.findIndex((c) => c.id === id)
  for (const producer of ctx.s.producers) {
    if (producer.client !== client || !producer.alive) continue
    producer.alive = false
    producer.life += 1
    let held = 0
    for (const queue of producer.queues) {
      for (const batch of queue) held += batch.records
      queue.length = 0
    }
    for (const request of producer.requests) {
      if (request.closed) continue
      for (const part of request.parts) for (const batch of part.batches) held += batch.records
      request.closed = true
    }
    producer.lostAtCrash += held
    producer.requests.length = 0
    producer.openRequests = 0
    producer.inFlight.fill(null)
    clearArray(producer.ready)
    producer.bufferUsed = 0
    producer.blockedSinceMs = -1
    producer.bufferBlockedSinceMs = -1
    producer.metadata.fill(-1)
    producer.leaderEpochs.fill(-1)
    resetClientNet(producer, producerSpec(ctx, producer).config)
  }
  for (const consumer of ctx.s.consumers) {
    if (consumer.client !== client || consumer.member !== member || !consumer.alive) continue
    consumer.alive = false
    consumer.life += 1
    consumer.metadata = null
    consumer.metadataEpochs.fill(-1)
    consumer.seenStamps.fill(-1)
    crashMember(consumer)
    resetClientNet(consumer, consumerSpecOf(ctx, consumer).config)
  }
}

/** A crashed client's process starts again, as a new client. */
export function startClient(ctx: Ctx, id: string, member: number): void {
  const client = ctx.spec.clients.findIndex((c) => c.id === id)
  for (const producer of ctx.s.producers) {
    if (producer.client !== client || producer.alive) continue
    producer.alive = true
    producer.life += 1
    at(ctx, 0, EV.producerTick, producer.index, producer.life)
  }
  for (const consumer of ctx.s.consumers) {
    if (consumer.client !== client || consumer.member !== member || consumer.alive) continue
    consumer.alive = true
    consumer.life += 1
    consumer.validatedEpochs.fill(-1)
    at(ctx, 0, EV.consumerTick, consumer.index, consumer.life)
  }
}

// ---------------------------------------------------------------------------------------------
// The consumer
// ---------------------------------------------------------------------------------------------

/** A consumer poll: read up to the high watermark of every partition whose leader it reaches. */
export function consumerTick(ctx: Ctx, consumer: ConsumerState, life = consumer.life): void {
  if (life !== consumer.life || !consumer.alive) return
  const spec = consumerSpecOf(ctx, consumer)
  at(ctx, Math.max(100, spec.config['fetch.max.wait.ms']), EV.consumerTick, consumer.index, life)
  const code = clientCode('consumer', consumer.index)
  const expired = expiredMetadataNode(ctx, code)
  if (expired >= 0) closeConnection(ctx, code, expired, 'request-timeout')
  if (consumer.gm !== null) {
    const expiredGroup = expiredGroupRequest(ctx, consumer)
    if (expiredGroup >= 0) closeConnection(ctx, code, expiredGroup, 'request-timeout')
  }
  maybeUpdateMetadata(ctx, code)
  const meta = consumer.metadata
  if (!consumer.connected || meta === null) return
  if (consumer.gm !== null) {
    // ConsumerCoordinator.poll: offset-commit callbacks due since the last poll run first.
    invokeCommitCallbacks(ctx, consumer)
    memberStep(ctx, consumer)
  }
  const first = ctx.s.topicFirstPartition[consumer.topic] as number
  let refresh = false
  let lag = 0
  // A group member reads the partitions assigned to it; a standalone consumer all of them.
  const assigned = memberPartitions(consumer)
  const count = assigned === null ? consumer.positions.length : assigned.length
  const stamps = ctx.s.partitionStamps
  // Per tick, whether each broker is reachable (-1: not looked up yet).
  const reachable = ctx.reachableScratch.fill(-1)
  let skipped: number[] | null = null
  let skippedRefreshed = false
  const before = ctx.checkInvariants ? fetchState(consumer) : null
  for (let j = 0; j < count; j++) {
    const i = assigned === null ? j : (assigned[j] as number)
    const p = asPartitionIndex(first + i)
    const leaderId = meta[i] ?? -1
    let position = consumer.positions[i] as number
    if (leaderId >= 0 && consumer.seenStamps[i] === stamps[p]) {
      // The usual visit: a fetch found nothing left here, and nothing it reads has changed since
      // (most partitions get a batch every few seconds, consumers fetch twice a second).
      const b = brokerIdx(ctx, leaderId)
      if (reachable[b] === -1) reachable[b] = clientToBroker(ctx, b) ? 1 : 0
      if (
        reachable[b] === 1 &&
        consumer.seenPositions[i] === position &&
        consumer.seenLeaders[i] === leaderId
      ) {
        // Tests take the full path, and check after the loop that it changed nothing.
        if (!ctx.checkInvariants) continue
        ;(skipped ??= []).push(i)
      }
    }
    const part = partitionAt(ctx, p)
    if (leaderId < 0) {
      refresh = true
      lag += lagBehindLeader(part, position)
      continue
    }
    const b = brokerIdx(ctx, leaderId)
    const slot = slotOfId(part, leaderId)
    const rs = replicaAt(part, slot)
    if (!clientToBroker(ctx, b) || rs.knownLeaderId !== leaderId) {
      refresh = true
      lag += lagBehindLeader(part, position)
      // A skipped visit would have counted no lag and asked for no metadata.
      if (skipped !== null && skipped[skipped.length - 1] === i) skippedRefreshed = true
      continue
    }
    if (position < 0) {
      // A member's partition without a committed offset: auto.offset.reset (ConsumerCoordinator
      // left it to SubscriptionState.resetInitializingPositions).
      resetPosition(
        ctx,
        consumer,
        i,
        p,
        rs.highWatermark,
        'no-offset',
        leaderId,
        rs.knownLeaderEpoch,
      )
      position = consumer.positions[i] as number
    }
    // KIP-320: a new leader epoch puts the position under validation
    // (SubscriptionState.maybeValidatePositionForCurrentLeader); the leader answers
    // OffsetsForLeaderEpoch with the end of the position's epoch in its log
    // (LeaderEpochFileCache.endOffsetFor) and maybeCompleteValidation seeks back to it when the
    // log diverged below the position. A position with no epoch is not validated.
    const leaderEpoch = rs.knownLeaderEpoch
    if (consumer.validatedEpochs[i] !== leaderEpoch) {
      consumer.validatedEpochs[i] = leaderEpoch
      const offsetEpoch = consumer.positionEpochs[i] as number
      if (offsetEpoch >= 0) {
        const [epoch, endOffset] = endOffsetForEpoch(rs.log, offsetEpoch)
        const before = fetchPosition(ctx, position, offsetEpoch, leaderId, leaderEpoch)
        if (epoch < 0) {
          clientLog(
            ctx,
            spec,
            'INFO',
            LOGGER.subscriptions,
            `Truncation detected for partition ${partitionName(ctx, p)} at offset ${before}, resetting offset`,
          )
          resetPosition(
            ctx,
            consumer,
            i,
            p,
            rs.highWatermark,
            'truncation',
            leaderId,
            leaderEpoch,
            rs.log.logEndOffset,
          )
          continue
        }
        if (endOffset < position) {
          const after = fetchPosition(ctx, endOffset, epoch, leaderId, leaderEpoch)
          clientLog(
            ctx,
            spec,
            'INFO',
            LOGGER.subscriptions,
            `Truncation detected for partition ${partitionName(ctx, p)} at offset ${before}, resetting offset to the first offset known to diverge ${after}`,
          )
          emitReset(ctx, consumer, p, position, endOffset, 'truncation')
          notePositionJump(ctx, consumer, i, position, endOffset, endOffset)
          consumer.positions[i] = endOffset
          consumer.positionEpochs[i] = epoch
          continue
        }
      }
    }
    if (position > rs.log.logEndOffset) {
      // OFFSET_OUT_OF_RANGE (a position no validation moved back): auto.offset.reset applies.
      clientLog(
        ctx,
        spec,
        'INFO',
        // FetchCollector from 3.7; AbstractFetch before.
        atLeast(clientRules(ctx).version, '3.7') ? LOGGER.fetchCollector : LOGGER.abstractFetch,
        `Fetch position ${fetchPosition(ctx, position, consumer.positionEpochs[i] as number, leaderId, leaderEpoch)} is out of range for partition ${partitionName(ctx, p)}, resetting offset`,
      )
      resetPosition(
        ctx,
        consumer,
        i,
        p,
        rs.highWatermark,
        'out-of-range',
        leaderId,
        leaderEpoch,
        rs.log.logEndOffset,
      )
      continue
    }
    if (rs.highWatermark > position) {
      noteDelivered(ctx, consumer, i, position, rs.highWatermark)
      consumer.consumed += rs.highWatermark - position
      if (ctx.capacity !== null) {
        const bytes = (rs.highWatermark - position) * ctx.capacity.topicRecordBytes[part.topic]!
        noteBytes(ctx, rs.brokerIndex, BYTES_OUT, bytes)
      }
      consumer.positions[i] = rs.highWatermark
      consumer.positionEpochs[i] = epochAtOffset(rs.log, rs.highWatermark - 1)
    }
    consumer.seenStamps[i] = stamps[p] as number
    consumer.seenPositions[i] = consumer.positions[i] as number
    consumer.seenLeaders[i] = leaderId
  }
  if (skipped !== null && before !== null)
    checkSkipped(ctx, consumer, skipped, before, skippedRefreshed)
  consumer.lag = lag
  if (refresh) requestMetadataUpdate(ctx, code)
}

/** A consumer's fetch state, copied (for checkSkipped). */
function fetchState(consumer: ConsumerState): number[][] {
  return [
    consumer.positions.slice(),
    consumer.positionEpochs.slice(),
    consumer.validatedEpochs.slice(),
  ]
}

/**
 * Tests: the partitions consumerTick would have skipped (the partition's stamp, the position and
 * the leader all as the last fetch that found nothing left saw them) must be ones the full fetch
 * left as they were; `refreshed`: one of them took the metadata-refresh path (counting lag).
 */
function checkSkipped(
  ctx: Ctx,
  consumer: ConsumerState,
  skipped: number[],
  before: number[][],
  refreshed: boolean,
): void {
  const after = fetchState(consumer)
  for (const i of skipped) {
    if (!refreshed && after.every((values, k) => values[i] === (before[k] as number[])[i])) continue
    emit(ctx, {
      atMs: ctx.s.nowMs,
      type: 'InvariantViolated',
      message: `consumer ${consumer.index} would have skipped local partition ${i}, whose fetch changed its position or asked for metadata`,
    })
    if (ctx.throwOnViolation) throw new Error('consumer fetch skipped a partition that changed')
  }
}

/** How far `position` is behind the high watermark of the partition's current leader. */
function lagBehindLeader(part: PartitionState, position: number): number {
  const slot = slotOfId(part, part.leaderId)
  const hw = slot >= 0 ? replicaAt(part, slot).highWatermark : Math.max(0, position)
  return Math.max(0, hw - position)
}

/** SubscriptionState.FetchPosition.toString, with Metadata.LeaderAndEpoch and Node as Kafka prints them. */
function fetchPosition(
  ctx: Ctx,
  offset: number,
  offsetEpoch: number,
  leaderId: number,
  leaderEpoch: number,
): string {
  const broker = brokerAt(ctx, brokerIdx(ctx, leaderId))
  const rack = ctx.spec.cluster.zones[broker.zone] as string
  const epoch = offsetEpoch >= 0 ? `Optional[${offsetEpoch}]` : 'Optional.empty'
  return `FetchPosition{offset=${offset}, offsetEpoch=${epoch}, currentLeader=LeaderAndEpoch{leader=Optional[b-${leaderId}:9092 (id: ${leaderId} rack: ${rack})], epoch=${leaderEpoch}}}`
}

function emitReset(
  ctx: Ctx,
  consumer: ConsumerState,
  p: PartitionIndex,
  fromOffset: number,
  toOffset: number,
  reason: 'truncation' | 'out-of-range' | 'no-offset',
): void {
  emit(ctx, {
    atMs: ctx.s.nowMs,
    type: 'ConsumerOffsetReset',
    client: consumerSpecOf(ctx, consumer).id,
    topic: topicOf(ctx, p).name,
    partition: partitionAt(ctx, p).partition,
    fromOffset,
    toOffset,
    reason,
  })
}

/** auto.offset.reset (SubscriptionState.maybeSeekUnvalidated): earliest is 0, latest the HW. */
function resetPosition(
  ctx: Ctx,
  consumer: ConsumerState,
  i: number,
  p: PartitionIndex,
  highWatermark: number,
  reason: 'truncation' | 'out-of-range' | 'no-offset',
  leaderId: number,
  leaderEpoch: number,
  validEnd = Number.MAX_SAFE_INTEGER,
): void {
  const spec = consumerSpecOf(ctx, consumer)
  const to = spec.config['auto.offset.reset'] === 'earliest' ? 0 : highWatermark
  const from = consumer.positions[i] as number
  emitReset(ctx, consumer, p, from, to, reason)
  notePositionJump(ctx, consumer, i, Math.max(0, from), to, validEnd, reason === 'no-offset')
  clientLog(
    ctx,
    spec,
    'INFO',
    LOGGER.subscriptions,
    `Resetting offset for partition ${partitionName(ctx, p)} to position ${fetchPosition(ctx, to, -1, leaderId, leaderEpoch)}.`,
  )
  consumer.positions[i] = to
  consumer.positionEpochs[i] = -1
}

/**
 * A write waited longer than this for its answer: the client could not write the partition
 * meanwhile (availability.clientUnwritablePartitionMs, docs/cli.md).
 */
export const CLIENT_STALL_MS = 1000

/**
 * A record of partition `p` created at `createdAtMs` got its answer (or failed) now: when it
 * waited more than CLIENT_STALL_MS, the partition counts as unwritable for the clients over the
 * wait, each millisecond once however many records shared it.
 */
function noteClientWait(ctx: Ctx, p: number, createdAtMs: number): void {
  const s = ctx.s
  const now = s.nowMs
  if (now - createdAtMs <= CLIENT_STALL_MS) return
  const counted = s.clientStalledUntil[p] as number
  const from = Math.max(createdAtMs, counted)
  if (now > from) s.clientUnwritablePartitionMs += now - from
  if (now > counted) s.clientStalledUntil[p] = now
}

/**
 * clientUnwritablePartitionMs as of now: the counted waits plus, for every partition whose
 * oldest waiting record has already waited more than CLIENT_STALL_MS, that wait so far.
 */
export function clientUnwritablePartitionMsNow(ctx: Ctx): number {
  const s = ctx.s
  const now = s.nowMs
  let total = s.clientUnwritablePartitionMs
  let until: Map<number, number> | null = null
  for (const producer of s.producers) {
    for (let i = 0; i < producer.queues.length; i++) {
      let oldest = Infinity
      const queued = (producer.queues[i] as { createdAtMs: number }[])[0]
      if (queued !== undefined) oldest = queued.createdAtMs
      const sent = inFlightPart(producer, i)?.batches.find((b) => !b.expired)
      if (sent !== undefined && sent.createdAtMs < oldest) oldest = sent.createdAtMs
      if (now - oldest <= CLIENT_STALL_MS) continue
      const p = producer.firstPartition + i
      until ??= new Map()
      const from = Math.max(oldest, until.get(p) ?? (s.clientStalledUntil[p] as number))
      if (now > from) total += now - from
      until.set(p, now)
    }
  }
  return total
}

/** The part of the request in flight that carries local partition `i`'s batches, if any. */
function inFlightPart(producer: ProducerState, i: number): ProducePart | undefined {
  const request = producer.inFlight[i]
  return request === null || request === undefined ? undefined : partOf(request, i)
}

/** The buffer memory the producer's batches hold, recounted (for the invariant checker). */
export function heldBufferBytes(ctx: Ctx, producer: ProducerState): number {
  const spec = producerSpec(ctx, producer)
  let bytes = 0
  for (const queue of producer.queues) for (const b of queue) bytes += recordBytes(spec, b.records)
  for (const request of producer.requests)
    if (!request.closed)
      for (const part of request.parts)
        for (const b of part.batches) if (!b.expired) bytes += recordBytes(spec, b.records)
  return bytes
}
