/**
 * The host core's snapshot patches: only changed partitions travel, unchanged partition objects
 * keep their identity on the receiving side, and a change of shape sends a whole snapshot.
 */
import { describe, expect, it } from 'vitest'
import type { PartitionView, Snapshot } from '../engine/types'
import { applyPatch, diffSnapshot, samePartition } from './snapshot-patch'

function partition(p: number, over: Partial<PartitionView> = {}): PartitionView {
  return {
    topic: 't',
    partition: p,
    replicas: [1, 2, 3],
    leader: 1,
    leaderEpoch: 0,
    partitionEpoch: 0,
    isr: [1, 2, 3],
    elr: [],
    lastKnownElr: [],
    leaderRecoveryState: 'RECOVERED',
    highWatermark: 10,
    minIsr: 2,
    uncleanLeaderElectionEnable: false,
    replicaStates: [1, 2, 3].map((broker) => ({
      broker,
      logEndOffset: 10,
      highWatermark: 10,
      online: true,
      lag: 0,
    })),
    ...over,
  }
}

function snapshot(partitions: PartitionView[], nowMs = 0): Snapshot {
  return { nowMs, partitions } as unknown as Snapshot
}

describe('snapshot patches', () => {
  it('compare partitions field by field', () => {
    expect(samePartition(partition(0), partition(0))).toBe(true)
    expect(samePartition(partition(0), partition(0, { isr: [1, 2] }))).toBe(false)
    const lagging = partition(0)
    lagging.replicaStates[2] = {
      broker: 3,
      logEndOffset: 8,
      highWatermark: 8,
      online: true,
      lag: 2,
    }
    expect(samePartition(partition(0), lagging)).toBe(false)
  })

  it('carry only the changed partitions and keep the others by identity', () => {
    const before = snapshot([partition(0), partition(1), partition(2)])
    const after = snapshot(
      [partition(0), partition(1, { leader: 2, leaderEpoch: 1 }), partition(2)],
      5,
    )
    const patch = diffSnapshot(before, after)
    expect(patch?.changed.map(([i]) => i)).toEqual([1])
    const rebuilt = applyPatch(before, patch as NonNullable<typeof patch>)
    expect(rebuilt).toEqual(after)
    expect(rebuilt.partitions[0]).toBe(before.partitions[0])
    expect(rebuilt.partitions[1]).not.toBe(before.partitions[1])
  })

  it('give up when the partition list changes shape', () => {
    expect(
      diffSnapshot(snapshot([partition(0)]), snapshot([partition(0), partition(1)])),
    ).toBeNull()
    const patch = diffSnapshot(snapshot([partition(0)]), snapshot([partition(0)]))
    expect(() => applyPatch(snapshot([]), patch as NonNullable<typeof patch>)).toThrow()
  })
})
