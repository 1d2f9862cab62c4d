/**
 * A follower whose fetch is parked at the leader (nothing new: DelayedFetch) is still fetching in
 * Kafka: the parked request expires after replica.fetch.wait.max.ms and the follower sends the
 * next one, each updating its fetch state (Replica.updateFetchStateOrThrow), so a caught-up
 * follower of a quiet partition has lastCaughtUpTimeMs within about 500 ms of now. The engine
 * sends none of those fetches (idle partitions cost nothing) and replays the last one when the
 * pair wakes. Without it, the first append after a quiet spell longer than
 * replica.lag.time.max.ms left both followers "not caught up for 60 s" until their next fetch
 * arrived, and an ISR check in that millisecond shrank the ISR to the leader alone: 33 such
 * shrinks in 15 minutes of a healthy reference cluster, none in Kafka.
 */
import { describe, expect, it } from 'vitest'
import type { Ctx } from '../context'
import { appendBatch } from '../log'
import { asBrokerIndex, asPartitionIndex } from '../ids'
import type { FetchPairState } from '../state'
import { alterPartition } from '../controller'
import { markDirty, pairIndex } from './fetch-pair'
import { noteLeaderAppend } from './leader-side'
import { isrCheck, onFetchRequest, wakeFollowers } from './replication'
import { leaderOf, started } from './testing'

const P0 = asPartitionIndex(0)
const LEADER = asBrokerIndex(0)

function pairOf(ctx: Ctx, follower: number): FetchPairState {
  return ctx.s.pairs[pairIndex(ctx, asBrokerIndex(follower), LEADER)] as FetchPairState
}

/** The follower on broker index `follower` sends a fetch for partition 0 that the leader reads. */
function fetch(ctx: Ctx, follower: number): FetchPairState {
  const pair = pairOf(ctx, follower)
  markDirty(pair, P0)
  pair.phase = 'busy'
  onFetchRequest(ctx, pair)
  return pair
}

/** Both followers fetch at the leader's end at t = 0 and park; a minute later 5 records arrive. */
function quietMinuteThenAppend(ctx: Ctx, beforeAppend: () => void = () => {}) {
  const { part, rs, side } = leaderOf(ctx, 0)
  const parked = [1, 2].map((f) => fetch(ctx, f).phase)
  beforeAppend()
  ctx.s.nowMs = 60_000
  appendBatch(rs.log, {
    baseOffset: 0,
    count: 5,
    epoch: part.leaderEpoch,
    producer: 0,
    baseSequence: 0,
  })
  noteLeaderAppend(ctx, side)
  wakeFollowers(ctx, P0, LEADER)
  return { part, side, parked }
}

describe('a parked fetch still counts as fetching', () => {
  it('the first append after a minute of quiet does not shrink the ISR', () => {
    const ctx = started()
    // The leader answers the parked fetches at once, and its periodic ISR check happens to run
    // before the followers' next fetches arrive.
    const { part, side, parked } = quietMinuteThenAppend(ctx)
    expect(part.leaderId).toBe(1)
    expect(parked).toEqual(['idle', 'idle'])
    isrCheck(ctx, LEADER)
    expect(part.isr).toEqual([1, 2, 3])
    expect(side.maximalIsr).toEqual([1, 2, 3])
    // The replayed fetch is the last one re-sent while parked, within one wait of now.
    expect(side.minFollowerCaughtUpMs).toBeGreaterThan(
      60_000 - 2 * ctx.spec.cluster.config['replica.fetch.wait.max.ms'],
    )
  })

  it('a follower cut off from the leader while parked is not refreshed', () => {
    const ctx = started()
    const { part } = quietMinuteThenAppend(ctx, () => {
      ctx.s.brokers[2]!.isolatedFrom = ['brokers']
    })
    isrCheck(ctx, LEADER)
    // Broker 3 sent nothing that arrived for a minute: it leaves the ISR.
    expect(part.isr).toEqual([1, 2])
  })

  it('replays nothing for a follower that has not fetched from this leader yet', () => {
    // Found by the volume-replaced guided scenario: a follower's first fetch from a leader (an
    // empty replica starting over) was replayed as a fetch at the pair's previous round, which
    // made it "caught up" then, and the leader's high watermark waited for it for 30 s.
    const ctx = started()
    const { part, rs, side } = leaderOf(ctx, 0)
    expect(alterPartition(ctx, P0, 1, part.leaderEpoch, [1, 2])).toBe(true)
    ctx.s.nowMs = 60_000
    const follower2 = part.replicaStates[1]!.log
    for (const baseOffset of [0, 5]) {
      const batch = { baseOffset, count: 5, epoch: part.leaderEpoch, producer: 0, baseSequence: 0 }
      appendBatch(rs.log, batch)
      noteLeaderAppend(ctx, side)
      appendBatch(follower2, batch)
      // Broker 2 has the records and fetches at the leader's end.
      if (baseOffset === 0) fetch(ctx, 1)
    }
    expect(rs.highWatermark).toBe(5)
    // Broker 3, out of the ISR with an empty log, fetches for the first time; its pair's previous
    // round (for other partitions) was half a second ago.
    pairOf(ctx, 2).lastRequestMs = 59_500
    fetch(ctx, 2)
    fetch(ctx, 1)
    expect(part.isr).toEqual([1, 2])
    expect(rs.highWatermark).toBe(10)
  })
})
