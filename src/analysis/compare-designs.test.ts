/**
 * Building each kind of design for a comparison, on a layout with two replicas of every partition
 * in one zone (testing/bad-layout.ts): the current scenario as it is; an edited copy with its one
 * change; the advisor's reassignment, which moves replicas so no zone holds two and clears the
 * advisor's zone finding; a `kafka-topics --describe` cluster read with its zone map, taking the
 * current clients and defaults; a scenario file, with the reader's problems when it is bad. Then
 * the fault script both run, the faults a design cannot run, and the findings marked by side.
 */
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../engine/spec'
import { advise } from './advisor'
import {
  compareFindings,
  describeFaultScript,
  faultProblems,
  faultScriptFaults,
  generatedReassignment,
  readDesign,
  runnableSpec,
  topicsToReassign,
} from './compare-designs'
import {
  BAD_LAYOUT_DESCRIBE,
  BAD_LAYOUT_SCENARIO,
  BAD_LAYOUT_ZONES,
  GOOD_LAYOUT_SCENARIO,
  specOf,
} from './testing/bad-layout'

const current: SimulationSpec = {
  ...specOf(BAD_LAYOUT_SCENARIO),
  faults: [{ type: 'crashBroker' as const, broker: 2, atMs: 5000 }],
}

function design(source: Parameters<typeof readDesign>[0]) {
  const read = readDesign(source, current)
  if (!read.ok) throw new Error(read.problems.map((p) => `${p.path}: ${p.message}`).join('\n'))
  return read.design
}

/** How many replicas of each partition share a zone with another replica of it. */
function sharedZoneReplicas(spec: SimulationSpec): number[] {
  const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
  return spec.topics[0]!.assignment.map(
    (replicas) => replicas.length - new Set(replicas.map((id) => zoneOf.get(id))).size,
  )
}

describe('readDesign', () => {
  it('takes the current scenario as it is', () => {
    const d = design({ kind: 'current' })
    expect(d.spec).toBe(current)
    expect(d.label).toBe('Current: Two replicas in one zone')
  })

  it('makes an edited copy with one change', () => {
    const d = design({ kind: 'edited', change: { kind: 'minIsr', value: 1 } })
    expect(d.label).toBe('Edited copy: min.insync.replicas=1 on every topic')
    expect(d.spec.topics[0]!.config['min.insync.replicas']).toBe(1)
    expect(current.topics[0]!.config['min.insync.replicas']).toBeUndefined()
  })

  it("generates the advisor's reassignment: no partition keeps two replicas in one zone", () => {
    expect(sharedZoneReplicas(current)).toEqual([1, 1, 1])
    expect(topicsToReassign(current)).toEqual(['orders'])
    const d = design({ kind: 'reassignment' })
    expect(sharedZoneReplicas(d.spec)).toEqual([0, 0, 0])
    // One replica of each partition moves out of its crowded zone.
    expect(d.label).toBe('Reassignment: moves 3 replicas (orders)')
    expect(d.spec.cluster).toBe(current.cluster)
    expect(d.spec.clients).toBe(current.clients)
    const reassignFixes = (spec: SimulationSpec) =>
      advise(spec).filter((f) => f.fix?.patch.op === 'reassign').length
    expect(reassignFixes(current)).toBe(1)
    expect(reassignFixes(d.spec)).toBe(0)
  })

  it('has nothing to move on a layout that already spreads its replicas', () => {
    const good = specOf(GOOD_LAYOUT_SCENARIO)
    const plan = generatedReassignment(good)
    expect(plan).toMatchObject({ moved: 0, topics: [] })
    expect(plan.spec).toBe(good)
  })

  it('reads describe output with its zone map, taking clients and defaults from the current scenario', () => {
    const d = design({
      kind: 'describe',
      text: BAD_LAYOUT_DESCRIBE,
      zoneMap: BAD_LAYOUT_ZONES,
      name: 'prod.txt',
    })
    expect(d.label).toBe('Describe: prod.txt (1 topic, 3 partitions on 6 brokers in 3 zones)')
    expect(d.spec.cluster.brokers.map((b) => [b.id, b.zone])).toEqual(
      current.cluster.brokers.map((b) => [b.id, b.zone]),
    )
    expect(d.spec.topics[0]!.assignment).toEqual(current.topics[0]!.assignment)
    expect(d.spec.topics[0]!.config['min.insync.replicas']).toBe(2)
    expect(d.spec.clients.map((c) => [c.id, c.config['bootstrap.servers']])).toEqual([
      ['checkout', [1, 2, 3, 4, 5, 6]],
    ])
    expect(d.spec.cluster.config['min.insync.replicas']).toBe(2)
    expect(d.details[0]).toBe('Clients from the current scenario: checkout.')
  })

  it('gives an imported cluster no current client writes a producer per topic', () => {
    const text = BAD_LAYOUT_DESCRIBE.replaceAll('orders', 'payments')
    const d = design({ kind: 'describe', text, zoneMap: BAD_LAYOUT_ZONES })
    expect(d.label).toMatch(/^Describe: pasted text /)
    expect(d.spec.clients).toMatchObject([
      { kind: 'producer', id: 'producer-payments', topic: 'payments', recordsPerSecond: 100 },
    ])
    expect(d.spec.clients[0]!.kind === 'producer' && d.spec.clients[0]!.config.acks).toBe(-1)
  })

  it("reports the importer's problems, with their lines and the zone map", () => {
    const read = readDesign(
      { kind: 'describe', text: BAD_LAYOUT_DESCRIBE, zoneMap: '1=use1-az1' },
      current,
    )
    expect(read.ok).toBe(false)
    if (read.ok) return
    expect(read.problems.map((p) => p.path)).toContain('zoneMap')
    expect(read.problems.map((p) => p.message).join(' ')).toMatch(
      /no zone for brokers 2, 3, 4, 5, 6/,
    )
  })

  it('reads a scenario file, or says what is wrong with it as the reader does', () => {
    const d = design({
      kind: 'file',
      name: 'good.json',
      text: JSON.stringify(GOOD_LAYOUT_SCENARIO),
    })
    expect(d.label).toBe('File: good.json')
    expect(d.spec.name).toBe('One replica per zone')
    const bad = { ...GOOD_LAYOUT_SCENARIO, topics: [{ name: 'orders', partitions: 0 }] }
    const read = readDesign({ kind: 'file', name: 'bad.json', text: JSON.stringify(bad) }, current)
    expect(read.ok).toBe(false)
    if (!read.ok) expect(read.problems[0]!.path).toBe('topics[0].partitions')
    const syntax = readDesign({ kind: 'file', name: 'x.json', text: '{"version": 1,' }, current)
    expect(syntax.ok === false && syntax.problems[0]!.path).toMatch(/^line 1, column/)
  })
})

describe('the fault script', () => {
  it("is the scenario's faults, one zone, one broker or none", () => {
    expect(faultScriptFaults({ kind: 'scenario' }, current)).toEqual(current.faults)
    expect(faultScriptFaults({ kind: 'none' }, current)).toEqual([])
    expect(faultScriptFaults({ kind: 'zone', zone: 'use1-az1', atMs: 10_000 }, current)).toEqual([
      { type: 'stopZone', zone: 'use1-az1', atMs: 10_000 },
    ])
    expect(faultScriptFaults({ kind: 'broker', broker: 4, atMs: 0 }, current)).toEqual([
      { type: 'crashBroker', broker: 4, atMs: 0 },
    ])
    expect(describeFaultScript({ kind: 'zone', zone: 'use1-az1', atMs: 10_000 }, current)).toBe(
      'stopZone use1-az1 at 00:10',
    )
    expect(describeFaultScript({ kind: 'scenario' }, current)).toBe(
      "the current scenario's 1 fault",
    )
  })

  it('runs on each design with the current seed and the chosen length', () => {
    const file = design({
      kind: 'file',
      name: 'g.json',
      text: JSON.stringify({ ...GOOD_LAYOUT_SCENARIO, seed: 99 }),
    })
    const faults = faultScriptFaults({ kind: 'zone', zone: 'use1-az2', atMs: 3000 }, current)
    const spec = runnableSpec(file, current, faults, 30_000)
    expect([spec.seed, spec.durationMs, spec.faults]).toEqual([7, 30_000, faults])
  })

  it('names the faults a design cannot run', () => {
    const small = specOf({
      ...GOOD_LAYOUT_SCENARIO,
      cluster: { zones: ['use1-az1', 'use1-az2', 'use1-az3'], brokersPerZone: 1 },
      topics: [{ name: 'orders', partitions: 1, replicationFactor: 3 }],
    })
    const faults = [
      { type: 'crashBroker' as const, broker: 4, atMs: 1000 },
      { type: 'stopZone' as const, zone: 'use1-az9', atMs: 2000 },
      { type: 'crashBroker' as const, broker: 1, atMs: 3000 },
    ]
    expect(faultProblems(small, faults).map((p) => [p.path, p.message])).toEqual([
      ['faults[0]', 'crashBroker at 00:01 needs broker 4, which this design does not have'],
      [
        'faults[1]',
        'stopZone at 00:02 needs a broker in zone use1-az9, which this design does not have',
      ],
    ])
  })
})

describe('compareFindings', () => {
  it('marks the findings only one design has', () => {
    const after = generatedReassignment(current).spec
    const { a, b } = compareFindings(current, after)
    const zoneFinding = a.find((f) => f.path === 'topics[0].assignment')
    expect(zoneFinding).toMatchObject({ onlyHere: true })
    expect(zoneFinding!.message).toMatch(/orders/)
    expect(b.some((f) => f.path === 'topics[0].assignment')).toBe(false)
    const same = compareFindings(current, current)
    expect(same.a.every((f) => !f.onlyHere)).toBe(true)
    expect(same.a.map((f) => [f.severity, f.message])).toEqual(
      advise(current).map((f) => [f.severity, f.message]),
    )
  })
})
