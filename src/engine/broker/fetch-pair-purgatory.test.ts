/**
 * Two small owners of the broker side, on a real started context (testing.ts): a fetch pair's
 * partition sets (fetch-pair.ts: kept sorted, first member in a field, drained in order, removed
 * with the partition) and the DelayedProduce purgatory (purgatory.ts: completes in arrival order
 * once the high watermark reaches a request, answers NOT_ENOUGH_REPLICAS_AFTER_APPEND when the
 * maximal ISR fell below min.insync.replicas meanwhile — DelayedProduce.tryComplete — and, when
 * the replica stops leading, answers NOT_LEADER_OR_FOLLOWER or nothing at all).
 */
import { describe, expect, it } from 'vitest'
import { asBrokerIndex, asPartitionIndex, asReplicaSlot, NO_PARTITION } from '../ids'
import type { PartitionIndex } from '../ids'
import type { FetchPairState, ProducePart, ProduceRequestState, ProducerState } from '../state'
import {
  getPair,
  markDirty,
  markHwPending,
  removeFromPair,
  takeDirty,
  takeHwPending,
} from './fetch-pair'
import { setMaximalIsr } from './leader-side'
import { completeDelayedProduces, failDelayedProduces, parkProduce } from './purgatory'
import { leaderOf, started } from './testing'

const p = (n: number): PartitionIndex => asPartitionIndex(n)

describe('fetch pair sets', () => {
  function emptyPair(): FetchPairState {
    const ctx = started()
    // Broker index 2 follows broker index 0 for orders-0; the test reuses that pair's sets.
    const pair = getPair(ctx, asBrokerIndex(2), asBrokerIndex(0))
    takeDirty(pair, [])
    takeHwPending(pair, [])
    return pair
  }

  it('a set keeps its smallest member in the pair and drains in ascending order', () => {
    const pair = emptyPair()
    for (const x of [7, 3, 9, 3, 5]) markDirty(pair, p(x))
    expect(pair.dirtyFirst).toBe(3)
    expect(pair.dirty).toEqual([5, 7, 9])
    expect(takeDirty(pair, [])).toEqual([3, 5, 7, 9])
    expect(pair.dirtyFirst).toBe(NO_PARTITION)
    expect(pair.dirty).toEqual([])
  })

  it('the high-watermark set is independent of the dirty set', () => {
    const pair = emptyPair()
    markDirty(pair, p(1))
    markHwPending(pair, p(4))
    markHwPending(pair, p(2))
    expect(takeHwPending(pair, [])).toEqual([2, 4])
    expect(takeDirty(pair, [])).toEqual([1])
  })

  it('a partition that leaves the pair leaves both sets, whether first or not', () => {
    const ctx = started()
    const pair = getPair(ctx, asBrokerIndex(2), asBrokerIndex(0))
    takeDirty(pair, [])
    markDirty(pair, p(0))
    markHwPending(pair, p(0))
    expect(pair.partitions).toEqual([0])
    removeFromPair(ctx, asBrokerIndex(2), asBrokerIndex(0), p(0))
    expect(pair.partitions).toEqual([])
    expect(pair.dirtyFirst).toBe(NO_PARTITION)
    expect(pair.hwFirst).toBe(NO_PARTITION)
  })
})

/** One partition's part of a request: orders-0, as local partition `lp` of the producer. */
function onePart(lp: number): ProducePart {
  return {
    p: p(0),
    lp,
    batches: [],
    done: false,
    error: null,
    baseOffset: -1,
    currentLeaderId: -1,
    currentLeaderEpoch: -1,
  }
}

/** The error of a single-part request. */
function errorOf(request: ProduceRequestState | undefined): string | null | undefined {
  return request?.parts[0]?.error
}

describe('DelayedProduce purgatory', () => {
  /** Parks acks=all requests with the given required offsets on orders-0's leader. */
  function parked(requiredOffsets: number[]) {
    const ctx = started()
    const { part, rs, side } = leaderOf(ctx, 0)
    const producer = ctx.s.producers[0] as ProducerState
    const requests = requiredOffsets.map((requiredOffset, lp) => {
      const request: ProduceRequestState = {
        id: 100 + lp,
        brokerIndex: asBrokerIndex(0),
        parts: [onePart(lp)],
        pending: 1,
        sentAtMs: 0,
        done: false,
        closed: false,
        connGen: 0,
      }
      producer.inFlight[lp] = request
      parkProduce(side, producer, request, request.parts[0] as ProducePart, requiredOffset)
      return request
    })
    return { ctx, part, rs, side, producer, requests }
  }

  it('completes, in arrival order, exactly the requests the high watermark reached', () => {
    const { ctx, rs, requests } = parked([10, 20, 15])
    rs.highWatermark = 15
    completeDelayedProduces(ctx, p(0), asReplicaSlot(0))
    expect(requests.map((r) => [r.done, errorOf(r)])).toEqual([
      [true, null],
      [false, null],
      [true, null],
    ])
    rs.highWatermark = 20
    completeDelayedProduces(ctx, p(0), asReplicaSlot(0))
    expect(requests.every((r) => r.done)).toBe(true)
    expect(leaderOf(ctx, 0).side.delayedHead).toBeNull()
    expect(leaderOf(ctx, 0).side.delayedTail).toBeNull()
  })

  it('answers NOT_ENOUGH_REPLICAS_AFTER_APPEND when the maximal ISR fell below min ISR', () => {
    const { ctx, part, rs, side, requests } = parked([10])
    setMaximalIsr(ctx, part, side, [1], false)
    rs.highWatermark = 10
    completeDelayedProduces(ctx, p(0), asReplicaSlot(0))
    expect(errorOf(requests[0])).toBe('NOT_ENOUGH_REPLICAS_AFTER_APPEND')
  })

  it('a replica that stops leading answers its parked requests with the error given', () => {
    const { ctx, side, requests } = parked([10, 20])
    failDelayedProduces(ctx, side, 'NOT_LEADER_OR_FOLLOWER')
    expect(requests.map(errorOf)).toEqual(['NOT_LEADER_OR_FOLLOWER', 'NOT_LEADER_OR_FOLLOWER'])
    expect(side.delayedHead).toBeNull()
  })

  it('a broker that went away answers nothing: the requests stay open for the client to time out', () => {
    const { ctx, side, requests } = parked([10])
    failDelayedProduces(ctx, side, null)
    expect(requests[0]?.done).toBe(false)
    expect(side.delayedHead).toBeNull()
  })

  it('a request of several partitions is answered once, when the last of them is settled', () => {
    // DelayedProduce.tryComplete: the response waits until every partition's acks are reached
    // (or it has an error); the test parks both parts on orders-0's leader side.
    const ctx = started()
    const { rs, side } = leaderOf(ctx, 0)
    const producer = ctx.s.producers[0] as ProducerState
    const request: ProduceRequestState = {
      id: 7,
      brokerIndex: asBrokerIndex(0),
      parts: [onePart(0), onePart(1)],
      pending: 2,
      sentAtMs: 0,
      done: false,
      closed: false,
      connGen: 0,
    }
    producer.inFlight[0] = request
    producer.inFlight[1] = request
    parkProduce(side, producer, request, request.parts[0] as ProducePart, 10)
    parkProduce(side, producer, request, request.parts[1] as ProducePart, 20)
    rs.highWatermark = 15
    completeDelayedProduces(ctx, p(0), asReplicaSlot(0))
    expect(request.parts.map((part) => part.done)).toEqual([true, false])
    expect(request.done).toBe(false)
    expect(request.pending).toBe(1)
    failDelayedProduces(ctx, side, 'NOT_LEADER_OR_FOLLOWER')
    expect(request.parts.map((part) => part.error)).toEqual([null, 'NOT_LEADER_OR_FOLLOWER'])
    expect(request.done).toBe(true)
    expect(request.pending).toBe(0)
  })

  it('a request the producer no longer has in flight is dropped without an answer', () => {
    const { ctx, rs, producer, requests } = parked([10])
    producer.inFlight[0] = null
    rs.highWatermark = 10
    completeDelayedProduces(ctx, p(0), asReplicaSlot(0))
    expect(requests[0]?.done).toBe(false)
  })
})
