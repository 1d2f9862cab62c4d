/**
 * The incident timeline in English: the recap line of a real leader crash (the example
 * shape: fault → stall → fencing and election → outcome), the wording of a stall still under way,
 * a fault that touches no partition, a rolling restart's progress, each mark's sentence and
 * label, and the partition list that stops after three names.
 */
import { describe, expect, it } from 'vitest'
import { incidentTimeline, type IncidentRecap } from '../analysis/incident'
import { ordersOnThreeBrokers } from '../test-support/test-cluster'
import {
  faultPhrase,
  markLabel,
  markSentence,
  partitionList,
  recapLine,
  recapSentences,
  shortTime,
} from './incident-text'

function crashIncident() {
  const c = ordersOnThreeBrokers(11).runFor(20_000)
  c.broker(1).crash()
  c.runFor(40_000)
  const sim = c.simulation
  const [incident] = incidentTimeline(sim.failovers(), sim.events(), sim.nowMs(), {
    brokers: c.snapshot().brokers,
  })
  return { c, incident: incident! }
}

function recap(over: Partial<IncidentRecap>): IncidentRecap {
  return {
    fault: { type: 'crashBroker', broker: 1, atMs: 3_100 },
    atMs: 3_100,
    brokers: [1],
    worst: { partition: 'orders-0', stallMs: 8_700 },
    partitionsTouched: 3,
    detectedAtMs: 11_000,
    detection: 'BrokerFenced',
    leadersMovedAtMs: 11_000,
    newLeaders: [2],
    elections: { clean: 1, unclean: 0, elr: 0 },
    retriedRecords: 260,
    failedRecords: 0,
    lostAckedRecords: 0,
    writes: 'resumed',
    recoveredAtMs: 11_300,
    steps: null,
    ...over,
  }
}

describe('recapSentences', () => {
  it('tells a real leader crash as fault → stall → fencing and election → outcome', () => {
    const { c, incident } = crashIncident()
    const record = c.simulation.failovers()[0]!
    const sentences = recapSentences(incident.recap)
    expect(sentences).toEqual([
      '00:20.0 broker 1 crashed',
      `clients could not write to ${incident.recap.worst!.partition} for ${(
        record.maxProduceStallMs! / 1000
      ).toFixed(1)} s`,
      `${shortTime(record.detectedAtMs!)} broker 1 fenced, broker 2 elected (clean)`,
      `writes resumed at ${shortTime(record.recoveredAtMs!)}; ${record.retriedRecords} records retried; 0 records failed; 0 acknowledged records lost`,
    ])
    expect(recapLine(incident.recap)).toBe(sentences.join(' → '))
  })

  it('reads the issue’s example numbers the way the issue writes them', () => {
    expect(recapLine(recap({}))).toBe(
      '00:03.1 broker 1 crashed → clients could not write to orders-0 for 8.7 s → ' +
        '00:11.0 broker 1 fenced, broker 2 elected (clean) → ' +
        'writes resumed at 00:11.3; 260 records retried; 0 records failed; 0 acknowledged records lost',
    )
  })

  it('says a stall is still under way, and that nothing was detected or moved yet', () => {
    const sentences = recapSentences(
      recap({
        worst: { partition: 'orders-0', stallMs: null },
        detectedAtMs: null,
        detection: null,
        leadersMovedAtMs: null,
        newLeaders: [],
        elections: { clean: 0, unclean: 0, elr: 0 },
        writes: 'stalled',
        recoveredAtMs: null,
        retriedRecords: 1,
        lostAckedRecords: 1,
      }),
    )
    expect(sentences).toEqual([
      '00:03.1 broker 1 crashed',
      'clients have not written to orders-0 since 00:03.1',
      'no leader moved',
      'writes not resumed yet; 1 record retried; 0 records failed; 1 acknowledged record lost',
    ])
  })

  it('counts elections by class and says when no producer’s partition was touched', () => {
    const mixed = recap({
      fault: { type: 'stopZone', zone: 'use1-az1', atMs: 3_100 },
      brokers: [1, 4],
      newLeaders: [2, 3],
      elections: { clean: 3, unclean: 1, elr: 0 },
    })
    expect(recapSentences(mixed)[0]).toBe('00:03.1 zone use1-az1 stopped')
    expect(recapSentences(mixed)[2]).toBe(
      '00:11.0 brokers 1, 4 fenced, brokers 2, 3 elected (3 clean, 1 unclean)',
    )
    const controller = recap({
      fault: { type: 'crashController', controller: 1001, atMs: 3_100 },
      brokers: [],
      worst: null,
      partitionsTouched: 0,
      detectedAtMs: null,
      detection: null,
      newLeaders: [],
      elections: { clean: 0, unclean: 0, elr: 0 },
      writes: 'unaffected',
      retriedRecords: 0,
    })
    expect(recapSentences(controller)).toEqual([
      '00:03.1 controller 1001 crashed',
      'no partition with a producer touched',
      '0 records retried; 0 records failed; 0 acknowledged records lost',
    ])
  })

  it('gives a rolling restart its progress and a short wait in milliseconds', () => {
    const rolling = recap({
      fault: { type: 'rollingRestart', atMs: 10_000 },
      atMs: 10_000,
      steps: { started: 2, total: 6 },
      worst: { partition: 'orders-1', stallMs: 8 },
      detection: 'ControlledShutdownRequested',
    })
    const sentences = recapSentences(rolling)
    expect(sentences[0]).toBe('00:10.0 rolling restart of every broker')
    expect(sentences[1]).toBe('2 of 6 brokers stopped in turn')
    expect(sentences[2]).toBe('writes to orders-1 waited at most 8 ms')
    expect(sentences[3]).toContain('asked for a controlled shutdown')
  })
})

describe('marks in words', () => {
  it('labels and words each mark of a real crash', () => {
    const { incident } = crashIncident()
    const fault = incident.recap.fault
    expect(incident.marks.map((m) => markLabel(m, fault))).toEqual([
      'broker 1 crashed',
      'fenced',
      'ISR shrunk',
      'elected',
      'writes resumed',
    ])
    const [crashed, fenced, shrunk, elected] = incident.marks.map((m) => markSentence(m, fault))
    expect(crashed).toBe('00:20.0 broker 1 crashed')
    expect(fenced).toMatch(/fenced broker 1: no heartbeat within broker\.session\.timeout\.ms$/)
    expect(shrunk).toMatch(/broker 1 removed from the ISR of orders-0, orders-1, orders-2$/)
    expect(elected).toMatch(/broker 2 elected leader of orders-0 \(clean, ONLINE\)$/)
  })

  it('words faults as what happened to what', () => {
    expect(faultPhrase({ type: 'isolateBroker', broker: 3, from: ['clients'], atMs: 0 })).toBe(
      'broker 3 cut off from clients',
    )
    expect(faultPhrase({ type: 'rollingRestart', brokers: [1, 2], atMs: 0 })).toBe(
      'rolling restart of brokers 1, 2',
    )
    expect(faultPhrase({ type: 'crashClient', client: 'c1', member: 0, atMs: 0 })).toBe(
      'client c1 member 0 crashed',
    )
  })

  it('lists at most three partitions, then how many more', () => {
    expect(partitionList(['a-0', 'a-1', 'a-2'])).toBe('a-0, a-1, a-2')
    expect(partitionList(['a-0', 'a-1', 'a-2', 'a-3', 'a-4'])).toBe('a-0, a-1, a-2 and 2 more')
  })
})
