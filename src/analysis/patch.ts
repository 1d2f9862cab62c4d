/**
 * Scenario patches: the advisor's suggested fixes as plain data, and `applyFix` to apply one.
 * Topics are named by `name` and clients by `id`, not by array index, so a patch still applies
 * after the lists are reordered.
 */
import type {
  Acks,
  BrokerId,
  ClientSpec,
  ClusterConfig,
  SimulationSpec,
  StorageSpec,
  TopicConfig,
  TopicSpec,
} from '../engine/spec'
import type { MskBrokerType } from '../engine/capacity/broker-type-names'
import { brokerTypeFigures } from '../engine/capacity/broker-types'

export type SetTopicConfigPatch = {
  [K in keyof TopicConfig]-?: {
    op: 'setTopicConfig'
    topic: string
    key: K
    value: NonNullable<TopicConfig[K]>
  }
}[keyof TopicConfig]

export type SetClusterConfigPatch = {
  [K in keyof ClusterConfig]-?: {
    op: 'setClusterConfig'
    key: K
    value: NonNullable<ClusterConfig[K]>
  }
}[keyof ClusterConfig]

export type SetClientConfigPatch =
  | { op: 'setClientConfig'; client: string; key: 'acks'; value: Acks }
  | { op: 'setClientConfig'; client: string; key: 'bootstrap.servers'; value: BrokerId[] }

export type ScenarioPatch =
  | SetTopicConfigPatch
  /** Changes the replication factor; `assignment` is the new replica list of every partition. */
  | {
      op: 'setTopicReplicationFactor'
      topic: string
      replicationFactor: number
      assignment: number[][]
    }
  /** Moves replicas; `assignment[p]` is partition p's new replica list, preferred leader first. */
  | { op: 'reassign'; topic: string; assignment: number[][] }
  | SetClientConfigPatch
  | SetClusterConfigPatch
  /** Changes every broker's type; provisioned throughput the new size cannot have is dropped. */
  | { op: 'setBrokerType'; brokerType: MskBrokerType }
  /** Sets each Standard broker's volume. */
  | { op: 'setStorage'; storage: StorageSpec }
  /** Several patches applied in order. */
  | { op: 'sequence'; patches: ScenarioPatch[] }

/** A fix (a patch with a label) is defined with the findings: see `finding-messages.ts`. */
export type { Fix } from './finding-messages'

/**
 * Returns a new spec with `patch` applied; `spec` is not modified. A reassignment or replication
 * factor change drops the topic's `initial` partition state: once Kafka completes a reassignment,
 * every replica of the new assignment is in sync. Throws on an unknown topic or client.
 *
 * @example
 * const fixed = applyFix(spec, { op: 'setTopicConfig', topic: 'orders', key: 'min.insync.replicas', value: 2 })
 */
export function applyFix(spec: SimulationSpec, patch: ScenarioPatch): SimulationSpec {
  switch (patch.op) {
    case 'setTopicConfig':
      return updateTopic(spec, patch.topic, (t) => ({
        ...t,
        config: withKey(t.config, patch.key, patch.value),
      }))
    case 'setTopicReplicationFactor':
      return updateTopic(spec, patch.topic, (t) => ({
        ...withoutInitial(t),
        replicationFactor: patch.replicationFactor,
        assignment: checkedAssignment(t, patch.assignment, patch.replicationFactor),
      }))
    case 'reassign':
      return updateTopic(spec, patch.topic, (t) => ({
        ...withoutInitial(t),
        assignment: checkedAssignment(t, patch.assignment, t.replicationFactor),
      }))
    case 'setClientConfig':
      return applyClientConfig(spec, patch)
    case 'setClusterConfig':
      return {
        ...spec,
        cluster: { ...spec.cluster, config: withKey(spec.cluster.config, patch.key, patch.value) },
      }
    case 'setBrokerType':
      return { ...spec, cluster: withBrokerType(spec.cluster, patch.brokerType) }
    case 'setStorage':
      return { ...spec, cluster: { ...spec.cluster, storage: { ...patch.storage } } }
    case 'sequence':
      return patch.patches.reduce(applyFix, spec)
  }
}

function withBrokerType(
  cluster: SimulationSpec['cluster'],
  brokerType: MskBrokerType,
): SimulationSpec['cluster'] {
  const { brokerLimits: _limits, storage, ...rest } = cluster
  const figures = brokerTypeFigures(brokerType)
  if (figures.family === 'express') return { ...rest, brokerType }
  const max = figures.volumeMaxProvisionedMiBps
  if (storage === undefined) return { ...rest, brokerType }
  const provisioned = storage.provisionedThroughputMiBps
  if (provisioned === undefined || (max !== null && provisioned <= max)) {
    return { ...rest, brokerType, storage }
  }
  return { ...rest, brokerType, storage: { volumeGiB: storage.volumeGiB } }
}

function withKey<T, K extends keyof T>(object: T, key: K, value: T[K]): T {
  return { ...object, [key]: value }
}

/** A copy of `assignment`, after checking it has one list of `rf` distinct brokers per partition. */
function checkedAssignment(topic: TopicSpec, assignment: number[][], rf: number): number[][] {
  const fits =
    assignment.length === topic.partitions &&
    assignment.every((replicas) => replicas.length === rf && new Set(replicas).size === rf)
  if (!fits) {
    throw new Error(
      `The assignment for "${topic.name}" needs ${topic.partitions} lists of ${rf} distinct brokers`,
    )
  }
  return assignment.map((replicas) => [...replicas])
}

function withoutInitial(topic: TopicSpec): TopicSpec {
  const { initial: _initial, ...rest } = topic
  return rest
}

function updateTopic(
  spec: SimulationSpec,
  name: string,
  update: (topic: TopicSpec) => TopicSpec,
): SimulationSpec {
  if (!spec.topics.some((t) => t.name === name)) throw new Error(`Unknown topic "${name}"`)
  return { ...spec, topics: spec.topics.map((t) => (t.name === name ? update(t) : t)) }
}

function applyClientConfig(spec: SimulationSpec, patch: SetClientConfigPatch): SimulationSpec {
  if (!spec.clients.some((c) => c.id === patch.client)) {
    throw new Error(`Unknown client "${patch.client}"`)
  }
  const clients = spec.clients.map((client) => {
    if (client.id !== patch.client) return client
    if (patch.key === 'bootstrap.servers') {
      return withBootstrap(client, [...patch.value])
    }
    if (client.kind !== 'producer') throw new Error(`Client "${client.id}" is not a producer`)
    return { ...client, config: { ...client.config, acks: patch.value } }
  })
  return { ...spec, clients }
}

function withBootstrap<C extends ClientSpec>(client: C, servers: BrokerId[]): C {
  return { ...client, config: { ...client.config, 'bootstrap.servers': servers } }
}
