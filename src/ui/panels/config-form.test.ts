/**
 * Checks the configuration editor's pure logic on a hand-built three-zone spec: the round trip
 * spec → form → spec, validation messages that name the problem (RF larger than the brokers,
 * unknown bootstrap servers, duplicate topics, session timeout vs heartbeat), round-robin brokers
 * and spread controllers, replica assignment kept or recomputed with Kafka's rack-aware
 * assignReplicasToBrokers, and faults and consumers dropped when what they name is gone.
 */
import { describe, expect, it } from 'vitest'
import {
  buildSpec,
  type ConfigForm,
  parseBrokerList,
  parseWhole,
  partitionFaults,
  specToForm,
  validateForm,
  zoneNames,
} from './config-form'
import { baseSpec } from './fixtures'

function edit(change: (f: ConfigForm) => void): ConfigForm {
  const form = specToForm(baseSpec())
  change(form)
  return form
}

describe('specToForm and buildSpec', () => {
  it('round-trips an unchanged spec, keeping assignment, faults and client configs', () => {
    const base = baseSpec()
    const form = specToForm(base)
    expect(form.zoneCount).toBe('3')
    expect(form.brokersPerZone).toBe('1')
    expect(form.producers[0]).toEqual({
      id: 'producer-1',
      topic: 'orders',
      acks: 'all',
      recordsPerSecond: '100',
      bootstrapServers: '1, 2, 3',
    })
    expect(validateForm(form, base)).toEqual({})
    const { spec, dropped, notes } = buildSpec(form, base)
    expect(spec).toEqual(base)
    expect(dropped).toEqual([])
    expect(notes).toEqual([])
  })

  it('assigns brokers round-robin, spreads controllers 1001.. and reassigns across racks', () => {
    const form = edit((f) => {
      f.brokersPerZone = '2'
      f.controllerCount = '5'
      f.topics[0]!.partitions = '12'
    })
    const { spec } = buildSpec(form, baseSpec())
    expect(spec.cluster.brokers.map((b) => `${b.id}@${b.zone}`)).toEqual([
      '1@use1-az1',
      '2@use1-az2',
      '3@use1-az3',
      '4@use1-az1',
      '5@use1-az2',
      '6@use1-az3',
    ])
    expect(spec.cluster.controllers.map((c) => `${c.id}@${c.zone}`)).toEqual([
      '1001@use1-az1',
      '1002@use1-az2',
      '1003@use1-az3',
      '1004@use1-az1',
      '1005@use1-az2',
    ])
    const zoneOf = new Map(spec.cluster.brokers.map((b) => [b.id, b.zone]))
    const orders = spec.topics[0]!
    expect(orders.assignment).toHaveLength(12)
    for (const replicas of orders.assignment) {
      expect(new Set(replicas.map((id) => zoneOf.get(id))).size).toBe(3)
    }
    // Deterministic: the spec's seed drives the assignment.
    expect(buildSpec(form, baseSpec()).spec.topics[0]!.assignment).toEqual(orders.assignment)
  })

  it('puts every controller in one zone when asked, and writes the edited configs', () => {
    const form = edit((f) => {
      f.controllerPlacement = '1'
      f.controllerMode = 'zookeeper'
      f.numeric['replica.lag.time.max.ms'] = '10000'
      f.flags['eligible.leader.replicas.enable'] = true
      f.topics[0]!.unclean = 'true'
      f.producers[0]!.acks = '1'
    })
    const { spec } = buildSpec(form, baseSpec())
    expect(spec.cluster.controller).toBe('zookeeper')
    expect(new Set(spec.cluster.controllers.map((c) => c.zone))).toEqual(new Set(['use1-az2']))
    expect(spec.cluster.config['replica.lag.time.max.ms']).toBe(10000)
    expect(spec.cluster.config['eligible.leader.replicas.enable']).toBe(true)
    expect(spec.topics[0]!.config['unclean.leader.election.enable']).toBe(true)
    const producer = spec.clients[0]!
    expect(producer.kind === 'producer' && producer.config.acks).toBe(1)
    expect(producer.kind === 'producer' && producer.config['linger.ms']).toBe(5)
  })

  it('drops faults, and consumers, that name brokers, zones or partitions no longer there', () => {
    const form = edit((f) => {
      f.zoneCount = '2'
      f.controllerCount = '2'
      f.topics[0]!.partitions = '2'
      f.topics[0]!.replicationFactor = '2'
      f.producers[0]!.bootstrapServers = '1,2'
    })
    const { kept, dropped } = partitionFaults(form, baseSpec())
    expect(dropped.map((d) => d.reason)).toEqual([
      'broker 3 no longer exists',
      'zone use1-az3 no longer exists',
      'controller 1003 no longer exists',
      'orders has no partition 2 now',
    ])
    expect(kept.map((f) => f.type)).toEqual(['rollingRestart'])
    const { spec, notes } = buildSpec(form, baseSpec())
    expect(spec.faults).toEqual(kept)
    expect(notes).toEqual(['Consumer consumer-1 loses the bootstrap servers that no longer exist'])
    const consumer = spec.clients.find((c) => c.kind === 'consumer')!
    expect(consumer.config['bootstrap.servers']).toEqual([1])
  })
})

describe('validateForm', () => {
  it('names an RF larger than the brokers, and a min ISR above RF', () => {
    const errors = validateForm(
      edit((f) => {
        f.topics[0]!.replicationFactor = '4'
        f.topics.push({
          name: 'audit',
          partitions: '1',
          replicationFactor: '2',
          minIsr: '3',
          unclean: 'inherit',
        })
      }),
      baseSpec(),
    )
    expect(errors).toEqual({
      'topics.0.replicationFactor': 'RF 4 is larger than the 3 brokers',
      'topics.1.minIsr': 'min.insync.replicas 3 is larger than RF 2',
    })
  })

  it('checks counts, names, client ids, topics, bootstrap servers and timeouts', () => {
    const errors = validateForm(
      edit((f) => {
        f.zoneCount = '7'
        f.controllerCount = '0'
        f.topics.push({ ...f.topics[0]! })
        f.topics[0]!.name = 'bad name'
        f.topics[0]!.partitions = '2.5'
        f.producers.push({ ...f.producers[0]!, id: 'consumer-1', topic: 'gone' })
        f.numeric['broker.session.timeout.ms'] = '2000'
      }),
      baseSpec(),
    )
    expect(errors).toEqual({
      zoneCount: 'Zones must be a whole number from 1 to 6',
      controllerCount: 'Controllers must be a whole number from 1 to 9',
      'topics.0.name': 'Topic names may contain only letters, digits, ".", "_" and "-"',
      'topics.0.partitions': 'Partitions must be a whole number from 1 to 10000',
      'producers.1.id': 'Client id consumer-1 is already used',
      'producers.1.topic': 'Topic gone does not exist',
      'numeric.broker.session.timeout.ms':
        'broker.session.timeout.ms must be larger than broker.heartbeat.interval.ms (2000)',
    })
    expect(
      validateForm(
        edit((f) => f.topics.push({ ...f.topics[0]! })),
        baseSpec(),
      ),
    ).toEqual({ 'topics.1.name': 'Topic orders is listed twice' })
  })

  it('flags a controller zone that was removed', () => {
    const errors = validateForm(
      edit((f) => {
        f.controllerPlacement = '2'
        f.zoneCount = '2'
      }),
      baseSpec(),
    )
    expect(errors.controllerPlacement).toBe('There are only 2 zones now')
  })

  it('refuses to build from an invalid form', () => {
    expect(() =>
      buildSpec(
        edit((f) => (f.zoneCount = '')),
        baseSpec(),
      ),
    ).toThrow(/Zones/)
  })
})

describe('parsers', () => {
  it('parses whole numbers strictly', () => {
    expect(parseWhole(' 12 ')).toBe(12)
    for (const bad of ['', '1.5', '-1', '1e3', 'abc']) expect(parseWhole(bad)).toBeNull()
  })

  it('parses bootstrap server lists and names the first bad entry', () => {
    expect(parseBrokerList('1, 2,2, 3', 3)).toEqual({ ids: [1, 2, 3] })
    expect(parseBrokerList(' , ', 3)).toEqual({
      error: 'List at least one broker id, e.g. 1, 2, 3',
    })
    expect(parseBrokerList('1, b-2', 3)).toEqual({ error: '"b-2" is not a broker id' })
    expect(parseBrokerList('1, 7', 6)).toEqual({
      error: 'Broker 7 does not exist (brokers are 1–6)',
    })
  })

  it('keeps existing zone names and adds use1-az names not yet taken', () => {
    expect(zoneNames(['use1-az2', 'use1-az4'], 4)).toEqual([
      'use1-az2',
      'use1-az4',
      'use1-az1',
      'use1-az3',
    ])
    expect(zoneNames(['a', 'b', 'c'], 2)).toEqual(['a', 'b'])
  })
})
