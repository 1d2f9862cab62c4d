/**
 * Importing in the browser goes through the CLI's planner: describe text and reassignment JSON
 * become specs, a bad line is reported by number, problems get readable places; the panel's
 * fields (a kafka-configs zone source, a preset, typed configs, a workload) give the spec the
 * preview describes line by line, and the preview says what the current scenario loses. The
 * default workload stays well under the smallest MSK broker's capacity (the capacity model of
 * src/analysis/capacity.ts). The zone repair finds crowded topics, writes a reassignment that
 * fixes them and applies it for re-analysis.
 */
import { describe, expect, it } from 'vitest'
import { capacityReport } from '../../analysis/capacity'
import { advise, survivabilityMatrix } from '../../analysis/index'
import { describeOutput, kafkaConfigsOutput } from '../../scenario/import-fixtures'
import {
  applyReassignment,
  configPreview,
  detectFormat,
  EMPTY_INPUTS,
  importCluster,
  lossText,
  numberingOffers,
  planFromInputs,
  previewLines,
  problemPlace,
  readableReassignment,
  topicsWithZoneProblems,
  zoneBoxState,
  type ImportInputs,
} from './import-cluster'

/** Brokers 1 and 2 in az1, 3 in az2, 4 in az3: partitions 0 and 1 crowd az1. */
const ZONES = '1=use1-az1,2=use1-az1,3=use1-az2,4=use1-az3'
const DESCRIBE = `Topic: orders\tTopicId: 6kTR0jHnQq2G9u8jZf3gYQ\tPartitionCount: 3\tReplicationFactor: 3\tConfigs: min.insync.replicas=2
\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3
\tTopic: orders\tPartition: 1\tLeader: 2\tReplicas: 2,1,4\tIsr: 2,1,4
\tTopic: orders\tPartition: 2\tLeader: 3\tReplicas: 3,4,1\tIsr: 3,4,1
`

const SIX = describeOutput(6, [
  { name: 'orders', partitions: 6 },
  { name: 'payments', partitions: 3 },
])
const RACKS = kafkaConfigsOutput({
  1: 'use1-az1',
  2: 'use1-az2',
  3: 'use1-az3',
  4: 'use1-az1',
  5: 'use1-az2',
  6: 'use1-az3',
})

function inputs(change: Partial<ImportInputs>): ImportInputs {
  return { ...EMPTY_INPUTS, ...change }
}

describe('importCluster', () => {
  it('imports describe text with a zone map', () => {
    const outcome = importCluster(DESCRIBE, ZONES)
    expect(outcome.ok).toBe(true)
    if (!outcome.ok) return
    expect(outcome.format).toBe('describe')
    expect(outcome.spec.cluster.brokers).toEqual([
      { id: 1, zone: 'use1-az1' },
      { id: 2, zone: 'use1-az1' },
      { id: 3, zone: 'use1-az2' },
      { id: 4, zone: 'use1-az3' },
    ])
    expect(outcome.spec.topics[0]!.assignment).toEqual([
      [1, 2, 3],
      [2, 1, 4],
      [3, 4, 1],
    ])
  })

  it('reports a bad line by its number', () => {
    const bad = DESCRIBE.replace('Leader: 2\tReplicas: 2,1,4', 'Leader: 9\tReplicas: 2,1,4')
    const outcome = importCluster(bad, ZONES)
    expect(outcome.ok).toBe(false)
    if (outcome.ok) return
    expect(outcome.problems[0]!.path).toBe('line 3')
    expect(problemPlace(outcome.problems[0]!)).toBe('Line 3')
    expect(outcome.problems[0]!.message).toMatch(/Leader 9 is not among the Replicas/)
  })

  it('reads a reassignment JSON and warns without a zone map', () => {
    const json = '{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2]}]}'
    expect(detectFormat(json)).toBe('reassignment')
    const outcome = importCluster(json, '')
    expect(outcome.ok && outcome.warnings.map((w) => problemPlace(w))).toEqual([
      'Cluster configs',
      'Zone map',
    ])
  })

  it('names zone map problems', () => {
    const outcome = importCluster(DESCRIBE, '1=use1-az1,two=use1-az2')
    expect(outcome.ok).toBe(false)
    if (!outcome.ok) expect(problemPlace(outcome.problems[0]!)).toMatch(/^Zone map/)
    expect(problemPlace({ path: '$' })).toBe('Input')
    expect(problemPlace({ path: 'zoneMap, line 7' })).toBe('Zone map, line 7')
    expect(problemPlace({ path: 'clusterConfig.min.insync.replicas' })).toBe(
      'Cluster configs: min.insync.replicas',
    )
  })
})

describe('planFromInputs', () => {
  it('takes zones and configs from kafka-configs output, a preset and a workload', () => {
    const outcome = planFromInputs(
      inputs({
        text: SIX,
        zones: RACKS,
        preset: 'msk',
        workload: { enabled: true, recordsPerSecond: '', recordBytes: '' },
      }),
    )
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
    expect(outcome.spec.cluster.zones).toEqual(['use1-az1', 'use1-az2', 'use1-az3'])
    expect(outcome.spec.cluster.config['min.insync.replicas']).toBe(2)
    expect(outcome.spec.clients.filter((c) => c.kind === 'producer')).toHaveLength(2)
    const lines = Object.fromEntries(previewLines(outcome.plan).map((l) => [l.label, l.text]))
    expect(lines).toMatchObject({
      Brokers: '6 brokers, ids 1–6',
      Zones:
        'use1-az1 (2 brokers), use1-az2 (2 brokers), use1-az3 (2 brokers); from broker.rack in the kafka-configs output',
      Topics: '2 topics, 9 partitions',
      Controller: 'KRaft',
      'min.insync.replicas': '2 (MSK default for 3 zones)',
      'default.replication.factor': '3 (MSK default for 3 zones)',
      'unclean.leader.election.enable': 'true (MSK default for 3 zones)',
      'Effective min ISR': "2 on 2 topics (the cluster's)",
      Clients:
        '2 producers (acks=all, 100 records/s of 1,024 B each, the default rate) and 2 consumer groups of one member: 0.20 MiB/s of produce in all',
    })
  })

  it('says the cluster has no clients when no workload is asked for', () => {
    const outcome = planFromInputs(inputs({ text: SIX, zones: RACKS }))
    const clients = outcome.ok && previewLines(outcome.plan).find((l) => l.label === 'Clients')
    expect(clients && clients.text).toMatch(/^none: injected failures will show no client impact/)
  })

  it('reports typed configs and workload fields that are not numbers, with their places', () => {
    const outcome = planFromInputs(
      inputs({
        text: SIX,
        zones: RACKS,
        typed: { 'min.insync.replicas': 'two' },
        workload: { enabled: true, recordsPerSecond: 'fast', recordBytes: '' },
      }),
    )
    expect(outcome.ok).toBe(false)
    expect(outcome.ok ? [] : outcome.problems.map(problemPlace)).toEqual([
      'Cluster configs: min.insync.replicas',
      'Workload records/s',
    ])
  })

  it('assumes MSK numbering only when asked, and offers it when it fits', () => {
    expect(numberingOffers(SIX)).toEqual({ counts: [3, 2], brokers: 6 })
    expect(numberingOffers(DESCRIBE)).toEqual({ counts: [2], brokers: 4 })
    const outcome = planFromInputs(inputs({ text: SIX, numbering: 3, zones: 'ignored' }))
    expect(outcome.ok && outcome.spec.cluster.zones).toEqual(['az1', 'az2', 'az3'])
    const zones = outcome.ok && previewLines(outcome.plan).find((l) => l.label === 'Zones')
    expect(zones && zones.text).toMatch(/assumed from MSK's broker numbering: an assumption/)
  })

  it('shows in the fields what the import will use, before Import', () => {
    expect(configPreview(inputs({ zones: RACKS })).values['min.insync.replicas']).toBe(1)
    expect(
      configPreview(inputs({ zones: RACKS, preset: 'msk' })).values['min.insync.replicas'],
    ).toBe(2)
    const twoZones = kafkaConfigsOutput({ 1: 'a', 2: 'b' })
    expect(configPreview(inputs({ zones: twoZones, preset: 'msk' })).values).toMatchObject({
      'min.insync.replicas': 1,
      'default.replication.factor': 2,
    })
    expect(zoneBoxState(RACKS)).toEqual({
      kind: 'kafka-configs',
      ok: true,
      text: 'kafka-configs output: 6 brokers in 3 zones',
    })
    expect(zoneBoxState('1=a,2=')?.ok).toBe(false)
    expect(zoneBoxState('')).toBeNull()
  })

  it('keeps the default workload well within the smallest MSK broker, even after the worst failure', () => {
    const many = describeOutput(
      6,
      Array.from({ length: 40 }, (_, i) => ({ name: `topic-${i}`, partitions: 6 })),
    )
    const outcome = planFromInputs(
      inputs({
        text: many,
        zones: RACKS,
        preset: 'msk',
        workload: { enabled: true, recordsPerSecond: '', recordBytes: '' },
      }),
    )
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.problems))
    const spec = {
      ...outcome.spec,
      cluster: { ...outcome.spec.cluster, brokerType: 'kafka.t3.small' as const },
    }
    const report = capacityReport(spec, survivabilityMatrix(spec).failures)
    expect(report).not.toBeNull()
    const peak = Math.max(...report!.brokers.map((b) => b.utilisation))
    expect(peak).toBeGreaterThan(0.1)
    expect(peak).toBeLessThan(0.4)
    // The worst single-broker or single-zone failure leaves every survivor under 60 %.
    const afterLoss = Math.max(...report!.worstFailure!.brokers.map((b) => b.utilisation))
    expect(afterLoss).toBeLessThan(0.6)
  })
})

describe('lossText', () => {
  it('names what the current scenario loses', () => {
    const outcome = importCluster(DESCRIBE, ZONES)
    if (!outcome.ok) throw new Error('fixture does not import')
    expect(
      lossText({
        spec: outcome.spec,
        changes: ['2 faults injected during the run'],
        reachedMs: 65_000,
      }),
    ).toBe(
      `Importing replaces the current scenario “${outcome.spec.name}” (4 brokers, 1 topic, 0 clients, 0 scripted faults), with 2 faults injected during the run, and its run (at 01:05.000) restarts from 00:00.000 on the imported cluster.`,
    )
  })
})

describe('zone repair', () => {
  const imported = importCluster(DESCRIBE, ZONES)
  if (!imported.ok) throw new Error('fixture does not import')
  const spec = imported.spec

  it('finds the crowded topic and writes a reassignment that fixes it', () => {
    expect(topicsWithZoneProblems(spec)).toEqual(['orders'])
    const json = readableReassignment(spec, ['orders'])
    const parsed = JSON.parse(json) as { version: number; partitions: { replicas: number[] }[] }
    expect(parsed.version).toBe(1)
    expect(parsed.partitions).toHaveLength(3)
    expect(json.split('\n')).toHaveLength(3 + 3 + 3)
    const fixed = applyReassignment(spec, json)
    expect(topicsWithZoneProblems(fixed)).toEqual([])
    expect(advise(fixed).some((f) => f.id === 'replicas-share-zone')).toBe(false)
    expect(advise(spec).some((f) => f.id === 'replicas-share-zone')).toBe(true)
  })
})
