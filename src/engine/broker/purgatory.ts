/**
 * The DelayedProduce purgatory of a leader side (ReplicaManager's delayedProducePurgatory,
 * DelayedProduce.scala; docs/kafka-rules.md §4.4): the partitions of acks=all requests appended and
 * waiting for the high watermark to pass them, oldest first, and the answers a produce request
 * gets — one, once every partition it carries is settled (DelayedProduce.tryComplete). This module
 * is the only writer of a side's `delayedHead`/`delayedTail` list (a new leader side of the same
 * replica takes the list over, see `becomeLeader`).
 */
import {
  at,
  leaderSideOf,
  leaderMinIsr,
  partitionAt,
  producerAt,
  replicaAt,
  type Ctx,
} from '../context'
import type { PartitionIndex, ProducerIndex, ReplicaSlot } from '../ids'
import { leaderAtVersion, leaderEpochAtVersion, metadataVersionSeenBy } from '../metadata-view'
import { EV } from '../state'
import type {
  DelayedProduce,
  LeaderSideState,
  ProducePart,
  ProduceRequestState,
  ProducerState,
} from '../state'
import type { KafkaError } from '../types'

/**
 * Settles one part of a produce request; the last part settled answers the request (none for
 * acks=0): the response, with every partition's result, leaves for the client.
 */
export function answerProduce(
  ctx: Ctx,
  producer: ProducerState,
  request: ProduceRequestState,
  part: ProducePart,
  error: KafkaError | null,
): void {
  if (part.done) return
  part.done = true
  part.error = error
  request.pending -= 1
  if (request.pending > 0 || request.done) return
  request.done = true
  let version = -2
  const parts = request.parts
  for (let n = 0; n < parts.length; n++) {
    const settled = parts[n] as ProducePart
    if (settled.error !== 'NOT_LEADER_OR_FOLLOWER') continue
    if (version === -2) version = metadataVersionSeenBy(ctx, request.brokerIndex)
    // KIP-951 (3.7): the response carries the leader this broker's metadata names when the
    // response is sent (KafkaApis.handleProduceRequest → ReplicaManager.getCurrentLeader);
    // older clients ignore it.
    const partition = partitionAt(ctx, settled.p)
    settled.currentLeaderId = leaderAtVersion(partition, version)
    settled.currentLeaderEpoch = leaderEpochAtVersion(partition, version)
  }
  const c = ctx.spec.clients[producer.client] as { config: { acks: number } }
  if (c.config.acks === 0) return
  const first = request.parts[0] as ProducePart
  at(ctx, ctx.latencyClientMs, EV.produceResponse, producer.index, request.id, first.lp)
}

/** Parks an appended acks=all part until the high watermark reaches `requiredOffset`. */
export function parkProduce(
  side: LeaderSideState,
  producer: ProducerState,
  request: ProduceRequestState,
  part: ProducePart,
  requiredOffset: number,
): void {
  const parked: DelayedProduce = {
    c: producer.index,
    request: request.id,
    lp: part.lp,
    requiredOffset,
    next: null,
  }
  if (side.delayedTail === null) side.delayedHead = parked
  else side.delayedTail.next = parked
  side.delayedTail = parked
}

/** The request a parked part belongs to, if the producer still has it in flight. */
function findRequest(
  ctx: Ctx,
  c: ProducerIndex,
  id: number,
  lp: number,
): ProduceRequestState | null {
  const r = producerAt(ctx, c).inFlight[lp]
  return r !== null && r !== undefined && r.id === id ? r : null
}

/** The part of `request` that carries the producer's local partition `lp`. */
export function partOf(request: ProduceRequestState, lp: number): ProducePart {
  const parts = request.parts
  for (let i = 0; i < parts.length; i++)
    if ((parts[i] as ProducePart).lp === lp) return parts[i] as ProducePart
  throw new Error(`produce request ${request.id} has no partition ${lp}`)
}

/** DelayedProduce.tryComplete after the high watermark moved (checkEnoughReplicasReachOffset). */
export function completeDelayedProduces(ctx: Ctx, p: PartitionIndex, slot: ReplicaSlot): void {
  const part = partitionAt(ctx, p)
  const lrs = replicaAt(part, slot)
  const side = leaderSideOf(lrs)
  if (side.delayedHead === null) return
  const minIsr = leaderMinIsr(ctx, p, lrs.brokerIndex)
  // Unlinks the completed ones, answering them in arrival order.
  let prev: DelayedProduce | null = null
  let d: DelayedProduce | null = side.delayedHead
  while (d !== null) {
    const next: DelayedProduce | null = d.next
    if (d.requiredOffset > lrs.highWatermark) {
      prev = d
      d = next
      continue
    }
    if (prev === null) side.delayedHead = next
    else prev.next = next
    if (side.delayedTail === d) side.delayedTail = prev
    const request = findRequest(ctx, d.c, d.request, d.lp)
    if (request !== null) {
      answerProduce(
        ctx,
        producerAt(ctx, d.c),
        request,
        partOf(request, d.lp),
        side.maximalIsr.length < minIsr ? 'NOT_ENOUGH_REPLICAS_AFTER_APPEND' : null,
      )
    }
    d = next
  }
}

/**
 * The replica stopped leading: the requests its purgatory holds complete with
 * NOT_LEADER_OR_FOLLOWER, or get no answer at all (`error` null) when the broker or its host went
 * away.
 */
export function failDelayedProduces(
  ctx: Ctx,
  side: LeaderSideState,
  error: KafkaError | null,
): void {
  let d = side.delayedHead
  side.delayedHead = null
  side.delayedTail = null
  if (error === null) return
  while (d !== null) {
    const request = findRequest(ctx, d.c, d.request, d.lp)
    if (request !== null)
      answerProduce(ctx, producerAt(ctx, d.c), request, partOf(request, d.lp), error)
    d = d.next
  }
}
