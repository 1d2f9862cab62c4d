/**
 * The engine's internal state: plain, structured-cloneable data (no classes, no Infinity/NaN,
 * "none" is -1 or null). One `EngineState` is the whole simulation; checkpoints are clones of it.
 */
import type { CapacityRunState } from './capacity/saturation'
import type { QuotaRunState } from './broker/replication-quota'
import type { MeterState } from './meter'
import type { LatencyHistogram } from './latency-histogram'
import type {
  BrokerId,
  BrokerIndex,
  ConsumerIndex,
  PartitionIndex,
  ProducerIndex,
  ReplicaSlot,
} from './ids'
import type { FollowerTable } from './follower-table'
import type { EventQueue } from './event-queue'
import type { Batch, ReplicaLog } from './log'
import type { PrngState } from './prng'
import type { IsolationScope, TimedFault } from './spec'
import type { KafkaVersion } from './versions'
import type {
  ClientLogLine,
  GroupError,
  KafkaError,
  LeaderRecoveryState,
  MetricsSample,
  SimEvent,
  TrafficMessage,
} from './types'
import type { RateCounters } from './traffic-rates'

/**
 * The kinds of scheduled event. An event is its kind and up to three integer arguments (a, b, c),
 * stored in the event queue's typed arrays; "gen" arguments make timers of an earlier life of
 * their broker, pair or client stale.
 */
export const EV = {
  /** a: index into `faults`. */
  fault: 0,
  /** a: broker index, b: broker gen. */
  heartbeat: 1,
  fenceCheck: 2,
  /** a: controller gen. */
  controllerElection: 3,
  /** a: broker index, b: broker gen. */
  brokerReady: 4,
  /** a: broker index, b: broker gen. */
  isrCheck: 5,
  /** a: pair index, b: pair gen. */
  fetchRequest: 6,
  /** a: pair index, b: pair gen; the entries wait on the pair (`responseHead`). */
  fetchResponse: 7,
  /** a: pair index, b: pair gen. */
  fetchIdleTimeout: 8,
  /** a: producer index. */
  producerTick: 9,
  /** a: producer index. */
  producerDrain: 10,
  /** a: producer index, b: request id, c: partition index in the producer's topic. */
  produceArrive: 11,
  /** a: producer index, b: request id, c: partition index in the producer's topic. */
  produceResponse: 12,
  /** a: client code (`clientCode` in ids.ts), b: connection index, c: metadata gen. */
  metadataResponse: 13,
  /** a: client code: a metadata update may be allowed now (client-network.ts). */
  metadataRetry: 14,
  /** a: consumer index. */
  consumerTick: 15,
  sample: 16,
  /** KRaft: a: controller gen (ZooKeeper: none). */
  autoRebalance: 17,
  uncleanCheck: 18,
  /** a: broker index, b: broker gen, c: attempt. */
  controlledShutdown: 19,
  /** a: rolling-restart gen. */
  rollingStep: 20,
  /** a: client code, b: connection index, c: connection gen. */
  connectCheck: 21,
  /** a: broker index, b: the stopped process's gen: its host resets the clients' connections. */
  brokerSocketsClosed: 22,
  /** a: consumer index, b: group request kind (consumer-groups.ts GROUP_REQ), c: request gen. */
  groupRequestArrive: 23,
  /** a: consumer index, b: group request kind, c: request gen. */
  groupResponse: 24,
  /** a: group index, b: rebalance gen: the initial rebalance delay may have passed. */
  groupJoinCheck: 25,
  /** a: group index, b: member slot, c: heartbeat count: the member's session may expire. */
  groupSessionExpire: 26,
} as const

export type EventKind = (typeof EV)[keyof typeof EV]

/**
 * What a fetch response carries for one partition. A response is a list of entries taken from
 * the engine's shared pool (`Ctx.entryPool`) and given back once the follower has read it, so a
 * round of the fetch protocol allocates nothing once the pool has grown, and the entries it
 * touches are the ones used last (in cache), not one idle pool per broker pair.
 */
export interface FetchEntry {
  p: PartitionIndex
  /** The follower's replica slot in the partition (so the follower need not look it up). */
  slot: ReplicaSlot
  /** Leader epoch the leader answered in. */
  epoch: number
  /**
   * The first `batchCount` items: batches from the follower's fetch offset on, bounded by
   * replica.fetch.max.bytes. Items beyond are leftovers of earlier rounds.
   */
  batches: Batch[]
  batchCount: number
  leaderHighWatermark: number
  /** The leader found the logs diverging: the follower truncates by these two. */
  diverging: boolean
  divergingEpoch: number
  divergingEndOffset: number
  /** The next entry of the same response, or null. */
  next: FetchEntry | null
}

export interface BrokerState {
  id: BrokerId
  zone: number
  /** The process runs (false after crash/stop). */
  processUp: boolean
  /** The host runs (false while its zone is stopped). */
  hostUp: boolean
  status: 'online' | 'starting' | 'shutting-down' | 'offline'
  /** Generation: bumps on each stop and start so stale timers of a former life are ignored. */
  gen: number
  isolatedFrom: IsolationScope[]
  fetchDelayMs: number
  /** KRaft: registered and unfenced. ZooKeeper: has a live session. */
  registered: boolean
  fenced: boolean
  /**
   * The broker accepts connections (other brokers' fetches, clients). A KRaft broker opens its
   * listeners only once the controller has unfenced this incarnation (BrokerServer.startup waits
   * for it before enableRequestProcessing); until then it fetches as a follower but serves nobody.
   * A ZooKeeper-mode broker listens once started.
   */
  listening: boolean
  /** ZooKeeper: restarted while no controller could handle the bounce; the next one does. */
  zkBounced: boolean
  /** Last heartbeat the active controller received (KRaft). */
  lastHeartbeatMs: number
  inControlledShutdown: boolean
  /** Highest metadata version this broker has applied (frozen while cut off). */
  metadataVersion: number
  /**
   * KRaft: the metadata version this broker reported in its last heartbeat (the controller's
   * BrokerHeartbeatState.metadataOffset).
   */
  reportedMetadataVersion: number
  /**
   * KRaft: the metadata version after its controlled shutdown moved its leaderships (the
   * controller's controlledShutdownOffset), -1 when not shutting down.
   */
  controlledShutdownVersion: number
  /** The Kafka version this broker's process runs (changes when an upgrade restarts it). */
  softwareVersion: KafkaVersion
  /**
   * The broker's last process stop completed a controlled shutdown, so it wrote the clean shutdown
   * file and registers with its previous broker epoch (KIP-966 clean shutdown detection).
   */
  cleanShutdown: boolean
}

export interface ControllerNodeState {
  id: number
  zone: number
  up: boolean
}

export interface ZoneState {
  name: string
  stopped: boolean
  isolatedFrom: IsolationScope[]
}

/**
 * A replica as its hosting broker sees it (Kafka's Partition object on that broker). The replica
 * carries its log's fields itself and `log` is the replica: one object per replica instead of
 * two, so the hot paths reach a log without another (usually cold) memory load.
 */
export interface ReplicaState extends ReplicaLog {
  brokerIndex: BrokerIndex
  log: ReplicaLog
  highWatermark: number
  /** Leader and epoch this broker believes in (from the metadata it has applied). */
  knownLeaderId: BrokerId
  knownLeaderEpoch: number
  knownIsr: number[]
  /**
   * The metadata version at which this broker last applied the partition's registration, or -1
   * when it has not since it (re)started. A catch-up skips replicas already at the partition's
   * `changedAtVersion`: a broker applies each metadata delta once.
   */
  appliedVersion: number
  /** Set while this broker believes it leads the partition (Partition.makeLeader). */
  leaderSide: LeaderSideState | null
  /**
   * The replica's log was lost with its volume (`replaceVolume`) and it has not rejoined the ISR
   * since: if it leads meanwhile (as the last ISR member), acknowledged records are lost without
   * an unclean election, as in Kafka before KIP-966.
   */
  volumeReplaced: boolean
}

/**
 * A broker's state as leader of a partition (written only by broker/leader-side.ts, its
 * purgatory only by broker/purgatory.ts).
 */
export interface LeaderSideState {
  /** The partition, this leader's replica slot in it, and the broker index of that replica. */
  p: PartitionIndex
  slot: ReplicaSlot
  brokerIndex: BrokerIndex
  /**
   * This is its replica's current leader side, listed in `ctx.ledBy` and counted in
   * `ctx.isrCheckDue`. A side replaced or dropped stays unlisted, even if code still holds it.
   */
  listed: boolean
  /** Size of the ISR this leader knows, for the per-leader gauges (metrics.ts). */
  knownIsrSize: number
  /** Followers in the ISR this leader knows (not itself); which ones: the table's ISR flags. */
  isrFollowerCount: number
  /**
   * The smallest lastCaughtUpTimeMs over those ISR followers (-1 when there is none). While it
   * is within replica.lag.time.max.ms none is out of sync, so the ISR check can skip the partition.
   */
  minFollowerCaughtUpMs: number
  /**
   * Every ISR follower's last fetch offset equals this leader's log end offset (caught up by
   * Replica.isCaughtUp's first clause). Cleared by an append, recomputed on each fetch.
   */
  followersAtEnd: boolean
  /**
   * ISR including pending changes (Kafka's maximal ISR), and whether an AlterPartition is under
   * way. Both are set by `setMaximalIsr`, which also flags the members in the follower table for
   * the fetch path and keeps `ctx.isrCheckDue` in step.
   */
  maximalIsr: number[]
  pendingIsrChange: boolean
  /** The offset at which this leader's epoch started. */
  epochStartOffset: number
  /** What the leader tracks of each replica slot (the leader's own unused): follower-table.ts. */
  followers: FollowerTable
  /**
   * Parked acks=all produces (the purgatory), oldest first. On the side, not per partition: the
   * side is in hand on every produce, and two brokers that both believe they lead keep theirs
   * apart.
   */
  delayedHead: DelayedProduce | null
  delayedTail: DelayedProduce | null
}

export interface PartitionState {
  topic: number
  partition: number
  replicas: number[]
  // The controller's registration (PartitionRegistration).
  leaderId: BrokerId
  leaderEpoch: number
  partitionEpoch: number
  isr: number[]
  elr: number[]
  lastKnownElr: number[]
  leaderRecoveryState: LeaderRecoveryState
  /** The metadata version of the registration's last change (0 for the initial one). */
  changedAtVersion: number
  /** Per replica, aligned with `replicas`. */
  replicaStates: ReplicaState[]
  /** History of (metadataVersion, leader, leaderEpoch), for brokers with stale metadata. */
  leaderHistory: [number, number, number][]
  /**
   * Acknowledged batches: the batch the leader's log held when the acknowledgement was recorded
   * (shared, one reference each), or a batch record of their own (epoch -1, in no log) for an
   * acknowledgement whose batch had already gone. Only offset, count, producer and sequence count.
   */
  acked: Batch[]
  /** Acknowledged records of this partition. */
  ackedRecords: number
  /** Acknowledged records absent from the current leader's log, in total and per producer. */
  lostRecords: number
  lostByProducer: Record<string, number>
  /** The partition was last elected uncleanly (invariants allow leader ∉ ISR until then). */
  uncleanSinceEpoch: number
  /**
   * The leader epoch in which a replica whose volume was replaced, not yet caught up, was elected
   * (-1: never): acknowledged records may be gone without an unclean election (§4.6, case 6).
   */
  emptyLeaderSinceEpoch: number
}

/**
 * A pending acks=all produce waiting in the leader's purgatory (DelayedProduce), on the leader
 * side that parked it, in arrival order.
 */
export interface DelayedProduce {
  /** Producer index, request id and the producer's local partition (the part it waits for). */
  c: ProducerIndex
  request: number
  lp: number
  requiredOffset: number
  next: DelayedProduce | null
}

export interface ProducerBatch {
  p: number
  records: number
  baseSequence: number
  createdAtMs: number
  attempts: number
  /**
   * Failed at delivery.timeout.ms while its request was in flight (Sender
   * .getExpiredInflightBatches); the request's answer no longer counts for it. Always set, so
   * every batch has one shape.
   */
  expired: boolean
}

/** A client's connection to one node (ClusterConnectionStates.NodeConnectionState). */
export interface ClientConnection {
  /** CONN_DISCONNECTED, CONN_CONNECTING or CONN_READY (client-network.ts). */
  state: number
  /** Requests in flight on it (NetworkClient's InFlightRequests for the node). */
  inFlight: number
  /** Bumps on each attempt and each disconnect, so timers of an earlier connection are ignored. */
  gen: number
  /** The broker process generation the connection reached (a restarted process resets it). */
  brokerGen: number
  failedAttempts: number
  failedConnectAttempts: number
  lastAttemptMs: number
  reconnectBackoffMs: number
  setupTimeoutMs: number
}

/** What every client keeps of its network and metadata (client-network.ts). */
export interface ClientNetState {
  /** One per node: the brokers by index, then the bootstrap servers (nodes −1, −2, …). */
  conns: ClientConnection[]
  /** A metadata response arrived: the client knows the cluster (no longer bootstrapping). */
  connected: boolean
  metadataGen: number
  metadataInFlight: boolean
  /** The connection the metadata request in flight went out on. */
  metadataNode: number
  metadataSentAtMs: number
  /** Metadata.requestUpdate was called since the last successful refresh. */
  needMetadata: boolean
  lastRefreshMs: number
  lastSuccessfulRefreshMs: number
  /** Failed metadata requests since the last success (Metadata.attempts). */
  metadataAttempts: number
  /** Successful responses that changed nothing (Metadata.equivalentResponseCount, KIP-580). */
  equivalentResponses: number
  /** The refresh backoff: no metadata request before this. */
  metadataAllowedAtMs: number
  /** A metadata poll timer is set for this time (-1: none). */
  metadataPollAtMs: number
  /** Every bootstrap server failed once before the first metadata response (reported once). */
  bootstrapFailed: boolean
}

/**
 * One partition's part of a produce request (ProduceRequestData's TopicProduceData /
 * PartitionProduceData, and its PartitionResponse once the broker answered it).
 */
export interface ProducePart {
  /** Global partition index. */
  p: PartitionIndex
  /** Partition number within the producer's topic. */
  lp: number
  batches: ProducerBatch[]
  /** The broker has settled this partition (an error, or its acks reached). */
  done: boolean
  error: KafkaError | null
  /** Offset of the first batch on success. */
  baseOffset: number
  /**
   * NOT_LEADER_OR_FOLLOWER answers carry the leader the broker knows (KIP-951, 3.7), -1 if none.
   */
  currentLeaderId: number
  currentLeaderEpoch: number
}

/**
 * A produce request: Sender.sendProduceRequests sends one per broker, carrying every partition
 * drained for it (RecordAccumulator.drain), and the broker answers it once, when every partition
 * is settled (ReplicaManager.appendRecords / DelayedProduce).
 */
export interface ProduceRequestState {
  id: number
  brokerIndex: BrokerIndex
  /** In the order they were drained; a partition appears once. */
  parts: ProducePart[]
  /** Parts the broker has not settled yet. */
  pending: number
  sentAtMs: number
  /** The broker answered: every part is settled and the response is on its way. */
  done: boolean
  /** Finished from the producer's point of view (kept in `requests` until it reaches the front). */
  closed: boolean
  /** The generation of the connection it went out on (a disconnect cancels it). */
  connGen: number
}

export interface ProducerState extends ClientNetState {
  index: ProducerIndex
  /** Spec client index. */
  client: number
  topic: number
  firstPartition: number
  /** Fractional record accumulator in thousandths of a record (integer arithmetic). */
  carryMilli: number
  nextPartition: number
  nextSequence: Int32Array
  /** Leader per partition as the producer's metadata says, -1 when none, and its epoch. */
  metadata: Int32Array
  leaderEpochs: Int32Array
  /** Per partition, the leader epoch its last failed request went to (ProducerBatch's currentLeaderEpoch). */
  retryEpoch: Int32Array
  queues: ProducerBatch[][]
  /** Local partitions whose queue is not empty, ascending. */
  ready: number[]
  /** Per local partition, the request in flight carrying its batches (at most one). */
  inFlight: (ProduceRequestState | null)[]
  backoffUntilMs: Float64Array
  /** Requests in send order (so by sentAtMs); closed ones are dropped lazily from the front. */
  requests: ProduceRequestState[]
  nextRequestId: number
  /** Requests in `requests` not yet closed (the rest are compacted away once they dominate). */
  openRequests: number
  /**
   * The application's send() blocks waiting for topic metadata since this time (-1: not blocked;
   * KafkaProducer.waitOnMetadata, bounded by max.block.ms).
   */
  blockedSinceMs: number
  /** The earliest time a batch in flight reaches delivery.timeout.ms (MAX_SAFE_INTEGER: none). */
  inFlightExpiryMs: number
  /** Bytes of buffer.memory held by batches not yet answered (RecordAccumulator's BufferPool). */
  bufferUsed: number
  /** send() blocks waiting for buffer memory since this time (-1: not blocked). */
  bufferBlockedSinceMs: number
  /** Send → acknowledgement of each record, over the run (latency-histogram.ts). */
  latency: LatencyHistogram
  sent: number
  acked: number
  failed: number
  errors: Record<string, number>
  lostAcked: number
  unavailableAcked: number
  /** The application process runs (crashClient / startClient). */
  alive: boolean
  /** Bumped when the process dies or starts: timers of an earlier life are stale. */
  life: number
  /** Records the producer held, not yet acknowledged, when its process died. */
  lostAtCrash: number
}

export interface ConsumerState extends ClientNetState {
  index: ConsumerIndex
  client: number
  topic: number
  /** The leader of each partition its metadata names (null before the first response). */
  metadata: number[] | null
  /** The leader epoch of each (Metadata.lastSeenLeaderEpochs; -1: none seen). */
  metadataEpochs: number[]
  positions: number[]
  /**
   * FetchPosition.offsetEpoch: the leader epoch of the last record consumed below the position,
   * -1 while none is known (nothing consumed yet, or after a reset).
   */
  positionEpochs: number[]
  /**
   * FetchPosition.currentLeader's epoch: the leader epoch the position was last validated
   * against (SubscriptionState.maybeValidatePositionForCurrentLeader), -1 before the first fetch.
   */
  validatedEpochs: number[]
  /**
   * Per partition, what the last fetch that found nothing left to do saw: the partition's stamp
   * (EngineState.partitionStamps; -1: none), the position and the leader id. All three unchanged
   * and the leader reachable: the fetch would find nothing again, and is skipped.
   */
  seenStamps: Int32Array
  seenPositions: Float64Array
  seenLeaders: Int32Array
  consumed: number
  lag: number
  /** Records consumed a second time (a standalone consumer's own; a group's are on the group). */
  duplicates: number
  /** Records below the high watermark a position jumped over without delivering them. */
  skipped: number
  /** Per partition, the end of what was delivered (offset + 1) — standalone consumers. */
  delivered: number[]
  /** The application process runs (crashClient / startClient). */
  alive: boolean
  /** Bumped when the process dies or starts: timers of an earlier life are stale. */
  life: number
  /** Index into `groups`, -1 for a consumer that assigns itself every partition. */
  group: number
  /** Member number within its consumer entry (0 for a single member). */
  member: number
  /** The member's client state in its group (consumer-groups.ts). */
  gm: GroupMemberState | null
}

/**
 * A group member's side of the classic group protocol (AbstractCoordinator, ConsumerCoordinator):
 * its coordinator, generation, assignment and the requests it has out.
 */
export interface GroupMemberState {
  /** MemberState: 0 unjoined, 1 preparing to join / joining, 2 syncing, 3 stable. */
  phase: number
  /** The coordinator's broker index, -1 while unknown. */
  coordinator: number
  memberId: string
  generation: number
  /** Partition numbers of the topic assigned to it, ascending. */
  assigned: number[]
  /** Per request kind (GROUP_REQ): in flight, its gen, connection and connection gen, send time. */
  open: boolean[]
  gen: number[]
  conn: number[]
  connGen: number[]
  sentAtMs: number[]
  /** The answer the broker computed, read when the response arrives. */
  answerError: (GroupError | null)[]
  answerBroker: number
  answerMemberId: string
  answerGeneration: number
  /** FindCoordinator may go out again from this time (retry.backoff.ms after a failure). */
  findAllowedAtMs: number
  lastHeartbeatSentMs: number
  /** Heartbeat.resetSessionTimeout / receiveHeartbeat: the session runs from here. */
  sessionStartMs: number
  nextCommitAtMs: number
  /** The partitions (local numbers), offsets and epochs of the commit in flight, in one order. */
  commitPartitions: number[]
  /** The generation text the commit in flight was sent with (OffsetCommitResponseHandler's). */
  commitGeneration: string
  commitOffsets: number[]
  commitEpochs: number[]
  /** onJoinPrepare has committed (or had nothing to commit) for the rejoin under way. */
  prepared: boolean
  /** GroupCoordinatorNotAvailable was emitted for this member. */
  noCoordinatorNoted: boolean
  /** The commit in flight is onJoinPrepare's (not an earlier auto-commit). */
  rejoinCommit: boolean
  /**
   * An auto-commit callback's WARN line, due at the next poll (invokeCompletedOffsetCommitCallbacks;
   * '' for none).
   */
  pendingCommitWarning: string
  /** The coordinator known now has answered a request (GroupCoordinatorLost is due on losing it). */
  confirmed: boolean
  /** The broker index the last GroupCoordinatorFound named, -1 none. */
  announced: number
}

/** The coordinator's side of one consumer group (GroupMetadata, GroupMetadataManager). */
export interface GroupState {
  name: string
  /** The topic its members subscribe to. */
  topic: number
  /** Global index of its __consumer_offsets partition, -1 when that topic does not exist. */
  offsetsPartition: number
  /** Consumer indices of its possible members, by member slot. */
  slots: number[]
  state: 'Empty' | 'PreparingRebalance' | 'CompletingRebalance' | 'Stable'
  generation: number
  /** Per slot: a member of the group as the coordinator knows it, and its member id. */
  inGroup: boolean[]
  memberIds: string[]
  /** Per slot: its JoinGroup of this rebalance waits at the coordinator. */
  joined: boolean[]
  /** Per slot: its SyncGroup waits for the leader's. */
  syncWaiting: boolean[]
  /** Per slot: accepted heartbeats (the session expiry timer of an older count is stale). */
  heartbeats: number[]
  /** Per slot: when the coordinator last accepted a heartbeat (or join) from its member. */
  lastHeartbeatMs: number[]
  /**
   * Per slot: the member id of the process before a restart, still in the group until its
   * session expires at ghostExpiryMs ('' and -1: none).
   */
  ghostIds: string[]
  ghostExpiryMs: number[]
  /** Per slot: the partition numbers of the current generation's assignment. */
  assignment: number[][]
  leaderSlot: number
  /** The initial rebalance delay ends then (InitialDelayedJoin); -1 when none runs. */
  joinDeadlineMs: number
  rebalanceGen: number
  /** InitialDelayedJoin: a member joined during the current wait, and the time left to extend it. */
  newMemberAdded: boolean
  delayRemainingMs: number
  /** The broker index that has the group loaded (the last coordinator), -1 none, and the
   * offsets partition's leader epoch it loaded it in. */
  loadedBy: number
  loadedEpoch: number
  /** Offset commits as appended to the offsets partition, in log order. */
  commits: OffsetCommitEntry[]
  /** Per partition, the end of what any member has been handed (offset + 1). */
  delivered: number[]
  duplicates: number
  skipped: number
}

export interface OffsetCommitEntry {
  /** Its offset in the __consumer_offsets partition's log. */
  logOffset: number
  partitions: number[]
  offsets: number[]
  /** The leader epoch of the last record consumed below each offset (KIP-320), -1 none. */
  epochs: number[]
}

export interface FetchPairState {
  followerIndex: BrokerIndex
  leaderIndex: BrokerIndex
  gen: number
  /** 'idle': parked at the leader waiting for data; 'busy': a round is under way; 'down': no link. */
  phase: 'idle' | 'busy' | 'down'
  /** Partition indices the follower fetches from this leader. */
  partitions: PartitionIndex[]
  /**
   * The partitions with something to exchange (new data, a high watermark, a divergence, a new
   * fetch state), like an incremental fetch session (KIP-227): a round visits only these, in
   * index order. A sorted set kept as its smallest member here (-1 when empty) and the rest in
   * `dirty`: the set usually holds one partition, so the common case never reads the array.
   */
  dirtyFirst: PartitionIndex
  dirty: PartitionIndex[]
  /** Partitions whose leader high watermark moved past what the follower has seen (as above). */
  hwFirst: PartitionIndex
  hwPending: PartitionIndex[]
  /** A parked request's wait (replica.fetch.wait.max.ms) is scheduled to expire. */
  timeoutPending: boolean
  /**
   * The response on its way to the follower (its event carries the gen): entries linked from
   * `responseHead` (null: no response) to `responseTail`.
   */
  responseHead: FetchEntry | null
  responseTail: FetchEntry | null
  /**
   * Some follower here is outside the leader's ISR: keep polling every wait.max, as a real
   * fetcher does, so it rejoins as soon as it is eligible (maybeExpandIsr runs on each fetch).
   */
  poll: boolean
  /**
   * When the leader last handled a fetch request of this pair. While the pair is parked, Kafka's
   * follower sends a new fetch every time its parked one expires (replica.fetch.wait.max.ms); the
   * engine sends none (idle partitions cost nothing), so on waking it moves this to the last of
   * those re-sent fetches (`lastParkedFetchMs`), and a round replays that fetch for the partitions
   * it visits (`recordFollowerFetch`), as each Kafka fetch updates every partition's fetch state.
   */
  lastRequestMs: number
}

export interface RollingRestartState {
  queue: BrokerIndex[]
  current: BrokerIndex
  phase: 'idle' | 'stopping' | 'down' | 'recovering'
  restartMs: number
  gen: number
  phaseSinceMs: number
  /** An upgradeCluster: each broker starts on this version; finalised after the last one. */
  toVersion: KafkaVersion | null
}

export interface Counters {
  produced: number
  acked: number
  failed: number
}

/** One failover record under way or done (failovers.ts). */
export interface FailoverWatch {
  /** The fault as applied (with its atMs); null for a rolling restart's step. */
  fault: TimedFault | null
  /** For a step: the index of its rolling fault's watch; -1 otherwise. */
  step: number
  atMs: number
  /** Broker ids the fault hit. */
  brokers: number[]
  /** Per partition index: its position in `partitions`, or -1 when not touched. */
  slot: number[]
  partitions: number[]
  /** Per touched partition: the first acknowledgement after the fault, -1 before it. */
  firstAckMs: number[]
  stallMs: number[]
  /** Per touched partition: its lost acknowledged records when the fault came. */
  lostAtStart: number[]
  pending: number
  recoveredAtMs: number
}

export interface EngineState {
  nowMs: number
  queue: EventQueue
  prng: PrngState
  faults: TimedFault[]
  zones: ZoneState[]
  brokers: BrokerState[]
  controllers: ControllerNodeState[]
  /** KRaft: index into controllers; ZooKeeper: index into brokers; -1 when none. */
  activeController: number
  controllerGen: number
  /**
   * When the scheduled controller election (EV.controllerElection) is due, -1 when none is: read
   * only by the snapshot, for the dashboard's election timer.
   */
  controllerElectionDueMs: number
  /**
   * KRaft: a preferred-leader balance run is scheduled (QuorumController's imbalancedScheduled ==
   * SCHEDULED), and whether the last run left work for one 10 ms later (IMMEDIATELY) rather than
   * after leader.imbalance.check.interval.seconds (DEFERRED).
   */
  balanceScheduled: boolean
  balanceImmediately: boolean
  quorumHasMajority: boolean
  metadataVersion: number
  /** Global list of partition indices changed at each metadata version (index = version - 1). */
  metadataChanges: PartitionIndex[]
  partitions: PartitionState[]
  topicFirstPartition: number[]
  pairs: (FetchPairState | null)[]
  producers: ProducerState[]
  consumers: ConsumerState[]
  groups: GroupState[]
  events: SimEvent[]
  clientLog: ClientLogLine[]
  series: MetricsSample[]
  counters: Counters
  lastSampleCounters: Counters
  /** Producer latencies since the last metrics sample, all producers together. */
  intervalLatency: LatencyHistogram
  /**
   * Kafka's Yammer meters, summed over the cluster (ReplicaManager's IsrShrinksPerSec and
   * IsrExpandsPerSec on every broker, ControllerStats' UncleanLeaderElectionsPerSec).
   */
  meters: { isrShrinks: MeterState; isrExpands: MeterState; uncleanElections: MeterState }
  offlineCount: number
  unwritableCount: number
  offlinePartitionMs: number
  unwritablePartitionMs: number
  /** Partition-ms the clients waited more than 1 s for an answer (clients.ts noteClientWait). */
  clientUnwritablePartitionMs: number
  /** Per partition: the end of the wait last counted into clientUnwritablePartitionMs. */
  clientStalledUntil: number[]
  /**
   * Per partition, bumped whenever what a consumer's fetch reads there may have changed: a
   * leader's high watermark, any replica's leadership or epoch (applyMetadataToReplica,
   * forgetRoles; context.ts touchPartition). Followers' changes need none: a consumer reads from a
   * replica that believes it leads, and one stops believing it only through those two. A consumer
   * that saw a partition at this stamp, with the same position and leader, has nothing new to
   * fetch there (clients.ts consumerTick).
   */
  partitionStamps: Int32Array
  failovers: FailoverWatch[]
  /** Indices into `failovers` still waiting for an acknowledgement on some partition. */
  openFailovers: number[]
  /** Bumped whenever a watch opens or records an acknowledgement (caches the report's records). */
  failoverRevision: number
  rolling: RollingRestartState | null
  /**
   * The finalised Kafka version: the controller's rules and metadata-version features (ELR)
   * follow it; it changes when an upgradeCluster finalises.
   */
  kafkaVersion: KafkaVersion
  /** With a broker type: each broker's offered load, queue and catch-up (capacity/saturation.ts). */
  capacity: CapacityRunState | null
  /** With a replication throttle: each broker's quota clocks (broker/replication-quota.ts). */
  quota: QuotaRunState | null
  /**
   * Small clusters only (traffic.ts): the messages delivered in the last RECENT_TRAFFIC_MS, oldest
   * first, for the dashboard. Absent until the first delivery; read by nothing in the simulation.
   */
  recentTraffic?: TrafficMessage[]
  /** With traffic asked for: the rate counters (traffic-rates.ts); read by nothing in the simulation. */
  trafficRates?: RateCounters
}
