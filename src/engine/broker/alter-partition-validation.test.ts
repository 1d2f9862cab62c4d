/**
 * Two guards around a leader's AlterPartition (metadata/.../ReplicationControlManager.alterPartition
 * and PartitionChangeBuilder, 3.9), each found by the saturated fault-schedule property (seed
 * 471593) and pinned there too:
 *
 * 1. `ClusterControlManager.checkBrokerEpoch`: the request carries the sender's broker epoch. A
 *    KRaft broker restarted as a new incarnation that has not registered yet has no epoch the
 *    controller accepts (STALE_BROKER_EPOCH): its request changes nothing and stays pending.
 * 2. The controller may elect another leader inside an AlterPartition when the requesting leader
 *    is no longer an acceptable one (here: in controlled shutdown). The engine commits the change
 *    at once, inside the fetch that triggered the ISR expansion; that fetch must not then be
 *    answered with the old leader's log under the new leader epoch.
 */
import { describe, expect, it } from 'vitest'
import { alterPartition } from '../controller'
import { appendBatch } from '../log'
import { asBrokerIndex, asPartitionIndex } from '../ids'
import type { BrokerState, FetchPairState, ReplicaState } from '../state'
import { markDirty, pairIndex } from './fetch-pair'
import { onFetchRequest } from './replication'
import { leaderOf, started } from './testing'

const P0 = asPartitionIndex(0)

describe('AlterPartition validation', () => {
  it('refuses a request from an unregistered incarnation (STALE_BROKER_EPOCH), accepts it once registered', () => {
    const ctx = started()
    const { part } = leaderOf(ctx, 0)
    const leader = ctx.s.brokers[0] as BrokerState
    expect(part.leaderId).toBe(1)
    leader.registered = false
    expect(alterPartition(ctx, P0, 1, part.leaderEpoch, [1, 2])).toBe(false)
    expect(part.isr).toEqual([1, 2, 3])
    leader.registered = true
    expect(alterPartition(ctx, P0, 1, part.leaderEpoch, [1, 2])).toBe(true)
    expect(part.isr).toEqual([1, 2])
  })

  it('a fetch whose ISR expansion elects another leader is not answered in the new epoch', () => {
    const ctx = started()
    const { part, rs: leaderReplica } = leaderOf(ctx, 0)
    // ISR [1, 2]: broker 3 is out, with an empty log; the leader holds one uncommitted batch.
    expect(alterPartition(ctx, P0, 1, part.leaderEpoch, [1, 2])).toBe(true)
    const epoch = part.leaderEpoch
    appendBatch(leaderReplica.log, {
      baseOffset: 0,
      count: 5,
      epoch,
      producer: 0,
      baseSequence: 0,
    })
    const follower = part.replicaStates[2] as ReplicaState
    expect(follower.log.logEndOffset).toBe(0)
    expect(leaderReplica.highWatermark).toBe(0)
    // The leader is shutting down, so it is no longer an acceptable leader for the controller.
    ;(ctx.s.brokers[0] as BrokerState).inControlledShutdown = true
    const pair = ctx.s.pairs[pairIndex(ctx, asBrokerIndex(2), asBrokerIndex(0))] as FetchPairState
    markDirty(pair, P0)
    pair.phase = 'busy'
    onFetchRequest(ctx, pair)
    // Broker 3 rejoined and the controller moved the leadership away from broker 1 …
    expect(part.isr).toEqual([1, 2, 3])
    expect(part.leaderId).not.toBe(1)
    expect(part.leaderEpoch).toBe(epoch + 1)
    // … and broker 1's answer carries nothing under the new epoch.
    for (let e = pair.responseHead; e !== null; e = e.next) {
      expect(e.p === P0 && e.epoch !== epoch).toBe(false)
    }
    // Broker 3 no longer fetches the partition from broker 1, so that pair does not keep it
    // marked (a stale mark made every response on the pair start an empty extra round).
    expect(pair.partitions).not.toContain(P0)
    expect(pair.dirtyFirst === P0 || pair.dirty.includes(P0)).toBe(false)
  })
})
