/**
 * The leader's data-plane rules (replica-rules.ts, replication-rules.ts), table-driven and named in Kafka's terms:
 * Replica.updateFetchStateOrThrow's lastCaughtUpTimeMs, Replica.isCaughtUp, the ISR shrink of
 * Partition.maybeShrinkIsr, the ISR expansion of Partition.maybeExpandIsr, and the high watermark
 * of Partition.maybeIncrementLeaderHW with KIP-966's freeze under min ISR. Each row builds a
 * leader's follower table with the table's own functions and calls the rule; nothing else runs.
 */
import { describe, expect, it } from 'vitest'
import {
  createFollowerTable,
  flagMaximalIsr,
  setFetchState,
  type FollowerTable,
} from '../follower-table'
import type { ReplicaSlot } from '../ids'
import { caughtUpTimeAfterFetch, isCaughtUp } from './replica-rules'
import {
  hasOutOfSyncFollower,
  isrAfterShrink,
  mayJoinIsr,
  nextHighWatermark,
} from './replication-rules'

const LAG = 30_000
const slot = (n: number) => n as ReplicaSlot

/** A leader (broker 1, slot 0) with followers 2 and 3; `ends[i]` and `caughtUp[i]` per slot. */
function table(
  ends: number[],
  caughtUp: number[],
  maximalIsr: number[] = [1, 2, 3],
): { t: FollowerTable; replicas: number[] } {
  const replicas = [1, 2, 3]
  const t = createFollowerTable(replicas, [1, 2, 3], 0)
  ends.forEach((end, i) => setFetchState(t, slot(i), end, caughtUp[i] ?? 0, end, 0))
  flagMaximalIsr(t, replicas, maximalIsr)
  return { t, replicas }
}

describe('Replica.updateFetchStateOrThrow: lastCaughtUpTimeMs after a fetch', () => {
  it.each([
    // [case, previous, fetchOffset, leader LEO now, leader LEO at last fetch, last fetch time, now, expected]
    ['fetch reaches the leader end: caught up now', 1000, 50, 50, 40, 5000, 9000, 9000],
    ['fetch past the leader end (stale LEO): caught up now', 1000, 60, 50, 40, 5000, 9000, 9000],
    ['reaches the end of the previous fetch: caught up then', 1000, 40, 50, 40, 5000, 9000, 5000],
    ['behind both: unchanged', 1000, 30, 50, 40, 5000, 9000, 1000],
    [
      'never goes back (previous fetch older than previous catch-up)',
      6000,
      40,
      50,
      40,
      5000,
      9000,
      6000,
    ],
  ])('%s', (_, previous, fetchOffset, leo, lastLeo, lastFetch, now, expected) => {
    expect(caughtUpTimeAfterFetch(previous, fetchOffset, leo, lastLeo, lastFetch, now)).toBe(
      expected,
    )
  })
})

describe('Replica.isCaughtUp', () => {
  it.each([
    ['at the leader log end, however long ago', 50, 0, 50, 100_000, true],
    ['behind, caught up exactly replica.lag.time.max.ms ago', 40, 70_000, 50, 100_000, true],
    ['behind, caught up 1 ms too long ago', 40, 69_999, 50, 100_000, false],
    ['behind, never caught up', 0, 0, 50, 100_000, false],
    [
      'behind, caught up long ago, early in a run (now < the lag time)',
      0,
      -(2 ** 30),
      50,
      5_000,
      false,
    ],
  ])('%s', (_, end, caughtUpMs, leo, now, expected) => {
    expect(isCaughtUp(end, caughtUpMs, leo, now, LAG)).toBe(expected)
  })
})

describe('Partition.maybeShrinkIsr: which followers leave the ISR', () => {
  it.each([
    ['all followers at the end: none', [100, 100, 100], [0, 0, 0], [1, 2, 3], false],
    [
      'follower 3 behind for longer than the lag time: it leaves',
      [100, 100, 60],
      [0, 90_000, 50_000],
      [1, 2],
      true,
    ],
    [
      'follower 3 behind but within the lag time: stays',
      [100, 90, 60],
      [0, 80_000, 75_000],
      [1, 2, 3],
      false,
    ],
    ['both behind too long: only the leader remains', [100, 10, 10], [0, 1000, 1000], [1], true],
  ])('%s', (_, ends, caughtUp, expectedIsr, outOfSync) => {
    const { t, replicas } = table(ends, caughtUp)
    const now = 100_000
    expect(hasOutOfSyncFollower(t, replicas, [1, 2, 3], slot(0), 100, now, LAG)).toBe(outOfSync)
    expect(isrAfterShrink(t, replicas, [1, 2, 3], slot(0), 100, now, LAG)).toEqual(expectedIsr)
  })

  it('keeps the leader even when its own slot looks stale; an id that is not a replica leaves', () => {
    const { t, replicas } = table([-1, 100, 100], [0, 0, 0])
    expect(isrAfterShrink(t, replicas, [1, 2, 3, 9], slot(0), 100, 100_000, LAG)).toEqual([1, 2, 3])
    expect(hasOutOfSyncFollower(t, replicas, [1, 2, 3, 9], slot(0), 100, 100_000, LAG)).toBe(true)
  })
})

describe('Partition.maybeExpandIsr: whether a follower joins the ISR', () => {
  const eligible = () => true
  const fenced = () => false
  it.each([
    ['reached the HW and the epoch start: joins', 80, 80, 60, false, eligible, true],
    ['below the high watermark: waits', 79, 80, 60, false, eligible, false],
    [
      'at the HW but below the leader epoch start offset: waits',
      80,
      80,
      90,
      false,
      eligible,
      false,
    ],
    [
      'another ISR change is pending (AlterPartition in flight): waits',
      80,
      80,
      60,
      true,
      eligible,
      false,
    ],
    [
      'caught up but not eligible (fenced / no ZooKeeper session): waits',
      80,
      80,
      60,
      false,
      fenced,
      false,
    ],
  ])('%s', (_, followerEnd, hw, epochStart, pending, isEligible, expected) => {
    const { t } = table([100, 100, followerEnd], [0, 0, 0], [1, 2])
    expect(mayJoinIsr(t, slot(2), 3, pending, hw, epochStart, isEligible)).toBe(expected)
  })

  it('a follower already in the maximal ISR never "joins" again', () => {
    const { t } = table([100, 100, 100], [0, 0, 0], [1, 2, 3])
    expect(mayJoinIsr(t, slot(2), 3, false, 80, 60, () => true)).toBe(false)
  })
})

describe('Partition.maybeIncrementLeaderHW: the next high watermark', () => {
  const all = () => true
  it.each([
    // [case, follower ends, caught-up times, maximal ISR, ISR size, min ISR, eligible, expected]
    ['min LEO over the maximal ISR', [100, 90, 70], [0, 0, 0], [1, 2, 3], 3, 2, all, 70],
    [
      'every ISR member at the end: the leader LEO',
      [100, 100, 100],
      [0, 0, 0],
      [1, 2, 3],
      3,
      2,
      all,
      100,
    ],
    [
      'a caught-up eligible follower outside the ISR also holds it back',
      [100, 100, 80],
      [0, 0, 95_000],
      [1, 2],
      2,
      2,
      all,
      80,
    ],
    [
      'a lagging follower outside the ISR does not',
      [100, 100, 10],
      [0, 0, 1000],
      [1, 2],
      2,
      2,
      all,
      100,
    ],
    [
      'a caught-up follower that is not eligible (fenced) does not',
      [100, 100, 80],
      [0, 0, 95_000],
      [1, 2],
      2,
      2,
      (id: number) => id !== 3,
      100,
    ],
    [
      'KIP-966: ISR below min.insync.replicas freezes it (-1)',
      [100, 100, 100],
      [0, 0, 0],
      [1],
      1,
      2,
      all,
      -1,
    ],
    ['the leader alone with min ISR 1: its own LEO', [100, 5, 5], [0, 0, 0], [1], 1, 1, all, 100],
  ])('%s', (_, ends, caughtUp, maximal, isrSize, minIsr, isEligible, expected) => {
    const { t, replicas } = table(ends, caughtUp, maximal)
    expect(
      nextHighWatermark(t, replicas, slot(0), 100, isrSize, minIsr, 100_000, LAG, isEligible),
    ).toBe(expected)
  })
})
