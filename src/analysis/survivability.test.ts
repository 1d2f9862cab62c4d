/**
 * Checks the survivability matrix: row enumeration and naming, the offline / unwritable /
 * single-copy / unclean counts on small hand-built layouts (including imported ISR and ELR
 * state), control-plane majority, and, with fast-check, that the incremental computation equals a
 * naive per-row oracle and that failing more brokers never lowers the offline count.
 */
import { test } from '@fast-check/vitest'
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../engine/spec'
import { effectiveMinIsr, uncleanElectionEnabled } from '../engine/spec'
import type { FailureOutcome } from './survivability'
import { survivabilityMatrix } from './survivability'
import { buildSpec } from './test-helpers'
import { arbitrarySpec } from './arbitraries'

function rowNamed(spec: SimulationSpec, name: string): FailureOutcome {
  const row = survivabilityMatrix(spec).failures.find((f) => f.name === name)
  if (row === undefined) throw new Error(`no row ${name}`)
  return row
}

describe('survivabilityMatrix rows', () => {
  it('lists every broker, zone, broker pair and zone plus outside broker, in that order', () => {
    const spec = buildSpec({ brokersPerZone: 2 })
    const { failures } = survivabilityMatrix(spec)
    expect(failures.filter((f) => f.kind === 'broker')).toHaveLength(6)
    expect(failures.filter((f) => f.kind === 'zone')).toHaveLength(3)
    expect(failures.filter((f) => f.kind === 'brokers')).toHaveLength(15)
    expect(failures.filter((f) => f.kind === 'zone+broker')).toHaveLength(12)
    expect(failures.map((f) => f.kind)).toEqual([
      ...Array<string>(6).fill('broker'),
      ...Array<string>(3).fill('zone'),
      ...Array<string>(15).fill('brokers'),
      ...Array<string>(12).fill('zone+broker'),
    ])
    expect(failures.slice(0, 2).map((f) => f.name)).toEqual(['broker 1', 'broker 2'])
    expect(failures[6]).toMatchObject({ name: 'use1-az1', brokers: [1, 4], controllers: [1001] })
    expect(failures[9]).toMatchObject({ name: 'brokers 1+2', brokers: [1, 2] })
    expect(failures[24]).toMatchObject({ name: 'use1-az1 + broker 2', brokers: [1, 2, 4] })
  })

  it('takes no controller node with a broker or a broker pair', () => {
    const spec = buildSpec({ controller: 'zookeeper' })
    for (const f of survivabilityMatrix(spec).failures) {
      if (f.kind === 'broker' || f.kind === 'brokers') {
        expect(f.controllers).toEqual([])
        expect(f.controlPlaneLost).toBe(false)
      }
    }
  })
})

describe('survivabilityMatrix counts', () => {
  const rf3 = (zones: string[], assignment?: number[][]) =>
    buildSpec({
      zones,
      topics: [
        {
          name: 'orders',
          partitions: assignment?.length ?? 1,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 2 },
          ...(assignment === undefined ? {} : { assignment }),
        },
      ],
    })

  it('min ISR above RF: writable while all replicas are in sync from 3.7, never on 3.6', () => {
    // Partition.effectiveMinIsr caps min.insync.replicas at RF from Kafka 3.7;
    // before, a leader compared the ISR with the configured 3 and refused every acks=all write.
    const spec = (kafkaVersion: '3.6' | '3.7') =>
      buildSpec({
        kafkaVersion,
        topics: [
          {
            name: 'orders',
            partitions: 1,
            replicationFactor: 2,
            config: { 'min.insync.replicas': 3 },
            assignment: [[1, 2]],
          },
        ],
      })
    expect(rowNamed(spec('3.7'), 'broker 3')).toMatchObject({ unwritablePartitions: 0 })
    expect(rowNamed(spec('3.6'), 'broker 3')).toMatchObject({ unwritablePartitions: 1 })
    expect(rowNamed(spec('3.7'), 'broker 1')).toMatchObject({ unwritablePartitions: 1 })
  })

  it('3 zones x 1 broker, RF 3, min ISR 2: a zone failure leaves every partition writable', () => {
    const spec = rf3(['use1-az1', 'use1-az2', 'use1-az3'])
    expect(rowNamed(spec, 'use1-az1')).toMatchObject({
      offlinePartitions: 0,
      unwritablePartitions: 0,
      singleCopyPartitions: 0,
      uncleanElectionRequired: 0,
      controlPlaneLost: false,
    })
    expect(rowNamed(spec, 'brokers 1+2')).toMatchObject({
      offlinePartitions: 0,
      unwritablePartitions: 1,
      singleCopyPartitions: 1,
    })
    expect(rowNamed(spec, 'use1-az1 + broker 2')).toMatchObject({
      offlinePartitions: 0,
      unwritablePartitions: 1,
      singleCopyPartitions: 1,
    })
  })

  it('RF 3 on 2 zones with two replicas in az1: losing az1 makes the partition unwritable', () => {
    // Brokers 1 and 3 are in use1-az1, broker 2 in use1-az2.
    const spec = buildSpec({
      zones: ['use1-az1', 'use1-az2'],
      brokers: [
        { id: 1, zone: 'use1-az1' },
        { id: 2, zone: 'use1-az2' },
        { id: 3, zone: 'use1-az1' },
      ],
      topics: [
        {
          name: 'orders',
          partitions: 1,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 2 },
          assignment: [[1, 2, 3]],
        },
      ],
    })
    expect(rowNamed(spec, 'use1-az1')).toMatchObject({
      brokers: [1, 3],
      offlinePartitions: 0,
      unwritablePartitions: 1,
      singleCopyPartitions: 1,
    })
    expect(rowNamed(spec, 'use1-az2')).toMatchObject({
      offlinePartitions: 0,
      unwritablePartitions: 0,
    })
  })

  it('loses the control plane when the zone holding 2 of 3 controllers fails', () => {
    const spec = buildSpec({
      zones: ['use1-az1', 'use1-az2'],
      brokersPerZone: 2,
      controllerZones: ['use1-az1', 'use1-az2', 'use1-az1'],
    })
    expect(rowNamed(spec, 'use1-az1')).toMatchObject({
      controllers: [1001, 1003],
      controlPlaneLost: true,
    })
    expect(rowNamed(spec, 'use1-az2')).toMatchObject({
      controllers: [1002],
      controlPlaneLost: false,
    })
    expect(rowNamed(spec, 'use1-az2 + broker 1').controlPlaneLost).toBe(false)
  })

  it('counts an RF 1 partition offline when its broker fails', () => {
    const spec = buildSpec({ topics: [{ name: 'logs', partitions: 3, replicationFactor: 1 }] })
    expect(rowNamed(spec, 'broker 2')).toMatchObject({
      offlinePartitions: 1,
      unwritablePartitions: 0,
      // The two surviving RF 1 partitions have one copy, as always.
      singleCopyPartitions: 2,
      uncleanElectionRequired: 0,
    })
    expect(rowNamed(spec, 'use1-az1 + broker 3').offlinePartitions).toBe(2)
  })

  it('counts an RF 2 partition as single copy, and unwritable only above min ISR 1', () => {
    const base = { name: 't', partitions: 1, replicationFactor: 2, assignment: [[1, 2]] }
    const loose = buildSpec({ topics: [base] })
    expect(rowNamed(loose, 'broker 1')).toMatchObject({
      singleCopyPartitions: 1,
      unwritablePartitions: 0,
    })
    const strict = buildSpec({ topics: [{ ...base, config: { 'min.insync.replicas': 2 } }] })
    expect(rowNamed(strict, 'broker 1').unwritablePartitions).toBe(1)
  })

  describe('with an imported ISR', () => {
    const imported = (config: { 'unclean.leader.election.enable'?: boolean }, minIsr = 2) =>
      buildSpec({
        topics: [
          {
            name: 'orders',
            partitions: 2,
            replicationFactor: 3,
            config: { 'min.insync.replicas': minIsr, ...config },
            assignment: [
              [1, 2, 3],
              [1, 2, 3],
            ],
            // Partition 0 has shrunk to the leader; partition 1 has no imported state (all in sync).
            initial: [{ leader: 1, isr: [1] }, null],
          },
        ],
      })

    it('needs an unclean election, counted as offline, when the only ISR member fails', () => {
      expect(rowNamed(imported({}), 'broker 1')).toMatchObject({
        offlinePartitions: 1,
        uncleanElectionRequired: 1,
        unwritablePartitions: 0,
      })
      expect(rowNamed(imported({}), 'broker 2')).toMatchObject({
        offlinePartitions: 0,
        uncleanElectionRequired: 0,
        // Partition 0 was already below min ISR 2 before the failure.
        unwritablePartitions: 1,
      })
    })

    it('does not count it offline when the topic enables unclean election', () => {
      const spec = imported({ 'unclean.leader.election.enable': true })
      expect(rowNamed(spec, 'broker 1')).toMatchObject({
        offlinePartitions: 0,
        uncleanElectionRequired: 1,
        // After the unclean election the ISR is the new leader alone, below min ISR 2.
        unwritablePartitions: 1,
      })
      const loose = imported({ 'unclean.leader.election.enable': true }, 1)
      expect(rowNamed(loose, 'broker 1').unwritablePartitions).toBe(0)
    })

    it('elects an ELR member cleanly under KRaft with eligible leader replicas enabled', () => {
      const spec = buildSpec({
        config: { 'eligible.leader.replicas.enable': true },
        topics: [
          {
            name: 'orders',
            partitions: 1,
            replicationFactor: 3,
            config: { 'min.insync.replicas': 2 },
            assignment: [[1, 2, 3]],
            initial: [{ leader: 1, isr: [1], elr: [2] }],
          },
        ],
      })
      expect(rowNamed(spec, 'broker 1')).toMatchObject({
        offlinePartitions: 0,
        uncleanElectionRequired: 0,
        unwritablePartitions: 1,
      })
      expect(rowNamed(spec, 'brokers 1+2')).toMatchObject({
        offlinePartitions: 1,
        uncleanElectionRequired: 1,
      })
    })
  })

  it('treats a replica on a broker missing from the cluster as down', () => {
    const spec = buildSpec({
      topics: [{ name: 't', partitions: 1, replicationFactor: 2, assignment: [[1, 99]] }],
    })
    expect(rowNamed(spec, 'broker 2').singleCopyPartitions).toBe(1)
    expect(rowNamed(spec, 'broker 1').offlinePartitions).toBe(1)
  })

  it('states its assumption, with the ZooKeeper controller note in ZooKeeper mode', () => {
    const kraft = survivabilityMatrix(buildSpec()).assumption
    expect(kraft).toMatch(/^Replicas in sync before the failure unless the scenario carries an ISR/)
    expect(kraft).not.toContain('ZooKeeper')
    const zk = survivabilityMatrix(buildSpec({ controller: 'zookeeper' })).assumption
    expect(zk).toContain('the active controller is a broker')
  })
})

/** A straightforward per-row recomputation, independent of the incremental one. */
function oracle(spec: SimulationSpec, failed: number[]) {
  const down = new Set(failed)
  const known = new Set(spec.cluster.brokers.map((b) => b.id))
  const alive = (r: number) => known.has(r) && !down.has(r)
  const elrOn =
    spec.cluster.controller === 'kraft' && spec.cluster.config['eligible.leader.replicas.enable']
  const counts = {
    offlinePartitions: 0,
    unwritablePartitions: 0,
    singleCopyPartitions: 0,
    uncleanElectionRequired: 0,
  }
  for (const topic of spec.topics) {
    const minIsr = effectiveMinIsr(topic, spec.cluster.config)
    const unclean = uncleanElectionEnabled(topic, spec.cluster.config)
    topic.assignment.forEach((assigned, p) => {
      const replicas = [...new Set(assigned)]
      const state = topic.initial?.[p] ?? null
      const isr = state === null ? replicas : replicas.filter((r) => state.isr.includes(r))
      const elr = state !== null && elrOn ? (state.elr ?? []) : []
      const surviving = replicas.filter(alive)
      let survivingIsr = isr.filter(alive).length
      if (surviving.length === 1) counts.singleCopyPartitions++
      if (surviving.length === 0) {
        counts.offlinePartitions++
        return
      }
      if (survivingIsr === 0 && surviving.some((r) => elr.includes(r) && !isr.includes(r))) {
        survivingIsr = 1
      }
      if (survivingIsr === 0) {
        counts.uncleanElectionRequired++
        if (!unclean) {
          counts.offlinePartitions++
          return
        }
        survivingIsr = 1
      }
      if (survivingIsr < minIsr) counts.unwritablePartitions++
    })
  }
  return counts
}

describe('survivabilityMatrix properties', () => {
  test.prop([arbitrarySpec])('matches a naive per-row recomputation', (spec) => {
    for (const row of survivabilityMatrix(spec).failures) {
      const expected = oracle(spec, row.brokers)
      expect({
        offline: row.offlinePartitions,
        unwritable: row.unwritablePartitions,
        singleCopy: row.singleCopyPartitions,
        unclean: row.uncleanElectionRequired,
      }).toEqual({
        offline: expected.offlinePartitions,
        unwritable: expected.unwritablePartitions,
        singleCopy: expected.singleCopyPartitions,
        unclean: expected.uncleanElectionRequired,
      })
    }
  })

  test.prop([arbitrarySpec])('keeps counts within the partition total', (spec) => {
    const total = spec.topics.reduce((sum, t) => sum + t.partitions, 0)
    for (const row of survivabilityMatrix(spec).failures) {
      expect(row.offlinePartitions + row.unwritablePartitions).toBeLessThanOrEqual(total)
      expect(row.singleCopyPartitions).toBeLessThanOrEqual(total)
      expect(row.uncleanElectionRequired).toBeLessThanOrEqual(total)
    }
  })

  test.prop([arbitrarySpec])('never lowers offline counts when more brokers fail', (spec) => {
    const { failures } = survivabilityMatrix(spec)
    const isSubset = (a: number[], b: number[]) => a.every((x) => b.includes(x))
    for (const small of failures) {
      for (const big of failures) {
        if (!isSubset(small.brokers, big.brokers)) continue
        expect(big.offlinePartitions).toBeGreaterThanOrEqual(small.offlinePartitions)
        if (isSubset(small.controllers, big.controllers) && small.controlPlaneLost) {
          expect(big.controlPlaneLost).toBe(true)
        }
      }
    }
  })
})
