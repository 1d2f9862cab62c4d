/**
 * The glossary's content: every entry is filled in, every metric the Metrics tab charts and every
 * column head and legend role the UI prints maps to an entry, and `termFor` never finds an
 * entry by accident.
 */
import { describe, expect, it } from 'vitest'
import type { MetricsSample } from '../../engine/types'
import { REPLICA_ROLES, ROLE_NAMES } from '../../viz/theme'
import { chartDefinitions } from '../panels/chart-data'
import { GLOSSARY, type TermId, glossaryEntries, termFor } from './glossary'

const ids = Object.keys(GLOSSARY) as TermId[]

/** The numeric MetricsSample fields the Metrics tab and the live counters chart. */
const CHARTED_METRICS: readonly (keyof MetricsSample)[] = [
  'UnderReplicatedPartitions',
  'UnderMinIsrPartitionCount',
  'AtMinIsrPartitionCount',
  'OfflinePartitionsCount',
  'ActiveControllerCount',
  'PreferredReplicaImbalanceCount',
  'LeaderCount',
  'IsrShrinksPerSec',
  'IsrExpandsPerSec',
  'UncleanLeaderElectionsPerSec',
  'producedRecords',
  'ackedRecords',
  'failedRecords',
  'lostAckedRecords',
  'consumerLag',
  'producerLatencyP99Ms',
]

function sample(): MetricsSample {
  const meter = { Count: 0, OneMinuteRate: 0 }
  return {
    atMs: 0,
    UnderReplicatedPartitions: 0,
    UnderMinIsrPartitionCount: 0,
    AtMinIsrPartitionCount: 0,
    OfflinePartitionsCount: 0,
    ActiveControllerCount: 1,
    PreferredReplicaImbalanceCount: 0,
    LeaderCount: { '1': 1 },
    PartitionCount: { '1': 1 },
    IsrShrinksPerSec: meter,
    IsrExpandsPerSec: meter,
    UncleanLeaderElectionsPerSec: meter,
    producedRecords: 0,
    ackedRecords: 0,
    failedRecords: 0,
    lostAckedRecords: 0,
    consumerLag: 0,
    producerLatencyP99Ms: null,
    capacity: {
      utilisation: { '1': 0 },
      queueMs: { '1': 0 },
      bytesInMiBps: { '1': 0 },
      bytesOutMiBps: { '1': 0 },
      replicationInMiBps: { '1': 0 },
      replicationOutMiBps: { '1': 0 },
    },
  }
}

describe('GLOSSARY', () => {
  it('has a term, a one- or two-sentence definition and a source for every id', () => {
    expect(ids.length).toBeGreaterThan(40)
    for (const id of ids) {
      const entry = GLOSSARY[id]
      expect(entry.term.trim(), id).not.toBe('')
      expect(entry.source.trim(), id).not.toBe('')
      expect(entry.definition.length, id).toBeGreaterThan(40)
      expect(entry.definition.length, id).toBeLessThan(320)
      expect(entry.definition, id).toMatch(/\.$/)
      const sentences = entry.definition.split(/(?<=[.!?])\s+(?=[A-Z])/)
      expect(sentences.length, id).toBeLessThanOrEqual(3)
    }
  })

  it('names the config key, MBean or KIP the brief asks for', () => {
    expect(GLOSSARY.isr.source).toContain('replica.lag.time.max.ms')
    expect(GLOSSARY.isr.source).toContain('maybeShrinkIsr')
    expect(GLOSSARY.elr.source).toContain('KIP-966')
    expect(GLOSSARY['last-known-elr'].source).toContain('KIP-966')
    expect(GLOSSARY.fenced.source).toContain('broker.session.timeout.ms')
    expect(GLOSSARY.fenced.source).toContain('zookeeper.session.timeout.ms')
    expect(GLOSSARY.quorum.source).toContain('KIP-595')
    expect(GLOSSARY.controller.source).toContain('KIP-500')
    expect(GLOSSARY['unclean-leader-election'].source).toContain('unclean.leader.election.enable')
    expect(GLOSSARY['preferred-leader'].source).toContain('auto.leader.rebalance.enable')
    expect(GLOSSARY['leader-recovery-state'].source).toContain('KIP-704')
    expect(GLOSSARY['availability-zone'].source).toContain('broker.rack')
    expect(GLOSSARY['group-coordinator'].source).toContain('__consumer_offsets')
    expect(GLOSSARY.UnderMinIsrPartitionCount.source).toBe(
      'kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount',
    )
    expect(GLOSSARY.ActiveControllerCount.source).toBe(
      'kafka.controller:type=KafkaController,name=ActiveControllerCount',
    )
  })

  it('covers every metric the UI charts', () => {
    for (const metric of CHARTED_METRICS) expect(termFor(metric), metric).toBeDefined()
    for (const chart of chartDefinitions([sample()]))
      expect(termFor(chart.title), chart.title).toBeDefined()
  })

  it('lists its entries alphabetically, each once', () => {
    const terms = glossaryEntries().map((e) => e.term.toLowerCase())
    expect(terms).toEqual([...terms].sort((a, b) => a.localeCompare(b, 'en')))
    expect(new Set(glossaryEntries().map((e) => e.id)).size).toBe(ids.length)
  })
})

describe('termFor', () => {
  it('maps the column heads of the partition and record tables', () => {
    expect(termFor('Leader')).toBe('leader')
    expect(termFor('Replicas')).toBe('replicas')
    expect(termFor('Isr')).toBe('isr')
    expect(termFor('Elr')).toBe('elr')
    expect(termFor('LastKnownElr')).toBe('last-known-elr')
    expect(termFor('Status')).toBe('partition-status')
    expect(termFor('Partition')).toBe('partition')
    expect(termFor('Coordinator')).toBe('group-coordinator')
    expect(termFor('Lag')).toBe('consumer-lag')
    expect(termFor('Lost acked')).toBe('acked-then-lost')
    expect(termFor('Retried')).toBe('retries')
    expect(termFor('Produce latency')).toBe('producer-p99-latency')
  })

  it('maps every legend role name', () => {
    for (const role of REPLICA_ROLES) expect(termFor(ROLE_NAMES[role]), role).toBeDefined()
    expect(termFor('Follower lag')).toBe('follower-lag')
  })

  it('ignores case and surrounding space, and knows nothing else', () => {
    expect(termFor('  isr ')).toBe('isr')
    expect(termFor('HW')).toBe('high-watermark')
    expect(termFor('Topic')).toBeUndefined()
    expect(termFor('constructor')).toBeUndefined()
    expect(termFor('')).toBeUndefined()
  })
})
