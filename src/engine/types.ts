/**
 * The engine's output types: the event log, snapshots and metric samples. All plain,
 * structured-cloneable data, so they cross a Web Worker boundary and serialise to JSON unchanged.
 */
import type { MeterReading } from './meter'
import type { BrokerId, ControllerMode, ControllerNodeId, FaultType, ZoneName } from './spec'
import type { KafkaVersion } from './versions'

export type ElectionKind = 'ONLINE' | 'PREFERRED' | 'UNCLEAN' | 'CONTROLLED_SHUTDOWN' | 'REASSIGN'

/** Kafka error names the clients can see (clients/.../common/protocol/Errors.java). */
export type KafkaError =
  | 'NOT_LEADER_OR_FOLLOWER'
  | 'LEADER_NOT_AVAILABLE'
  | 'NOT_ENOUGH_REPLICAS'
  | 'NOT_ENOUGH_REPLICAS_AFTER_APPEND'
  | 'REQUEST_TIMED_OUT'
  | 'NETWORK_EXCEPTION'
  | 'OFFSET_OUT_OF_RANGE'

/** The group protocol's errors (Errors.java), as the coordinator answers them. */
export type GroupError =
  | KafkaError
  | 'NOT_COORDINATOR'
  | 'COORDINATOR_NOT_AVAILABLE'
  | 'REBALANCE_IN_PROGRESS'
  | 'UNKNOWN_MEMBER_ID'
  | 'ILLEGAL_GENERATION'
  | 'MEMBER_ID_REQUIRED'

export const KAFKA_ERROR_CODES: Record<KafkaError, number> = {
  NOT_LEADER_OR_FOLLOWER: 6,
  LEADER_NOT_AVAILABLE: 5,
  NOT_ENOUGH_REPLICAS: 19,
  NOT_ENOUGH_REPLICAS_AFTER_APPEND: 20,
  REQUEST_TIMED_OUT: 7,
  NETWORK_EXCEPTION: 13,
  OFFSET_OUT_OF_RANGE: 1,
}

/**
 * One past-tense fact in the event log. Every event has `atMs` and `type`; the other fields
 * depend on the type. Field order is stable so that JSON output diffs cleanly.
 */
export type SimEvent =
  | { atMs: number; type: 'FaultInjected'; fault: FaultType; detail: string }
  | { atMs: number; type: 'BrokerStopped'; broker: BrokerId; clean: boolean }
  | { atMs: number; type: 'BrokerStarted'; broker: BrokerId }
  | { atMs: number; type: 'BrokerRegistered'; broker: BrokerId }
  | { atMs: number; type: 'BrokerFenced'; broker: BrokerId }
  | { atMs: number; type: 'BrokerUnfenced'; broker: BrokerId }
  | { atMs: number; type: 'BrokerSessionExpired'; broker: BrokerId }
  | {
      atMs: number
      type: 'ControlledShutdownRequested'
      broker: BrokerId
      remainingLeaders: number
    }
  | { atMs: number; type: 'ControlledShutdownCompleted'; broker: BrokerId }
  | { atMs: number; type: 'ControllerElected'; controller: number }
  | { atMs: number; type: 'ControllerResigned'; controller: number }
  | { atMs: number; type: 'QuorumLost' }
  | { atMs: number; type: 'QuorumRestored' }
  | { atMs: number; type: 'ControllerNodeStopped'; controller: ControllerNodeId }
  | { atMs: number; type: 'ControllerNodeStarted'; controller: ControllerNodeId }
  | {
      atMs: number
      type: 'LeaderElected'
      topic: string
      partition: number
      leader: number
      leaderEpoch: number
      election: ElectionKind
      unclean: boolean
      /** Present (true) when the new leader came from the ELR, not the ISR (KIP-966). */
      fromElr?: true
    }
  | {
      atMs: number
      type: 'PartitionOffline'
      topic: string
      partition: number
      leaderEpoch: number
      isr: number[]
    }
  | {
      atMs: number
      type: 'IsrShrunk'
      topic: string
      partition: number
      isr: number[]
      removed: number[]
      by: 'leader' | 'controller'
    }
  | {
      atMs: number
      type: 'IsrExpanded'
      topic: string
      partition: number
      isr: number[]
      added: number[]
    }
  | {
      atMs: number
      type: 'ElrChanged'
      topic: string
      partition: number
      elr: number[]
      lastKnownElr: number[]
    }
  | {
      atMs: number
      type: 'ReplicaTruncated'
      topic: string
      partition: number
      broker: BrokerId
      fromOffset: number
      toOffset: number
    }
  /** A broker's volume was replaced: its replicas start again from offset 0. */
  | { atMs: number; type: 'VolumeReplaced'; broker: BrokerId; replicas: number; records: number }
  | {
      atMs: number
      type: 'ProduceFailed'
      client: string
      topic: string
      partition: number
      error: KafkaError
      records: number
      retriable: boolean
    }
  | {
      atMs: number
      type: 'RecordsExpired'
      client: string
      topic: string
      /** -1 when send() itself failed (max.block.ms), before a partition was chosen. */
      partition: number
      records: number
      error: KafkaError
    }
  | { atMs: number; type: 'ClientConnectFailed'; client: string; bootstrapServers: BrokerId[] }
  | { atMs: number; type: 'ClientConnected'; client: string; broker: BrokerId }
  | {
      atMs: number
      type: 'ConsumerOffsetReset'
      client: string
      topic: string
      partition: number
      fromOffset: number
      toOffset: number
      /**
       * `truncation`: position validation after a leader change (KIP-320) found the log diverged
       * below the position and moved it to the divergence point (or reset it when the leader
       * knows no epoch that old); `out-of-range`: a fetch answered OFFSET_OUT_OF_RANGE and
       * auto.offset.reset applied; `no-offset`: a group member got the partition with no
       * committed offset, and auto.offset.reset applied.
       */
      reason: 'truncation' | 'out-of-range' | 'no-offset'
    }
  /** A group member learned its coordinator (FindCoordinator). */
  | { atMs: number; type: 'GroupCoordinatorFound'; client: string; group: string; broker: BrokerId }
  /** A member marked its coordinator unknown (AbstractCoordinator.markCoordinatorUnknown). */
  | { atMs: number; type: 'GroupCoordinatorLost'; client: string; group: string; cause: string }
  /**
   * FindCoordinator answered COORDINATOR_NOT_AVAILABLE to a group that never formed: there is no
   * __consumer_offsets (too few brokers for its replication factor) or its partition has no leader.
   */
  | {
      atMs: number
      type: 'GroupCoordinatorNotAvailable'
      client: string
      group: string
      reason: 'no-offsets-topic' | 'no-leader'
    }
  /** The coordinator completed a rebalance: a new generation with these members. */
  | {
      atMs: number
      type: 'GroupRebalanced'
      group: string
      generation: number
      members: number
      broker: BrokerId
    }
  /** The coordinator removed a member (its session expired). */
  | {
      atMs: number
      type: 'GroupMemberRemoved'
      group: string
      client: string
      member: number
      memberId: string
      reason: 'session-timeout' | 'replaced'
    }
  /** A member got its partitions (SyncGroup). */
  | {
      atMs: number
      type: 'GroupAssignmentReceived'
      client: string
      group: string
      member: number
      generation: number
      partitions: number[]
    }
  | { atMs: number; type: 'RollingRestartStep'; broker: BrokerId; step: 'stop' | 'start' | 'done' }
  /** An upgradeCluster finished: the new version's metadata version is finalised. */
  | {
      atMs: number
      type: 'KafkaVersionFinalized'
      fromVersion: KafkaVersion
      toVersion: KafkaVersion
    }
  | {
      atMs: number
      type: 'AdminElectionResult'
      election: 'PREFERRED' | 'UNCLEAN'
      topic: string
      partition: number
      result:
        | 'NONE'
        | 'ELECTION_NOT_NEEDED'
        | 'PREFERRED_LEADER_NOT_AVAILABLE'
        | 'ELIGIBLE_LEADERS_NOT_AVAILABLE'
    }
  | { atMs: number; type: 'InvariantViolated'; message: string }

export type SimEventType = SimEvent['type']

/** Every event type, in the order SimEvent lists them (the run report's JSON Schema). */
export const SIM_EVENT_TYPES = [
  'FaultInjected',
  'BrokerStopped',
  'BrokerStarted',
  'BrokerRegistered',
  'BrokerFenced',
  'BrokerUnfenced',
  'BrokerSessionExpired',
  'ControlledShutdownRequested',
  'ControlledShutdownCompleted',
  'ControllerElected',
  'ControllerResigned',
  'QuorumLost',
  'QuorumRestored',
  'ControllerNodeStopped',
  'ControllerNodeStarted',
  'LeaderElected',
  'PartitionOffline',
  'IsrShrunk',
  'IsrExpanded',
  'ElrChanged',
  'ReplicaTruncated',
  'VolumeReplaced',
  'ProduceFailed',
  'RecordsExpired',
  'ClientConnectFailed',
  'ClientConnected',
  'ConsumerOffsetReset',
  'GroupCoordinatorFound',
  'GroupCoordinatorLost',
  'GroupCoordinatorNotAvailable',
  'GroupRebalanced',
  'GroupMemberRemoved',
  'GroupAssignmentReceived',
  'RollingRestartStep',
  'KafkaVersionFinalized',
  'AdminElectionResult',
  'InvariantViolated',
] as const satisfies readonly SimEventType[]

// Fails to compile when SimEvent gains a type the list above lacks.
const EVERY_EVENT_TYPE_LISTED: [Exclude<SimEventType, (typeof SIM_EVENT_TYPES)[number]>] extends [
  never,
]
  ? true
  : false = true
void EVERY_EVENT_TYPE_LISTED

export type LeaderRecoveryState = 'RECOVERED' | 'RECOVERING'

export interface ReplicaView {
  broker: BrokerId
  logEndOffset: number
  highWatermark: number
  /** The hosting broker is running. */
  online: boolean
  /** Leader LEO minus this replica's LEO (0 for the leader). */
  lag: number
  /**
   * A follower of a leader that tracks it: when it was last caught up with the leader
   * (Replica.lastCaughtUpTimeMs). The leader drops it from the ISR once this is older than
   * `replica.lag.time.max.ms` (Partition.maybeShrinkIsr). Absent for the leader and while
   * nobody leads or the follower was never caught up in this leader's epoch.
   */
  lastCaughtUpMs?: number
}

export interface PartitionView {
  topic: string
  partition: number
  replicas: BrokerId[]
  /** -1 when the partition has no leader. */
  leader: number
  leaderEpoch: number
  partitionEpoch: number
  isr: BrokerId[]
  elr: BrokerId[]
  lastKnownElr: BrokerId[]
  leaderRecoveryState: LeaderRecoveryState
  /** The leader's high watermark (the last known one while offline). */
  highWatermark: number
  minIsr: number
  uncleanLeaderElectionEnable: boolean
  replicaStates: ReplicaView[]
  /** Kafka's own topic (`__consumer_offsets`); the dashboard hides these by default. */
  internal?: true
}

export type BrokerStatus = 'online' | 'starting' | 'shutting-down' | 'offline'

export interface BrokerView {
  id: BrokerId
  zone: ZoneName
  status: BrokerStatus
  /** KRaft: fenced by the controller. ZooKeeper: no live session. */
  fenced: boolean
  /**
   * While not fenced: the last heartbeat the controller received (KRaft) or the ZooKeeper
   * session's last renewal, and when the session runs out without another —
   * `broker.session.timeout.ms` (KRaft) or `zookeeper.session.timeout.ms` after it. The controller
   * fences (or expires) the broker at its next liveness check after that. Null once fenced.
   */
  session: { lastHeartbeatMs: number; expiresAtMs: number } | null
  isolatedFrom: ('controllers' | 'brokers' | 'clients')[]
  fetchDelayMs: number
  /** ZooKeeper mode: this broker is the controller. */
  isController: boolean
  leaderCount: number
  partitionCount: number
  /** With a broker type (docs/capacity.md): the broker's load, utilisation and queue now. */
  capacity?: BrokerCapacityView
}

/** A broker's capacity figures at one moment: MiB/s, ratios (1 is the limit), ms. */
export interface BrokerCapacityView {
  utilisation: number
  bound: 'networkIn' | 'networkOut' | 'volume' | 'cpu' | 'ingress' | 'egress'
  ratios: Partial<
    Record<'networkIn' | 'networkOut' | 'volume' | 'cpu' | 'ingress' | 'egress', number>
  >
  /** The CPU (User + System) estimate, as a fraction. */
  cpu: number | null
  /** Kafka's BytesInPerSec, BytesOutPerSec, ReplicationBytesIn/OutPerSec, in MiB/s. */
  bytesInMiBps: number
  bytesOutMiBps: number
  replicationInMiBps: number
  replicationOutMiBps: number
  /** Of the replication figures: catch-up of followers out of the ISR, last second. */
  catchupInMiBps: number
  catchupOutMiBps: number
  /** How long a request now waits in the broker's queue. */
  queueMs: number
}

/** The run report's capacity section (with a broker type). */
export interface CapacityRunSummary {
  brokerType: string
  brokers: { id: BrokerId; peakUtilisation: number; overloadedMs: number; peakQueueMs: number }[]
}

export interface ControllerView {
  id: ControllerNodeId
  zone: ZoneName
  up: boolean
  isolated: boolean
  /** KRaft: this voter is the active controller. ZooKeeper: always false (a broker is controller). */
  active: boolean
}

export interface ZoneView {
  name: ZoneName
  stopped: boolean
  isolatedFrom: ('controllers' | 'brokers' | 'clients')[]
}

/** Cluster-wide metrics with Kafka's names (docs/kafka-rules.md §6) plus our own accounting. */
export interface MetricsSample {
  atMs: number
  UnderReplicatedPartitions: number
  UnderMinIsrPartitionCount: number
  AtMinIsrPartitionCount: number
  OfflinePartitionsCount: number
  ActiveControllerCount: number
  PreferredReplicaImbalanceCount: number
  /** Per broker id (as a string key, for JSON). */
  LeaderCount: Record<string, number>
  PartitionCount: Record<string, number>
  /**
   * Kafka's Yammer meters summed over the cluster: Count since the cluster started and the
   * one-minute exponentially weighted rate per second, ticked every 5 s (meter.ts).
   */
  IsrShrinksPerSec: MeterReading
  IsrExpandsPerSec: MeterReading
  UncleanLeaderElectionsPerSec: MeterReading
  /** Producer records in the last sample interval. */
  producedRecords: number
  ackedRecords: number
  failedRecords: number
  /** Cumulative acknowledged records now lost. */
  lostAckedRecords: number
  /** Sum over consumers of (high watermark − position). */
  consumerLag: number
  /**
   * The 99th percentile of send → acknowledgement over the records all producers had
   * acknowledged since the previous sample; null when none was.
   */
  producerLatencyP99Ms: number | null
  /**
   * With a broker type: per broker id, its utilisation (a ratio, catch-up included), queue (ms)
   * and Kafka's byte rates (MiB/s: BytesIn and BytesOut, client traffic; replication apart).
   */
  capacity?: {
    utilisation: Record<string, number>
    queueMs: Record<string, number>
    bytesInMiBps: Record<string, number>
    bytesOutMiBps: Record<string, number>
    replicationInMiBps: Record<string, number>
    replicationOutMiBps: Record<string, number>
  }
}

export interface ProducerView {
  kind: 'producer'
  id: string
  topic: string
  acks: number
  connected: boolean
  sent: number
  acked: number
  failed: number
  inFlight: number
  errors: Record<string, number>
  lostAcked: number
  unavailableAcked: number
  /** Records it held, never acknowledged, when a crashClient killed it. */
  lostAtCrash: number
  /** Send → acknowledgement of each record so far (null before the first one). */
  latencyMs: LatencySummary
  /** Its process runs (false after a crashClient, until a startClient). */
  alive: boolean
}

/**
 * Quantiles of a latency histogram in ms (latency-histogram.ts: within 6.25 %, max exact), null
 * when nothing was measured.
 */
export interface LatencySummary {
  p50: number | null
  p99: number | null
  p999: number | null
  max: number | null
}

export interface ConsumerView {
  kind: 'consumer'
  id: string
  topic: string
  /** Some member (or the consumer) has metadata. */
  connected: boolean
  /** Over its members. */
  consumed: number
  /**
   * Records behind the high watermark: a standalone consumer's, or over the group's partitions
   * from the owning member's position (from the committed offset while no member owns one).
   */
  lag: number
  /** Records consumed a second time (a group's: since the last commit before a hand-over). */
  duplicates: number
  /** Records below the high watermark a position jumped over without delivering them. */
  skipped: number
  /** Its process runs; for a group, any member's does (each member's is in `members`). */
  alive: boolean
  /** group.id, for a group member entry. */
  group?: string
  members?: ConsumerMemberView[]
}

export interface ConsumerMemberView {
  member: number
  clientId: string
  alive: boolean
  /** Partition numbers it reads now (empty while it (re)joins). */
  partitions: number[]
  consumed: number
}

/** A consumer group as its coordinator holds it. */
export interface GroupView {
  name: string
  topic: string
  state: 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable'
  generation: number
  /** The broker leading the group's __consumer_offsets partition now, null when none. */
  coordinator: BrokerId | null
  /** The group's __consumer_offsets partition, -1 when that topic could not be created. */
  offsetsPartition: number
  /** Members the coordinator knows, of all the group's member processes. */
  knownMembers: number
  /**
   * Old member ids of restarted processes the coordinator still holds until their sessions
   * expire; a rebalance cannot complete before.
   */
  leavingMembers: number
  members: number
  duplicates: number
  skipped: number
}

export type ClientView = ProducerView | ConsumerView

/** One line of a client's log, in Kafka's own format. */
export interface ClientLogLine {
  atMs: number
  client: string
  level: 'INFO' | 'WARN' | 'ERROR'
  message: string
  /**
   * The Java class that prints it (as Kafka's log lines end, "(org.apache.kafka.clients.NetworkClient)"),
   * or "application" for what the application's send callback receives.
   */
  logger: string
}

export interface Snapshot {
  nowMs: number
  seed: number
  mode: ControllerMode
  zones: ZoneView[]
  brokers: BrokerView[]
  controllers: ControllerView[]
  /** KRaft: active controller node id; ZooKeeper: controller broker id; null when none. */
  activeController: number | null
  quorumHasMajority: boolean
  /**
   * While there is no active controller: when the next controller election is due (KRaft: the
   * Raft election timeout and jitter; ZooKeeper: the controller znode race), else null.
   */
  controllerElectionDueMs: number | null
  partitions: PartitionView[]
  clients: ClientView[]
  groups: GroupView[]
  metrics: MetricsSample
  durability: { ackedRecords: number; lostAckedRecords: number; unavailableAckedRecords: number }
  /**
   * Partition-milliseconds: offline and unwritable (ISR under min ISR) as the controller's
   * metadata says; clientUnwritable as the producers felt it (a write waited more than 1 s).
   */
  availability: {
    offlinePartitionMs: number
    unwritablePartitionMs: number
    clientUnwritablePartitionMs: number
  }
  /** Number of events in the log so far; the log itself is read with `events()`. */
  eventCount: number
  /** With a broker type: each broker's worst utilisation and queue so far. */
  capacity?: CapacityRunSummary
  /**
   * Messages in flight and requests waiting at a broker, for clusters small enough to draw them
   * (traffic.ts: at most TRAFFIC_MAX_BROKERS brokers); absent for larger ones.
   */
  traffic?: TrafficView
  /**
   * Records per second over the last complete second of simulated time (traffic-rates.ts), for
   * any cluster size, when the simulation was asked for traffic; the dashboard shows them where
   * a cluster is too large to draw each message.
   */
  rates?: TrafficRates
}

/** Traffic rates over one window of simulated time, records per second (traffic-rates.ts). */
export interface TrafficRates {
  windowMs: number
  /** The end of the window the figures cover (a whole second of simulated time). */
  windowEndMs: number
  brokers: {
    broker: BrokerId
    /** Records produced to the broker as leader (Kafka's MessagesInPerSec). */
    producedPerSec: number
    produceRequestsPerSec: number
    /** Records its followers fetched from it (ReplicationBytesOutPerSec, in records). */
    replicatedOutPerSec: number
    /** Records it fetched as a follower (ReplicationBytesInPerSec, in records). */
    replicatedInPerSec: number
  }[]
  /** Replication records from a leader in one zone to a follower in another, non-zero only. */
  crossZone: { from: ZoneName; to: ZoneName; recordsPerSec: number }[]
}

/** A node a message travels between: a broker (by id) or a client (by its spec id). */
export type NodeRef = { broker: BrokerId } | { client: string }

export type TrafficMessageKind =
  'produce' | 'produceResponse' | 'fetch' | 'fetchResponse' | 'group' | 'groupResponse' | 'metadata'

/**
 * One message on its way (traffic.ts): sent at `sentMs`, delivered at `atMs`, so a view places it
 * at (nowMs − sentMs) / (atMs − sentMs) of the way along its link, as RaftScope draws messages.
 */
export interface TrafficMessage {
  kind: TrafficMessageKind
  from: NodeRef
  to: NodeRef
  sentMs: number
  atMs: number
  /** The partition, for a produce request or response (its first partition) or a one-partition fetch. */
  topic?: string
  partition?: number
  /** Records it carries (a produce request's batches, a fetch response's). */
  records?: number
  /** Partitions a fetch covers (its fetch session's partitions). */
  partitions?: number
  /** A group request's API (FindCoordinator, JoinGroup, SyncGroup, Heartbeat, OffsetCommit). */
  api?: string
  /** The error a response carries (its first partition's, for a produce response). */
  error?: string
  /**
   * A metadata request and its response in one (the engine schedules the answer one round trip
   * after the send): the view draws it out to the broker and back.
   */
  roundTrip?: true
}

/**
 * A request waiting at a broker: an acks=all produce in the leader's purgatory (DelayedProduce)
 * until the high watermark reaches it, or a follower's fetch parked (DelayedFetch) until data
 * arrives or `replica.fetch.wait.max.ms` passes.
 */
export interface ParkedRequest {
  kind: 'produce' | 'fetch'
  /** The broker it waits at (the leader). */
  broker: BrokerId
  /** produce: the producer's id. */
  producer?: string
  /** fetch: the follower broker that sent it. */
  follower?: BrokerId
  /** produce: its partition. fetch: the first of its partitions. */
  topic: string
  partition: number
  /** fetch: the partitions it covers. */
  partitions?: number
  /**
   * produce: when the producer sent it (its request.timeout.ms runs from the send,
   * NetworkClient's InFlightRequests). fetch: when the parked fetch was sent.
   */
  sinceMs: number
  /**
   * produce: sinceMs + the producer's request.timeout.ms, when it fails with REQUEST_TIMED_OUT if
   * the ISR has not caught up. fetch: sinceMs + replica.fetch.wait.max.ms, when the leader
   * answers it empty and the follower fetches again.
   */
  timeoutAtMs: number
  /** produce: the offset the high watermark must pass, and the leader's high watermark now. */
  requiredOffset?: number
  highWatermark?: number
}

/** What a producer is doing about its errors now (retries and backoff). */
export interface ProducerTrafficState {
  id: string
  /** Produce requests sent and not answered yet. */
  requestsInFlight: number
  /** Queued batches that failed at least once and wait for a retry. */
  retryingBatches: number
  /** The latest retry backoff (retry.backoff.ms) still running, ms; null when none is. */
  backoffUntilMs: number | null
}

export interface TrafficView {
  /** In (delivery time, scheduling order); at most TRAFFIC_MAX_MESSAGES. */
  messages: TrafficMessage[]
  /** Messages left out by the cap. */
  omitted: number
  /**
   * Messages delivered in the last RECENT_TRAFFIC_MS (250 ms of sim time), oldest first: most take
   * about a millisecond and would fall between two snapshots a frame apart.
   */
  delivered: TrafficMessage[]
  parked: ParkedRequest[]
  producers: ProducerTrafficState[]
}
