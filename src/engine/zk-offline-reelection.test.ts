/**
 * ZooKeeper: a broker that registers makes the controller elect leaders for offline partitions
 * (KafkaController.onBrokerStartup -> PartitionStateMachine.triggerOnlinePartitionStateChange),
 * even when the controller's channel to that broker is down at that moment: the controller sees
 * the registration through ZooKeeper and elects by writing there; only the LeaderAndIsr it sends
 * waits for the channel. Found by the property soak (FUZZ_SEED=792673898, SCHEDULE_RUNS=334),
 * shrunk to seed 1, Kafka 3.6: replace 4, replace 5, stopZone 2, isolate 1, wait 4400, start 1.
 * Brokers 3 and 6 finish restarting at 8600 ms while the controller (broker 1) is isolated: the
 * bounce is handled as a failure (orders-2 and orders-3 go offline with ISR [3] and [6]) and a
 * registration, which must elect them again.
 */
import { describe, expect, it } from 'vitest'
import { TestCluster } from '../test-support/test-cluster'

const ZONES = ['use1-az1', 'use1-az2', 'use1-az3']

describe('ZooKeeper: offline partitions elect a registering broker', () => {
  it('after the heal, every partition whose ISR holds a live broker has a leader', () => {
    const c = TestCluster.create({
      zones: 3,
      brokersPerZone: 2,
      seed: 1,
      controller: 'zookeeper',
      kafkaVersion: '3.6',
      config: { 'eligible.leader.replicas.enable': false },
    })
    c.topic('orders', { partitions: 6, replicationFactor: 3, 'min.insync.replicas': 2 })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 150 })
    c.runFor(3_000)
    // As properties.test.ts runs it: a fault in another zone first heals everything.
    const healAll = (zone: number | null) => {
      if (zone !== null) c.inject({ type: 'startZone', zone: ZONES[zone] as string })
      for (let b = 1; b <= 6; b++) {
        c.inject({ type: 'healBroker', broker: b })
        c.inject({ type: 'unslowBroker', broker: b })
        c.inject({ type: 'startBroker', broker: b })
      }
    }
    c.inject({ type: 'replaceVolume', broker: 4 }).runFor(200)
    healAll(0)
    c.inject({ type: 'replaceVolume', broker: 5 }).runFor(200)
    healAll(1)
    c.inject({ type: 'stopZone', zone: ZONES[2] as string }).runFor(200)
    healAll(2)
    c.inject({ type: 'isolateBroker', broker: 1 }).runFor(200)
    c.runFor(4_400).runFor(200)
    c.inject({ type: 'startBroker', broker: 1 }).runFor(200)
    healAll(0)
    c.runFor(90_000)

    // The case that matters happened: a partition went offline at the instant a broker in its
    // ISR registered.
    const offline = c.events('PartitionOffline').filter((e) => e.atMs === 8_600)
    expect(offline.map((e) => `${e.topic}-${e.partition}`)).toContain('orders-2')
    expect(c.events('BrokerRegistered').some((e) => e.atMs === 8_600 && e.broker === 3)).toBe(true)

    const online = new Set(
      c
        .snapshot()
        .brokers.filter((b) => b.status === 'online')
        .map((b) => b.id),
    )
    for (const p of c.snapshot().partitions) {
      if (!p.isr.some((id) => online.has(id))) continue
      expect(
        p.leader,
        `${p.topic}-${p.partition} (ISR [${p.isr.join(',')}])`,
      ).toBeGreaterThanOrEqual(0)
      expect(p.isr.length, `${p.topic}-${p.partition}`).toBe(3)
    }
  })
})
