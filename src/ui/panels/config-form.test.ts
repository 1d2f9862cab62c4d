/**
 * Checks the configuration editor's pure logic on a hand-built three-zone spec: the round trip
 * spec → form → spec, the scenario reader's problems placed at the fields they concern (RF larger
 * than the brokers, unknown bootstrap servers, duplicate topics, session timeout vs heartbeat),
 * round-robin brokers and spread controllers, replica assignment kept or recomputed with Kafka's
 * rack-aware assignReplicasToBrokers, faults and consumers dropped when what they name is gone,
 * two former drifts between the editor and the reader, and the capacity fields: MSK broker type,
 * a custom type's limits, the EBS volume and producers' record size, round-tripped and checked.
 */
import { describe, expect, it } from 'vitest'
import {
  buildSpec,
  type ConfigForm,
  jsonList,
  jsonValue,
  partitionFaults,
  specToForm,
  validateForm,
  withKafkaVersion,
  zoneNames,
} from './config-form'
import type { SimulationSpec } from '../../engine/spec'
import { renderProblem, specToScenario, validateScenario } from '../../scenario'
import { baseSpec, capacitySpec } from './fixtures'

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
      recordBytes: '',
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
    expect(dropped.map((d) => d.problems.map(renderProblem).join('; '))).toEqual([
      'unknown broker 3; brokers are 1, 2',
      'unknown zone "use1-az3"; cluster.zones lists "use1-az1", "use1-az2". Did you mean "use1-az1"?',
      'unknown controller 1003; controllers are 1001, 1002',
      'topic "orders" has 2 partitions (0 to 1)',
    ])
    expect(kept.map((f) => f.type)).toEqual(['rollingRestart'])
    const { spec, notes } = buildSpec(form, baseSpec())
    expect(spec.faults).toEqual(kept)
    expect(notes).toEqual(['Consumer consumer-1 loses the bootstrap servers that no longer exist'])
    const consumer = spec.clients.find((c) => c.kind === 'consumer')!
    expect(consumer.config['bootstrap.servers']).toEqual([1])
  })
})

describe('replication throttles in the editor', () => {
  it('writes the rates and lists it is given, leaves out empty ones, and keeps retention.ms', () => {
    const base = baseSpec()
    const withRetention: SimulationSpec = {
      ...base,
      topics: base.topics.map((t, i) =>
        i === 0 ? { ...t, config: { ...t.config, 'retention.ms': 3_600_000 } } : t,
      ),
    }
    const form = specToForm(withRetention)
    expect(form.optional['follower.replication.throttled.rate']).toBe('')
    expect(form.topics[0]!.followerThrottled).toBe('')
    form.optional['follower.replication.throttled.rate'] = '31457280'
    form.topics[0]!.followerThrottled = ' * '
    const { spec } = buildSpec(form, withRetention)
    expect(spec.cluster.config['follower.replication.throttled.rate']).toBe(31_457_280)
    expect(spec.cluster.config['leader.replication.throttled.rate']).toBeUndefined()
    expect(spec.topics[0]!.config['follower.replication.throttled.replicas']).toBe('*')
    expect(spec.topics[0]!.config['leader.replication.throttled.replicas']).toBeUndefined()
    expect(spec.topics[0]!.config['retention.ms']).toBe(3_600_000)
    // Emptied again, they are gone.
    const again = specToForm(spec)
    expect(again.topics[0]!.followerThrottled).toBe('*')
    again.optional['follower.replication.throttled.rate'] = ''
    again.topics[0]!.followerThrottled = ''
    const cleared = buildSpec(again, spec).spec
    expect(cleared.cluster.config['follower.replication.throttled.rate']).toBeUndefined()
    expect(cleared.topics[0]!.config['follower.replication.throttled.replicas']).toBeUndefined()
  })

  it('names a malformed list and a zero rate at their fields', () => {
    const errors = validateForm(
      edit((f) => {
        f.topics[0]!.leaderThrottled = '0-1'
        f.optional['leader.replication.throttled.rate'] = '0'
      }),
      baseSpec(),
    )
    expect(errors['topics.0.leaderThrottled']).toMatch(/not a throttled-replica list/)
    expect(errors['optional.leader.replication.throttled.rate']).toBeDefined()
  })
})

describe('validateForm', () => {
  it('names an RF larger than the brokers; a min ISR above RF is allowed (Kafka accepts it)', () => {
    const errors = validateForm(
      edit((f) => {
        f.topics[0]!.replicationFactor = '4'
        f.topics.push({
          name: 'audit',
          partitions: '1',
          replicationFactor: '2',
          minIsr: '3',
          unclean: 'inherit',
          leaderThrottled: '',
          followerThrottled: '',
        })
      }),
      baseSpec(),
    )
    expect(errors).toEqual({
      'topics.0.replicationFactor':
        'replicationFactor 4 is larger than the number of brokers (3); Kafka refuses it with InvalidReplicationFactorException',
    })
  })

  it('checks counts, names, client ids, topics, bootstrap servers and timeouts', () => {
    const errors = validateForm(
      edit((f) => {
        f.zoneCount = '101'
        f.controllerCount = '0'
        f.topics.push({ ...f.topics[0]! })
        f.topics[0]!.name = 'bad name'
        f.topics[0]!.partitions = '2.5'
        f.producers.push({ ...f.producers[0]!, id: 'consumer-1' })
        f.numeric['broker.session.timeout.ms'] = '1500'
      }),
      baseSpec(),
    )
    expect(errors).toEqual({
      zoneCount: 'must be at most 100 (got 101)',
      controllerCount: 'must be at least 1 (got 0)',
      'topics.0.name':
        '"bad name" is not a valid name: Kafka allows 1 to 249 of the characters a-z, A-Z, 0-9, ".", "_" and "-"',
      'topics.0.partitions': 'must be an integer (got the string "2.5")',
      'producers.1.id': 'duplicate client id "consumer-1" (also at clients[2])',
      'numeric.broker.session.timeout.ms':
        'broker.heartbeat.interval.ms (2000) must not exceed broker.session.timeout.ms (1500)',
    })
    expect(
      validateForm(
        edit((f) => f.producers.push({ ...f.producers[0]!, id: 'p2', topic: 'gone' })),
        baseSpec(),
      ),
    ).toEqual({ 'producers.1.topic': 'unknown topic "gone"; topics are "orders"' })
    expect(
      validateForm(
        edit((f) => f.topics.push({ ...f.topics[0]! })),
        baseSpec(),
      ),
    ).toEqual({ 'topics.1.name': 'duplicate topic name "orders" (also at topics[0])' })
  })

  it('flags a controller zone that was removed', () => {
    const errors = validateForm(
      edit((f) => {
        f.controllerPlacement = '2'
        f.zoneCount = '2'
      }),
      baseSpec(),
    )
    expect(errors.controllerPlacement).toBe(
      Array(3)
        .fill(
          'unknown zone "use1-az3"; cluster.zones lists "use1-az1", "use1-az2". Did you mean "use1-az1"?',
        )
        .join('; '),
    )
  })

  it('refuses to build from an invalid form', () => {
    expect(() =>
      buildSpec(
        edit((f) => (f.zoneCount = '')),
        baseSpec(),
      ),
    ).toThrow(/cluster\.zones: must be an integer/)
  })
})

describe('parsers', () => {
  it('reads integers from text boxes and leaves anything else to the reader as text', () => {
    expect(jsonValue(' 12 ')).toBe(12)
    expect(jsonValue('-1')).toBe(-1)
    for (const text of ['', '1.5', '1e3', 'abc']) expect(jsonValue(text)).toBe(text)
    expect(jsonList('1, 2,2, b-2 , ')).toEqual([1, 2, 2, 'b-2'])
  })

  it('names bootstrap server problems as the reader does', () => {
    const servers = (text: string) =>
      validateForm(
        edit((f) => (f.producers[0]!.bootstrapServers = text)),
        baseSpec(),
      )['producers.0.bootstrapServers']
    expect(servers('1, 2, 3')).toBeUndefined()
    expect(servers(' , ')).toBe('must not be empty')
    expect(servers('1, b-2')).toBe('must be an integer (got the string "b-2")')
    expect(servers('1, 7')).toBe('unknown broker 7; brokers are 1, 2, 3')
    expect(servers('1, 2, 2')).toBe(
      '2 is listed twice (also at clients[0].config["bootstrap.servers"][1])',
    )
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

describe('the editor agrees with the scenario reader (drift regressions)', () => {
  it('rejects replica.lag.time.max.ms = 1, which the scenario reader rejects', () => {
    const errors = validateForm(
      edit((f) => (f.numeric['replica.lag.time.max.ms'] = '1')),
      baseSpec(),
    )
    expect(Object.keys(errors)).toEqual(['numeric.replica.lag.time.max.ms'])
  })

  it('accepts a loaded scenario with 200,000 records per second', () => {
    const base = baseSpec()
    const producer = base.clients[0]!
    if (producer.kind === 'producer') producer.recordsPerSecond = 200_000
    const loaded = validateScenario(specToScenario(base))
    expect(loaded.ok).toBe(true)
    if (!loaded.ok) return
    expect(validateForm(specToForm(loaded.spec), loaded.spec)).toEqual({})
  })
})

describe('the Kafka version', () => {
  const versioned = (version: '3.6' | '3.9' | '4.0' | '4.1'): SimulationSpec => {
    const spec = baseSpec()
    spec.cluster.kafkaVersion = version
    return spec
  }

  it('keeps the version of a spec that names one', () => {
    const base = versioned('4.1')
    const form = specToForm(base)
    expect(form.kafkaVersion).toBe('4.1')
    form.brokersPerZone = '2'
    const { spec } = buildSpec(form, base)
    expect(spec.cluster.kafkaVersion).toBe('4.1')
  })

  it('names no version for a spec without one while the form stays at 3.9, what it means', () => {
    const base = baseSpec()
    const form = specToForm(base)
    expect(form.kafkaVersion).toBe('3.9')
    expect(buildSpec(form, base).spec.cluster.kafkaVersion).toBeUndefined()
    expect(buildSpec({ ...form, kafkaVersion: '3.7' }, base).spec.cluster.kafkaVersion).toBe('3.7')
  })

  it('moves ELR and linger.ms that are at the old default to the new default (4.1, KIP-1030)', () => {
    const base = baseSpec()
    const producer = base.clients[0]!
    if (producer.kind === 'producer') producer.config['linger.ms'] = 0
    const form = withKafkaVersion(specToForm(base), '4.1')
    expect(form.flags['eligible.leader.replicas.enable']).toBe(true)
    const { spec } = buildSpec(form, base)
    expect(spec.cluster.config['eligible.leader.replicas.enable']).toBe(true)
    const built = spec.clients[0]!
    expect(built.kind === 'producer' && built.config['linger.ms']).toBe(5)
  })

  it('keeps an ELR setting and a linger.ms the user chose', () => {
    const base = versioned('4.1')
    base.cluster.config['eligible.leader.replicas.enable'] = false
    // The fixture's producer lingers 5 ms, the 4.1 default: on 3.9 it follows to 0.
    const form = withKafkaVersion(specToForm(base), '3.9')
    expect(form.flags['eligible.leader.replicas.enable']).toBe(false)
    const built = buildSpec(form, base).spec.clients[0]!
    expect(built.kind === 'producer' && built.config['linger.ms']).toBe(0)
    const custom = baseSpec()
    const producer = custom.clients[0]!
    if (producer.kind === 'producer') producer.config['linger.ms'] = 20
    const moved = buildSpec(withKafkaVersion(specToForm(custom), '4.0'), custom).spec.clients[0]!
    expect(moved.kind === 'producer' && moved.config['linger.ms']).toBe(20)
  })

  it('names ZooKeeper on 4.x at the controller mode, and ELR on 3.6 at its switch', () => {
    const zk = validateForm(
      edit((f) => {
        f.kafkaVersion = '4.0'
        f.controllerMode = 'zookeeper'
      }),
      baseSpec(),
    )
    expect(Object.keys(zk)).toEqual(['controllerMode'])
    expect(zk.controllerMode).toContain('Kafka 4.0 has no ZooKeeper mode (removed in 4.0)')
    const elr = validateForm(
      edit((f) => {
        f.kafkaVersion = '3.6'
        f.flags['eligible.leader.replicas.enable'] = true
      }),
      baseSpec(),
    )
    expect(Object.keys(elr)).toEqual(['flags.eligible.leader.replicas.enable'])
  })

  it('drops an upgradeCluster that is no longer an upgrade on the chosen version', () => {
    const base = baseSpec()
    base.faults = [{ atMs: 10_000, type: 'upgradeCluster', toVersion: '4.0' }]
    const { kept, dropped } = partitionFaults({ ...specToForm(base), kafkaVersion: '4.1' }, base)
    expect(kept).toEqual([])
    expect(dropped.map((d) => d.problems.map((p) => p.code))).toEqual([['upgrade-not-newer']])
    expect(partitionFaults(specToForm(base), base).dropped).toEqual([])
  })
})

describe('the capacity fields', () => {
  /** A spec as the scenario reader gives it back from its file (defaults merged). */
  const read = (spec: SimulationSpec): SimulationSpec => {
    const result = validateScenario(specToScenario(spec))
    if (!result.ok) throw new Error(result.problems.map(renderProblem).join('; '))
    return result.spec
  }
  const built = (form: ConfigForm, base: SimulationSpec) => buildSpec(form, base).spec

  it('round-trips a Standard broker type with its volume, provisioned throughput and record size', () => {
    const base = capacitySpec()
    const form = specToForm(base)
    expect(form.brokerType).toBe('kafka.m5.4xlarge')
    expect(form.storage).toEqual({ volumeGiB: '1000', provisionedThroughputMiBps: '400' })
    expect(form.producers[0]!.recordBytes).toBe('512')
    expect(validateForm(form, base)).toEqual({})
    expect(built(form, base)).toEqual(base)
  })

  it('round-trips a custom broker with its limits, and an Express cluster', () => {
    const custom = baseSpec()
    custom.cluster.brokerType = 'custom'
    custom.cluster.brokerLimits = { vcpus: 8, networkMiBps: 300, maxPartitions: 2000 }
    custom.cluster.storage = { volumeGiB: 500 }
    const form = specToForm(custom)
    expect(form.brokerLimits).toEqual({
      vcpus: '8',
      networkMiBps: '300',
      volumeThroughputMiBps: '',
      recommendedPartitions: '',
      maxPartitions: '2000',
    })
    expect(built(form, custom)).toEqual(custom)
    // As the reader gives an Express cluster back: its fixed settings are the cluster's defaults.
    const express = baseSpec()
    express.cluster.brokerType = 'express.m7g.4xlarge'
    express.cluster.config['default.replication.factor'] = 3
    const loaded = read(express)
    expect(loaded).toEqual(express)
    expect(built(specToForm(loaded), loaded)).toEqual(loaded)
  })

  it('keeps a scenario without a broker type or record size without them', () => {
    const base = baseSpec()
    const form = specToForm(base)
    expect(form.brokerType).toBe('none')
    const { spec } = buildSpec(form, base)
    expect('brokerType' in spec.cluster).toBe(false)
    expect('storage' in spec.cluster).toBe(false)
    expect(spec.clients[0]).not.toHaveProperty('recordBytes')
    // Choosing no type drops the type and its volume; a record size typed away is the default.
    const none = specToForm(capacitySpec())
    none.brokerType = 'none'
    none.producers[0]!.recordBytes = ' '
    const cleared = built(none, capacitySpec())
    expect(cleared.cluster).not.toHaveProperty('brokerType')
    expect(cleared.cluster).not.toHaveProperty('storage')
    expect(cleared.clients[0]).not.toHaveProperty('recordBytes')
  })

  it('writes storage and limits only for the types that take them, and keeps what was typed', () => {
    const form = specToForm(capacitySpec())
    form.brokerType = 'express.m7g.large'
    const express = built(form, capacitySpec())
    expect(express.cluster.brokerType).toBe('express.m7g.large')
    expect(express.cluster).not.toHaveProperty('storage')
    expect(form.storage.volumeGiB).toBe('1000')
    form.brokerLimits.vcpus = '4'
    form.brokerType = 'kafka.m5.4xlarge'
    expect(built(form, capacitySpec()).cluster).not.toHaveProperty('brokerLimits')
    expect(built(form, capacitySpec()).cluster.storage).toEqual({
      volumeGiB: 1000,
      provisionedThroughputMiBps: 400,
    })
  })

  it('gives Express its fixed cluster defaults, and names a fixed setting broken at its field', () => {
    // The fixture's cluster keeps Kafka's default.replication.factor 1, which the form does not show.
    const base = baseSpec()
    expect(base.cluster.config['default.replication.factor']).toBe(1)
    const form = specToForm(base)
    form.brokerType = 'express.m7g.large'
    expect(validateForm(form, base)).toEqual({})
    const { spec } = buildSpec(form, base)
    expect(spec.cluster.config['default.replication.factor']).toBe(3)
    expect(spec.cluster.config['min.insync.replicas']).toBe(2)
    form.topics[0]!.replicationFactor = '2'
    form.zoneCount = '2'
    form.producers[0]!.bootstrapServers = '1, 2'
    expect(validateForm(form, base)).toEqual({
      zoneCount:
        'express.m7g.large is an Express broker, which fixes the number of Availability Zones at 3 (got 2)',
      'topics.0.replicationFactor':
        'express.m7g.large is an Express broker, which fixes replicationFactor at 3 (got 2)',
    })
  })

  it("names bad capacity input at its field, with the reader's message", () => {
    const errors = (change: (f: ConfigForm) => void) => {
      const form = specToForm(capacitySpec())
      change(form)
      return validateForm(form, capacitySpec())
    }
    expect(errors((f) => (f.storage.volumeGiB = '0'))).toEqual({
      'storage.volumeGiB': 'must be at least 1 (got 0)',
    })
    expect(errors((f) => (f.storage.volumeGiB = '5'))).toEqual({
      'storage.volumeGiB':
        'provisioned storage throughput needs a volume of at least 10 GiB (got 5)',
    })
    expect(errors((f) => (f.storage.volumeGiB = ''))).toEqual({
      'storage.volumeGiB': 'is required',
    })
    expect(errors((f) => (f.brokerType = 'kafka.m5.large'))).toEqual({
      'storage.provisionedThroughputMiBps':
        'kafka.m5.large cannot have provisioned storage throughput: MSK offers it from kafka.m5.4xlarge and kafka.m7g.2xlarge up (docs/capacity.md); remove provisionedThroughputMiBps to use the default 250 MiB/s',
    })
    expect(errors((f) => (f.storage.provisionedThroughputMiBps = '600'))).toEqual({
      'storage.provisionedThroughputMiBps':
        'provisioned storage throughput for kafka.m5.4xlarge is 250 to 593 MiB/s (got 600)',
    })
    // The reader also says "custom" then has no limits; the fields say why, so that is not repeated.
    expect(
      errors((f) => {
        f.brokerType = 'custom'
        f.brokerLimits.networkMiBps = '500'
        f.brokerLimits.maxPartitions = 'many'
      }),
    ).toEqual({
      'brokerLimits.vcpus': 'is required',
      'brokerLimits.maxPartitions': 'must be an integer (got the string "many")',
    })
    expect(errors((f) => (f.producers[0]!.recordBytes = '0'))).toEqual({
      'producers.0.recordBytes': 'must be at least 1 (got 0)',
    })
    expect(errors((f) => (f.producers[0]!.recordBytes = '2 KiB'))).toEqual({
      'producers.0.recordBytes': 'must be an integer (got the string "2 KiB")',
    })
  })
})
