/**
 * Checks the finding renderer: every rule id has a case (the table below is keyed by every id,
 * and an id outside the closed set throws); each rule's params render to the exact sentence the
 * advisor wrote before findings became data (sentences captured from that code); every fix kind
 * renders its label; and `advise` fills in `message` and `fix.label` from the renderers, with
 * params that are plain JSON.
 */
import { describe, expect, it } from 'vitest'
import { advise } from './advisor'
import type {
  FindingData,
  FindingId,
  FindingParams,
  FixCode,
  FixData,
  FixParams,
} from './finding-messages'
import { FINDING_IDS, makeFinding, renderFinding, renderFixLabel } from './finding-messages'
import { buildSpec, consumer, producer } from './test-helpers'

type Table = { [I in FindingId]: { params: FindingParams[I]; message: string }[] }

const UNCLEAN =
  'when every in-sync replica is lost, an out-of-sync replica becomes leader and acknowledged records are truncated away.'

/** The params of a replicas-share-zone warning: no zone loss stops the partitions. */
const HARMLESS = { stopped: 0, minIsr: 1, zones: [], stoppedExample: null }

/** Today's sentences, per rule id; the `Table` type makes it cover every id. */
const SENTENCES: Table = {
  'rf-1': [
    {
      params: { topic: 'orders' },
      message:
        'Topic "orders" has replication factor 1: each partition lives on a single broker, so it goes offline whenever that broker restarts, e.g. during an MSK rolling update or patch, and losing the broker\'s disk loses its data.',
    },
  ],
  'rf2-min-isr-1': [
    {
      params: { topic: 'orders', minIsr: 1, minIsrFromCluster: true },
      message:
        'Topic "orders" has replication factor 2 with effective min.insync.replicas 1 (inherited from the cluster\'s min.insync.replicas=1): once the follower drops out of the ISR, acks=all writes are acknowledged by the leader alone, and losing its disk (or an unclean election after it fails) loses acknowledged data.',
    },
    {
      params: { topic: 'orders', minIsr: 1, minIsrFromCluster: false },
      message:
        'Topic "orders" has replication factor 2 with effective min.insync.replicas 1: once the follower drops out of the ISR, acks=all writes are acknowledged by the leader alone, and losing its disk (or an unclean election after it fails) loses acknowledged data.',
    },
  ],
  'min-isr-above-rf': [
    {
      params: {
        topic: 'orders',
        minIsr: 2,
        minIsrFromCluster: false,
        rf: 1,
        version: '3.9',
        capped: true,
      },
      message:
        'Topic "orders" has min.insync.replicas 2 above its replication factor 1; Kafka 3.9 caps the effective value at 1 (Partition.effectiveMinIsr, 3.7+), so the config overstates the durability.',
    },
    {
      params: {
        topic: 'orders',
        minIsr: 3,
        minIsrFromCluster: true,
        rf: 2,
        version: '4.1',
        capped: true,
      },
      message:
        'Topic "orders" has min.insync.replicas 3 (inherited from the cluster\'s min.insync.replicas=3) above its replication factor 2; Kafka 4.1 caps the effective value at 2 (Partition.effectiveMinIsr, 3.7+), so the config overstates the durability and acks=all writes succeed only while all 2 replicas are in sync.',
    },
    {
      params: {
        topic: 'orders',
        minIsr: 3,
        minIsrFromCluster: false,
        rf: 2,
        version: '3.6',
        capped: false,
      },
      message:
        'Topic "orders" has min.insync.replicas 3 above its replication factor 2; Kafka 3.6 uses the value as it is, so every acks=all write fails with NOT_ENOUGH_REPLICAS even with all replicas in sync (from Kafka 3.7 the effective value is capped at the replication factor, Partition.effectiveMinIsr).',
    },
  ],
  'min-isr-equals-rf': [
    {
      params: { topic: 'orders', minIsr: 2, minIsrFromCluster: false, rf: 2 },
      message:
        'Topic "orders" has min.insync.replicas 2 equal to its replication factor, so acks=all producers get NOT_ENOUGH_REPLICAS whenever any one replica is down, e.g. while a broker is being patched.',
    },
    {
      params: { topic: 'audit', minIsr: 2, minIsrFromCluster: true, rf: 2 },
      message:
        'Topic "audit" has min.insync.replicas 2 (inherited from the cluster\'s min.insync.replicas=2) equal to its replication factor, so acks=all producers get NOT_ENOUGH_REPLICAS whenever any one replica is down, e.g. while a broker is being patched.',
    },
  ],
  'min-isr-1-recommended-2': [
    {
      params: { topic: 'orders', minIsr: 1, minIsrFromCluster: true, rf: 3 },
      message:
        'Topic "orders" has replication factor 3 but min.insync.replicas 1 (inherited from the cluster\'s min.insync.replicas=1), so an acks=all write can be acknowledged by one replica alone; min.insync.replicas 2 keeps a second copy of every acknowledged write and still tolerates a broker being down.',
    },
    {
      params: { topic: 'orders', minIsr: 1, minIsrFromCluster: false, rf: 4 },
      message:
        'Topic "orders" has replication factor 4 but min.insync.replicas 1, so an acks=all write can be acknowledged by one replica alone; min.insync.replicas 2 keeps a second copy of every acknowledged write and still tolerates a broker being down.',
    },
  ],
  'rf-above-zones': [
    {
      params: { topic: 'orders', rf: 3, zones: 2, perZone: 2, left: 1, minIsr: 1 },
      message:
        'Topic "orders" has replication factor 3 on 2 zones, so some zone holds 2 replicas of a partition and losing it leaves 1.',
    },
    {
      params: { topic: 'orders', rf: 4, zones: 2, perZone: 2, left: 2, minIsr: 3 },
      message:
        'Topic "orders" has replication factor 4 on 2 zones, so some zone holds 2 replicas of a partition and losing it leaves 2, below min.insync.replicas 3: acks=all producers then get NOT_ENOUGH_REPLICAS.',
    },
  ],
  'zone-loss-unavailable': [
    {
      params: {
        topic: 'strict',
        affected: 3,
        partitions: 3,
        rf: 3,
        minIsr: 3,
        zoneCount: 3,
        zones: [
          { zone: 'a', offline: 0, unwritable: 3 },
          { zone: 'b', offline: 0, unwritable: 3 },
          { zone: 'c', offline: 0, unwritable: 3 },
        ],
        cause: 'min-isr-equals-rf',
        example: { partition: 0, zone: 'a', brokers: [1], inSyncLeft: 2, offline: false },
      },
      message:
        'Losing one zone stops 3 of 3 partitions of "strict" (a: 3 unwritable; b: 3 unwritable; c: 3 unwritable): e.g. strict-0 has broker 1 in a, so losing it leaves 2 in-sync replicas, below min.insync.replicas 3. An unwritable partition has a leader but rejects acks=all writes with NOT_ENOUGH_REPLICAS. Its effective min.insync.replicas 3 equals its replication factor, so losing any one replica stops acks=all writes; with one replica per zone, min.insync.replicas 2 keeps it writable through a zone loss.',
    },
    {
      params: {
        topic: 'orders',
        affected: 8,
        partitions: 8,
        rf: 3,
        minIsr: 2,
        zoneCount: 2,
        zones: [
          { zone: 'use1-az1', offline: 0, unwritable: 4 },
          { zone: 'use1-az2', offline: 0, unwritable: 4 },
        ],
        cause: 'rf-above-zones',
        example: { partition: 0, zone: 'use1-az1', brokers: [1, 3], inSyncLeft: 1, offline: false },
      },
      message:
        'Losing one zone stops 8 of 8 partitions of "orders" (use1-az1: 4 unwritable; use1-az2: 4 unwritable): e.g. orders-0 has brokers 1 and 3 in use1-az1, so losing it leaves 1 in-sync replica, below min.insync.replicas 2. An unwritable partition has a leader but rejects acks=all writes with NOT_ENOUGH_REPLICAS. Replication factor 3 on 2 zones puts 2 replicas of each partition in some zone; with 3 zones, one replica in each, a zone loss would leave 2.',
    },
    {
      params: {
        topic: 'imported',
        affected: 1,
        partitions: 1,
        rf: 2,
        minIsr: 1,
        zoneCount: 2,
        zones: [{ zone: 'use1-az1', offline: 1, unwritable: 0 }],
        cause: 'isr-state',
        example: { partition: 0, zone: 'use1-az1', brokers: [1], inSyncLeft: 0, offline: true },
      },
      message:
        'Losing one zone stops 1 of 1 partition of "imported" (use1-az1: 1 offline): e.g. imported-0 has broker 1 in use1-az1, so losing it leaves no in-sync replica: no leader can be elected. An offline partition has no leader, so no client can write to or read from it. Some replicas are out of the ISR in the scenario\'s starting state (as imported), so a zone loss leaves fewer in-sync replicas than the placement alone would.',
    },
  ],
  'replicas-share-zone': [
    {
      params: {
        topic: 'orders',
        shared: 5,
        partitions: 6,
        examples: [
          { partition: 0, brokers: [1, 4], zone: 'use1-az1' },
          { partition: 1, brokers: [2, 5], zone: 'use1-az2' },
          { partition: 3, brokers: [1, 4], zone: 'use1-az1' },
        ],
        stopped: 4,
        minIsr: 2,
        zones: [
          { zone: 'use1-az1', offline: 0, unwritable: 2 },
          { zone: 'use1-az2', offline: 0, unwritable: 2 },
        ],
        stoppedExample: {
          partition: 0,
          zone: 'use1-az1',
          brokers: [1, 4],
          inSyncLeft: 1,
          offline: false,
        },
      },
      message:
        'Losing one zone stops 4 of 6 partitions of "orders" (use1-az1: 2 unwritable; use1-az2: 2 unwritable), which keep two replicas in one zone while another zone has none: e.g. orders-0 has brokers 1 and 4 in use1-az1, so losing it leaves 1 in-sync replica, below min.insync.replicas 2. An unwritable partition has a leader but rejects acks=all writes with NOT_ENOUGH_REPLICAS. 1 more partition shares a zone but stays writable. A broker.rack-aware reassignment spreads them over the zones.',
    },
    {
      params: {
        topic: 'pairs',
        shared: 1,
        partitions: 2,
        examples: [{ partition: 0, brokers: [1, 4], zone: 'use1-az1' }],
        stopped: 1,
        minIsr: 1,
        zones: [{ zone: 'use1-az1', offline: 1, unwritable: 0 }],
        stoppedExample: {
          partition: 0,
          zone: 'use1-az1',
          brokers: [1, 4],
          inSyncLeft: 0,
          offline: true,
        },
      },
      message:
        'Losing one zone stops 1 of 2 partitions of "pairs" (use1-az1: 1 offline), which keep two replicas in one zone while another zone has none: e.g. pairs-0 has brokers 1 and 4 in use1-az1, so losing it leaves no in-sync replica: no leader can be elected. An offline partition has no leader, so no client can write to or read from it. A broker.rack-aware reassignment spreads them over the zones.',
    },
    {
      params: {
        topic: 'orders',
        shared: 1,
        partitions: 2,
        examples: [{ partition: 0, brokers: [1, 4], zone: 'use1-az1' }],
        ...HARMLESS,
      },
      message:
        '1 of 2 partitions of "orders" keep two replicas in one zone while another zone has none (e.g. orders-0 has brokers 1 and 4 in use1-az1), so losing that zone removes two copies at once: acks=all writes continue, with less margin for a further failure than one replica per zone would leave; a broker.rack-aware reassignment spreads them.',
    },
    {
      params: {
        topic: 'orders',
        shared: 4,
        partitions: 4,
        examples: [
          { partition: 0, brokers: [1, 4], zone: 'use1-az1' },
          { partition: 1, brokers: [3, 6], zone: 'use1-az3' },
          { partition: 2, brokers: [1, 4], zone: 'use1-az1' },
        ],
        ...HARMLESS,
      },
      message:
        '4 of 4 partitions of "orders" keep two replicas in one zone while another zone has none (e.g. orders-0 has brokers 1 and 4 in use1-az1; orders-1 has brokers 3 and 6 in use1-az3; orders-2 has brokers 1 and 4 in use1-az1), so losing that zone removes two copies at once: acks=all writes continue, with less margin for a further failure than one replica per zone would leave; a broker.rack-aware reassignment spreads them.',
    },
    {
      params: {
        topic: 'orders',
        shared: 1,
        partitions: 2,
        examples: [{ partition: 0, brokers: [1, 4, 7], zone: 'use1-az1' }],
        ...HARMLESS,
      },
      message:
        '1 of 2 partitions of "orders" keep two replicas in one zone while another zone has none (e.g. orders-0 has brokers 1, 4 and 7 in use1-az1), so losing that zone removes two copies at once: acks=all writes continue, with less margin for a further failure than one replica per zone would leave; a broker.rack-aware reassignment spreads them.',
    },
  ],
  'unclean-election-enabled': [
    {
      params: { scope: 'topic', topic: 'audit' },
      message: `Topic "audit" sets unclean.leader.election.enable=true: ${UNCLEAN}`,
    },
    {
      params: { scope: 'cluster', inheritedBy: [] },
      message: `The cluster sets unclean.leader.election.enable=true: ${UNCLEAN}`,
    },
    {
      params: { scope: 'cluster', inheritedBy: ['orders'] },
      message: `The cluster sets unclean.leader.election.enable=true (inherited by "orders"): ${UNCLEAN}`,
    },
    {
      params: { scope: 'cluster', inheritedBy: ['orders', 'b', 'c'] },
      message: `The cluster sets unclean.leader.election.enable=true (inherited by "orders", "b" and "c"): ${UNCLEAN}`,
    },
  ],
  'single-zone': [
    {
      params: { zone: 'use1-az1', clusterZones: 1 },
      message:
        'The cluster has one zone (use1-az1), so losing that zone takes every broker down; MSK clusters span 2 or 3 Availability Zones, with broker.rack set to the AZ ID.',
    },
    {
      params: { zone: 'use1-az1', clusterZones: 3 },
      message:
        'Every broker is in use1-az1, so losing that zone takes every broker down; MSK clusters span 2 or 3 Availability Zones, with broker.rack set to the AZ ID.',
    },
  ],
  'brokers-not-multiple-of-zones': [
    {
      params: { brokers: 4, zones: ['use1-az1', 'use1-az2', 'use1-az3'], counts: [2, 1, 1] },
      message:
        'The 4 brokers are spread unevenly over 3 zones (use1-az1: 2, use1-az2: 1, use1-az3: 1); MSK requires the same number of brokers in each zone, and a larger zone takes more replicas and leaders down when it fails.',
    },
  ],
  'control-plane-majority-in-one-zone': [
    {
      params: { inZone: 2, controllers: 3, controller: 'kraft', zone: 'use1-az1' },
      message:
        '2 of 3 KRaft controller quorum voters are in use1-az1, a majority: losing that zone leaves no quorum, which stops all leader elections. Place one controller per zone (3 nodes over 3 zones).',
    },
    {
      params: { inZone: 1, controllers: 1, controller: 'zookeeper', zone: 'use1-az1' },
      message:
        '1 of 1 ZooKeeper nodes are in use1-az1, a majority: losing that zone leaves no quorum, which stops all leader elections. Place one controller per zone (3 nodes over 3 zones).',
    },
  ],
  'acks-not-all': [
    {
      params: { client: 'p', acks: 0 },
      message:
        'Producer "p" uses acks=0: the producer gets no acknowledgement at all, so any broker failure can silently lose records.',
    },
    {
      params: { client: 'p', acks: 1 },
      message:
        'Producer "p" uses acks=1: the leader acknowledges before any follower has the record and min.insync.replicas is not enforced, so a leader failure can lose acknowledged writes even with clean elections.',
    },
  ],
  'bootstrap-single-broker': [
    {
      params: { client: 'p', servers: [] },
      message:
        'Client "p" lists no broker in bootstrap.servers: if that broker is down when the client starts or restarts, it cannot connect at all. List at least one broker per zone.',
    },
    {
      params: { client: 'c', servers: [2] },
      message:
        'Client "c" lists only broker 2 in bootstrap.servers: if that broker is down when the client starts or restarts, it cannot connect at all. List at least one broker per zone.',
    },
  ],
  'bootstrap-missing-zone': [
    {
      params: { client: 'p', missingZones: ['use1-az3'], listedZones: ['use1-az1', 'use1-az2'] },
      message:
        'Client "p" has no broker from use1-az3 in bootstrap.servers; any single zone loss still leaves a broker it lists, but if use1-az1 and use1-az2 are both down when it starts, it cannot connect. List one broker per zone.',
    },
    {
      params: { client: 'p', missingZones: ['z3', 'z4'], listedZones: ['z1'] },
      message:
        'Client "p" has no broker from z3 and z4 in bootstrap.servers: every broker it lists is in z1, so if that zone is down when the client starts or restarts, it cannot connect. List one broker per zone.',
    },
  ],
  'zookeeper-removed-in-4': [
    {
      params: { version: '3.9' },
      message:
        'The cluster runs in ZooKeeper mode on Kafka 3.9; Kafka 4.0 removed ZooKeeper (KIP-833), so before any 4.x upgrade the cluster must move to KRaft (Amazon MSK migrates a 3.9.x cluster in place with UpdateClusterKafkaVersion). The migration is not simulated: to see this layout on KRaft, choose the KRaft controller.',
    },
    {
      params: { version: '3.6' },
      message:
        'The cluster runs in ZooKeeper mode on Kafka 3.6; Kafka 4.0 removed ZooKeeper (KIP-833), so before any 4.x upgrade the cluster must move to KRaft, which needs 3.9 first (Amazon MSK migrates a 3.9.x cluster in place with UpdateClusterKafkaVersion). The migration is not simulated: to see this layout on KRaft, choose the KRaft controller.',
    },
  ],
  'elr-needs-unreleased-metadata-version': [
    {
      params: { version: '3.9' },
      message:
        'eligible.leader.replicas.enable is on, but on Kafka 3.9 ELR needs metadata version 4.0-IV0, which that release does not support in production (MetadataVersion.isElrSupported, LATEST_PRODUCTION 3.9-IV0): a real cluster on it runs without ELR. The simulation applies ELR as configured; Kafka 4.0 has it as a preview and 4.1 turns it on for new clusters.',
    },
  ],
  'headroom-zone-loss': [
    {
      params: {
        brokerType: 'kafka.m5.large',
        zone: 'use1-az1',
        peak: 1.2143,
        broker: 2,
        resource: 'networkOut',
        overloaded: 2,
        perZone: 2,
        fitsPerZone: 3,
        fitsType: 'kafka.m5.xlarge',
      },
      message:
        'If use1-az1 fails, its leaderships move to the surviving brokers and broker 2 runs at 121% of its network bandwidth out (2 brokers above 100%): requests queue, produce latency climbs and producers are held to what it carries (send() blocks once buffer.memory is full), though no data is lost. kafka.m5.xlarge brokers would carry it, or about 3 brokers per zone instead of 2.',
    },
    {
      params: {
        brokerType: 'kafka.m5.24xlarge',
        zone: 'a',
        peak: 1.5,
        broker: 5,
        resource: 'cpu',
        overloaded: 1,
        perZone: 1,
        fitsPerZone: 2,
        fitsType: null,
      },
      message:
        'If a fails, its leaderships move to the surviving brokers and broker 5 runs at 150% of its CPU (estimated) (1 broker above 100%): requests queue, produce latency climbs and producers are held to what it carries (send() blocks once buffer.memory is full), though no data is lost. No larger kafka.m5.24xlarge size carries it; add brokers (about 2 per zone, with partitions spread over them).',
    },
  ],
  'cpu-above-60': [
    {
      params: {
        brokerType: 'kafka.m5.large',
        brokers: 6,
        broker: 1,
        cpu: 0.7012,
        fitsType: 'kafka.m5.xlarge',
      },
      message:
        "The CPU estimate of 6 brokers is above AWS's 60% (broker 1: 70%): Amazon MSK recommends keeping CPU User + System under 60%: with 40% free, Kafka can move load to the other brokers when one fails or restarts for patching. kafka.m5.xlarge brokers would stay under it.",
    },
    {
      params: { brokerType: 'custom', brokers: 1, broker: 3, cpu: 0.65, fitsType: null },
      message:
        "The CPU estimate of 1 broker is above AWS's 60% (broker 3: 65%): Amazon MSK recommends keeping CPU User + System under 60%: with 40% free, Kafka can move load to the other brokers when one fails or restarts for patching.",
    },
  ],
  'partitions-per-broker': [
    {
      params: {
        brokerType: 'kafka.m5.large',
        broker: 1,
        partitions: 1200,
        brokers: 6,
        recommended: 1000,
        max: 1500,
        aboveMax: false,
        fitsType: 'kafka.m5.2xlarge',
      },
      message:
        'Broker 1 holds 1200 partition replicas (6 brokers are over), above the 1000 recommended for kafka.m5.large. kafka.m5.2xlarge is recommended for that many.',
    },
    {
      params: {
        brokerType: 'kafka.t3.small',
        broker: 2,
        partitions: 400,
        brokers: 1,
        recommended: 300,
        max: 300,
        aboveMax: true,
        fitsType: 'kafka.m7g.large',
      },
      message:
        'Broker 2 holds 400 partition replicas (1 broker is over), above the maximum of 300 for kafka.t3.small, where MSK blocks configuration updates. kafka.m7g.large is recommended for that many.',
    },
  ],
  'volume-throughput-ceiling': [
    {
      params: {
        brokerType: 'kafka.m5.large',
        broker: 1,
        writesMiBps: 270,
        ingressMiBps: 90,
        volumeMiBps: 250,
        ratio: 1.08,
        provisionMax: null,
      },
      message:
        "Broker 1 writes 270 MiB/s to its volume (its own 90 MiB/s of produce plus the replicas it follows), 108% of the volume's 250 MiB/s; a broker returning from an outage must catch up through the same volume. This size cannot provision more; kafka.m5.4xlarge, kafka.m7g.2xlarge and larger can.",
    },
    {
      params: {
        brokerType: 'kafka.m5.4xlarge',
        broker: 4,
        writesMiBps: 210,
        ingressMiBps: 70,
        volumeMiBps: 250,
        ratio: 0.84,
        provisionMax: 593,
      },
      message:
        "Broker 4 writes 210 MiB/s to its volume (its own 70 MiB/s of produce plus the replicas it follows), 84% of the volume's 250 MiB/s; a broker returning from an outage must catch up through the same volume. kafka.m5.4xlarge can provision up to 593 MiB/s.",
    },
  ],
  'replication-throttle-starves': [
    {
      params: {
        side: 'leader',
        broker: 2,
        liveBytesPerSecond: 2_097_152,
        rate: 1_048_576,
        ratio: 2,
      },
      message:
        'Broker 2 sends its followers 2 MiB/s of live replication for the partitions leader.replication.throttled.replicas lists, 200% of leader.replication.throttled.rate (1 MiB/s). Kafka counts in-sync bytes against the throttle too and holds back only out-of-sync replicas, so a replica of them that falls behind there can never catch up.',
    },
    {
      params: {
        side: 'follower',
        broker: 3,
        liveBytesPerSecond: 3_355_443,
        rate: 4_194_304,
        ratio: 0.8,
      },
      message:
        'Broker 3 fetches as a follower 3.2 MiB/s of live replication for the partitions follower.replication.throttled.replicas lists, 80% of follower.replication.throttled.rate (4 MiB/s). Kafka counts in-sync bytes against the throttle too and holds back only out-of-sync replicas, so a replica of them that falls behind there catches up slowly.',
    },
  ],
  'express-fixed-settings': [
    {
      params: {
        brokerType: 'express.m7g.large',
        setting: 'min.insync.replicas',
        value: 1,
        required: 2,
        topic: 'orders',
      },
      message:
        'express.m7g.large: topic orders has min.insync.replicas=1, but Express brokers fix it at 2.',
    },
    {
      params: {
        brokerType: 'express.m7g.large',
        setting: 'zones',
        value: 2,
        required: 3,
        topic: null,
      },
      message: 'express.m7g.large: the cluster spans 2 zones, but Express clusters span exactly 3.',
    },
    {
      params: {
        brokerType: 'express.m7g.large',
        setting: 'storage',
        value: 'set',
        required: 'managed by MSK',
        topic: null,
      },
      message:
        'express.m7g.large: the cluster sets cluster.storage, but MSK manages Express storage.',
    },
  ],
}

type LabelTable = { [C in FixCode]: { params: FixParams[C]; label: string }[] }

/** Today's fix labels, per fix kind. */
const LABELS: LabelTable = {
  'raise-replication': [
    {
      params: { topic: 'orders', replicationFactor: 2 },
      label: 'Raise the replication factor of orders to 2',
    },
    {
      params: { topic: 'orders', replicationFactor: 3, minIsr: 2 },
      label: 'Raise the replication factor of orders to 3 and min.insync.replicas to 2',
    },
  ],
  'set-min-isr': [
    { params: { topic: 'orders', minIsr: 1 }, label: 'Set min.insync.replicas to 1 for orders' },
  ],
  'reassign-zones': [
    {
      params: { topic: 'orders' },
      label: "Reassign orders so each partition's replicas sit in distinct zones",
    },
  ],
  'disable-unclean-topic': [
    { params: { topic: 'audit' }, label: 'Disable unclean leader election for audit' },
  ],
  'disable-unclean-cluster': [
    { params: {}, label: 'Disable unclean leader election for the cluster' },
  ],
  'disable-elr': [{ params: {}, label: 'Turn eligible leader replicas off' }],
  'set-acks-all': [{ params: { client: 'p' }, label: 'Set acks=all for p' }],
  'bootstrap-per-zone': [
    { params: { client: 'p' }, label: 'List one broker per zone in bootstrap.servers of p' },
  ],
  'set-broker-type': [
    { params: { brokerType: 'kafka.m5.xlarge' }, label: 'Use kafka.m5.xlarge brokers' },
  ],
  'provision-storage-throughput': [
    { params: { mibps: 400 }, label: 'Provision 400 MiB/s of storage throughput per broker' },
  ],
  'raise-replication-throttle': [
    {
      params: { side: 'follower', bytesPerSecond: 8_388_608 },
      label: 'Set follower.replication.throttled.rate to 8388608 (8 MiB/s)',
    },
  ],
}

const rows = FINDING_IDS.flatMap((id) =>
  SENTENCES[id].map((row) => ({ id, ...row }) as FindingData & { message: string }),
)

describe('renderFinding', () => {
  it('has a case for every rule id and only those', () => {
    expect(Object.keys(SENTENCES).sort()).toEqual([...FINDING_IDS].sort())
    expect(new Set(FINDING_IDS).size).toBe(FINDING_IDS.length)
    for (const id of FINDING_IDS) {
      expect(SENTENCES[id].length, id).toBeGreaterThan(0)
      for (const { params } of SENTENCES[id]) {
        expect(renderFinding({ id, params } as FindingData), id).not.toBe('')
      }
    }
    const unknown = { id: 'no-such-rule', params: {} } as unknown as FindingData
    expect(() => renderFinding(unknown)).toThrow(/No renderer for finding "no-such-rule"/)
  })

  it.each(rows.map((row) => [row.id, row] as const))('renders %s as today', (_id, row) => {
    expect(renderFinding(row)).toBe(row.message)
  })

  it('makeFinding fills in the message from the renderer and keeps the fix', () => {
    const fix = { code: 'set-acks-all', params: { client: 'p' }, label: 'x', patch: {} } as never
    const finding = makeFinding(
      'acks-not-all',
      'warning',
      'clients[0].config.acks',
      {
        client: 'p',
        acks: 1,
      },
      fix,
    )
    expect(finding).toEqual({
      id: 'acks-not-all',
      severity: 'warning',
      path: 'clients[0].config.acks',
      params: { client: 'p', acks: 1 },
      message: renderFinding(finding),
      fix,
    })
    expect(
      'fix' in makeFinding('rf-1', 'error', 'topics[0].replicationFactor', { topic: 't' }),
    ).toBe(false)
  })
})

describe('renderFixLabel', () => {
  const labels = (Object.keys(LABELS) as FixCode[]).flatMap((code) =>
    LABELS[code].map((row) => ({ code, ...row }) as FixData & { label: string }),
  )

  it.each(labels.map((row) => [row.code, row] as const))('renders %s as today', (_code, row) => {
    expect(renderFixLabel(row)).toBe(row.label)
  })

  it('throws for a fix kind outside the closed set', () => {
    const unknown = { code: 'no-such-fix', params: {} } as unknown as FixData
    expect(() => renderFixLabel(unknown)).toThrow(/No label for fix "no-such-fix"/)
  })
})

describe('advise', () => {
  /** A layout that breaks most rules at once. */
  const risky = () =>
    buildSpec({
      brokersPerZone: 2,
      config: { 'unclean.leader.election.enable': true },
      controllerZones: ['use1-az1', 'use1-az1', 'use1-az2'],
      topics: [
        { name: 'single', partitions: 2, replicationFactor: 1 },
        { name: 'pair', partitions: 2, replicationFactor: 2 },
        {
          name: 'strict',
          partitions: 2,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 3 },
        },
        {
          name: 'crowded',
          partitions: 2,
          replicationFactor: 3,
          config: { 'min.insync.replicas': 2 },
          assignment: [
            [1, 4, 2],
            [3, 6, 1],
          ],
        },
      ],
      clients: [
        producer('p', 'single', { acks: 0, 'bootstrap.servers': [2] }),
        consumer('c', 'pair', [1, 2]),
      ],
    })

  it('renders every message and fix label with the renderers, from plain-JSON params', () => {
    const findings = advise(risky())
    expect(findings.length).toBeGreaterThan(5)
    for (const f of findings) {
      expect(FINDING_IDS).toContain(f.id)
      expect(f.message).toBe(renderFinding(f))
      if (f.fix !== undefined) expect(f.fix.label).toBe(renderFixLabel(f.fix))
      expect(JSON.parse(JSON.stringify(f.params))).toEqual(f.params)
    }
  })
})
