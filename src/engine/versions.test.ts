/**
 * The Kafka version as a choice (versions.ts): each rule that differs between versions, tested
 * on the real engine (TestCluster, invariants checked after every event) in Kafka's terms, and
 * the unclean-shutdown handling of ELR (ClusterControlManager.registerBroker →
 * ReplicationControlManager.handleBrokerUncleanShutdown, KAFKA-15586).
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../test-support/test-cluster'
import { normalizeKafkaVersion, versionRules, type KafkaVersion } from './versions'

describe('normalizeKafkaVersion', () => {
  it.each([
    ['3.9', '3.9'],
    ['3.7.x', '3.7'],
    ['3.7.x.kraft', '3.7'],
    ['3.6.0', '3.6'],
    ['4.1.1', '4.1'],
    [' 4.0 ', '4.0'],
  ])('%s → %s', (text, version) => {
    expect(normalizeKafkaVersion(text)).toBe(version)
  })

  it.each(['3.5', '2.8.2-tiered', '5.0', 'latest', '3', ''])('%s is not modelled', (text) => {
    expect(normalizeKafkaVersion(text)).toBeUndefined()
  })
})

/** RF 3 on brokers 1, 2, 3, min.insync.replicas 2, ELR on; an acks=all producer. */
function elrCluster(version: KafkaVersion, seed = 5): TestCluster {
  return TestCluster.create({
    zones: 3,
    seed,
    kafkaVersion: version,
    config: { 'eligible.leader.replicas.enable': true },
  })
    .topic('orders', {
      partitions: 1,
      replicationFactor: 3,
      'min.insync.replicas': 2,
      assignment: [[1, 2, 3]],
    })
    .producer('p1', 'orders', { acks: -1, recordsPerSecond: 50 })
}

describe('ELR after hard crashes (handleBrokerUncleanShutdown)', () => {
  it('elects no leader until the last known leader is back', () => {
    // The reproduction: crash 3, 2, 1 at 20/40/60 s; start 3, 2, 1 at 80/100/120 s.
    const c = elrCluster('3.9')
    c.at(20_000, { type: 'crashBroker', broker: 3 })
    c.at(40_000, { type: 'crashBroker', broker: 2 })
    c.at(60_000, { type: 'crashBroker', broker: 1 })
    c.at(80_000, { type: 'startBroker', broker: 3 })
    c.at(100_000, { type: 'startBroker', broker: 2 })
    c.at(120_000, { type: 'startBroker', broker: 1 })
    c.runUntil(75_000)
    expect(c.partition('orders-0').leader).toBe(-1)
    expect(c.partition('orders-0').elr).toContain(2)
    c.runUntil(119_000)
    // Broker 2 registered with a new incarnation: removed from the ELR, so not electable.
    expect(c.partition('orders-0').leader).toBe(-1)
    expect(c.partition('orders-0').elr).not.toContain(2)
    c.runUntil(140_000)
    expect(c.partition('orders-0').leader).toBe(1)
    const elected = c.events('LeaderElected').filter((e) => e.atMs > 60_000)
    expect(elected.map((e) => e.leader)).toEqual([1])
  })

  it('keeps a cleanly shut down broker in the ELR from 4.1, not in 4.0', () => {
    const run = (version: KafkaVersion) => {
      const c = elrCluster(version)
      c.at(20_000, { type: 'shutdownBroker', broker: 3 })
      c.at(40_000, { type: 'shutdownBroker', broker: 2 })
      c.at(60_000, { type: 'shutdownBroker', broker: 1 })
      c.at(80_000, { type: 'startBroker', broker: 2 })
      c.runUntil(110_000)
      return c.partition('orders-0')
    }
    // 4.1: broker 2 registers with its previous broker epoch (KAFKA-18635) and is elected.
    expect(run('4.1').leader).toBe(2)
    // 4.0: every new incarnation counts as an unclean shutdown.
    expect(run('4.0').leader).toBe(-1)
  })
})

describe('an election from the ELR (KAFKA-18940)', () => {
  /** Broker 2 is fenced (cut off from the controllers) into the ELR, then leader 1 crashes. */
  function electFromElr(version: KafkaVersion) {
    const c = elrCluster(version)
    c.at(20_000, { type: 'crashBroker', broker: 3 })
    c.at(40_000, { type: 'isolateBroker', broker: 2, from: ['controllers'] })
    c.at(60_000, { type: 'crashBroker', broker: 1 })
    c.at(80_000, { type: 'healBroker', broker: 2 })
    c.runUntil(100_000)
    const elected = c.events('LeaderElected').filter((e) => e.atMs > 80_000)
    return { c, elected }
  }

  it('is counted as unclean before 4.0', () => {
    const { elected } = electFromElr('3.9')
    expect(elected.map((e) => [e.leader, e.unclean])).toEqual([[2, true]])
  })

  it('is clean from 4.0', () => {
    const { elected } = electFromElr('4.0')
    expect(elected.map((e) => [e.leader, e.unclean])).toEqual([[2, false]])
  })
})

/** RF 2 on brokers 1 and 2 with min.insync.replicas 3, an acks=all producer. */
function minIsrAboveRf(version: KafkaVersion): TestCluster {
  return TestCluster.create({ zones: 3, seed: 3, kafkaVersion: version })
    .topic('audit', {
      partitions: 1,
      replicationFactor: 2,
      'min.insync.replicas': 3,
      assignment: [[1, 2]],
    })
    .producer('p1', 'audit', { acks: -1, recordsPerSecond: 20 })
}

describe('min.insync.replicas above the replication factor (Partition.effectiveMinIsr, 3.7)', () => {
  it('refuses every acks=all write on 3.6', () => {
    const c = minIsrAboveRf('3.6').runUntil(10_000)
    expect(c.producerView('p1').acked).toBe(0)
    expect(c.events('ProduceFailed').map((e) => e.error)).toContain('NOT_ENOUGH_REPLICAS')
  })

  it('writes while all replicas are in sync from 3.7', () => {
    const c = minIsrAboveRf('3.7').runUntil(10_000)
    expect(c.producerView('p1').acked).toBeGreaterThan(0)
    expect(c.events('ProduceFailed')).toEqual([])
  })
})

describe('the high watermark under min ISR (KAFKA-15583, 3.7)', () => {
  /** acks=1 writes on a partition whose ISR shrank to its leader, below min ISR 2. */
  function hwAfterShrink(version: KafkaVersion): number[] {
    const c = TestCluster.create({ zones: 2, seed: 4, kafkaVersion: version })
      .topic('orders', {
        partitions: 1,
        replicationFactor: 2,
        'min.insync.replicas': 2,
        assignment: [[1, 2]],
      })
      .producer('p1', 'orders', { acks: 1, recordsPerSecond: 50 })
    c.at(10_000, { type: 'crashBroker', broker: 2 })
    c.runUntil(30_000)
    expect(c.partition('orders-0').isr).toEqual([1])
    const before = c.partition('orders-0').highWatermark
    c.runUntil(40_000)
    return [before, c.partition('orders-0').highWatermark]
  }

  it('keeps advancing on 3.6', () => {
    const [before, after] = hwAfterShrink('3.6') as [number, number]
    expect(after).toBeGreaterThan(before)
  })

  it('is frozen from 3.7', () => {
    const [before, after] = hwAfterShrink('3.7') as [number, number]
    expect(after).toBe(before)
  })
})

describe('upgradeCluster', () => {
  it('restarts every broker on the new version, then finalises it', () => {
    const c = TestCluster.create({ zones: 3, seed: 8, kafkaVersion: '3.9' })
      .topic('orders', { partitions: 3, replicationFactor: 3, 'min.insync.replicas': 2 })
      .producer('p1', 'orders', { acks: -1, recordsPerSecond: 50 })
    c.at(10_000, { type: 'upgradeCluster', toVersion: '4.0', restartMs: 5_000 })
    c.runUntil(115_000)
    const steps = c.events('RollingRestartStep')
    expect(steps.filter((e) => e.step === 'done').map((e) => e.broker)).toEqual([1, 2, 3])
    const [finalized] = c.events('KafkaVersionFinalized')
    expect(finalized).toMatchObject({ fromVersion: '3.9', toVersion: '4.0' })
    const lastDone = steps.filter((e) => e.step === 'done').at(-1)
    expect(finalized?.atMs).toBeGreaterThanOrEqual(lastDone?.atMs ?? Infinity)
    expect(c.producerView('p1').failed).toBe(0)
  })
})

describe('versionRules', () => {
  it('names each change from the version that brought it', () => {
    const table = (['3.6', '3.7', '3.9', '4.0', '4.1'] as const).map((v) => {
      const r = versionRules(v)
      return [
        v,
        r.zookeeper,
        r.hwFreezeUnderMinIsr,
        r.minIsrCappedAtReplicationFactor,
        r.elrAvailable,
        r.elrDefault,
        r.elrElectionIsClean,
        r.cleanShutdownDetection,
        r.producerLingerMsDefault,
        r.leaderDiscoveryInResponses,
      ]
    })
    expect(table).toEqual([
      ['3.6', true, false, false, false, false, false, false, 0, false],
      ['3.7', true, true, true, false, false, false, false, 0, true],
      ['3.9', true, true, true, true, false, false, false, 0, true],
      ['4.0', false, true, true, true, false, true, false, 5, true],
      ['4.1', false, true, true, true, true, true, true, 5, true],
    ])
  })
})
