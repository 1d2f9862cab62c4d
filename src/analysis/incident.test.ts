/**
 * The incident timeline over real runs of the engine: a leader crash (fault → fencing after
 * broker.session.timeout.ms → ISR shrink → clean ONLINE election → first acknowledged write), a
 * stall still under way before the fencing, a zone stop (the zone's brokers, from the context),
 * a rolling restart (one step mark per broker, CONTROLLED_SHUTDOWN elections) and an unclean
 * election that loses acknowledged records. Every expectation is checked against the engine's
 * own failover record and event log, not against hand-written numbers.
 */
import { describe, expect, it } from 'vitest'
import { ordersOnThreeBrokers, TestCluster } from '../test-support/test-cluster'
import { createIncidentTimeline, incidentAt, incidentTimeline, type Incident } from './incident'
import type { SimEvent } from '../engine/types'

function timeline(c: TestCluster, withBrokers = true): Incident[] {
  const sim = c.simulation
  const context = withBrokers ? { brokers: c.snapshot().brokers } : {}
  return incidentTimeline(sim.failovers(), sim.events(), sim.nowMs(), context)
}

describe('incidentTimeline', () => {
  it('a leader crash: fault, fencing, ISR shrink, a clean ONLINE election, writes resumed', () => {
    const c = ordersOnThreeBrokers(11).runFor(20_000)
    c.broker(1).crash()
    c.runFor(40_000)
    const [crash, ...rest] = timeline(c)
    expect(rest).toEqual([])
    const record = c.simulation.failovers()[0]!
    const fenced = c.events('BrokerFenced').find((e) => e.broker === 1)!.atMs
    expect(crash!.marks.map((m) => [m.kind, m.atMs])).toEqual([
      ['fault', 20_000],
      ['detected', fenced],
      ['isrShrunk', fenced],
      ['elected', fenced],
      ['recovered', record.recoveredAtMs],
    ])
    const [, detected, shrunk, elected] = crash!.marks
    expect(detected).toMatchObject({ brokers: [1], detection: 'BrokerFenced' })
    expect(shrunk).toMatchObject({ brokers: [1], partitions: ['orders-0', 'orders-1', 'orders-2'] })
    expect(elected).toMatchObject({
      brokers: [2],
      partitions: ['orders-0'],
      electionKind: 'ONLINE',
      election: 'clean',
    })
    const longest = Math.max(...record.partitions.map((p) => p.stallMs ?? 0))
    const worst = record.partitions.find((p) => p.stallMs === longest)!
    expect(crash!.recap).toMatchObject({
      fault: { type: 'crashBroker', broker: 1, atMs: 20_000 },
      brokers: [1],
      worst: { partition: `orders-${worst.partition}`, stallMs: longest },
      partitionsTouched: 3,
      detectedAtMs: fenced,
      detection: 'BrokerFenced',
      leadersMovedAtMs: fenced,
      newLeaders: [2],
      elections: { clean: 1, unclean: 0, elr: 0 },
      retriedRecords: record.retriedRecords,
      failedRecords: 0,
      lostAckedRecords: 0,
      writes: 'resumed',
      recoveredAtMs: record.recoveredAtMs,
      steps: null,
    })
    // The stall is the fencing delay: broker.session.timeout.ms (9 s) plus a liveness check.
    expect(longest).toBeGreaterThan(7_000)
  })

  it('before the fencing: only the fault, and writes still stalled with no end yet', () => {
    const c = ordersOnThreeBrokers(11).runFor(20_000)
    c.broker(1).crash()
    c.runFor(4_000)
    const [crash] = timeline(c)
    expect(crash!.marks.map((m) => m.kind)).toEqual(['fault'])
    expect(crash!.recap.writes).toBe('stalled')
    expect(crash!.recap.detectedAtMs).toBeNull()
    expect(crash!.recap.worst).toEqual({ partition: 'orders-0', stallMs: null })
  })

  it('a zone stop names the zone’s brokers when the context lists them', () => {
    const c = ordersOnThreeBrokers(3).runFor(10_000)
    c.zone('use1-az2').stop()
    c.runFor(30_000)
    const [withBrokers] = timeline(c)
    expect(withBrokers!.recap.brokers).toEqual([2])
    expect(withBrokers!.marks[0]).toMatchObject({ kind: 'fault', brokers: [2] })
    expect(withBrokers!.marks.find((m) => m.kind === 'detected')?.brokers).toEqual([2])
    const [without] = timeline(c, false)
    expect(without!.recap.brokers).toEqual([])
    // Without the brokers the detection is still read, from any broker fenced in the window.
    expect(without!.recap.detection).toBe('BrokerFenced')
  })

  it('a rolling restart: one step mark per broker, numbered of the total', () => {
    const c = ordersOnThreeBrokers(11)
    c.at(10_000, { type: 'rollingRestart' })
    c.runFor(150_000)
    const [restart] = timeline(c)
    const steps = restart!.marks.filter((m) => m.kind === 'step')
    expect(steps.map((m) => [m.brokers, m.step])).toEqual([
      [[1], { index: 1, total: 3 }],
      [[2], { index: 2, total: 3 }],
      [[3], { index: 3, total: 3 }],
    ])
    const stops = c.events('RollingRestartStep').filter((e) => e.step === 'stop')
    expect(steps.map((m) => m.atMs)).toEqual(stops.map((e) => e.atMs))
    const elections = restart!.marks.filter((m) => m.kind === 'elected')
    expect(elections.every((m) => m.electionKind === 'CONTROLLED_SHUTDOWN')).toBe(true)
    expect(restart!.recap.steps).toEqual({ started: 3, total: 3 })
    expect(restart!.recap.detection).toBe('ControlledShutdownRequested')
  })

  it('an unclean election is marked unclean and the recap counts the acknowledged records lost', () => {
    const c = TestCluster.create({ zones: 2, brokersPerZone: 1, seed: 5 })
    c.topic('orders', {
      partitions: 1,
      replicationFactor: 2,
      'min.insync.replicas': 1,
      'unclean.leader.election.enable': true,
      assignment: [[1, 2]],
    })
    c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
    c.runFor(5_000)
    c.broker(2).slow(60_000)
    c.runFor(50_000)
    c.broker(1).crash()
    c.runFor(30_000)
    const incidents = timeline(c)
    const crash = incidents.find((i) => i.recap.fault.type === 'crashBroker')!
    const record = c.simulation.failovers()[crash.index]!
    expect(record.lostAckedRecords).toBeGreaterThan(0)
    expect(crash.recap.lostAckedRecords).toBe(record.lostAckedRecords)
    expect(crash.recap.elections.unclean).toBe(1)
    expect(crash.marks.find((m) => m.kind === 'elected')).toMatchObject({
      brokers: [2],
      election: 'unclean',
    })
  })
})

describe('incidentAt', () => {
  it('is the last incident begun at or before the time', () => {
    const c = ordersOnThreeBrokers(11).runFor(10_000)
    c.broker(1).crash()
    c.runFor(20_000)
    c.broker(1).start()
    c.runFor(20_000)
    const incidents = timeline(c)
    expect(incidents.map((i) => i.recap.fault.type)).toEqual(['crashBroker', 'startBroker'])
    expect(incidentAt(incidents, 5_000)).toBeNull()
    expect(incidentAt(incidents, 10_000)?.index).toBe(0)
    expect(incidentAt(incidents, 45_000)?.index).toBe(1)
  })
})

describe('createIncidentTimeline', () => {
  it('reads only new events and gives exactly what incidentTimeline gives, also after a seek back', () => {
    const c = TestCluster.create({ zones: 3, brokersPerZone: 2, seed: 4 })
      .topic('orders', { partitions: 12, replicationFactor: 3, 'min.insync.replicas': 2 })
      .producer('p1', 'orders', { acks: -1, recordsPerSecond: 400 })
      .at(5_000, { type: 'stopZone', zone: 'use1-az1' })
      .at(30_000, { type: 'startZone', zone: 'use1-az1' })
      .at(50_000, { type: 'crashBroker', broker: 2 })
    const context = { brokers: c.snapshot().brokers }
    const follow = createIncidentTimeline()
    // The store's log: a new array each update, the same event objects (applyDelta's concat).
    let log: readonly SimEvent[] = []
    const frames: { log: readonly SimEvent[]; nowMs: number }[] = []
    for (let t = 500; t <= 90_000; t += 700) {
      c.runUntil(t)
      log = log.concat(c.simulation.events().slice(log.length))
      const sim = c.simulation
      frames.push({ log, nowMs: sim.nowMs() })
      expect(follow(sim.failovers(), log, sim.nowMs(), context)).toEqual(
        incidentTimeline(sim.failovers(), log, sim.nowMs(), context),
      )
    }
    expect(incidentTimeline(c.simulation.failovers(), log, 90_000, context)).toHaveLength(3)
    // A seek back: an earlier time and a shorter log start the scan over.
    const earlier = frames[20]!
    const failoversThen = c.simulation.failovers().filter((f) => f.atMs <= earlier.nowMs)
    expect(follow(failoversThen, earlier.log, earlier.nowMs, context)).toEqual(
      incidentTimeline(failoversThen, earlier.log, earlier.nowMs, context),
    )
  })
})
