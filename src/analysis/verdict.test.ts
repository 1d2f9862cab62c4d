/**
 * The verdict in Kafka's terms, with the engine's client runs: the MSK-recommended layout (RF 3,
 * min.insync.replicas 2, one replica per zone, acks=all) survives any single zone — the producer
 * waits out detection, gets no NOT_ENOUGH_REPLICAS and loses nothing acknowledged; the same
 * cluster with two replicas of every partition in use1-az1 loses availability when use1-az1
 * fails: the ISR falls to 1 < 2, and the acks=all producer's writes are answered
 * NOT_ENOUGH_REPLICAS. The worst case names its topics; without producers there are no client
 * figures; the same spec gives the same verdict every time.
 */
import { describe, expect, it } from 'vitest'
import { survivabilityMatrix } from './survivability'
import { clientImpact, verdict, type ClassVerdict, type Verdict } from './verdict'
import { classSentences, clientsNote, verdictHeadline } from './verdict-text'
import { buildSpec, producer, recommendedSpec } from './test-helpers'

function classOf(v: Verdict, kind: ClassVerdict['kind']): ClassVerdict {
  const c = v.classes.find((x) => x.kind === kind)
  if (c === undefined) throw new Error(`no ${kind} class`)
  return c
}

// Brokers 1, 4 in use1-az1; 2, 5 in use1-az2; 3, 6 in use1-az3.
function sharedZoneSpec() {
  return buildSpec({
    brokersPerZone: 2,
    topics: [
      {
        name: 'orders',
        partitions: 3,
        replicationFactor: 3,
        config: { 'min.insync.replicas': 2 },
        // orders-2's leader, broker 2, is live: the producer keeps a connection outside the
        // stopped zone to learn the new leaders from (a producer connected only to use1-az1 can
        // stay in Kafka's connect/metadata gridlock, client-network.test.ts).
        assignment: [
          [1, 4, 2],
          [4, 1, 3],
          [2, 4, 5],
        ],
      },
    ],
    clients: [producer('checkout', 'orders', { acks: -1 })],
  })
}

describe('verdict', () => {
  it('a recommended layout survives any single zone, and its producer loses nothing', () => {
    const spec = recommendedSpec()
    const v = verdict(spec, survivabilityMatrix(spec).failures, { clientRuns: true })
    const zone = classOf(v, 'zone')
    expect(zone).toMatchObject({ cases: 3, availabilityLost: 0, durabilityAtRisk: 0 })
    expect(zone.clients).not.toBeNull()
    expect(zone.clients!.errors['NOT_ENOUGH_REPLICAS']).toBeUndefined()
    expect(zone.clients!.lostAckedRecords).toBe(0)
    expect(zone.clients!.failedRecords).toBe(0)
    expect(verdictHeadline(v).tone).not.toBe('bad')
    expect(classSentences(zone)[0]).toBe('Any single zone: no case loses availability.')
  })

  it('two replicas in one zone: losing that zone makes orders unwritable, NOT_ENOUGH_REPLICAS', () => {
    const spec = sharedZoneSpec()
    const v = verdict(spec, survivabilityMatrix(spec).failures, { clientRuns: true })
    const zone = classOf(v, 'zone')
    expect(zone.availabilityLost).toBe(2)
    expect(zone.worst).toMatchObject({
      name: 'use1-az1',
      unwritable: 2,
      topics: [{ topic: 'orders', partitions: 3, offline: 0, unwritable: 2 }],
    })
    const clients = zone.clients!
    expect(clients.failure).toBe('use1-az1')
    expect(clients.errors['NOT_ENOUGH_REPLICAS']).toBeGreaterThan(0)
    expect(clients.unwritablePartitionMs).toBeGreaterThan(0)
    const headline = verdictHeadline(v)
    expect(headline.tone).toBe('bad')
    expect(headline.text).toBe(
      'Does not survive a single zone: use1-az1: 0 offline, 2 unwritable for acks=all, 2 down to one copy (orders 2 of 3 unwritable).',
    )
    expect(classSentences(zone)[1]).toMatch(
      /^In a 60 s run of use1-az1, writes stalled up to .+; 0 records failed, \d+ record retries, 0 acknowledged records lost; producer p99 latency .+; errors .*NOT_ENOUGH_REPLICAS ×\d+/,
    )
  })

  it('has no client figures without producers, and says why', () => {
    const spec = { ...recommendedSpec(), clients: [] }
    const v = verdict(spec, survivabilityMatrix(spec).failures, { clientRuns: true })
    expect(v.hasProducers).toBe(false)
    expect(v.classes.every((c) => c.clients === null)).toBe(true)
    expect(clientsNote(v)).toMatch(/^No producers in the scenario/)
    expect(clientImpact(spec, survivabilityMatrix(spec).failures[0]!)).toBeNull()
  })

  it('runs nothing unless asked, and is deterministic', () => {
    const spec = sharedZoneSpec()
    const failures = survivabilityMatrix(spec).failures
    expect(verdict(spec, failures).classes.every((c) => c.clients === null)).toBe(true)
    const a = JSON.stringify(verdict(spec, failures, { clientRuns: true }))
    const b = JSON.stringify(verdict(spec, failures, { clientRuns: true }))
    expect(a).toBe(b)
  })
})
