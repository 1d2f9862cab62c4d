/**
 * A small DSL for scenario tests over the real engine, after TigerBeetle's TestContext:
 *
 *   const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 7 })
 *   c.topic('orders', { partitions: 1, replicationFactor: 3, 'min.insync.replicas': 2 })
 *   c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 100 })
 *   c.runFor(10_000)
 *   c.broker(1).crash()
 *   c.runFor(30_000)
 *   expect(c.partition('orders-0').leader).not.toBe(1)
 *
 * Invariants are checked after every event and a violation throws.
 */
import { createSimulation } from '../engine'
import type { Simulation } from '../engine/api'
import { assignReplicasToBrokers } from '../engine/protocol/assignment'
import { prngFromSeed } from '../engine/prng'
import {
  DEFAULT_CLUSTER_CONFIG,
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
  THROTTLED_REPLICAS_KEYS,
  type Acks,
  type ClientSpec,
  type ClusterConfig,
  type ClusterSpec,
  type Fault,
  type ProducerConfig,
  type SimulationSpec,
  type TopicConfig,
  type TopicSpec,
} from '../engine/spec'
import type { PartitionView, SimEvent, Snapshot } from '../engine/types'
import type { KafkaVersion } from '../engine/versions'

export interface TestClusterOptions {
  zones?: number
  brokersPerZone?: number
  seed?: number
  controller?: 'kraft' | 'zookeeper'
  controllers?: number
  /** Zone index of each controller node (default: round-robin over zones). */
  controllerZones?: number[]
  config?: Partial<ClusterConfig>
  checkInvariants?: boolean
  /** The Kafka version; absent means the engine's default ("3.9"). */
  kafkaVersion?: KafkaVersion
  /** The capacity model (docs/capacity.md); absent: none. */
  brokerType?: ClusterSpec['brokerType']
  brokerLimits?: ClusterSpec['brokerLimits']
  storage?: ClusterSpec['storage']
}

export class TestCluster {
  spec: SimulationSpec
  private sim: Simulation | null = null
  private checkInvariants: boolean
  private traffic = false

  private constructor(spec: SimulationSpec, checkInvariants: boolean) {
    this.spec = spec
    this.checkInvariants = checkInvariants
  }

  static create(options: TestClusterOptions = {}): TestCluster {
    const zoneCount = options.zones ?? 3
    const perZone = options.brokersPerZone ?? 1
    const zones = Array.from({ length: zoneCount }, (_, i) => `use1-az${i + 1}`)
    const brokers = Array.from({ length: zoneCount * perZone }, (_, i) => ({
      id: i + 1,
      zone: zones[i % zoneCount] as string,
    }))
    const controllerCount = options.controllers ?? 3
    const controllers = Array.from({ length: controllerCount }, (_, i) => ({
      id: 1001 + i,
      zone: zones[options.controllerZones?.[i] ?? i % zoneCount] as string,
    }))
    return new TestCluster(
      {
        name: 'test',
        description: '',
        seed: options.seed ?? 1,
        durationMs: 120000,
        cluster: {
          ...(options.kafkaVersion === undefined ? {} : { kafkaVersion: options.kafkaVersion }),
          ...(options.brokerType === undefined ? {} : { brokerType: options.brokerType }),
          ...(options.brokerLimits === undefined ? {} : { brokerLimits: options.brokerLimits }),
          ...(options.storage === undefined ? {} : { storage: options.storage }),
          controller: options.controller ?? 'kraft',
          zones,
          brokers,
          controllers,
          config: { ...DEFAULT_CLUSTER_CONFIG, ...options.config },
        },
        topics: [],
        clients: [],
        faults: [],
      },
      options.checkInvariants ?? true,
    )
  }

  topic(
    name: string,
    options: {
      partitions: number
      replicationFactor: number
      'min.insync.replicas'?: number
      'unclean.leader.election.enable'?: boolean
      'leader.replication.throttled.replicas'?: string
      'follower.replication.throttled.replicas'?: string
      assignment?: number[][]
    },
  ): this {
    const brokers = this.spec.cluster.brokers.map((b) => ({ id: b.id, rack: b.zone }))
    const assignment =
      options.assignment ??
      [
        ...assignReplicasToBrokers(
          brokers,
          options.partitions,
          options.replicationFactor,
          0,
          -1,
          prngFromSeed(this.spec.seed),
        ).entries(),
      ]
        .sort((a, b) => a[0] - b[0])
        .map(([, replicas]) => replicas)
    const topic: TopicSpec = {
      name,
      partitions: options.partitions,
      replicationFactor: options.replicationFactor,
      config: {},
      assignment,
    }
    if (options['min.insync.replicas'] !== undefined)
      topic.config['min.insync.replicas'] = options['min.insync.replicas']
    if (options['unclean.leader.election.enable'] !== undefined) {
      topic.config['unclean.leader.election.enable'] = options['unclean.leader.election.enable']
    }
    for (const key of THROTTLED_REPLICAS_KEYS) {
      const value = options[key]
      if (value !== undefined) topic.config[key] = value
    }
    this.spec.topics.push(topic)
    return this
  }

  producer(
    id: string,
    topic: string,
    options: {
      acks?: Acks
      recordsPerSecond?: number
      recordBytes?: number
    } & Partial<ProducerConfig> = {},
  ): this {
    const { recordsPerSecond, recordBytes, ...config } = options
    const client: ClientSpec = {
      kind: 'producer',
      id,
      topic,
      recordsPerSecond: recordsPerSecond ?? 100,
      ...(recordBytes === undefined ? {} : { recordBytes }),
      config: {
        ...DEFAULT_PRODUCER_CONFIG,
        'bootstrap.servers': this.spec.cluster.brokers.map((b) => b.id),
        ...config,
      },
    }
    this.spec.clients.push(client)
    return this
  }

  consumer(id: string, topic: string, bootstrap?: number[]): this {
    this.spec.clients.push({
      kind: 'consumer',
      id,
      topic,
      config: {
        ...DEFAULT_CONSUMER_CONFIG,
        'bootstrap.servers': bootstrap ?? this.spec.cluster.brokers.map((b) => b.id),
      },
    })
    return this
  }

  /** Schedules a fault in the script (before the first run). */
  at(atMs: number, fault: Fault): this {
    this.spec.faults.push({ ...fault, atMs })
    this.spec.faults.sort((a, b) => a.atMs - b.atMs)
    return this
  }

  get simulation(): Simulation {
    this.sim ??= createSimulation(this.spec, {
      checkInvariants: this.checkInvariants,
      throwOnViolation: true,
      traffic: this.traffic,
    })
    return this.sim
  }

  /** Keep the messages in flight (Snapshot.traffic), as the dashboard's hosts do. */
  withTraffic(): this {
    if (this.sim !== null) throw new Error('withTraffic() must come before the simulation starts')
    this.traffic = true
    return this
  }

  runFor(ms: number): this {
    this.simulation.runUntil(this.simulation.nowMs() + ms)
    return this
  }

  runUntil(ms: number): this {
    this.simulation.runUntil(ms)
    return this
  }

  inject(fault: Fault): this {
    this.simulation.inject(fault)
    return this
  }

  broker(id: number) {
    return {
      crash: () => this.inject({ type: 'crashBroker', broker: id }),
      start: () => this.inject({ type: 'startBroker', broker: id }),
      shutdown: () => this.inject({ type: 'shutdownBroker', broker: id }),
      isolate: (from?: ('controllers' | 'brokers' | 'clients')[]) =>
        this.inject(
          from === undefined
            ? { type: 'isolateBroker', broker: id }
            : { type: 'isolateBroker', broker: id, from },
        ),
      heal: () => this.inject({ type: 'healBroker', broker: id }),
      slow: (fetchDelayMs: number) => this.inject({ type: 'slowBroker', broker: id, fetchDelayMs }),
      view: () => {
        const b = this.snapshot().brokers.find((x) => x.id === id)
        if (b === undefined) throw new Error(`no broker ${id}`)
        return b
      },
    }
  }

  zone(name: string) {
    return {
      stop: () => this.inject({ type: 'stopZone', zone: name }),
      start: () => this.inject({ type: 'startZone', zone: name }),
      isolate: () => this.inject({ type: 'isolateZone', zone: name }),
      heal: () => this.inject({ type: 'healZone', zone: name }),
    }
  }

  snapshot(): Snapshot {
    return this.simulation.snapshot()
  }

  /** A partition by "topic-N". */
  partition(name: string): PartitionView {
    const dash = name.lastIndexOf('-')
    const topic = name.slice(0, dash)
    const partition = Number(name.slice(dash + 1))
    const view = this.snapshot().partitions.find(
      (p) => p.topic === topic && p.partition === partition,
    )
    if (view === undefined) throw new Error(`no partition ${name}`)
    return view
  }

  events<T extends SimEvent['type']>(type: T): Extract<SimEvent, { type: T }>[] {
    return this.simulation
      .events()
      .filter((e): e is Extract<SimEvent, { type: T }> => e.type === type)
  }

  producerView(id: string) {
    const c = this.snapshot().clients.find((x) => x.id === id)
    if (c === undefined || c.kind !== 'producer') throw new Error(`no producer ${id}`)
    return c
  }
}

/**
 * 3 zones × 1 broker; topic `orders` with 3 partitions at RF 3, led by brokers 1, 2 and 3
 * (assignment [1,2,3], [2,3,1], [3,1,2]), min.insync.replicas 2; producer `p1`, acks=all at
 * 300 records/s unless `producer` overrides it. The failover tests' shared starting point.
 */
export function ordersOnThreeBrokers(
  seed: number,
  producer: Partial<ProducerConfig> & { recordsPerSecond?: number } = {},
  kafkaVersion?: KafkaVersion,
  options: Pick<TestClusterOptions, 'config' | 'brokerType' | 'brokerLimits'> & {
    /** The topic's throttled-replica lists. */
    lists?: Pick<
      TopicConfig,
      'leader.replication.throttled.replicas' | 'follower.replication.throttled.replicas'
    >
  } = {},
): TestCluster {
  const { lists, ...cluster } = options
  return TestCluster.create({
    zones: 3,
    brokersPerZone: 1,
    seed,
    ...(kafkaVersion === undefined ? {} : { kafkaVersion }),
    ...cluster,
  })
    .topic('orders', {
      partitions: 3,
      replicationFactor: 3,
      'min.insync.replicas': 2,
      assignment: [
        [1, 2, 3],
        [2, 3, 1],
        [3, 1, 2],
      ],
      ...lists,
    })
    .producer('p1', 'orders', { acks: -1, recordsPerSecond: 300, ...producer })
}
