/**
 * The engine's integer identities, branded so that the type checker keeps them apart at no
 * runtime cost: a broker's **id** (Kafka's `broker.id`, what registrations, ISRs and replica
 * lists hold) is not its **index** (its position in `s.brokers`, what arrays of per-broker state
 * are indexed by); a partition's global **index** is not its number within its topic; a
 * replica's **slot** (its position in the partition's replica list) is neither.
 *
 * Values come in from the spec as plain numbers and are branded where they enter the engine's
 * state (`init.ts`), by the helpers here; -1 stands for "none" in every kind (`NO_BROKER`, …).
 */
declare const brand: unique symbol
type Branded<B extends string> = number & { readonly [brand]: B }

/** Kafka's `broker.id`. */
export type BrokerId = Branded<'BrokerId'>
/** A broker's position in `EngineState.brokers` (and in the spec's broker list). */
export type BrokerIndex = Branded<'BrokerIndex'>
/** A partition's position in `EngineState.partitions` (over all topics). */
export type PartitionIndex = Branded<'PartitionIndex'>
/** A replica's position in its partition's replica list (`replicas`, `replicaStates`). */
export type ReplicaSlot = Branded<'ReplicaSlot'>
/** A producer's position in `EngineState.producers`. */
export type ProducerIndex = Branded<'ProducerIndex'>
/** A consumer's position in `EngineState.consumers`. */
export type ConsumerIndex = Branded<'ConsumerIndex'>

/** "No leader" and other absent brokers, as Kafka's registrations say it (-1). */
export const NO_BROKER = -1 as BrokerId
/** No broker index (a replica or pair with no broker in that role). */
export const NO_BROKER_INDEX = -1 as BrokerIndex
/** No partition (an empty set's first member). */
export const NO_PARTITION = -1 as PartitionIndex

export const asBrokerId = (n: number): BrokerId => n as BrokerId
export const asBrokerIndex = (n: number): BrokerIndex => n as BrokerIndex
export const asPartitionIndex = (n: number): PartitionIndex => n as PartitionIndex
export const asReplicaSlot = (n: number): ReplicaSlot => n as ReplicaSlot
export const asProducerIndex = (n: number): ProducerIndex => n as ProducerIndex
export const asConsumerIndex = (n: number): ConsumerIndex => n as ConsumerIndex

/**
 * A metadata request's event carries one integer for its client: a producer's index, or a
 * consumer's index plus `CONSUMER_CODE_BASE`. These two helpers are the only code that knows it.
 */
const CONSUMER_CODE_BASE = 1_000_000

export function clientCode(kind: 'producer' | 'consumer', index: number): number {
  if (index < 0 || index >= CONSUMER_CODE_BASE)
    throw new Error(`client index ${index} out of range`)
  return kind === 'consumer' ? CONSUMER_CODE_BASE + index : index
}

/** The client a `clientCode` stands for. */
export function decodeClientCode(code: number): { kind: 'producer' | 'consumer'; index: number } {
  return code >= CONSUMER_CODE_BASE
    ? { kind: 'consumer', index: code - CONSUMER_CODE_BASE }
    : { kind: 'producer', index: code }
}

/** Where loops over each kind start: `for (let b = FIRST_BROKER; b < n; b++)` keeps the brand. */
export const FIRST_BROKER = 0 as BrokerIndex
export const FIRST_PARTITION = 0 as PartitionIndex
export const FIRST_SLOT = 0 as ReplicaSlot
