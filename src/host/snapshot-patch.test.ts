/**
 * The host core's snapshot patches: only changed partitions travel, unchanged partition objects
 * keep their identity on the receiving side, and a change of shape sends a whole snapshot.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../engine/index'
import type { PartitionView, ReplicaView, Snapshot } from '../engine/types'
import { parseScenario } from '../scenario/validate'
import { guidedFilesOnDisk, readGuidedFile } from '../scenarios/test-helpers'
import {
  applyPatch,
  diffSnapshot,
  patchJson,
  patchedPartitions,
  samePartition,
  CAUGHT_UP_REFRESH_MS,
  type SnapshotDiff,
  type SnapshotPatch,
} from './snapshot-patch'

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
    const patch = diffSnapshot(before, after)?.patch
    expect(patch?.changedCount).toBe(1)
    expect(patchedPartitions(before, patch as NonNullable<typeof patch>).map(([i]) => i)).toEqual([
      1,
    ])
    const rebuilt = applyPatch(before, patch as NonNullable<typeof patch>)
    expect(rebuilt).toEqual(after)
    expect(rebuilt.partitions[0]).toBe(before.partitions[0])
    expect(rebuilt.partitions[1]).not.toBe(before.partitions[1])
  })

  it('give up when the partition list changes shape', () => {
    expect(
      diffSnapshot(snapshot([partition(0)]), snapshot([partition(0), partition(1)])),
    ).toBeNull()
    const patch = diffSnapshot(snapshot([partition(0)]), snapshot([partition(0)]))?.patch
    expect(() => applyPatch(snapshot([]), patch as NonNullable<typeof patch>)).toThrow()
  })
})

describe('packed snapshot patches over real runs', () => {
  // Every guided scenario, played for two minutes with its own faults, updates every 250 ms:
  // each patch, applied to the page's copy, gives the engine's next snapshot (key order included:
  // exports and the describe view serialise these views), also through JSON as the comparison's
  // frames travel, except that a follower's lastCaughtUpMs may lag by less than
  // CAUGHT_UP_REFRESH_MS (src/ui/panels/isr-clock.test.ts: the ISR clock is the engine's).
  it.each(guidedFilesOnDisk())('rebuild every snapshot of %s as the engine has it', (file) => {
    const parsed = parseScenario(readGuidedFile(file))
    if (!parsed.ok) throw new Error(`${file} does not parse`)
    const sim = createSimulation(parsed.spec)
    let sent = sim.snapshot()
    let page = sent
    let pageJson = sent
    let changedTotal = 0
    for (let t = 250; t <= 120_000; t += 250) {
      sim.runUntil(t)
      const next = sim.snapshot()
      const diff = diffSnapshot(sent, next)
      if (diff === null) throw new Error(`${file}: the partitions changed shape at ${t} ms`)
      changedTotal += diff.patch.changedCount
      page = applyPatch(page, diff.patch)
      pageJson = applyPatch(pageJson, JSON.parse(patchJson(diff.patch)) as SnapshotPatch)
      sent = diff.sent
      expect(JSON.stringify(page.partitions)).toBe(JSON.stringify(sent.partitions))
      expect(pageJson).toEqual(page)
      expect(withFreshCaughtUp(page, next)).toEqual(next)
    }
    expect(changedTotal).toBeGreaterThan(0)
  })

  it('travel as one Float64Array, not as objects', () => {
    const before = snapshot([partition(0), partition(1)])
    const after = snapshot([partition(0, { highWatermark: 11 }), partition(1, { elr: [3] })])
    const patch = (diffSnapshot(before, after) as SnapshotDiff).patch
    expect(patch.packed).toBeInstanceOf(Float64Array)
    expect(patch.changedCount).toBe(2)
    expect(applyPatch(before, patch)).toEqual(after)
  })

  it('keep optional fields only where the engine set them', () => {
    // In the engine's key order (snapshot.ts): `internal` before `replicaStates`.
    const { replicaStates, ...rest } = partition(0, { leaderRecoveryState: 'RECOVERING' })
    const internal: PartitionView = { ...rest, internal: true, replicaStates }
    internal.replicaStates[1] = { ...(internal.replicaStates[1] as ReplicaView), lastCaughtUpMs: 0 }
    const before = snapshot([partition(0)])
    const rebuilt = applyPatch(before, diffSnapshot(before, snapshot([internal]))!.patch)
    expect(JSON.stringify(rebuilt.partitions[0])).toBe(JSON.stringify(internal))
    const plain = applyPatch(
      snapshot([internal]),
      diffSnapshot(snapshot([internal]), before)!.patch,
    )
    expect(plain.partitions[0]).not.toHaveProperty('internal')
    expect(plain.partitions[0]?.replicaStates[1]).not.toHaveProperty('lastCaughtUpMs')
  })

  it('give up when another partition sits at an index', () => {
    const moved = snapshot([partition(0, { topic: 'other' })])
    expect(diffSnapshot(snapshot([partition(0)]), moved)).toBeNull()
  })
})

/** `page` with each lastCaughtUpMs that is within CAUGHT_UP_REFRESH_MS of `next`'s replaced. */
function withFreshCaughtUp(page: Snapshot, next: Snapshot): Snapshot {
  const partitions = page.partitions.map((p, i) => ({
    ...p,
    replicaStates: p.replicaStates.map((r, k) => {
      const truth = next.partitions[i]?.replicaStates[k]?.lastCaughtUpMs
      const fresh =
        r.lastCaughtUpMs !== undefined && next.nowMs - r.lastCaughtUpMs < CAUGHT_UP_REFRESH_MS
      return fresh && truth !== undefined ? { ...r, lastCaughtUpMs: truth } : r
    }),
  }))
  return { ...page, partitions }
}
