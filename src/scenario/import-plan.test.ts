/**
 * Checks `planImport`, the whole import: describe output with kafka-configs output as the zone
 * source gives the zones, the configs the brokers run (so a topic without an override inherits
 * the cluster's min.insync.replicas, not Apache Kafka's 1) and the controller mode; "MSK
 * defaults" depend on the zone count; a workload adds the clients; MSK's numbering is an
 * assumption with a warning; and every problem of every part (the text, the zone source, the
 * workload) is reported at once, with a missing broker worded for its source.
 */
import { describe, expect, it } from 'vitest'
import { effectiveMinIsr } from '../engine/spec'
import { describeOutput, kafkaConfigsOutput } from './import-fixtures'
import { renderProblem } from './messages'
import { planImport, type ImportRequest } from './import-plan'
import { numberedZones } from './zone-source'
import type { Problem } from './types'

const shown = (problems: Problem[]) => problems.map((p) => `${p.path}: ${renderProblem(p)}`)

const DESCRIBE = describeOutput(6, [
  { name: 'orders', partitions: 3 },
  { name: 'audit', partitions: 2, configs: 'min.insync.replicas=1' },
  { name: '__consumer_offsets', partitions: 1 },
])
const RACKS = {
  1: 'use1-az1',
  2: 'use1-az2',
  3: 'use1-az3',
  4: 'use1-az1',
  5: 'use1-az2',
  6: 'use1-az3',
}
const CONFIGS = kafkaConfigsOutput(RACKS, {
  'min.insync.replicas': '2',
  'default.replication.factor': '3',
})

function plan(request: ImportRequest) {
  const result = planImport(request)
  if (!result.ok) throw new Error(shown(result.problems).join('\n'))
  return result.plan
}

function problems(request: ImportRequest): string[] {
  const result = planImport(request)
  expect(result.ok).toBe(false)
  return result.ok ? [] : shown(result.problems)
}

describe('planImport', () => {
  it('takes zones, configs and the controller mode from kafka-configs output', () => {
    const p = plan({ text: DESCRIBE, zones: CONFIGS })
    expect(p.zoneOrigin).toBe('kafka-configs')
    expect(p.spec.cluster.zones).toEqual(['use1-az1', 'use1-az2', 'use1-az3'])
    expect(p.spec.cluster.brokers.find((b) => b.id === 4)?.zone).toBe('use1-az1')
    expect(p.spec.cluster.config['min.insync.replicas']).toBe(2)
    expect(p.spec.cluster.config['default.replication.factor']).toBe(3)
    expect(p.spec.cluster.controller).toBe('kraft')
    const orders = p.spec.topics.find((t) => t.name === 'orders')!
    const audit = p.spec.topics.find((t) => t.name === 'audit')!
    // orders has no override: it runs with the brokers' 2, not Apache Kafka's 1.
    expect(effectiveMinIsr(orders, p.spec.cluster.config)).toBe(2)
    expect(effectiveMinIsr(audit, p.spec.cluster.config)).toBe(1)
    expect(shown(p.warnings).some((w) => /assumed KRaft/.test(w))).toBe(false)
    expect(p.spec.clients).toEqual([])
  })

  it('applies MSK defaults by zone count, over what kafka-configs shows, with a note', () => {
    const twoZones = kafkaConfigsOutput({ 1: 'a', 2: 'b', 3: 'a', 4: 'b', 5: 'a', 6: 'b' })
    const p = plan({ text: DESCRIBE, zones: twoZones, preset: 'msk' })
    expect(p.spec.cluster.config).toMatchObject({
      'min.insync.replicas': 1,
      'default.replication.factor': 2,
      'unclean.leader.election.enable': true,
    })
    expect(shown(p.warnings)).toContain(
      'clusterConfig: default.replication.factor: the kafka-configs output says 1 (line 6 of the kafka-configs output), but the import uses 2 (MSK default for 2 zones)',
    )
    const three = plan({ text: DESCRIBE, zones: CONFIGS, preset: 'msk' })
    expect(three.spec.cluster.config['min.insync.replicas']).toBe(2)
    const apache = plan({ text: DESCRIBE, zones: CONFIGS, preset: 'apache' })
    expect(apache.spec.cluster.config['min.insync.replicas']).toBe(1)
  })

  it('adds a producer and a consumer group per topic', () => {
    const p = plan({ text: DESCRIBE, zones: CONFIGS, workload: { recordsPerSecond: 50 } })
    expect(p.workload).toMatchObject({ topics: ['orders', 'audit'], recordsPerSecond: 50 })
    expect(p.spec.clients.map((c) => [c.kind, c.id, c.topic])).toEqual([
      ['producer', 'orders-producer', 'orders'],
      ['consumer', 'orders-consumer', 'orders'],
      ['producer', 'audit-producer', 'audit'],
      ['consumer', 'audit-consumer', 'audit'],
    ])
    const producer = p.spec.clients[0]!
    expect(producer.kind === 'producer' && producer.config.acks).toBe(-1)
    expect(producer.config['bootstrap.servers']).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('assumes MSK numbering when asked, and says it is an assumption', () => {
    const p = plan({ text: DESCRIBE, assumeNumbering: numberedZones(3) })
    expect(p.zoneOrigin).toBe('numbering')
    expect(p.spec.cluster.brokers.map((b) => b.zone)).toEqual([
      'az1',
      'az2',
      'az3',
      'az1',
      'az2',
      'az3',
    ])
    expect(shown(p.warnings)[0]).toMatch(/^zoneMap: zones assumed from MSK's broker numbering/)
    expect(problems({ text: DESCRIBE, assumeNumbering: numberedZones(4) })).toEqual([
      "zoneMap: MSK's numbering cannot be assumed: 6 brokers do not divide evenly over 4 zones; MSK keeps the same number of brokers in each zone",
    ])
  })

  it('names the brokers a kafka-configs output leaves out', () => {
    const partial = kafkaConfigsOutput({ 1: 'a', 2: 'b', 3: 'c', 4: 'a' })
    expect(problems({ text: DESCRIBE, zones: partial })).toEqual([
      'zoneMap: the kafka-configs output has no "All configs for broker N" section for brokers 5–6; run it without --entity-name, so that it describes every broker',
    ])
  })

  it('reports the text’s, the zone source’s and the workload’s problems together', () => {
    const bad = DESCRIBE.replace('Partition: 1\tLeader: 2', 'Partition: one\tLeader: 2')
    const rackless = kafkaConfigsOutput({ 1: null, 2: null })
    const all = problems({ text: bad, zones: rackless, workload: { recordsPerSecond: 0 } })
    expect(all[0]).toMatch(/^zoneMap, line 4: no broker has broker.rack set/)
    expect(all[1]).toBe(
      'workload.recordsPerSecond: records/s must be a whole number from 1 to 1000000',
    )
    expect(all[2]).toMatch(/^line 3: Partition "one" is not a number/)
    expect(all.some((p) => /no broker-to-zone map was given/.test(p))).toBe(false)
  })

  it('puts a typed value over everything else', () => {
    const p = plan({
      text: DESCRIBE,
      zones: CONFIGS,
      preset: 'msk',
      typedConfig: { 'min.insync.replicas': 3 },
    })
    expect(p.spec.cluster.config['min.insync.replicas']).toBe(3)
    expect(p.config.sources['min.insync.replicas']).toEqual({ kind: 'typed' })
  })
})

describe('a large workload', () => {
  it('warns that playback may fall behind with more than 100 topics of clients', () => {
    const many = describeOutput(
      6,
      Array.from({ length: 101 }, (_, i) => ({ name: `t${i}`, partitions: 1 })),
    )
    const p = plan({ text: many, zones: CONFIGS, workload: {} })
    expect(shown(p.warnings)).toContain(
      'workload: the workload runs 101 producers and 101 consumer groups; the simulation slows down with the number of clients, and with a few hundred of each playback may fall behind the clock',
    )
    const few = plan({ text: DESCRIBE, zones: CONFIGS, workload: {} })
    expect(shown(few.warnings).some((w) => w.startsWith('workload:'))).toBe(false)
  })
})

describe('planImport caps repeated problems', () => {
  it('lists the first 100 bad lines of a describe output, then how many more there were', () => {
    const lines = ['Topic: orders\tPartitionCount: 250\tReplicationFactor: 1\tConfigs:']
    for (let i = 0; i < 250; i++)
      lines.push(`\tTopic: orders\tPartition: ${i}\tLeader: x\tReplicas: 1\tIsr: 1`)
    const result = planImport({ text: lines.join('\n'), zones: '1=use1-az1' })
    if (result.ok) throw new Error('expected problems')
    expect(result.problems).toHaveLength(101)
    expect(shown(result.problems.slice(-2))).toEqual([
      'line 101: Leader "x" is not a broker id, "none" or -1',
      '$: … and 150 more problems; only the first 100 of each kind are listed',
    ])
  })
})
