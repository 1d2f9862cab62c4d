/**
 * The default scenario is a valid spec: it survives the scenario writer and reader unchanged (so
 * its share links open), spreads each partition over the three zones, and runs in the engine.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../engine/index'
import { scenarioToJson } from '../scenario/export'
import { parseScenario } from '../scenario/validate'
import { DEFAULT_SCENARIO } from './default-scenario'

describe('DEFAULT_SCENARIO', () => {
  it('round-trips through scenario JSON', () => {
    const parsed = parseScenario(scenarioToJson(DEFAULT_SCENARIO))
    expect(parsed.ok && parsed.spec).toEqual(DEFAULT_SCENARIO)
  })

  it('is a new cluster on the newest version Amazon MSK offers, with its defaults', () => {
    expect(DEFAULT_SCENARIO.cluster.kafkaVersion).toBe('4.1')
    const bare = parseScenario(
      JSON.stringify({
        version: 1,
        name: 'bare',
        cluster: { kafkaVersion: '4.1', zones: ['a'], brokersPerZone: 1 },
        topics: [{ name: 't', partitions: 1, replicationFactor: 1 }],
        clients: [{ kind: 'producer', id: 'p', topic: 't', recordsPerSecond: 1 }],
      }),
    )
    if (!bare.ok) throw new Error('bare 4.1 scenario rejected')
    // ELR and linger.ms as the reader fills them in for 4.1, so the default states no override.
    expect(DEFAULT_SCENARIO.cluster.config['eligible.leader.replicas.enable']).toBe(
      bare.spec.cluster.config['eligible.leader.replicas.enable'],
    )
    const producer = DEFAULT_SCENARIO.clients[0]!
    const bareProducer = bare.spec.clients[0]!
    expect(producer.kind === 'producer' && producer.config['linger.ms']).toBe(
      bareProducer.kind === 'producer' && bareProducer.config['linger.ms'],
    )
  })

  it('puts one replica of every partition in each zone', () => {
    const zoneOf = new Map(DEFAULT_SCENARIO.cluster.brokers.map((b) => [b.id, b.zone]))
    for (const replicas of DEFAULT_SCENARIO.topics[0]?.assignment ?? []) {
      expect(new Set(replicas.map((id) => zoneOf.get(id))).size).toBe(3)
    }
  })

  it('runs: after a minute every partition has a leader and a full ISR', () => {
    const sim = createSimulation(DEFAULT_SCENARIO, {
      checkInvariants: true,
      throwOnViolation: true,
    })
    sim.runUntil(60_000)
    const snapshot = sim.snapshot()
    expect(snapshot.partitions.every((p) => p.leader > 0 && p.isr.length === 3)).toBe(true)
    expect(snapshot.activeController).not.toBeNull()
  })
})
