/**
 * The ISR clock (PartitionDetails `isrClock`, also in the chip tooltips) as the page shows it:
 * from the page's copy of the snapshot, rebuilt from the host's patches, it must read what the
 * engine's own snapshot reads; and a follower whose log end offset equals the leader's has no
 * clock (Kafka's Replica.isCaughtUp), however long ago its lastCaughtUpTimeMs was.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../../engine/index'
import type { Snapshot } from '../../engine/types'
import { applyPatch, diffSnapshot, type SnapshotDiff } from '../../host/snapshot-patch'
import { parseScenario } from '../../scenario/validate'
import { guidedFilesOnDisk, readGuidedFile } from '../../scenarios/test-helpers'
import { TestCluster } from '../../test-support/test-cluster'
import { isrClock } from './PartitionDetails'

/** The ISR clock of every follower, as the partition details panel shows it. */
function isrClocks(snap: Snapshot): (string | null)[] {
  return snap.partitions.flatMap((p) =>
    p.replicaStates.map((r) => isrClock(p, r, snap.nowMs, 30_000)),
  )
}

/** Plays `advance` `steps` times, checking the page's clocks against the engine's each time. */
function checkClocks(first: Snapshot, steps: number, advance: () => Snapshot): void {
  let sent = first
  let page = first
  for (let step = 0; step < steps; step += 1) {
    const next = advance()
    const diff = diffSnapshot(sent, next) as SnapshotDiff
    page = applyPatch(page, diff.patch)
    sent = diff.sent
    expect(isrClocks(page)).toEqual(isrClocks(next))
  }
}

describe('the ISR clock on the page', () => {
  it.each(guidedFilesOnDisk())('reads as the engine has it in %s', (file) => {
    const parsed = parseScenario(readGuidedFile(file))
    if (!parsed.ok) throw new Error(`${file} does not parse`)
    const sim = createSimulation(parsed.spec)
    let t = 0
    checkClocks(sim.snapshot(), 480, () => {
      t += 250
      sim.runUntil(t)
      return sim.snapshot()
    })
  })

  it('is absent for the followers of an idle partition, which never leave the ISR', () => {
    const cluster = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 3 })
    cluster.topic('idle', { partitions: 1, replicationFactor: 3 })
    cluster.runFor(5_000)
    checkClocks(cluster.snapshot(), 20, () => {
      cluster.runFor(500)
      const next = cluster.snapshot()
      expect(isrClocks(next)).toEqual([null, null, null])
      return next
    })
    expect(cluster.partition('idle-0').isr).toEqual([1, 2, 3])
  })
})
