/**
 * The "Try it" variant of every guided scenario, checked against the real engine so that the
 * closing suggestion (`narration.tryIt`) cannot promise what its one-click variant does not do.
 *
 * How: each file in public/scenarios is read from disk and its variant built and validated with
 * `validateVariant` (the file with `narration.tryItVariant.merge` applied, no warnings allowed),
 * then run for its durationMs through createSimulation, with the engine's invariant checks on
 * except for the four capacity scenarios (as their own "try it" checks in guided.test.ts do; an
 * hour-long checked run takes minutes). The claim each tryIt text makes about the variant is then
 * asserted from the run report, the metric series, the event log and snapshots taken on the way.
 */
import { describe, expect, it, vi } from 'vitest'
import { buildReport, createSimulation, type RunReport } from '../engine'
import type { MetricsSample, SimEvent, Snapshot } from '../engine/types'
import { VARIANT_NAME_SUFFIX } from '../scenario'
import { validateScenario, validateVariant } from '../scenario/validate'
import { listGuidedScenarios } from './index'
import { eventsOf, maxOf, minOf, readGuidedFile } from './test-helpers'

// A test that runs a variant first pays for the run: a checked run with a consumer group (the 50
// partitions of __consumer_offsets) takes several seconds on a busy machine.
vi.setConfig({ testTimeout: 60_000 })

interface VariantRun {
  report: RunReport
  events: readonly SimEvent[]
  series: readonly MetricsSample[]
  probes: Map<number, Snapshot>
}

function readFile(id: string): unknown {
  return JSON.parse(readGuidedFile(`${id}.json`)) as unknown
}

function variantOf(id: string) {
  const result = validateVariant(readFile(id))
  if (!result.ok) throw new Error(`${id}: ${result.problems.map((p) => p.message).join('; ')}`)
  return result
}

/** Runs a guided scenario's variant (or, with `original`, the file itself), memoised. */
function lazyVariant(
  id: string,
  probesMs: readonly number[] = [],
  options: { checked?: boolean; original?: boolean } = {},
): () => VariantRun {
  let run: VariantRun | null = null
  return () => {
    if (run !== null) return run
    const parsed = options.original === true ? validateScenario(readFile(id)) : variantOf(id)
    if (!parsed.ok) throw new Error(`${id} is invalid`)
    const { spec } = parsed
    const checked = options.checked ?? true
    const sim = createSimulation(
      spec,
      checked ? { checkInvariants: true, throwOnViolation: true } : {},
    )
    const probes = new Map<number, Snapshot>()
    for (const t of [...probesMs].sort((a, b) => a - b)) {
      sim.runUntil(t)
      probes.set(t, sim.snapshot())
    }
    sim.runUntil(spec.durationMs)
    run = {
      report: buildReport(sim, spec.durationMs),
      events: sim.events(),
      series: sim.metricsSeries(),
      probes,
    }
    return run
  }
}

function producerOf(run: VariantRun, id: string) {
  const client = run.report.clients.find((c) => c.id === id)
  if (client?.kind !== 'producer') throw new Error(`no producer ${id}`)
  return client
}

function probeOf(run: VariantRun, atMs: number): Snapshot {
  const snapshot = run.probes.get(atMs)
  if (snapshot === undefined) throw new Error(`no probe at ${atMs} ms`)
  return snapshot
}

const notEnoughReplicas = (run: VariantRun) =>
  eventsOf(run.events, 'ProduceFailed').filter((e) => e.error === 'NOT_ENOUGH_REPLICAS')

describe('every guided scenario has a Try it variant that loads', () => {
  const entries = listGuidedScenarios(readGuidedFile)

  it.each(entries.map((e) => e.id))('%s', (id) => {
    const original = validateScenario(readFile(id))
    const variant = variantOf(id)
    if (!original.ok) throw new Error('invalid')
    expect(variant.warnings).toEqual([])
    expect(variant.spec.name).toBe(`${original.spec.name}${VARIANT_NAME_SUFFIX}`)
    expect(variant.label.length).toBeGreaterThan(5)
    expect(variant.label.length).toBeLessThanOrEqual(40)
    // The variant changes the run, not only its name, and keeps the narration.
    expect({ ...variant.spec, name: '' }).not.toEqual({ ...original.spec, name: '' })
    expect(variant.narration?.steps).toEqual(original.narration?.steps)
    expect(variant.narration?.tryItVariant?.label).toBe(variant.label)
  })
})

describe('acks1-vs-acks-all, without the slowBroker faults: even acks=1 loses nothing', () => {
  const run = lazyVariant('acks1-vs-acks-all')

  it('runs only the crash and the restart', () => {
    expect(variantOf('acks1-vs-acks-all').spec.faults.map((f) => f.type)).toEqual([
      'crashBroker',
      'startBroker',
    ])
  })

  it('elects a caught-up follower cleanly: no acks=1 record lost, nothing truncated', () => {
    const elected = eventsOf(run().events, 'LeaderElected')
    expect(elected.length).toBeGreaterThan(0)
    expect(elected.every((e) => !e.unclean)).toBe(true)
    expect(producerOf(run(), 'acks1-producer').lostAcked).toBe(0)
    expect(producerOf(run(), 'acks-all-producer').lostAcked).toBe(0)
    const truncated = eventsOf(run().events, 'ReplicaTruncated').filter(
      (e) => e.topic === 'clicks-acks1',
    )
    expect(truncated).toEqual([])
  })
})

describe('bootstrap-single-broker, with brokers 1, 2 and 3 for single-bootstrap', () => {
  const run = lazyVariant('bootstrap-single-broker')

  it('connects both producers at once while broker 1 is down, and fails nothing', () => {
    const connected = eventsOf(run().events, 'ClientConnected')
    for (const client of ['single-bootstrap', 'per-az-bootstrap']) {
      const first = connected.find((e) => e.client === client)
      expect(first?.atMs).toBeLessThan(1000)
      expect(first?.broker).not.toBe(1)
      expect(producerOf(run(), client).failed).toBe(0)
    }
  })
})

describe('broker-back-after-an-hour, on kafka.m7g.2xlarge: the volume binds the catch-up', () => {
  const run = lazyVariant('broker-back-after-an-hour', [3_700_000, 3_800_000], { checked: false })

  it('catches up at about 225 MiB/s, bound by the 250 MiB/s volume, not the network', () => {
    for (const t of [3_700_000, 3_800_000]) {
      const back = probeOf(run(), t).brokers.find((b) => b.id === 1)!.capacity!
      expect(back.bound).toBe('volume')
      expect(back.catchupInMiBps).toBeGreaterThan(210)
      expect(back.catchupInMiBps).toBeLessThan(240)
      expect(back.ratios.networkIn!).toBeLessThan(0.55)
    }
  })

  it('completes every ISR about 165 s after broker 1 is unfenced', () => {
    const unfenced = eventsOf(run().events, 'BrokerUnfenced').filter(
      (e) => e.broker === 1 && e.atMs > 3_660_000,
    )
    expect(unfenced).toHaveLength(1)
    const rejoins = eventsOf(run().events, 'IsrExpanded').filter(
      (e) =>
        (e.topic === 'orders' || e.topic === 'payments') &&
        e.added.includes(1) &&
        e.atMs > 3_660_000,
    )
    expect(rejoins).toHaveLength(12)
    const seconds = (rejoins.at(-1)!.atMs - unfenced[0]!.atMs) / 1000
    expect(seconds).toBeGreaterThan(160)
    expect(seconds).toBeLessThan(170)
  })
})

describe('consumer-group-coordinator, with session.timeout.ms 10000: the takeover comes sooner', () => {
  const run = lazyVariant('consumer-group-coordinator')
  // The original's run is checked in guided.test.ts; here it is only the yardstick.
  const original = lazyVariant('consumer-group-coordinator', [], { original: true, checked: false })
  const takeover = (r: VariantRun) =>
    eventsOf(r.events, 'GroupAssignmentReceived').find(
      (e) => e.member === 0 && e.partitions.length === 6,
    )!.atMs

  it('removes the dead member about 10 s after its last heartbeat, not 45 s', () => {
    const removed = eventsOf(run().events, 'GroupMemberRemoved')
    expect(removed).toHaveLength(1)
    expect(removed[0]).toMatchObject({ member: 1, reason: 'session-timeout' })
    expect(removed[0]!.atMs - 70_000).toBeGreaterThan(10_000 - 3_600)
    expect(removed[0]!.atMs - 70_000).toBeLessThanOrEqual(10_000)
  })

  it('hands its partitions over about 35 s sooner than with the default 45000', () => {
    const sooner = (takeover(original()) - takeover(run())) / 1000
    expect(sooner).toBeGreaterThan(33)
    expect(sooner).toBeLessThan(37)
  })
})

describe('control-plane-majority-lost, stopping use1-az2 instead: the quorum keeps its majority', () => {
  const run = lazyVariant('control-plane-majority-lost')
  const during = (e: { atMs: number }) => e.atMs > 30_000 && e.atMs < 100_000

  it('never loses the active controller', () => {
    expect(eventsOf(run().events, 'QuorumLost')).toEqual([])
    expect(minOf(run().series, (m) => m.ActiveControllerCount)).toBe(1)
  })

  it('fences the lost AZ and moves its leaderships cleanly, losing nothing', () => {
    const fenced = eventsOf(run().events, 'BrokerFenced').filter(during)
    expect(fenced.map((e) => e.broker).sort()).toEqual([2, 4])
    const elected = eventsOf(run().events, 'LeaderElected').filter(during)
    expect(elected.length).toBeGreaterThan(0)
    expect(elected.every((e) => !e.unclean && e.leader !== 2 && e.leader !== 4)).toBe(true)
    expect(maxOf(run().series, (m) => m.ackedRecords, 40_000, 100_000)).toBeGreaterThan(0)
    expect(producerOf(run(), 'orders-producer').failed).toBe(0)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('express-vs-standard-az-loss, on express.m7g.2xlarge: the same loss with no queue', () => {
  const run = lazyVariant('express-vs-standard-az-loss', [25_000], { checked: false })

  it('starts each broker near 30% of egress', () => {
    for (const b of probeOf(run(), 25_000).brokers) {
      expect(b.capacity!.bound).toBe('egress')
      expect(b.capacity!.utilisation).toBeGreaterThan(0.26)
      expect(b.capacity!.utilisation).toBeLessThan(0.32)
    }
  })

  it('peaks near 61% during the AZ loss, and nothing queues', () => {
    const brokers = run().report.capacity!.brokers
    const peak = Math.max(...brokers.map((b) => b.peakUtilisation))
    expect(peak).toBeGreaterThan(0.58)
    expect(peak).toBeLessThan(0.64)
    expect(brokers.every((b) => b.peakQueueMs === 0)).toBe(true)
  })
})

describe('msk-rolling-patch, with replicationFactor 2: the patch refuses acks=all writes', () => {
  const run = lazyVariant('msk-rolling-patch')

  it('leaves ISRs of one member, under min.insync.replicas 2, at each restart', () => {
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBeGreaterThan(0)
  })

  it('answers the producer NOT_ENOUGH_REPLICAS during the patch only, and loses nothing', () => {
    const steps = eventsOf(run().events, 'RollingRestartStep')
    const start = steps.find((e) => e.step === 'stop')!.atMs
    const end = steps.filter((e) => e.step === 'done').at(-1)!.atMs
    expect(producerOf(run(), 'console-producer').errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0)
    for (const e of notEnoughReplicas(run())) {
      expect(e.atMs).toBeGreaterThanOrEqual(start)
      expect(e.atMs).toBeLessThanOrEqual(end)
    }
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('preferred-leader-rebalance, rebalanced by hand at 75 s', () => {
  const run = lazyVariant('preferred-leader-rebalance')

  it('gives broker 1 its two leaderships back at 75 s, from the command only', () => {
    const command = eventsOf(run().events, 'FaultInjected').filter(
      (e) => e.fault === 'electLeaders',
    )
    expect(command.map((e) => e.atMs)).toEqual([75_000])
    const preferred = eventsOf(run().events, 'LeaderElected').filter(
      (e) => e.election === 'PREFERRED',
    )
    expect(preferred.map((e) => [e.atMs, e.partition, e.leader])).toEqual([
      [75_000, 2, 1],
      [75_000, 5, 1],
    ])
    expect(run().report.metrics.final.LeaderCount).toEqual({ 1: 2, 2: 2, 3: 2 })
  })
})

describe('recommended-layout-az-loss, on two AZs: the lost AZ held two replicas of some partitions', () => {
  const run = lazyVariant('recommended-layout-az-loss')
  const variant = () => variantOf('recommended-layout-az-loss')

  it('puts the same six brokers on two AZs and stops use1-az2', () => {
    const { cluster, faults } = variant().spec
    expect(cluster.zones).toEqual(['use1-az1', 'use1-az2'])
    expect(cluster.brokers).toHaveLength(6)
    expect(faults.map((f) => f.type === 'stopZone' && f.zone)).toContain('use1-az2')
  })

  it('drops partitions under min ISR: NOT_ENOUGH_REPLICAS until records expire, none acknowledged lost', () => {
    const az2 = new Set(
      variant()
        .spec.cluster.brokers.filter((b) => b.zone === 'use1-az2')
        .map((b) => b.id),
    )
    const shared = run().report.partitions.filter(
      (p) => p.internal !== true && p.replicas.filter((r) => az2.has(r)).length >= 2,
    )
    expect(shared.length).toBeGreaterThan(0)
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(shared.length)
    expect(minOf(run().series, (m) => m.ActiveControllerCount)).toBe(1)
    const orders = producerOf(run(), 'orders-producer')
    expect(orders.errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0)
    expect(eventsOf(run().events, 'RecordsExpired').length).toBeGreaterThan(0)
    expect(orders.failed).toBeGreaterThan(0)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('rf1-rolling-update, with RF 3 and min ISR 2: nothing goes offline', () => {
  const run = lazyVariant('rf1-rolling-update')

  it('moves leadership to in-sync followers: OfflinePartitionsCount stays 0', () => {
    expect(eventsOf(run().events, 'PartitionOffline')).toEqual([])
    expect(maxOf(run().series, (m) => m.OfflinePartitionsCount)).toBe(0)
    expect(run().report.availability.offlinePartitionMs).toBe(0)
    const moved = eventsOf(run().events, 'LeaderElected').filter((e) => e.atMs > 10_000)
    expect(moved.length).toBeGreaterThan(0)
    expect(moved.every((e) => !e.unclean)).toBe(true)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('rf2-minisr1-two-az, with min ISR 2: writes fail instead of piling up on one broker', () => {
  const run = lazyVariant('rf2-minisr1-two-az')

  it('answers NOT_ENOUGH_REPLICAS once broker 2 is out of the ISR, and loses nothing', () => {
    const shrunk = eventsOf(run().events, 'IsrShrunk').find((e) => e.removed.includes(2))
    expect(shrunk).toBeDefined()
    const refused = notEnoughReplicas(run())
    expect(refused.length).toBeGreaterThan(0)
    expect(refused[0]!.atMs).toBeGreaterThanOrEqual(shrunk!.atMs)
    for (const id of ['unclean-producer', 'clean-producer']) {
      expect(producerOf(run(), id).errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0)
      expect(producerOf(run(), id).lostAcked).toBe(0)
    }
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('rf3-minisr3-patching, with min ISR 2: the patch is all but invisible to the producer', () => {
  const run = lazyVariant('rf3-minisr3-patching')

  it('has no NOT_ENOUGH_REPLICAS, no failed record and no acknowledgement slower than 10 ms', () => {
    const orders = producerOf(run(), 'orders-producer')
    expect(notEnoughReplicas(run())).toEqual([])
    expect(orders.failed).toBe(0)
    expect(orders.acked).toBe(orders.sent)
    expect(orders.latencyMs.max).toBeLessThanOrEqual(10)
    expect(orders.errors).toEqual({ NOT_LEADER_OR_FOLLOWER: 1 })
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(0)
  })
})

describe('rf3-two-az, with a third zone: every replica in its own AZ', () => {
  const run = lazyVariant('rf3-two-az', [100_000])

  it('places one replica of every partition in each AZ', () => {
    const zoneOf = new Map(
      variantOf('rf3-two-az').spec.cluster.brokers.map((b) => [b.id, b.zone] as const),
    )
    expect(zoneOf.size).toBe(6)
    for (const p of run().report.partitions.filter((x) => x.internal !== true))
      expect(new Set(p.replicas.map((r) => zoneOf.get(r))).size).toBe(3)
  })

  it('leaves every ISR at 2 during the same outage, so writes go on', () => {
    const during = probeOf(run(), 100_000).partitions.filter((p) => p.internal !== true)
    expect(during.every((p) => p.isr.length === 2)).toBe(true)
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(0)
    expect(producerOf(run(), 'orders-producer').failed).toBe(0)
  })
})

describe('right-layout-wrong-size, at 60416 records/s (55%)', () => {
  const run = lazyVariant('right-layout-wrong-size', [170_000], { checked: false })

  it('rides out the AZ loss with no queue', () => {
    const during = probeOf(run(), 170_000)
    expect(Math.max(...during.brokers.map((b) => b.capacity!.queueMs))).toBe(0)
    expect(Math.max(...during.brokers.map((b) => b.capacity!.utilisation))).toBeLessThan(0.95)
    expect(during.capacity!.brokers.every((b) => b.peakQueueMs === 0)).toBe(true)
  })

  it('still saturates the survivors on the return', () => {
    expect(
      Math.max(...run().report.capacity!.brokers.map((b) => b.peakUtilisation)),
    ).toBeGreaterThan(1)
  })
})

describe('slow-follower, with fetchDelayMs 3000: slow, but inside the ISR', () => {
  const run = lazyVariant('slow-follower')
  const p99s = (from: number, to: number) =>
    run()
      .series.filter((m) => m.atMs >= from && m.atMs < to)
      .map((m) => m.producerLatencyP99Ms ?? 0)

  it('keeps broker 3 in the ISR the whole time', () => {
    expect(eventsOf(run().events, 'IsrShrunk')).toEqual([])
    expect(maxOf(run().series, (m) => m.UnderReplicatedPartitions)).toBe(0)
  })

  it('keeps acks=all latency high until the delay is removed at 70 s', () => {
    const slowed = p99s(25_000, 70_000).filter((p99) => p99 > 3000)
    // A sample every 3 s or so, for the writes that waited on broker 3's fetch.
    expect(slowed.length).toBeGreaterThanOrEqual(12)
    expect(Math.max(...p99s(75_000, 120_000))).toBeLessThan(100)
    expect(producerOf(run(), 'orders-producer').errors).toEqual({})
  })
})

describe('unclean-election-cap, with min ISR 2: nothing acknowledged left to lose', () => {
  const run = lazyVariant('unclean-election-cap')

  it('stops writes with NOT_ENOUGH_REPLICAS when the followers die', () => {
    const refused = notEnoughReplicas(run())
    expect(refused.length).toBeGreaterThan(0)
    expect(refused[0]!.atMs).toBeGreaterThanOrEqual(20_000)
    for (const id of ['ledger-producer', 'metrics-producer'])
      expect(producerOf(run(), id).errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0)
  })

  it('still elects uncleanly on metrics-available, and loses no acknowledged record', () => {
    const unclean = eventsOf(run().events, 'LeaderElected').filter((e) => e.unclean)
    expect(unclean.length).toBeGreaterThan(0)
    expect(unclean.every((e) => e.topic === 'metrics-available')).toBe(true)
    expect(producerOf(run(), 'metrics-producer').lostAcked).toBe(0)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('volume-replaced, with a 30 MiB/s follower throttle', () => {
  const run = lazyVariant('volume-replaced', [350_000, 400_000], { checked: false })

  it('fetches at about 30 MiB/s', () => {
    for (const t of [350_000, 400_000]) {
      const c = probeOf(run(), t).brokers.find((b) => b.id === 1)!.capacity!
      expect(c.replicationInMiBps).toBeGreaterThan(27)
      expect(c.replicationInMiBps).toBeLessThan(33)
    }
  })

  it('rejoins its six ISRs between 390 s and 493 s, losing nothing', () => {
    const back = eventsOf(run().events, 'IsrExpanded')
      .filter((e) => e.atMs > 300_000 && e.added.includes(1))
      .map((e) => e.atMs)
    expect(back).toHaveLength(6)
    expect(back[0]).toBeGreaterThan(385_000)
    expect(back[0]).toBeLessThan(395_000)
    expect(back.at(-1)).toBeGreaterThan(488_000)
    expect(back.at(-1)).toBeLessThan(498_000)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})
