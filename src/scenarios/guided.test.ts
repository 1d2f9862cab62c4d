/**
 * The guided scenarios of public/scenarios, checked against the real engine so that their
 * narration cannot drift from what the engine does.
 *
 * How: each file is read from disk and parsed with the real scenario reader (parseScenario, no
 * warnings allowed), then run for its durationMs through createSimulation with the engine's
 * invariant checks on (a violation fails the test), taking a snapshot at every narration step on
 * the way. Each scenario's teaching claim, the one its narration tells, is then asserted from
 * the outcome: the run report, the metric series, the event log and the snapshots. The index
 * (every file listed once, unique ids), each file against the JSON Schema, and the narration's
 * shape (steps in time order inside the run, real config keys) are checked too.
 */
import { Ajv2020 } from 'ajv/dist/2020'
import { describe, expect, it } from 'vitest'
import { scenarioSchema } from '../scenario'
import {
  CLUSTER_CONFIG_FIELDS,
  CONSUMER_CONFIG_FIELDS,
  PRODUCER_CONFIG_FIELDS,
  TOPIC_CONFIG_FIELDS,
} from '../scenario/fields'
import { createSimulation } from '../engine'
import type { MetricsSample } from '../engine/types'
import { listGuidedScenarios, parseGuidedIndex, parseGuidedScenario } from './index'

type MetricsSampleLike = Pick<MetricsSample, 'ackedRecords'>
import {
  eventsOf,
  guidedFilesOnDisk,
  lazyRun,
  maxOf,
  minOf,
  offlineMsByTopic,
  partitionView,
  probe,
  producer,
  producerView,
  readGuidedFile,
} from './test-helpers'

/**
 * Several claims below rest on the leader moving its high watermark as soon as it appends, as
 * Partition.appendRecordsToLeader does by calling maybeIncrementLeaderHW (docs/kafka-rules.md
 * §4.3). With the leader alone in the ISR (RF 1, or an ISR shrunk to the leader under
 * min.insync.replicas 1) the high watermark then follows the leader's log end: acks=all writes
 * are acknowledged at once (rf1-rolling-update), a follower that lags behind it cannot rejoin the
 * ISR (rf2-minisr1-two-az), and records acknowledged by the leader alone are lost when an unclean
 * election follows (unclean-election-cap).
 */

const GUIDED_IDS = [
  'rf1-rolling-update',
  'rf2-minisr1-two-az',
  'rf3-minisr3-patching',
  'recommended-layout-az-loss',
  'rf3-two-az',
  'msk-rolling-patch',
  'bootstrap-single-broker',
  'acks1-vs-acks-all',
  'unclean-election-cap',
  'control-plane-majority-lost',
  'slow-follower',
  'preferred-leader-rebalance',
  'consumer-group-coordinator',
  'right-layout-wrong-size',
  'broker-back-after-an-hour',
  'express-vs-standard-az-loss',
  'volume-replaced',
]

/** Kafka config keys a narration may cite besides the ones the scenario format knows. */
const OTHER_KAFKA_KEYS = ['max.block.ms']

describe('the guided scenario files', () => {
  const entries = listGuidedScenarios(readGuidedFile)

  it('index.json lists the seventeen guided scenarios, each file once, with unique ids', () => {
    expect(entries.map((e) => e.id)).toEqual(GUIDED_IDS)
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length)
    expect(entries.map((e) => e.file).sort()).toEqual(guidedFilesOnDisk())
  })

  it('rejects a malformed index with named problems', () => {
    const result = parseGuidedIndex(
      JSON.stringify([
        { id: 'a', title: 'A', summary: 's', file: 'a.json' },
        { id: 'a', title: 'A', summary: 's', file: 'b.json' },
        { id: 'Bad_Id', title: '', summary: 's', file: 'x.json', extra: 1 },
      ]),
    )
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems.map((p) => p.path)).toEqual([
      '[1].file',
      '[1].id',
      '[2].extra',
      '[2].title',
    ])
    expect(parseGuidedIndex('{').ok).toBe(false)
    expect(parseGuidedIndex('{}').ok).toBe(false)
  })

  const matchesSchema = new Ajv2020({
    strict: true,
    strictRequired: false,
    allErrors: true,
  }).compile(scenarioSchema)

  describe.each(entries)('$file', (entry) => {
    const text = readGuidedFile(entry.file)
    const result = parseGuidedScenario(entry, text)

    it('passes validation with no warnings and carries narration', () => {
      expect(result.ok ? [] : result.problems).toEqual([])
      if (!result.ok) return
      expect(result.scenario.warnings).toEqual([])
      expect(result.scenario.spec.name).toBe(entry.title)
      expect(entry.summary.length).toBeGreaterThan(20)
    })

    it('matches public/scenario.schema.json, which editors use', () => {
      expect(matchesSchema(JSON.parse(text))).toBe(true)
      expect(matchesSchema.errors ?? []).toEqual([])
    })

    it('fits the guided format: MSK zones, small cluster, short run, realistic rates', () => {
      if (!result.ok) throw new Error('invalid')
      const { spec } = result.scenario
      for (const zone of spec.cluster.zones) expect(zone).toMatch(/^use1-az[1-3]$/)
      expect(spec.cluster.brokers.length).toBeGreaterThanOrEqual(3)
      expect(spec.cluster.brokers.length).toBeLessThanOrEqual(6)
      // Kafka's own __consumer_offsets has its 50 partitions.
      for (const topic of spec.topics)
        if (topic.internal !== true) expect(topic.partitions).toBeLessThanOrEqual(12)
      // Capacity scenarios need real byte rates, and an hour's absence needs its hour.
      const capacity = spec.cluster.brokerType !== undefined
      expect(spec.durationMs).toBeLessThanOrEqual(capacity ? 4_200_000 : 300_000)
      for (const client of spec.clients) {
        if (client.kind !== 'producer') continue
        expect(client.recordsPerSecond).toBeGreaterThanOrEqual(100)
        expect(client.recordsPerSecond).toBeLessThanOrEqual(capacity ? 100_000 : 500)
      }
    })

    it('has narration steps in time order, inside the run, citing real config keys', () => {
      if (!result.ok) throw new Error('invalid')
      const { spec, narration } = result.scenario
      const known = new Set<string>([
        ...Object.keys(CLUSTER_CONFIG_FIELDS),
        ...Object.keys(TOPIC_CONFIG_FIELDS),
        ...Object.keys(PRODUCER_CONFIG_FIELDS),
        ...Object.keys(CONSUMER_CONFIG_FIELDS),
        ...OTHER_KAFKA_KEYS,
      ])
      expect(narration.steps.length).toBeGreaterThanOrEqual(3)
      expect(narration.steps[0]?.atMs).toBe(0)
      let previous = 0
      for (const step of narration.steps) {
        expect(step.atMs).toBeGreaterThanOrEqual(previous)
        expect(step.atMs).toBeLessThanOrEqual(spec.durationMs)
        previous = step.atMs
        expect(step.title.length).toBeGreaterThan(0)
        expect(step.text.length).toBeGreaterThan(40)
        expect(step.rule?.length ?? 0).toBeGreaterThan(20)
        for (const key of step.configKeys ?? []) expect(known).toContain(key)
      }
      expect(narration.steps.some((s) => s.checkpoint === true)).toBe(true)
      expect(narration.tryIt?.length ?? 0).toBeGreaterThan(20)
    })
  })
})

describe('rf1-rolling-update: RF 1 partitions go offline while their broker restarts', () => {
  const run = lazyRun('rf1-rolling-update')

  it('takes each partition offline exactly once, when its only broker stops', () => {
    const stops = eventsOf(run().events, 'RollingRestartStep').filter((e) => e.step === 'stop')
    const offline = eventsOf(run().events, 'PartitionOffline')
    expect(offline).toHaveLength(6)
    expect(new Set(offline.map((e) => e.partition)).size).toBe(6)
    for (const e of offline) {
      const stop = stops.find((s) => s.atMs === e.atMs)
      expect(stop?.broker).toBe(e.isr[0])
    }
    expect(partitionView(probe(run(), 10000), 'orders', 2).leader).toBe(-1)
    expect(partitionView(probe(run(), 10000), 'orders', 5).leader).toBe(-1)
  })

  it('keeps each partition offline for the restart plus the broker startup, then recovers it', () => {
    const offlineMs = offlineMsByTopic(run().events, run().report.durationMs).get('orders') ?? 0
    expect(offlineMs).toBe(run().report.availability.offlinePartitionMs)
    expect(offlineMs).toBeGreaterThanOrEqual(6 * 20000)
    expect(offlineMs).toBeLessThanOrEqual(6 * 30000)
    expect(probe(run(), 99000).partitions.every((p) => p.leader >= 0)).toBe(true)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })

  it(`partitions that keep their leader keep taking acks=all writes`, () => {
    expect(producer(run(), 'orders-producer').acked).toBeGreaterThan(0)
  })
})

describe('rf2-minisr1-two-az: acks=all with min ISR 1 loses data or availability', () => {
  const run = lazyRun('rf2-minisr1-two-az', [100000])
  const crashAtMs = 70000

  it('drops the slow follower from the ISR after replica.lag.time.max.ms, before the crash', () => {
    const shrinks = eventsOf(run().events, 'IsrShrunk').filter(
      (e) => e.partition === 0 && e.by === 'leader' && e.atMs < crashAtMs,
    )
    expect(shrinks.map((e) => e.topic).sort()).toContain('payments-clean')
    expect(shrinks[0]?.atMs).toBeGreaterThanOrEqual(20000 + 10000)
    expect(partitionView(probe(run(), 34000), 'payments-clean', 0).isr).toEqual([1])
    expect(partitionView(probe(run(), 34000), 'payments-unclean', 0).isr).toEqual([1])
  })

  it('with unclean election on, elects the stale follower and loses acknowledged records', () => {
    const elected = eventsOf(run().events, 'LeaderElected').filter(
      (e) => e.topic === 'payments-unclean' && e.partition === 0 && e.atMs > crashAtMs,
    )
    expect(elected[0]).toMatchObject({ leader: 2, unclean: true, election: 'UNCLEAN' })
    expect(producer(run(), 'unclean-producer').lostAcked).toBeGreaterThan(0)
    const truncated = eventsOf(run().events, 'ReplicaTruncated').filter(
      (e) => e.topic === 'payments-unclean' && e.broker === 1,
    )
    expect(truncated.length).toBeGreaterThan(0)
  })

  it('with unclean election off, goes offline instead and loses nothing', () => {
    const offline = offlineMsByTopic(run().events, run().report.durationMs)
    expect(offline.get('payments-clean') ?? 0).toBeGreaterThan(30000)
    expect(offline.get('payments-unclean') ?? 0).toBe(0)
    const during = probe(run(), 100000)
    expect(partitionView(during, 'payments-clean', 0).leader).toBe(-1)
    expect(producerView(during, 'clean-producer').unavailableAcked).toBeGreaterThan(0)
    expect(producer(run(), 'clean-producer').lostAcked).toBe(0)
    expect(
      eventsOf(run().events, 'LeaderElected').some(
        (e) => e.unclean && e.topic === 'payments-clean',
      ),
    ).toBe(false)
  })

  it(`keeps the slow follower out of the ISR until the crash`, () => {
    const rejoined = eventsOf(run().events, 'IsrExpanded').filter(
      (e) => e.partition === 0 && e.atMs > 34000 && e.atMs < crashAtMs,
    )
    expect(rejoined).toEqual([])
  })
})

describe('rf3-minisr3-patching: min ISR = RF refuses acks=all writes while one broker is away', () => {
  const run = lazyRun('rf3-minisr3-patching')

  it('puts every partition under min ISR while broker 2 is patched', () => {
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount, 21000, 64000)).toBe(6)
    expect(probe(run(), 20000).partitions.every((p) => p.isr.length === 2)).toBe(true)
    expect(probe(run(), 65000).partitions.every((p) => p.isr.length === 3)).toBe(true)
    expect(run().report.metrics.final.UnderMinIsrPartitionCount).toBe(0)
  })

  it('answers acks=all producers with NOT_ENOUGH_REPLICAS, only during the patch, and retries', () => {
    const orders = producer(run(), 'orders-producer')
    expect(orders.errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0)
    const refusals = eventsOf(run().events, 'ProduceFailed').filter(
      (e) => e.error === 'NOT_ENOUGH_REPLICAS',
    )
    for (const e of refusals) {
      expect(e.atMs).toBeGreaterThanOrEqual(20000)
      expect(e.atMs).toBeLessThanOrEqual(66000)
      expect(e.retriable).toBe(true)
    }
    expect(orders.failed).toBe(0)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('recommended-layout-az-loss: 3 AZs, RF 3, min ISR 2 survive an AZ', () => {
  const run = lazyRun('recommended-layout-az-loss')

  it('loses no acknowledged record and never goes under min ISR or offline', () => {
    expect(run().report.durability.lostAckedRecords).toBe(0)
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(0)
    expect(maxOf(run().series, (m) => m.OfflinePartitionsCount)).toBe(0)
    expect(eventsOf(run().events, 'LeaderElected').every((e) => !e.unclean)).toBe(true)
  })

  it('completes the requests parked on surviving leaders at fencing: no REQUEST_TIMED_OUT', () => {
    // Partition.makeLeader ends with maybeIncrementLeaderHW on the ISR-only change that removes
    // the lost AZ's followers, so those leaders' acks=all requests succeed then.
    const leaderAtStop = new Map(probe(run(), 30000).partitions.map((p) => [p.partition, p.leader]))
    const survivorLed = [...leaderAtStop].filter(([, leader]) => leader !== 1 && leader !== 4)
    expect(survivorLed).toHaveLength(8)
    const failures = eventsOf(run().events, 'ProduceFailed')
    const timedOut = failures.filter((e) => e.error === 'REQUEST_TIMED_OUT')
    for (const e of timedOut) expect([1, 4]).toContain(leaderAtStop.get(e.partition))
  })

  it('times out the requests written to the powered-off leaders after request.timeout.ms, then retries them', () => {
    // No reset reaches the client from a host that is off: the request waits request.timeout.ms
    // (30 s), NetworkClient.handleTimedOutRequests closes the connection, the batch is retried.
    const timedOut = eventsOf(run().events, 'ProduceFailed').filter(
      (e) => e.error === 'REQUEST_TIMED_OUT',
    )
    expect(timedOut.length).toBeGreaterThan(0)
    for (const e of timedOut) {
      expect(e.atMs).toBeGreaterThanOrEqual(60000)
      expect(e.atMs).toBeLessThan(61000)
      expect(e.retriable).toBe(true)
    }
    const lines = run().clientLog.map((l) => l.message)
    expect(lines).toContain(
      '[Producer clientId=orders-producer] Disconnecting from node 4 due to request timeout.',
    )
    const latency = producer(run(), 'orders-producer').latencyMs
    expect(latency.max).toBeGreaterThan(29000)
    expect(latency.max).toBeLessThan(31000)
  })

  it('shows only transient, retried producer errors', () => {
    const failures = eventsOf(run().events, 'ProduceFailed')
    expect(failures.length).toBeGreaterThan(0)
    expect(failures.every((e) => e.retriable)).toBe(true)
    const produced = producer(run(), 'orders-producer')
    expect(produced.failed).toBe(0)
    expect(produced.acked).toBe(produced.sent)
  })

  it('places one replica of every partition in each AZ', () => {
    const zoneOf = new Map(run().scenario.spec.cluster.brokers.map((b) => [b.id, b.zone]))
    for (const p of run().report.partitions)
      expect(new Set(p.replicas.map((r) => zoneOf.get(r))).size).toBe(3)
  })

  it('elects a new active controller and keeps every ISR at min.insync.replicas', () => {
    const elected = eventsOf(run().events, 'ControllerElected').filter((e) => e.atMs > 30000)
    expect(elected[0]?.atMs).toBeLessThan(35000)
    const fenced = probe(run(), 42000)
    expect(fenced.metrics.AtMinIsrPartitionCount).toBe(12)
    for (const p of fenced.partitions) {
      expect(p.isr).toHaveLength(2)
      expect([1, 4]).not.toContain(p.leader)
    }
    expect(maxOf(run().series, (m) => m.UnderReplicatedPartitions)).toBe(12)
    expect(run().report.metrics.final.UnderReplicatedPartitions).toBe(0)
  })
})

describe('rf3-two-az: two replicas sharing an AZ leave partitions under min ISR', () => {
  const run = lazyRun('rf3-two-az', [100000])

  it('puts exactly the partitions with two replicas in the failed AZ under min ISR', () => {
    const az2 = new Set([2, 4])
    const shared = run().report.partitions.filter(
      (p) => p.replicas.filter((r) => az2.has(r)).length >= 2,
    )
    expect(shared.map((p) => p.partition)).toEqual([0, 2, 4, 6])
    const during = probe(run(), 100000)
    const under = during.partitions.filter((p) => p.isr.length < p.minIsr).map((p) => p.partition)
    expect(under).toEqual(shared.map((p) => p.partition))
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(shared.length)
    expect(minOf(run().series, (m) => m.ActiveControllerCount)).toBe(1)
  })

  it('refuses acks=all writes with NOT_ENOUGH_REPLICAS until records expire, losing none acknowledged', () => {
    const orders = producer(run(), 'orders-producer')
    expect(orders.errors.NOT_ENOUGH_REPLICAS).toBeGreaterThan(0)
    const expired = eventsOf(run().events, 'RecordsExpired')
    expect(expired.length).toBeGreaterThan(0)
    expect(expired[0]?.atMs).toBeGreaterThanOrEqual(30000 + 120000)
    expect(orders.failed).toBeGreaterThan(0)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('msk-rolling-patch: clients ride through a rolling patch', () => {
  const run = lazyRun('msk-rolling-patch')
  const patchEnd = 164000

  it('restarts every broker once, keeping UnderMinIsrPartitionCount at 0', () => {
    const done = eventsOf(run().events, 'RollingRestartStep').filter((e) => e.step === 'done')
    expect(done.map((e) => e.broker)).toEqual([1, 2, 3, 4, 5, 6])
    expect(done.at(-1)?.atMs).toBe(patchEnd)
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(0)
    expect(maxOf(run().series, (m) => m.UnderReplicatedPartitions)).toBeGreaterThan(0)
    expect(run().report.metrics.final.UnderReplicatedPartitions).toBe(0)
  })

  it('moves the leaderships of broker 1 by controlled shutdown, then the client retries', () => {
    const moved = eventsOf(run().events, 'LeaderElected').filter((e) => e.atMs === 15000)
    expect(moved.map((e) => [e.partition, e.election])).toEqual([
      [2, 'CONTROLLED_SHUTDOWN'],
      [8, 'CONTROLLED_SHUTDOWN'],
    ])
    const first = eventsOf(run().events, 'ProduceFailed').find((e) => e.atMs >= 15000)
    // Broker 1 still runs as a follower (KRaft's controlled shutdown window) and answers.
    expect(first).toMatchObject({ partition: 8, error: 'NOT_LEADER_OR_FOLLOWER', retriable: true })
    // The sticky partitioner sends the next batch to partition 8 a few ticks later.
    expect(first?.atMs).toBeLessThanOrEqual(16000)
    // From 3.7 the answer names the new leader (KIP-951): the retry goes there at once.
    const retried = run().clientLog.filter(
      (l) => l.atMs === first?.atMs && l.client === 'console-producer',
    )
    expect(retried.map((l) => l.level)).toEqual(['WARN', 'WARN'])
    expect(producer(run(), 'console-producer').latencyMs.max).toBeLessThan(1000)
    const stopped = eventsOf(run().events, 'BrokerStopped').find((e) => e.broker === 1)
    expect(stopped?.atMs).toBeGreaterThan(15000)
    expect(stopped?.atMs).toBeLessThanOrEqual(15000 + 2050)
  })

  it("keeps every broker step's produce stall within MSK's 1-3 s (the failover record)", () => {
    const rolling = run().report.failovers.find((f) => f.fault.type === 'rollingRestart')
    expect(rolling?.steps?.map((s) => s.broker)).toEqual([1, 2, 3, 4, 5, 6])
    for (const step of rolling?.steps ?? []) {
      expect(step.recoveredAtMs).not.toBeNull()
      expect(step.maxProduceStallMs).toBeLessThanOrEqual(3000)
    }
    expect(rolling?.failedRecords).toBe(0)
    expect(rolling?.lostAckedRecords).toBe(0)
  })

  it('shows clients only NOT_LEADER_OR_FOLLOWER or NETWORK_EXCEPTION, retried within seconds', () => {
    const client = producer(run(), 'console-producer')
    expect(Object.keys(client.errors).length).toBeGreaterThan(0)
    for (const error of Object.keys(client.errors))
      expect(['NOT_LEADER_OR_FOLLOWER', 'NETWORK_EXCEPTION']).toContain(error)
    const moves = [
      ...eventsOf(run().events, 'RollingRestartStep').filter((e) => e.step === 'stop'),
      ...eventsOf(run().events, 'FaultInjected').filter((e) => e.fault === 'electLeaders'),
    ].map((e) => e.atMs)
    for (const failure of eventsOf(run().events, 'ProduceFailed')) {
      expect(failure.retriable).toBe(true)
      expect(moves.some((t) => failure.atMs >= t && failure.atMs - t <= 3000)).toBe(true)
    }
    expect(minOf(run().series, (m) => m.ackedRecords, 1000, patchEnd)).toBeGreaterThan(0)
    expect(client.failed).toBe(0)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })

  it('redistributes LeaderCount during the patch and evens it out with a preferred election', () => {
    const counts = (m: { LeaderCount: Record<string, number> }) => Object.values(m.LeaderCount)
    expect(minOf(run().series, (m) => Math.min(...counts(m)), 15000, patchEnd)).toBe(0)
    expect(probe(run(), patchEnd).metrics.LeaderCount['6']).toBe(0)
    expect(run().report.metrics.final.LeaderCount).toEqual({ 1: 2, 2: 2, 3: 2, 4: 2, 5: 2, 6: 2 })
    const preferred = eventsOf(run().events, 'LeaderElected').filter(
      (e) => e.election === 'PREFERRED',
    )
    expect(preferred.length).toBeGreaterThan(0)
    expect(run().report.metrics.final.PreferredReplicaImbalanceCount).toBe(0)
  })
})

describe('bootstrap-single-broker: one bootstrap server is a single point of failure', () => {
  const run = lazyRun('bootstrap-single-broker', [30000])

  it('connects the producer that lists a broker per AZ at once', () => {
    const connected = eventsOf(run().events, 'ClientConnected')
    const perAz = connected.find((e) => e.client === 'per-az-bootstrap')
    expect(perAz?.atMs).toBeLessThan(1000)
    // The narration names the broker this seed reaches; any live one would do.
    expect(perAz?.broker).toBe(3)
    expect(producerView(probe(run(), 30000), 'per-az-bootstrap').acked).toBeGreaterThan(0)
  })

  it('keeps the producer that lists only broker 1 out until broker 1 is back', () => {
    const failed = eventsOf(run().events, 'ClientConnectFailed')
    expect(failed.length).toBeGreaterThan(0)
    expect(failed.every((e) => e.client === 'single-bootstrap')).toBe(true)
    const single = eventsOf(run().events, 'ClientConnected').filter(
      (e) => e.client === 'single-bootstrap',
    )
    expect(single).toHaveLength(1)
    expect(single[0]?.atMs).toBeGreaterThan(60000)
    expect(single[0]?.broker).toBe(1)
    const during = producerView(probe(run(), 30000), 'single-bootstrap')
    expect(during.connected).toBe(false)
    expect(during.acked).toBe(0)
    // send() blocks: nothing is accepted while it waits for metadata (KafkaProducer.waitOnMetadata).
    expect(during.sent).toBe(0)
  })

  it('tries the dead bootstrap server, logs Kafka lines for node -1, and fails send() after max.block.ms', () => {
    const lines = run()
      .clientLog.filter((l) => l.client === 'single-bootstrap')
      .map((l) => `${l.level} ${l.message} (${l.logger})`)
    expect(lines).toContain(
      'WARN [Producer clientId=single-bootstrap] Connection to node -1 (b-1/10.0.1.1:9092) could not be established. Node may not be available. (org.apache.kafka.clients.NetworkClient)',
    )
    expect(lines).toContain(
      'WARN [Producer clientId=single-bootstrap] Bootstrap broker b-1:9092 (id: -1 rack: null) disconnected (org.apache.kafka.clients.NetworkClient)',
    )
    expect(lines).toContain(
      'ERROR [Producer clientId=single-bootstrap] Send callback got org.apache.kafka.common.errors.TimeoutException: Topic orders not present in metadata after 60000 ms. (application)',
    )
    const failed = eventsOf(run().events, 'RecordsExpired').filter(
      (e) => e.client === 'single-bootstrap',
    )
    expect(failed).toHaveLength(1)
    expect(failed[0]?.partition).toBe(-1)
    expect(failed[0]?.atMs).toBeGreaterThanOrEqual(60000)
    expect(failed[0]?.atMs).toBeLessThan(61000)
  })
})

describe('acks1-vs-acks-all: a clean election loses only acks=1 records', () => {
  const run = lazyRun('acks1-vs-acks-all')

  it('loses acknowledged records with acks=1 and none with acks=all', () => {
    expect(producer(run(), 'acks1-producer').lostAcked).toBeGreaterThan(0)
    expect(producer(run(), 'acks-all-producer').lostAcked).toBe(0)
    expect(producer(run(), 'acks-all-producer').acked).toBe(
      producer(run(), 'acks-all-producer').sent,
    )
  })

  it('needs no unclean election: the lagging followers never left the ISR', () => {
    const elected = eventsOf(run().events, 'LeaderElected')
    expect(elected.length).toBeGreaterThan(0)
    expect(elected.every((e) => !e.unclean)).toBe(true)
    expect(eventsOf(run().events, 'IsrShrunk').every((e) => e.by === 'controller')).toBe(true)
    const truncated = eventsOf(run().events, 'ReplicaTruncated').map((e) => e.topic)
    expect(truncated.sort()).toEqual(['clicks-acks1', 'orders-acks-all'])
  })
})

describe('unclean-election-cap: availability against consistency', () => {
  const run = lazyRun('unclean-election-cap', [100000])

  it('keeps the topic without unclean election offline until its last ISR member returns', () => {
    expect(probe(run(), 29000).partitions.every((p) => p.isr.length === 1 && p.isr[0] === 1)).toBe(
      true,
    )
    const offline = offlineMsByTopic(run().events, run().report.durationMs)
    expect(offline.get('ledger-consistent') ?? 0).toBeGreaterThanOrEqual(3 * 60000)
    expect(probe(run(), 69000).metrics.OfflinePartitionsCount).toBe(3)
    const during = probe(run(), 100000)
    expect(
      during.partitions
        .filter((p) => p.topic === 'ledger-consistent')
        .every((p) => p.leader === -1),
    ).toBe(true)
    expect(producerView(during, 'ledger-producer').unavailableAcked).toBeGreaterThan(0)
    expect(producer(run(), 'ledger-producer').lostAcked).toBe(0)
  })

  it('brings the topic with unclean election back at once through unclean elections', () => {
    const offline = offlineMsByTopic(run().events, run().report.durationMs)
    expect(offline.get('metrics-available') ?? 0).toBe(0)
    const unclean = eventsOf(run().events, 'LeaderElected').filter((e) => e.unclean)
    expect(unclean.map((e) => e.topic)).toEqual(Array(3).fill('metrics-available'))
    expect(
      eventsOf(run().events, 'ReplicaTruncated').every((e) => e.topic === 'metrics-available'),
    ).toBe(true)
  })

  it(`loses the records acknowledged by the leader alone`, () => {
    expect(producer(run(), 'metrics-producer').lostAcked).toBeGreaterThan(0)
  })
})

describe('control-plane-majority-lost: no controller, no elections', () => {
  const run = lazyRun('control-plane-majority-lost')
  const from = 30000
  const to = 100000
  const between = (e: { atMs: number }) => e.atMs > from && e.atMs < to

  it('has no active controller while use1-az1 is down', () => {
    expect(eventsOf(run().events, 'QuorumLost').map((e) => e.atMs)).toEqual([from])
    expect(maxOf(run().series, (m) => m.ActiveControllerCount, from + 1000, to - 1000)).toBe(0)
    expect(run().report.metrics.final.ActiveControllerCount).toBe(1)
  })

  it('elects no leader and fences no broker: partitions keep their dead leaders', () => {
    expect(eventsOf(run().events, 'LeaderElected').filter(between)).toEqual([])
    expect(eventsOf(run().events, 'BrokerFenced').filter(between)).toEqual([])
    expect(eventsOf(run().events, 'IsrShrunk').filter(between)).toEqual([])
    const frozen = probe(run(), 45000)
    const dead = new Set(frozen.brokers.filter((b) => b.status === 'offline').map((b) => b.id))
    expect([...dead].sort()).toEqual([1, 3])
    expect(frozen.partitions.filter((p) => dead.has(p.leader)).length).toBe(4)
    expect(frozen.metrics.OfflinePartitionsCount).toBe(0)
  })

  it('stalls every acks=all write until the quorum returns, and loses nothing', () => {
    expect(maxOf(run().series, (m) => m.ackedRecords, from + 1000, to)).toBe(0)
    expect(maxOf(run().series, (m) => m.ackedRecords, to)).toBeGreaterThan(0)
    expect(producer(run(), 'orders-producer').errors.REQUEST_TIMED_OUT).toBeGreaterThan(0)
    expect(producer(run(), 'orders-producer').acked).toBe(producer(run(), 'orders-producer').sent)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })
})

describe('slow-follower: out of the ISR after the lag time, back once caught up', () => {
  const run = lazyRun('slow-follower')
  const lagMs = 10000

  it('removes the slow follower from the ISR of the partitions it follows', () => {
    const shrinks = eventsOf(run().events, 'IsrShrunk')
    expect(shrinks.map((e) => e.partition).sort()).toEqual([0, 2])
    for (const e of shrinks) {
      expect(e).toMatchObject({ removed: [3], by: 'leader' })
      expect(e.atMs).toBeGreaterThanOrEqual(20000 + lagMs)
      expect(e.atMs).toBeLessThanOrEqual(20000 + lagMs * 1.5 + 12000)
    }
    expect(probe(run(), 30100).metrics.UnderReplicatedPartitions).toBe(1)
  })

  it('adds it back once it has caught up after the delay is removed', () => {
    const expands = eventsOf(run().events, 'IsrExpanded')
    expect(expands.map((e) => e.partition).sort()).toEqual([0, 2])
    for (const e of expands) {
      expect(e.added).toEqual([3])
      expect(e.atMs).toBeGreaterThan(70000)
      expect(e.atMs).toBeLessThan(70000 + 12000 + lagMs)
    }
    expect(run().report.metrics.final.UnderReplicatedPartitions).toBe(0)
  })

  it('slows acks=all while the follower is in the ISR, without any producer error', () => {
    expect(maxOf(run().series, (m) => m.ackedRecords, 21000, 30000)).toBeLessThan(300)
    expect(producer(run(), 'orders-producer').errors).toEqual({})
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(0)
  })
})

describe('preferred-leader-rebalance: LeaderCount evens out after a broker returns', () => {
  const run = lazyRun('preferred-leader-rebalance')
  const leaders = (atMs: number) =>
    Object.fromEntries(probe(run(), atMs).brokers.map((b) => [b.id, b.leaderCount]))

  it("keeps the crashed leader's batches in the buffer: refused reconnects, no failed record", () => {
    // NetworkClient: the reset ("Node 1 disconnected."), then refused reconnects with
    // exponential backoff; Sender.sendProducerData skips a node that is not ready.
    const lines = run()
      .clientLog.filter((l) => l.atMs >= 20000 && l.atMs < 29000)
      .map((l) => l.message)
    expect(lines[0]).toBe('[Producer clientId=orders-producer] Node 1 disconnected.')
    const refused = lines.filter((m) =>
      m.includes('Connection to node 1 (b-1/10.0.1.1:9092) could not be established'),
    )
    expect(refused.length).toBeGreaterThan(5)
    expect(refused.length).toBeLessThan(20)
    const client = producer(run(), 'orders-producer')
    expect(client.errors.NETWORK_EXCEPTION ?? 0).toBeLessThanOrEqual(1)
    expect(client.failed).toBe(0)
  })

  it('moves leadership away from the crashed broker', () => {
    expect(leaders(29000)).toEqual({ 1: 0, 2: 3, 3: 3 })
    expect(probe(run(), 29000).metrics.PreferredReplicaImbalanceCount).toBe(2)
  })

  it('leaves the returned broker without leaderships until the rebalance check', () => {
    const back = probe(run(), 66000)
    expect(back.partitions.every((p) => p.isr.includes(1))).toBe(true)
    expect(leaders(66000)).toEqual({ 1: 0, 2: 3, 3: 3 })
    expect(back.metrics.PreferredReplicaImbalanceCount).toBe(2)
  })

  it('restores balance with PREFERRED elections on the check scheduled after the imbalance', () => {
    // Imbalanced at the fencing (29 s): checks at 59 s (broker 1 down, nothing to do) and 89 s.
    const preferred = eventsOf(run().events, 'LeaderElected').filter(
      (e) => e.election === 'PREFERRED',
    )
    expect(preferred.map((e) => [e.atMs, e.partition, e.leader])).toEqual([
      [89000, 2, 1],
      [89000, 5, 1],
    ])
    expect(leaders(90000)).toEqual({ 1: 2, 2: 2, 3: 2 })
    expect(run().report.metrics.final.PreferredReplicaImbalanceCount).toBe(0)
  })
})

describe('consumer-group-coordinator: the group survives its coordinator, then hands a dead member over', () => {
  const run = lazyRun('consumer-group-coordinator', [6_200, 69_000, 114_000])
  const reader = () => {
    const c = run().report.clients.find((x) => x.id === 'orders-reader')
    if (c?.kind !== 'consumer') throw new Error('no consumer')
    return c
  }

  it('starts with broker 3 coordinating, as the leader of __consumer_offsets-24', () => {
    const group = probe(run(), 6_200).groups[0]
    expect(group).toMatchObject({ name: 'orders-readers', state: 'Stable', generation: 1 })
    expect(group?.offsetsPartition).toBe(24)
    expect(group?.coordinator).toBe(3)
    expect(partitionView(probe(run(), 6_200), '__consumer_offsets', 24).leader).toBe(3)
    expect(probe(run(), 6_200).partitions.filter((p) => p.internal === true)).toHaveLength(50)
  })

  it('loses the coordinator at the crash, retries the dead broker until fencing, then finds broker 1', () => {
    const lines = run().clientLog.filter((l) => l.atMs >= 20_000 && l.atMs < 29_000)
    expect(
      lines.some((l) =>
        l.message.includes(
          'Group coordinator b-3:9092 (id: 2147483644 rack: null) is unavailable or invalid due to cause: coordinator unavailable. isDisconnected: true. Rediscovery will be attempted.',
        ),
      ),
    ).toBe(true)
    const refused = lines.filter((l) =>
      l.message.endsWith(
        'Connection to node 2147483644 (b-3/10.0.3.3:9092) could not be established. Node may not be available.',
      ),
    )
    expect(refused.length).toBeGreaterThan(0)
    expect(refused.every((l) => l.level === 'WARN')).toBe(true)
    const found = eventsOf(run().events, 'GroupCoordinatorFound').filter((e) => e.atMs > 20_000)
    expect(found.map((e) => e.broker)).toEqual([1, 1])
    expect(found[0]?.atMs).toBeGreaterThanOrEqual(29_000)
    expect(probe(run(), 29_100).groups[0]?.coordinator).toBe(1)
  })

  it('reads nothing twice and skips nothing through the coordinator failover: no rebalance', () => {
    expect(eventsOf(run().events, 'GroupRebalanced').filter((e) => e.atMs < 70_000)).toHaveLength(1)
    const before = probe(run(), 69_000).clients.find((c) => c.id === 'orders-reader')
    expect(before?.kind === 'consumer' && before.duplicates).toBe(0)
    expect(before?.kind === 'consumer' && before.skipped).toBe(0)
    expect(before?.kind === 'consumer' && before.lag).toBeLessThan(300)
  })

  it("leaves the dead member's partitions unread for session.timeout.ms, then hands them over", () => {
    const during = probe(run(), 117_000 - 3_000).clients.find((c) => c.id === 'orders-reader')
    // Its three partitions take 150 records/s between them, unread for over 40 s.
    expect(during?.kind === 'consumer' && during.lag).toBeGreaterThan(150 * 40)
    const removed = eventsOf(run().events, 'GroupMemberRemoved')
    expect(removed).toHaveLength(1)
    expect(removed[0]).toMatchObject({ member: 1, reason: 'session-timeout' })
    expect(removed[0]?.atMs).toBeGreaterThan(70_000 + 45_000 - 3_600)
    expect(removed[0]?.atMs).toBeLessThan(117_000)
    const last = eventsOf(run().events, 'GroupAssignmentReceived').at(-1)
    expect(last).toMatchObject({ member: 0, generation: 2, partitions: [0, 1, 2, 3, 4, 5] })
    expect(last?.atMs).toBeLessThan(117_000)
  })

  it('reads again what the dead member had read since its last commit, and catches up', () => {
    // At 300 records/s over six partitions a member reads 150 records/s; its last commit was
    // at most auto.commit.interval.ms (5 s) before its crash.
    expect(reader().duplicates).toBeGreaterThan(0)
    expect(reader().duplicates).toBeLessThanOrEqual(150 * 5 + 150)
    expect(reader().skipped).toBe(0)
    expect(reader().lag).toBeLessThan(300)
    expect(producer(run(), 'orders-producer').failed).toBe(0)
  })
})

describe('right-layout-wrong-size: the survivors of an AZ loss need more than they have', () => {
  const run = lazyRun('right-layout-wrong-size', [25000, 120000, 170000, 200000])
  const between = (from: number, to: number) =>
    run().series.filter((m) => m.atMs >= from && m.atMs < to)
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
  const p99 = (from: number, to: number) =>
    median(between(from, to).map((m) => m.producerLatencyP99Ms ?? 0))

  it('runs every broker at about 65% of network out before the loss, CPU under 60%', () => {
    for (const b of probe(run(), 25000).brokers) {
      expect(b.capacity!.bound).toBe('networkOut')
      expect(b.capacity!.utilisation).toBeGreaterThan(0.6)
      expect(b.capacity!.utilisation).toBeLessThan(0.7)
      expect(b.capacity!.cpu!).toBeLessThan(0.6)
    }
    // The advisor's side of this claim (headroom-zone-loss, no cpu-above-60) is checked in
    // src/analysis/capacity-rules.test.ts, where the analysis layer may be imported.
  }, 120_000)

  it('moves each lost leadership to the next replica: two survivors lead twice their share', () => {
    const snap = probe(run(), 120000)
    const led = (id: number) =>
      snap.partitions.filter((p) => p.topic === 'orders' && p.leader === id).length
    expect([led(1), led(2), led(3), led(4), led(5), led(6)]).toEqual([0, 4, 2, 0, 4, 2])
  })

  it('queues at those two, so latency climbs and the producer is held below its rate', () => {
    const hot = [2, 5].map((id) => probe(run(), 120000).brokers.find((b) => b.id === id)!)
    for (const b of hot) expect(b.capacity!.utilisation).toBeGreaterThan(0.95)
    expect(Math.max(...hot.map((b) => b.capacity!.queueMs))).toBeGreaterThan(50)
    expect(p99(10000, 30000)).toBeLessThan(120)
    expect(p99(90000, 180000)).toBeGreaterThan(3 * p99(10000, 30000))
    const acked = (t: number) => producerView(probe(run(), t), 'orders-producer').acked
    const perSecond = (acked(170000) - acked(120000)) / 50
    expect(perSecond).toBeLessThan(71680 * 0.98)
    expect(perSecond).toBeGreaterThan(71680 * 0.85)
  })

  it('loses nothing and keeps every ISR at min ISR or above: capacity ran out, not durability', () => {
    expect(run().report.durability.lostAckedRecords).toBe(0)
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(0)
    expect(maxOf(run().series, (m) => m.OfflinePartitionsCount)).toBe(0)
  })

  it('stalls the whole producer while the lost leaders hold buffer.memory', () => {
    const acked = (m: MetricsSampleLike) => m.ackedRecords
    expect(median(between(35000, 65000).map(acked))).toBeLessThan(71680 / 4)
  })

  it('saturates again on the return: brokers 3 and 6 serve the catch-up', () => {
    for (const id of [3, 6]) {
      const before = probe(run(), 170000).brokers.find((b) => b.id === id)!.capacity!
      const after = probe(run(), 200000).brokers.find((b) => b.id === id)!.capacity!
      expect(before.utilisation).toBeLessThan(0.6)
      expect(after.utilisation).toBeGreaterThan(0.9)
    }
    expect(run().report.metrics.final.UnderReplicatedPartitions).toBeGreaterThan(0)
  })

  it('rides out the same loss at 55%, yet the return still saturates', () => {
    const spec = run().scenario.spec
    const cooler = {
      ...spec,
      clients: spec.clients.map((c) =>
        c.kind === 'producer' ? { ...c, recordsPerSecond: 60416 } : c,
      ),
    }
    const sim = createSimulation(cooler)
    sim.runUntil(170000)
    const during = sim.snapshot()
    expect(Math.max(...during.brokers.map((b) => b.capacity!.queueMs))).toBe(0)
    expect(Math.max(...during.brokers.map((b) => b.capacity!.utilisation))).toBeLessThan(0.95)
    expect(during.capacity!.brokers.every((b) => b.peakQueueMs === 0)).toBe(true)
    sim.runUntil(300000)
    expect(
      Math.max(...sim.snapshot().capacity!.brokers.map((b) => b.peakUtilisation)),
    ).toBeGreaterThan(1)
  }, 60_000)
})

describe('broker-back-after-an-hour: an hour of backlog, fetched at the speed of network in', () => {
  const crashAtMs = 60000
  const startAtMs = 3_660_000
  const unfencedAtMs = 3_665_000
  // An hour of steady state with invariant checks would take over three minutes: the quiet
  // stretches run unchecked (checkpoint and restore reproduce the uninterrupted run), every
  // fault, election and ISR change is checked.
  const run = lazyRun('broker-back-after-an-hour', [50000, 70000, 3_900_000, 3_950_000], {
    uncheckedMs: [
      [90000, 3_650_000],
      [3_780_000, 3_925_000],
      [3_975_000, 4_030_000],
      [4_045_000, 4_200_000],
    ],
  })
  const broker = (atMs: number, id: number) =>
    probe(run(), atMs).brokers.find((b) => b.id === id)!.capacity!
  const between = (from: number, to: number) =>
    run().series.filter((m) => m.atMs >= from && m.atMs < to)
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
  const p99 = (from: number, to: number) =>
    median(between(from, to).map((m) => m.producerLatencyP99Ms ?? 0))
  const userTopic = (e: { topic: string }) => e.topic === 'orders' || e.topic === 'payments'
  const rejoins = () =>
    eventsOf(run().events, 'IsrExpanded').filter(
      (e) => userTopic(e) && e.added.includes(1) && e.atMs > startAtMs,
    )
  /** The m7g.large baseline network, 0.937 Gbps, in MiB/s. */
  const networkMiBps = 0.937e9 / 8 / 1048576

  it('runs every broker at about 10 MiB/s in, 11 to 12% utilisation, before the crash', () => {
    for (const b of probe(run(), 50000).brokers) {
      const c = b.capacity!
      expect(c.utilisation).toBeGreaterThan(0.1)
      expect(c.utilisation).toBeLessThan(0.13)
      expect(c.bytesInMiBps + c.replicationInMiBps).toBeGreaterThan(9)
      expect(c.bytesInMiBps + c.replicationInMiBps).toBeLessThan(11)
    }
  }, 120_000)

  it('fences broker 1 after broker.session.timeout.ms, shrinks its 12 ISRs, and writes go on', () => {
    const fencedAt = eventsOf(run().events, 'BrokerFenced').find((e) => e.broker === 1)?.atMs
    expect(fencedAt).toBe(crashAtMs + 9000)
    const shrunk = eventsOf(run().events, 'IsrShrunk').filter(
      (e) => userTopic(e) && e.removed.includes(1),
    )
    expect(shrunk).toHaveLength(12)
    for (const e of shrunk) expect(e.atMs).toBe(fencedAt)
    const moved = eventsOf(run().events, 'LeaderElected').filter(
      (e) => userTopic(e) && e.atMs === fencedAt,
    )
    expect(moved.map((e) => [e.topic, e.partition, e.leader])).toEqual([
      ['orders', 2, 2],
      ['orders', 8, 5],
      ['payments', 4, 3],
      ['payments', 10, 6],
    ])
    expect(probe(run(), 70000).metrics.UnderReplicatedPartitions).toBe(37)
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(0)
    expect(maxOf(run().series, (m) => m.OfflinePartitionsCount)).toBe(0)
    expect(run().report.durability.lostAckedRecords).toBe(0)
    for (const id of ['orders-producer', 'payments-producer'])
      expect(producer(run(), id).failed).toBe(0)
  })

  it("starts 35 GiB behind: its replicas' share of an hour of writes", () => {
    const snap = probe(run(), startAtMs)
    const awaySeconds = (startAtMs - crashAtMs) / 1000
    let total = 0
    for (const topic of run().scenario.spec.topics.filter((t) => t.internal !== true)) {
      const client = run().scenario.spec.clients.find(
        (c) => c.kind === 'producer' && c.topic === topic.name,
      )
      if (client?.kind !== 'producer') throw new Error(`no producer for ${topic.name}`)
      const recordBytes = client.recordBytes ?? 1024
      const partitionMiBps = (client.recordsPerSecond * recordBytes) / topic.partitions / 1048576
      const mine = snap.partitions.filter((p) => p.topic === topic.name && p.replicas.includes(1))
      expect(mine).toHaveLength(6)
      const lagMiB =
        mine.reduce((n, p) => n + p.replicaStates.find((r) => r.broker === 1)!.lag, 0) *
        (recordBytes / 1048576)
      const expected = mine.length * partitionMiBps * awaySeconds
      expect(Math.abs(lagMiB - expected)).toBeLessThan(expected * 0.01)
      total += lagMiB
    }
    expect(total).toBeGreaterThan(35_900)
    expect(total).toBeLessThan(36_000)
  })

  it("catches up at the limit of its network in, not its volume's or its leaders' network out", () => {
    for (const t of [3_700_000, 3_800_000, 3_900_000]) {
      const back = broker(t, 1)
      expect(back.bound).toBe('networkIn')
      expect(back.ratios.networkIn!).toBeGreaterThan(0.93)
      expect(back.ratios.volume!).toBeLessThan(0.45)
      expect(back.cpu!).toBeGreaterThan(0.6)
      expect(back.catchupInMiBps).toBeGreaterThan(100)
      const leaders = [2, 3, 5, 6].map((id) => broker(t, id))
      for (const l of leaders) {
        expect(l.ratios.networkOut!).toBeLessThan(0.36)
        expect(l.catchupOutMiBps).toBeGreaterThan(24)
      }
      const sent = leaders.reduce((n, l) => n + l.catchupOutMiBps, 0)
      expect(Math.abs(sent - back.catchupInMiBps)).toBeLessThan(1)
      // Broker 4 shares broker 1's AZ, so no partition: it sends no catch-up.
      expect(broker(t, 4).catchupOutMiBps).toBe(0)
    }
    expect(broker(3_700_000, 1).catchupInMiBps).toBeGreaterThan(105)
    // Two pairs left: each takes twice as much, network in still binds.
    const late = broker(3_950_000, 1)
    expect(late.bound).toBe('networkIn')
    expect(late.ratios.networkIn!).toBeGreaterThan(0.9)
    for (const id of [2, 5]) expect(broker(3_950_000, id).catchupOutMiBps).toBeGreaterThan(48)
    for (const id of [3, 6]) expect(broker(3_950_000, id).catchupOutMiBps).toBe(0)
  })

  it('rejoins every ISR about six minutes after it is unfenced, payments first', () => {
    const unfenced = eventsOf(run().events, 'BrokerUnfenced').filter((e) => e.atMs > startAtMs)
    expect(unfenced.map((e) => e.atMs)).toEqual([unfencedAtMs])
    const all = rejoins()
    expect(all).toHaveLength(12)
    const payments = all.filter((e) => e.topic === 'payments').map((e) => e.atMs)
    const orders = all.filter((e) => e.topic === 'orders').map((e) => e.atMs)
    expect(Math.min(...payments)).toBeGreaterThan(3_749_000)
    expect(Math.max(...payments)).toBeLessThan(3_769_000)
    expect(Math.min(...orders)).toBeGreaterThan(3_931_000)
    expect(Math.min(...orders)).toBeLessThan(3_933_000)
    const last = Math.max(...orders)
    expect(last).toBeGreaterThan(4_037_000)
    expect(last).toBeLessThan(4_038_000)
    // 36,000 MiB in 372 s: about 97 MiB/s, 87% of the 111.7 MiB/s network on average.
    const seconds = (last - unfencedAtMs) / 1000
    expect(seconds).toBeGreaterThan(370)
    expect(seconds).toBeLessThan(375)
    expect(36_000 / seconds / networkMiBps).toBeGreaterThan(0.85)
    expect(minOf(run().series, (m) => m.UnderReplicatedPartitions, 3_666_000, 4_037_000)).toBe(4)
    expect(maxOf(run().series, (m) => m.UnderReplicatedPartitions, 4_038_000)).toBe(0)
  })

  it('raises acks=all latency on the payments partitions that share fetch pairs with the catch-up', () => {
    const during = probe(run(), 3_800_000)
    const catchingUpVia = new Set(
      during.partitions
        .filter((p) => p.topic === 'orders' && p.replicas.includes(1) && !p.isr.includes(1))
        .map((p) => p.leader),
    )
    const inSync = during.partitions.filter((p) => p.topic === 'payments' && p.isr.includes(1))
    expect(inSync).toHaveLength(6)
    for (const p of inSync) expect(catchingUpVia.has(p.leader)).toBe(true)
    const before = p99(3_500_000, 3_660_000)
    expect(before).toBeLessThan(25)
    expect(p99(3_665_000, 3_740_000)).toBe(before)
    expect(p99(3_770_000, 3_920_000)).toBeGreaterThan(8 * before)
    expect(p99(3_770_000, 3_920_000)).toBeLessThan(250)
    expect(p99(4_040_000, 4_200_000)).toBe(before)
    const latency = (t: number, id: string) => producerView(probe(run(), t), id).latencyMs.p99
    expect(producer(run(), 'orders-producer').latencyMs.p99).toBe(
      latency(startAtMs, 'orders-producer'),
    )
    expect(latency(startAtMs, 'payments-producer')).toBeLessThan(25)
    expect(producer(run(), 'payments-producer').latencyMs.p99).toBeGreaterThan(100)
  })

  it('gets its payments leaderships back at the next preferred check, not its orders ones', () => {
    const preferred = eventsOf(run().events, 'LeaderElected').filter(
      (e) => userTopic(e) && e.election === 'PREFERRED',
    )
    expect(preferred.map((e) => [e.atMs, e.topic, e.partition, e.leader])).toEqual([
      [3_969_000, 'payments', 4, 1],
      [3_969_000, 'payments', 10, 1],
    ])
    const end = run().report.partitions
    const leader = (topic: string, partition: number) =>
      end.find((p) => p.topic === topic && p.partition === partition)?.leader
    expect([leader('orders', 2), leader('orders', 8)]).toEqual([2, 5])
  })

  it('reproduces the uninterrupted run through its unchecked stretches', () => {
    const sim = createSimulation(run().scenario.spec)
    sim.runUntil(run().scenario.spec.durationMs)
    expect(sim.events()).toEqual(run().events)
    expect(sim.metricsSeries()).toEqual(run().series)
    expect(sim.snapshot().capacity).toEqual(run().report.capacity)
  }, 60_000)

  it('on kafka.m7g.2xlarge, catches up at the volume limit and rejoins in under three minutes', () => {
    const spec = run().scenario.spec
    const bigger = {
      ...spec,
      cluster: { ...spec.cluster, brokerType: 'kafka.m7g.2xlarge' as const },
    }
    const sim = createSimulation(bigger)
    for (const t of [3_700_000, 3_800_000]) {
      sim.runUntil(t)
      const back = sim.snapshot().brokers.find((b) => b.id === 1)!.capacity!
      expect(back.bound).toBe('volume')
      expect(back.ratios.volume!).toBeGreaterThan(0.85)
      expect(back.ratios.networkIn!).toBeLessThan(0.55)
      expect(back.catchupInMiBps).toBeGreaterThan(210)
    }
    sim.runUntil(spec.durationMs)
    const last = eventsOf(sim.events(), 'IsrExpanded')
      .filter((e) => userTopic(e) && e.added.includes(1) && e.atMs > startAtMs)
      .at(-1)!.atMs
    expect((last - unfencedAtMs) / 1000).toBeGreaterThan(160)
    expect((last - unfencedAtMs) / 1000).toBeLessThan(170)
  }, 60_000)
})

describe('express-vs-standard-az-loss: Express is measured by client egress, which the loss doubles', () => {
  type Snapshot = ReturnType<ReturnType<typeof createSimulation>['snapshot']>
  const run = lazyRun('express-vs-standard-az-loss', [25000, 120000, 170000, 200000, 240000])
  const times = [25000, 120000, 170000, 200000, 300000]
  /** right-layout-wrong-size's run: the same spec on kafka.m5.large (checked below). */
  let standardRun: { snapshots: Map<number, Snapshot>; series: readonly MetricsSample[] } | null =
    null
  const standard = () => {
    if (standardRun !== null) return standardRun
    const spec = run().scenario.spec
    const sim = createSimulation({
      ...spec,
      cluster: { ...spec.cluster, brokerType: 'kafka.m5.large' },
    })
    const snapshots = new Map<number, Snapshot>()
    for (const t of times) {
      sim.runUntil(t)
      snapshots.set(t, sim.snapshot())
    }
    return (standardRun = { snapshots, series: sim.metricsSeries() })
  }
  const express = (t: number, id: number) =>
    probe(run(), t).brokers.find((b) => b.id === id)!.capacity!
  const onStandard = (t: number, id: number) =>
    standard()
      .snapshots.get(t)!
      .brokers.find((b) => b.id === id)!.capacity!
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!
  const p99 = (series: readonly MetricsSample[], from: number, to: number) =>
    median(
      series.filter((m) => m.atMs >= from && m.atMs < to).map((m) => m.producerLatencyP99Ms ?? 0),
    )
  const ackedPerSecond = (acked: (t: number) => number) => (acked(170000) - acked(120000)) / 50

  it('runs the workload, layout and faults of right-layout-wrong-size', () => {
    const entry = listGuidedScenarios(readGuidedFile).find(
      (e) => e.id === 'right-layout-wrong-size',
    )!
    const other = parseGuidedScenario(entry, readGuidedFile(entry.file))
    if (!other.ok) throw new Error('invalid')
    const theirs = other.scenario.spec
    const ours = run().scenario.spec
    expect(ours.cluster.brokerType).toBe('express.m7g.xlarge')
    expect(ours.topics).toEqual(theirs.topics)
    expect(ours.clients).toEqual(theirs.clients)
    expect(ours.faults).toEqual(theirs.faults)
    expect(ours.cluster.brokers).toEqual(theirs.cluster.brokers)
    expect(ours.cluster.config).toEqual(theirs.cluster.config)
    expect(theirs.cluster.brokerType).toBe('kafka.m5.large')
  }, 120_000)

  it('binds on egress before the loss: about 59%, ingress about 39%, where Standard is at 65% network out', () => {
    for (const b of probe(run(), 25000).brokers) {
      const c = b.capacity!
      expect(c.bound).toBe('egress')
      expect(c.utilisation).toBeGreaterThan(0.55)
      expect(c.utilisation).toBeLessThan(0.62)
      expect(c.ratios.ingress!).toBeGreaterThan(0.36)
      expect(c.ratios.ingress!).toBeLessThan(0.42)
      expect(c.ratios.networkOut).toBeUndefined()
      expect(c.ratios.volume).toBeUndefined()
      expect(c.bytesInMiBps).toBeGreaterThan(11)
      expect(c.bytesInMiBps).toBeLessThan(12.5)
      expect(c.bytesOutMiBps).toBeGreaterThan(33)
      expect(c.bytesOutMiBps).toBeLessThan(37)
    }
    for (const id of [1, 2, 3, 4, 5, 6]) {
      const c = onStandard(25000, id)
      expect(c.bound).toBe('networkOut')
      expect(c.utilisation).toBeGreaterThan(0.6)
      expect(c.utilisation).toBeLessThan(0.7)
    }
  })

  it('stalls the producer while the lost leaders hold buffer.memory, as on Standard', () => {
    const acked = run()
      .series.filter((m) => m.atMs >= 35000 && m.atMs < 65000)
      .map((m) => m.ackedRecords)
    expect(median(acked)).toBeLessThan(71680 / 4)
    expect(producer(run(), 'orders-producer').errors.REQUEST_TIMED_OUT).toBeGreaterThan(0)
  })

  it('moves the lost leaderships as on Standard: two survivors lead twice their share', () => {
    const led = (snap: Snapshot) =>
      [1, 2, 3, 4, 5, 6].map(
        (id) => snap.partitions.filter((p) => p.topic === 'orders' && p.leader === id).length,
      )
    expect(led(probe(run(), 120000))).toEqual([0, 4, 2, 0, 4, 2])
    expect(led(standard().snapshots.get(120000)!)).toEqual([0, 4, 2, 0, 4, 2])
  })

  it("nearly doubles the hot pair's consumer egress, past AWS's figure, while Standard's replication stays flat", () => {
    for (const id of [2, 5]) {
      const before = express(25000, id)
      const after = express(120000, id)
      expect(after.bytesOutMiBps / before.bytesOutMiBps).toBeGreaterThan(1.65)
      expect(after.bytesOutMiBps).toBeGreaterThan(58)
      expect(after.bytesOutMiBps).toBeLessThan(64)
      expect(after.utilisation).toBeGreaterThan(0.98)
      const s0 = onStandard(25000, id)
      const s1 = onStandard(120000, id)
      expect(s1.bytesOutMiBps / s0.bytesOutMiBps).toBeGreaterThan(1.9)
      expect(Math.abs(s1.replicationOutMiBps - s0.replicationOutMiBps)).toBeLessThan(1)
      expect(s1.replicationOutMiBps).toBeGreaterThan(22)
      expect(s1.replicationOutMiBps).toBeLessThan(24)
      expect(s1.ratios.networkOut!).toBeGreaterThan(1)
    }
    const cap = run().report.capacity!.brokers
    for (const id of [2, 5]) {
      const b = cap.find((x) => x.id === id)!
      expect(b.peakUtilisation).toBeGreaterThan(1.1)
      expect(b.overloadedMs).toBeGreaterThan(100_000)
      expect(b.peakQueueMs).toBeGreaterThan(250)
    }
    for (const id of [1, 3, 4, 6]) expect(cap.find((x) => x.id === id)!.peakQueueMs).toBe(0)
  })

  it('holds the producer lower than on kafka.m5.large, with a higher p99', () => {
    const expressRate = ackedPerSecond(
      (t) => producerView(probe(run(), t), 'orders-producer').acked,
    )
    const standardRate = ackedPerSecond(
      (t) => producerView(standard().snapshots.get(t)!, 'orders-producer').acked,
    )
    expect(expressRate).toBeGreaterThan(59_000)
    expect(expressRate).toBeLessThan(63_000)
    expect(standardRate).toBeGreaterThan(67_000)
    expect(standardRate).toBeLessThan(70_000)
    const expressP99 = p99(run().series, 90000, 180000)
    expect(p99(run().series, 10000, 30000)).toBeLessThan(130)
    expect(expressP99).toBeGreaterThan(530)
    expect(expressP99).toBeLessThan(600)
    const standardP99 = p99(standard().series, 90000, 180000)
    expect(standardP99).toBeGreaterThan(380)
    expect(standardP99).toBeLessThan(440)
  })

  it('loses nothing and keeps every ISR at min ISR or above', () => {
    expect(run().report.durability.lostAckedRecords).toBe(0)
    expect(producer(run(), 'orders-producer').failed).toBe(0)
    expect(maxOf(run().series, (m) => m.UnderMinIsrPartitionCount)).toBe(0)
    expect(maxOf(run().series, (m) => m.OfflinePartitionsCount)).toBe(0)
  })

  it('counts no catch-up against brokers 3 and 6 on the return, where Standard saturates them', () => {
    for (const id of [3, 6]) {
      const before = express(170000, id)
      const after = express(200000, id)
      expect(before.utilisation).toBeLessThan(0.6)
      expect(after.utilisation).toBeLessThan(0.6)
      expect(after.queueMs).toBe(0)
      // The catch-up flows, it just is not part of the yardstick.
      expect(after.replicationOutMiBps).toBeGreaterThan(before.replicationOutMiBps + 5)
      expect(onStandard(200000, id).utilisation).toBeGreaterThan(0.9)
    }
    for (const id of [2, 5]) expect(express(200000, id).utilisation).toBeGreaterThan(0.9)
    // Bounded only by the egress figure (Express publishes no network or storage limit), the
    // catch-up completes within the run; on kafka.m5.large it does not.
    expect(probe(run(), 240000).metrics.UnderReplicatedPartitions).toBe(0)
    const leaders = (t: number) =>
      probe(run(), t)
        .partitions.filter((p) => p.topic === 'orders')
        .map((p) => p.leader)
    expect(leaders(200000)).toEqual(leaders(120000))
  })

  it('carries the same loss on express.m7g.2xlarge with no queue', () => {
    const spec = run().scenario.spec
    const sim = createSimulation({
      ...spec,
      cluster: { ...spec.cluster, brokerType: 'express.m7g.2xlarge' },
    })
    sim.runUntil(25000)
    for (const b of sim.snapshot().brokers) {
      expect(b.capacity!.utilisation).toBeGreaterThan(0.26)
      expect(b.capacity!.utilisation).toBeLessThan(0.32)
    }
    sim.runUntil(spec.durationMs)
    const cap = sim.snapshot().capacity!.brokers
    expect(cap.every((b) => b.peakQueueMs === 0)).toBe(true)
    expect(Math.max(...cap.map((b) => b.peakUtilisation))).toBeGreaterThan(0.58)
    expect(Math.max(...cap.map((b) => b.peakUtilisation))).toBeLessThan(0.64)
  }, 60_000)
})

describe('volume-replaced: a new, empty volume fetches its whole share of the log again', () => {
  const replacedAtMs = 300_000
  const run = lazyRun('volume-replaced', [310_000, 311_000, 330_000])
  const mine = (e: { added?: number[]; removed?: number[] }) =>
    (e.added ?? e.removed ?? []).includes(1)
  const samples = (from: number, to: number) =>
    run().series.filter((m) => m.atMs >= from && m.atMs < to)
  const broker1 = (atMs: number) => probe(run(), atMs).brokers.find((b) => b.id === 1)!.capacity!

  it(
    'empties its 6 replicas: 3,686,400 records, 3,600 MiB, to fetch again',
    { timeout: 60_000 },
    () => {
      const [replaced] = eventsOf(run().events, 'VolumeReplaced')
      expect(replaced).toMatchObject({
        atMs: replacedAtMs,
        broker: 1,
        replicas: 6,
        records: 3_686_400,
      })
      expect((3_686_400 * 1024) / (1024 * 1024)).toBe(3600)
      expect(eventsOf(run().events, 'BrokerStopped').at(-1)).toMatchObject({
        broker: 1,
        clean: false,
      })
    },
  )

  it('is fenced 9 s later: out of 6 ISRs, orders-2 and orders-8 move to brokers 2 and 5', () => {
    const fenced = eventsOf(run().events, 'BrokerFenced').find((e) => e.broker === 1)
    expect(fenced?.atMs).toBe(309_000)
    const shrunk = eventsOf(run().events, 'IsrShrunk').filter((e) => e.atMs === 309_000 && mine(e))
    expect(shrunk).toHaveLength(6)
    const moved = eventsOf(run().events, 'LeaderElected').filter((e) => e.atMs === 309_000)
    expect(moved.map((e) => [e.partition, e.leader])).toEqual([
      [2, 2],
      [8, 5],
    ])
    // The writes that waited for it complete: that second's p99 is about 9.6 s.
    const [at310] = samples(310_000, 311_000)
    expect(at310?.producerLatencyP99Ms).toBeGreaterThan(9_000)
    expect(at310?.producerLatencyP99Ms).toBeLessThan(10_000)
  })

  it('registers and is unfenced at 311 s, then fetches at the speed of its network in', () => {
    expect(eventsOf(run().events, 'BrokerUnfenced').find((e) => e.broker === 1)?.atMs).toBe(311_000)
    const c = broker1(320_000)
    expect(c.bound).toBe('networkIn')
    expect(c.utilisation).toBeGreaterThan(0.85)
    expect(c.utilisation).toBeLessThan(0.95)
    expect(c.ratios.volume!).toBeLessThan(0.5)
    expect(broker1(330_000).catchupInMiBps).toBeGreaterThan(90)
    expect(broker1(330_000).catchupInMiBps).toBeLessThan(110)
  })

  it('stalls every write from 316 s to 326 s: leaders wait for a follower caught up under 30 s ago', () => {
    // No acknowledgement completes in those samples (the producer's buffer is full).
    const stalled = samples(316_000, 326_000)
    expect(stalled).toHaveLength(10)
    expect(stalled.every((m) => m.producerLatencyP99Ms === null)).toBe(true)
    expect(samples(311_000, 316_000).every((m) => m.producerLatencyP99Ms === 27)).toBe(true)
    // The four partitions whose leader did not change hold appended records they cannot commit;
    // the two that changed leader have committed everything they were sent.
    const orders = (partition: number) =>
      probe(run(), 320_000).partitions.find(
        (p) => p.topic === 'orders' && p.partition === partition,
      )!
    const uncommitted = (partition: number) => {
      const p = orders(partition)
      const leader = p.replicaStates.find((r) => r.broker === p.leader)!
      return leader.logEndOffset - p.highWatermark
    }
    for (const partition of [0, 1, 9, 10]) expect(uncommitted(partition)).toBeGreaterThan(0)
    for (const partition of [2, 8]) expect(uncommitted(partition)).toBe(0)
  })

  it('is back in every ISR between 325.5 s and 340.2 s, 40 s after the replacement, with nothing lost', () => {
    const back = eventsOf(run().events, 'IsrExpanded').filter(
      (e) => e.atMs > replacedAtMs && mine(e),
    )
    expect(back).toHaveLength(6)
    expect(back[0]!.atMs).toBeGreaterThan(325_000)
    expect(back.at(-1)!.atMs).toBeGreaterThan(339_000)
    expect(back.at(-1)!.atMs).toBeLessThan(341_000)
    // 3,600 MiB at no more than its 111.7 MiB/s network in.
    expect(back.at(-1)!.atMs - 311_000).toBeGreaterThan((3600 / 111.7) * 1000 - 5_000)
    const late = samples(336_000, 341_000).map((m) => m.producerLatencyP99Ms ?? 0)
    expect(Math.min(...late)).toBeGreaterThanOrEqual(100)
    expect(Math.max(...late)).toBeLessThanOrEqual(200)
    expect(probe(run(), 341_000).partitions.every((p) => p.isr.length === 3)).toBe(true)
    expect(run().report.durability.lostAckedRecords).toBe(0)
  })

  it('try it: a 30 MiB/s follower throttle on every replica stretches the catch-up to 390-493 s', () => {
    const spec = run().scenario.spec
    const sim = createSimulation({
      ...spec,
      cluster: {
        ...spec.cluster,
        config: { ...spec.cluster.config, 'follower.replication.throttled.rate': 31_457_280 },
      },
      topics: spec.topics.map((t) => ({
        ...t,
        config: { ...t.config, 'follower.replication.throttled.replicas': '*' },
      })),
    })
    sim.runUntil(spec.durationMs)
    const back = eventsOf(sim.events(), 'IsrExpanded')
      .filter((e) => e.atMs > replacedAtMs && mine(e))
      .map((e) => e.atMs)
    expect(back).toHaveLength(6)
    expect(back[0]).toBeGreaterThan(385_000)
    expect(back[0]).toBeLessThan(395_000)
    expect(back.at(-1)).toBeGreaterThan(488_000)
    expect(back.at(-1)).toBeLessThan(498_000)
    expect(sim.snapshot().durability.lostAckedRecords).toBe(0)
  }, 60_000)
})
