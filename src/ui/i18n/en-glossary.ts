/**
 * The glossary in English, the source the translations follow: for each entry the word as a
 * reader meets it, one or two plain sentences, and the config key, metric MBean or KIP behind it
 * (Kafka's identifiers verbatim, in every language).
 */
import type { GlossaryTexts } from './catalogue'

export const EN_GLOSSARY: GlossaryTexts = {
  broker: {
    term: 'Broker',
    definition:
      'A Kafka server. It stores replicas of partitions on disk and answers produce and fetch requests for the partitions it leads.',
    source: 'broker.id / node.id',
  },
  partition: {
    term: 'Partition',
    definition:
      'An ordered, append-only log that is one slice of a topic. Each record in it has an offset, and the partition is copied to several brokers (its replicas).',
    source: 'num.partitions; kafka-topics --describe "Partition"',
  },
  replicas: {
    term: 'Replicas',
    definition:
      'The brokers that hold a copy of a partition, in assignment order. The first one is the preferred leader; the number of them is the replication factor.',
    source: 'default.replication.factor; kafka-topics --describe "Replicas"',
  },
  leader: {
    term: 'Leader',
    definition:
      'The one replica of a partition that takes every write and serves reads. Followers copy its log; when it fails the controller elects a new leader from the ISR.',
    source: 'kafka-topics --describe "Leader"; Partition.scala makeLeader',
  },
  follower: {
    term: 'Follower',
    definition:
      'A replica that is not the leader. It keeps sending fetch requests to the leader and appends what it gets to its own log.',
    source: 'ReplicaFetcherThread; replica.fetch.wait.max.ms',
  },
  'in-sync-follower': {
    term: 'In-sync follower',
    definition:
      'A follower that has caught up with the leader recently enough to be in the ISR. It counts towards acks=all and may be elected leader.',
    source: 'replica.lag.time.max.ms (Partition.scala getOutOfSyncReplicas)',
  },
  'out-of-sync-follower': {
    term: 'Out-of-sync follower',
    definition:
      'A follower that has not caught up with the leader for longer than replica.lag.time.max.ms (30 s by default), so the leader removed it from the ISR. It keeps fetching and rejoins once caught up.',
    source: 'replica.lag.time.max.ms (Partition.scala maybeShrinkIsr)',
  },
  'follower-lag': {
    term: 'Follower lag',
    definition:
      "How far a follower's log end offset is behind the leader's, in records. The bar fills as the lag grows.",
    source: 'kafka.server:type=FetcherLagMetrics,name=ConsumerLag',
  },
  isr: {
    term: 'ISR (in-sync replicas)',
    definition:
      'The leader plus the followers that are caught up with it. A write is committed when every ISR member has it, and a clean election picks the new leader from the ISR.',
    source: 'replica.lag.time.max.ms; Partition.scala maybeShrinkIsr / maybeExpandIsr',
  },
  elr: {
    term: 'ELR (eligible leader replicas)',
    definition:
      'Replicas that left the ISR while it was below min.insync.replicas but still hold every committed record. When the ISR is empty the controller may elect one of them without losing data.',
    source: 'KIP-966; eligible.leader.replicas.version',
  },
  'last-known-elr': {
    term: 'LastKnownElr',
    definition:
      'Replicas that were last known to be eligible (in the ISR or ELR) before the partition lost them, for example after an unclean shutdown. With ISR and ELR both empty, recovery waits for one of them to return.',
    source: 'KIP-966; PartitionRecord lastKnownElr',
  },
  offline: {
    term: 'Offline or fenced',
    definition:
      'A replica whose broker is down or fenced. It takes no part in replication or elections until the broker comes back and registers again.',
    source: 'OfflinePartitionsCount; broker.session.timeout.ms',
  },
  fenced: {
    term: 'Fenced',
    definition:
      'The controller stops trusting a broker it has not heard from: under KRaft after broker.session.timeout.ms (9 s) without a heartbeat, under ZooKeeper when its session expires. A fenced broker is removed from every ISR and cannot lead; until then its metadata still looks healthy.',
    source: 'broker.session.timeout.ms (KRaft, KIP-631); zookeeper.session.timeout.ms (ZooKeeper)',
  },
  'min-insync-replicas': {
    term: 'min.insync.replicas',
    definition:
      'The smallest ISR a partition may have and still accept acks=all writes. Below it the leader rejects them with NOT_ENOUGH_REPLICAS; acks=0 and acks=1 writes are not affected.',
    source: 'min.insync.replicas (topic or broker config)',
  },
  acks: {
    term: 'acks',
    definition:
      'How many replicas must have a record before the producer is told it is written: 0 (none, no answer), 1 (the leader) or all (every ISR member, with at least min.insync.replicas of them). Only acks=all survives losing the leader.',
    source: 'acks (producer config; default all since Kafka 3.0, KIP-679)',
  },
  'high-watermark': {
    term: 'High watermark (HW)',
    definition:
      'The offset up to which every ISR member has the log. Records below it are committed: acks=all producers are answered when the HW passes their records, and consumers read only up to the HW.',
    source: 'Partition.scala maybeIncrementLeaderHW',
  },
  'log-end-offset': {
    term: 'Log end offset (LEO)',
    definition:
      "The offset the next record appended to a replica's log will get, one past its last record. The leader's LEO runs ahead of the HW by the records the ISR has not all copied yet.",
    source: 'UnifiedLog.logEndOffset; kafka.log:type=Log,name=LogEndOffset',
  },
  'leader-epoch': {
    term: 'Leader epoch',
    definition:
      'A counter the controller increases every time a partition gets a new leader. Replicas reject requests from an older epoch, and a returning replica uses it to find where its log diverged.',
    source: 'KIP-101; KIP-279; PartitionRecord leaderEpoch',
  },
  controller: {
    term: 'Controller',
    definition:
      'The node that owns the cluster metadata: it registers and fences brokers, elects partition leaders and records ISR changes. In KRaft it is a quorum of controller nodes; under ZooKeeper it is one broker.',
    source: 'KIP-500 (KRaft); process.roles=controller',
  },
  'active-controller': {
    term: 'Active controller',
    definition:
      'The one controller currently in charge. With no active controller no leader can be elected and no broker fenced, although healthy partitions keep serving.',
    source: 'kafka.controller:type=KafkaController,name=ActiveControllerCount',
  },
  quorum: {
    term: 'Controller quorum',
    definition:
      'KRaft controllers replicate the metadata log among themselves with Raft. A majority of them must be reachable to choose an active controller and commit any change.',
    source: 'KIP-595; controller.quorum.voters; controller.quorum.election.timeout.ms',
  },
  'unclean-leader-election': {
    term: 'Unclean leader election',
    definition:
      'Electing a replica that is not in the ISR because no in-sync replica is available. The partition becomes writable again, but records only the old ISR had are lost.',
    source: 'unclean.leader.election.enable (default false)',
  },
  'preferred-leader': {
    term: 'Preferred leader',
    definition:
      "The first replica in a partition's replica list. The controller moves leadership back to it when brokers' leader counts become unbalanced.",
    source:
      'auto.leader.rebalance.enable; leader.imbalance.per.broker.percentage; leader.imbalance.check.interval.seconds',
  },
  'under-replicated': {
    term: 'Under-replicated',
    definition:
      'A partition whose ISR is smaller than its replica list: at least one replica is down or behind. It still works, with less room for the next failure.',
    source: 'kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions',
  },
  'under-min-isr': {
    term: 'Under min ISR',
    definition:
      'A partition whose ISR is smaller than min.insync.replicas, so acks=all writes to it fail with NOT_ENOUGH_REPLICAS until a replica catches up.',
    source: 'min.insync.replicas; kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount',
  },
  'partition-status': {
    term: 'Status',
    definition:
      "The partition's health in words: ok, under-replicated, under min ISR, offline (no leader), or its leader unreachable but not fenced yet.",
    source: 'kafka-topics --describe --under-replicated-partitions / --under-min-isr-partitions',
  },
  'leader-recovery-state': {
    term: 'Leader recovery state',
    definition:
      'RECOVERING right after an unclean election, until the new leader confirms its log is consistent; followers cannot join the ISR before it is RECOVERED.',
    source: 'KIP-704; PartitionRecord leaderRecoveryState',
  },
  truncation: {
    term: 'Truncation',
    definition:
      'A returning or demoted replica cuts off the tail of its log that the new leader does not have, found with the leader epoch. Truncated records were never committed, unless an unclean election happened.',
    source: 'KIP-101; KIP-279 (OffsetsForLeaderEpoch)',
  },
  'acked-then-lost': {
    term: 'Acknowledged then lost',
    definition:
      "Records a producer was told were written that are no longer in any replica's log. With acks=all and a clean election it stays 0; acks=1 or an unclean election can lose them.",
    source: 'this simulator: its own accounting of acknowledged records',
  },
  retries: {
    term: 'Retries',
    definition:
      'A producer resends a batch that failed with a retriable error (no leader, NOT_ENOUGH_REPLICAS, a timeout) after retry.backoff.ms, until delivery.timeout.ms runs out.',
    source: 'retries; retry.backoff.ms; enable.idempotence (KIP-98)',
  },
  'request-timeout': {
    term: 'request.timeout.ms',
    definition:
      'How long a client waits for the answer to one request before it gives up on it and retries (30 s by default). An acks=all request waiting for the ISR counts against it.',
    source: 'request.timeout.ms (client config)',
  },
  'delivery-timeout': {
    term: 'delivery.timeout.ms',
    definition:
      'The upper bound on reporting success or failure after send(), retries included (2 minutes by default). When it expires the record fails.',
    source: 'delivery.timeout.ms (producer config, KIP-91)',
  },
  'producer-records': {
    term: 'Producer records',
    definition:
      'Records sent, acknowledged and failed in each sample interval, and the running total of acknowledged records later lost.',
    source: 'this simulator: producer accounting (cf. record-send-rate, record-error-rate)',
  },
  'producer-p99-latency': {
    term: 'Producer p99 latency',
    definition:
      'The time from send to acknowledgement that 99% of the records acknowledged in the last interval beat. A failover shows as a gap, then a spike about as long as the stall.',
    source: 'this simulator (cf. producer request-latency-max)',
  },
  'consumer-lag': {
    term: 'Consumer lag',
    definition:
      "How many committed records consumers have not read yet: the high watermark minus the consumer's position, summed over partitions.",
    source: 'records-lag-max (consumer fetch metrics); kafka-consumer-groups --describe LAG',
  },
  'consumer-group': {
    term: 'Consumer group',
    definition:
      "Consumers that share a group.id and split a topic's partitions between them, each partition read by one member. The group commits its positions to __consumer_offsets.",
    source: 'group.id',
  },
  'group-coordinator': {
    term: 'Group coordinator',
    definition:
      "The broker that leads the __consumer_offsets partition a group hashes to. It runs the group's rebalances and stores its committed offsets; if it fails, another broker takes over that partition.",
    source: '__consumer_offsets; offsets.topic.replication.factor',
  },
  rebalance: {
    term: 'Rebalance',
    definition:
      "Handing a group's partitions out again when a member joins, leaves or misses its session timeout. Partitions being moved are not consumed until it completes.",
    source: 'session.timeout.ms; max.poll.interval.ms; KIP-848',
  },
  'availability-zone': {
    term: 'Availability zone (rack)',
    definition:
      "An isolated data centre in an AWS region. Kafka calls it a rack: it places a partition's replicas in different racks, so losing one zone leaves the others.",
    source: 'broker.rack (KIP-36); MSK sets it to the zone id, e.g. use1-az1',
  },
  UnderReplicatedPartitions: {
    term: 'UnderReplicatedPartitions',
    definition:
      'Partitions whose ISR is smaller than their replica list: some replica is down or not caught up. Above 0, one more failure may stop acks=all writes.',
    source: 'kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions',
  },
  UnderMinIsrPartitionCount: {
    term: 'UnderMinIsrPartitionCount',
    definition:
      'Partitions with fewer in-sync replicas than min.insync.replicas. acks=all writes to them fail with NOT_ENOUGH_REPLICAS.',
    source: 'kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount',
  },
  AtMinIsrPartitionCount: {
    term: 'AtMinIsrPartitionCount',
    definition:
      'Partitions whose ISR is exactly min.insync.replicas. They still take acks=all writes, but one more replica lost stops them.',
    source: 'kafka.server:type=ReplicaManager,name=AtMinIsrPartitionCount',
  },
  OfflinePartitionsCount: {
    term: 'OfflinePartitionsCount',
    definition:
      'Partitions with no leader. Nobody can write to or read from them until a replica is elected.',
    source: 'kafka.controller:type=KafkaController,name=OfflinePartitionsCount',
  },
  ActiveControllerCount: {
    term: 'ActiveControllerCount',
    definition:
      'How many controllers consider themselves active; summed over the cluster it should be exactly 1. 0 means no leader elections or fencing can happen.',
    source: 'kafka.controller:type=KafkaController,name=ActiveControllerCount',
  },
  PreferredReplicaImbalanceCount: {
    term: 'PreferredReplicaImbalanceCount',
    definition:
      'Partitions whose leader is not their preferred leader, typically after a failover. Automatic leader rebalancing brings it back down.',
    source: 'kafka.controller:type=KafkaController,name=PreferredReplicaImbalanceCount',
  },
  LeaderCount: {
    term: 'LeaderCount',
    definition:
      'How many partitions each broker leads. After a failure the survivors lead more; a returning broker leads none until leadership moves back to it.',
    source: 'kafka.server:type=ReplicaManager,name=LeaderCount',
  },
  IsrShrinksPerSec: {
    term: 'IsrShrinksPerSec / IsrExpandsPerSec',
    definition:
      'How often replicas leave and rejoin ISRs, as a one-minute rate. Shrinks follow a failure or a slow follower; expands follow its catching up.',
    source: 'kafka.server:type=ReplicaManager,name=IsrShrinksPerSec (and IsrExpandsPerSec)',
  },
  UncleanLeaderElectionsPerSec: {
    term: 'UncleanLeaderElectionsPerSec',
    definition:
      'The rate of unclean leader elections, each of which may have lost acknowledged records. It should stay 0.',
    source: 'kafka.controller:type=ControllerStats,name=UncleanLeaderElectionsPerSec',
  },
  utilisation: {
    term: 'Utilisation',
    definition:
      "A broker's busiest resource (CPU, network or disk throughput) as a share of its broker type's limit; above 100% requests queue. AWS advises keeping MSK CPU under 60%.",
    source: 'this simulator: capacity model (docs/capacity.md)',
  },
  'bytes-in-out': {
    term: 'BytesInPerSec / BytesOutPerSec',
    definition:
      'Client bytes a broker takes in and sends out per second; the Replication variants count the copying between brokers.',
    source:
      'kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec (and ReplicationBytesInPerSec)',
  },
  'request-queue': {
    term: 'Request queue',
    definition:
      'How long, in ms, a new request waits behind earlier work on an overloaded broker. It grows above 100% utilisation and drains below it.',
    source: 'this simulator (cf. kafka.network:type=RequestMetrics,name=RequestQueueTimeMs)',
  },
}
