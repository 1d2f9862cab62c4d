/**
 * The published figures of each Amazon MSK broker type that the capacity model needs, each with
 * the AWS document it comes from (SOURCES; docs/capacity.md prints the table). A figure that could
 * not be found in an AWS document is null, and the UI says "not published"; none is inferred.
 * Units are as AWS publishes them: network in Gbps (10⁹ bit/s), storage throughput in MiB/s,
 * Express client throughput in MBps (10⁶ byte/s).
 */
import {
  EXPRESS_BROKER_TYPES,
  STANDARD_BROKER_TYPES,
  type MskBrokerType,
} from './broker-type-names'

export type SourceId =
  | 'msk-best-practices-standard'
  | 'msk-best-practices-express'
  | 'msk-provisioned-throughput'
  | 'msk-quotas'
  | 'msk-express-brokers'
  | 'msk-express-read-only-config'
  | 'aws-msk-agent-toolkit'
  | 'ec2-general-purpose'

export const SOURCES: Record<SourceId, { title: string; url: string }> = {
  'msk-best-practices-standard': {
    title:
      'Amazon MSK Developer Guide: Best practices for Standard brokers (partitions per broker, CPU under 60%)',
    url: 'https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices.html',
  },
  'msk-best-practices-express': {
    title:
      'Amazon MSK Developer Guide: Best practices for Express brokers (recommended maximum throughput per broker)',
    url: 'https://docs.aws.amazon.com/msk/latest/developerguide/bestpractices-express.html',
  },
  'msk-provisioned-throughput': {
    title: 'Amazon MSK Developer Guide: Manage storage throughput for Standard brokers',
    url: 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-provision-throughput-management.html',
  },
  'msk-quotas': {
    title: 'Amazon MSK Developer Guide: Amazon MSK quota (storage per broker)',
    url: 'https://docs.aws.amazon.com/msk/latest/developerguide/limits.html',
  },
  'msk-express-brokers': {
    title: 'Amazon MSK Developer Guide: Amazon MSK Express brokers (3 AZs only, managed storage)',
    url: 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-broker-types-express.html',
  },
  'msk-express-read-only-config': {
    title: 'Amazon MSK Developer Guide: Express brokers read-only configurations',
    url: 'https://docs.aws.amazon.com/msk/latest/developerguide/msk-configuration-express-read-only.html',
  },
  'aws-msk-agent-toolkit': {
    title:
      'AWS Agent Toolkit, managing-amazon-msk skill: size-and-choose-cluster (Express: unclean.leader.election fixed at false)',
    url: 'https://github.com/aws/agent-toolkit-for-aws/blob/390f243138117e04265ff712ab9d8d8e8b2b28e1/skills/specialized-skills/analytics-skills/managing-amazon-msk/references/size-and-choose-cluster.md',
  },
  'ec2-general-purpose': {
    title:
      'Amazon EC2 User Guide: General purpose instances (vCPUs, memory, baseline and burst bandwidth), archived 2023-06-15',
    url: 'https://github.com/awsdocs/amazon-ec2-user-guide/blob/e3707c431483ec0ffffcabebd36cf799ba682cd0/doc_source/general-purpose-instances.md',
  },
}

export interface BrokerTypeFigures {
  type: MskBrokerType
  family: 'standard' | 'express'
  vcpus: number | null
  memoryGiB: number | null
  /** The EC2 instance's baseline network bandwidth (the capacity model uses the baseline). */
  networkBaselineGbps: number | null
  /** Sizes up to 4xlarge burst above the baseline on network I/O credits, for 5–60 minutes. */
  networkBurstGbps: number | null
  /** The data volume's default throughput. */
  volumeDefaultMiBps: number | null
  /** The most storage throughput that can be provisioned; null: this size cannot provision. */
  volumeMaxProvisionedMiBps: number | null
  /** Partitions per broker, leader and follower replicas included. */
  recommendedPartitions: number | null
  /** Above it MSK blocks configuration updates and moves to a smaller size (not a hard cap). */
  maxPartitions: number | null
  /** Express: recommended maximum sustained throughput per broker. */
  expressIngressMBps: number | null
  expressEgressMBps: number | null
}

/** Which source each column comes from, per family (null: not applicable or not published). */
export const COLUMN_SOURCES: Record<
  BrokerTypeFigures['family'],
  Partial<Record<keyof BrokerTypeFigures, SourceId>>
> = {
  standard: {
    vcpus: 'ec2-general-purpose',
    memoryGiB: 'ec2-general-purpose',
    networkBaselineGbps: 'ec2-general-purpose',
    networkBurstGbps: 'ec2-general-purpose',
    volumeDefaultMiBps: 'msk-provisioned-throughput',
    volumeMaxProvisionedMiBps: 'msk-provisioned-throughput',
    recommendedPartitions: 'msk-best-practices-standard',
    maxPartitions: 'msk-best-practices-standard',
  },
  express: {
    expressIngressMBps: 'msk-best-practices-express',
    expressEgressMBps: 'msk-best-practices-express',
  },
}

/** MSK's default per-broker storage throughput (gp3 volumes of 10 GiB or more). */
export const DEFAULT_VOLUME_MIBPS = 250
/** Provisioned storage throughput needs a volume at least this large. */
export const MIN_PROVISIONED_VOLUME_GIB = 10
/** MSK's per-broker volume size range (msk-quotas). */
export const MIN_VOLUME_GIB = 1
export const MAX_VOLUME_GIB = 16384
/** AWS's first best practice: CPU User + System under 60% (both broker families). */
export const CPU_TARGET = 0.6

type Row = [
  vcpus: number,
  memoryGiB: number,
  baselineGbps: number,
  burstGbps: number | null,
  maxProvisionedMiBps: number | null,
  recommendedPartitions: number,
  maxPartitions: number,
]

// ec2-general-purpose (vCPU, memory, baseline/burst), msk-provisioned-throughput (the maximum
// provisioned throughput, from kafka.m5.4xlarge / kafka.m7g.2xlarge up), msk-best-practices-standard
// (partitions).
const STANDARD_ROWS: Record<(typeof STANDARD_BROKER_TYPES)[number], Row> = {
  'kafka.t3.small': [2, 2, 0.128, 5, null, 300, 300],
  'kafka.m5.large': [2, 8, 0.75, 10, null, 1000, 1500],
  'kafka.m5.xlarge': [4, 16, 1.25, 10, null, 1000, 1500],
  'kafka.m5.2xlarge': [8, 32, 2.5, 10, null, 2000, 3000],
  'kafka.m5.4xlarge': [16, 64, 5, 10, 593, 4000, 6000],
  'kafka.m5.8xlarge': [32, 128, 10, null, 850, 4000, 6000],
  'kafka.m5.12xlarge': [48, 192, 12, null, 1000, 4000, 6000],
  'kafka.m5.16xlarge': [64, 256, 20, null, 1000, 4000, 6000],
  'kafka.m5.24xlarge': [96, 384, 25, null, 1000, 4000, 6000],
  'kafka.m7g.large': [2, 8, 0.937, 12.5, null, 1000, 1500],
  'kafka.m7g.xlarge': [4, 16, 1.876, 12.5, null, 1000, 1500],
  'kafka.m7g.2xlarge': [8, 32, 3.75, 15, 312.5, 2000, 3000],
  'kafka.m7g.4xlarge': [16, 64, 7.5, 15, 625, 4000, 6000],
  'kafka.m7g.8xlarge': [32, 128, 15, null, 1000, 4000, 6000],
  'kafka.m7g.12xlarge': [48, 192, 22.5, null, 1000, 4000, 6000],
  'kafka.m7g.16xlarge': [64, 256, 30, null, 1000, 4000, 6000],
}

// msk-best-practices-express: recommended maximum ingress and egress per broker, MBps. Express
// vCPUs, network bandwidth and partition quotas are not in an AWS page we could read (only in
// third-party copies of the quota page), so they are left out.
const EXPRESS_ROWS: Record<(typeof EXPRESS_BROKER_TYPES)[number], [number, number]> = {
  'express.m7g.large': [15.6, 31.2],
  'express.m7g.xlarge': [31.2, 62.5],
  'express.m7g.2xlarge': [62.5, 125],
  'express.m7g.4xlarge': [124.9, 249.8],
  'express.m7g.8xlarge': [250, 500],
  'express.m7g.12xlarge': [375, 750],
  'express.m7g.16xlarge': [500, 1000],
}

export const BROKER_TYPES: readonly BrokerTypeFigures[] = [
  ...STANDARD_BROKER_TYPES.map((type): BrokerTypeFigures => {
    const [vcpus, memoryGiB, baseline, burst, maxProvisioned, recommended, max] =
      STANDARD_ROWS[type]
    return {
      type,
      family: 'standard',
      vcpus,
      memoryGiB,
      networkBaselineGbps: baseline,
      networkBurstGbps: burst,
      volumeDefaultMiBps: DEFAULT_VOLUME_MIBPS,
      volumeMaxProvisionedMiBps: maxProvisioned,
      recommendedPartitions: recommended,
      maxPartitions: max,
      expressIngressMBps: null,
      expressEgressMBps: null,
    }
  }),
  ...EXPRESS_BROKER_TYPES.map((type): BrokerTypeFigures => {
    const [ingress, egress] = EXPRESS_ROWS[type]
    return {
      type,
      family: 'express',
      vcpus: null,
      memoryGiB: null,
      networkBaselineGbps: null,
      networkBurstGbps: null,
      volumeDefaultMiBps: null,
      volumeMaxProvisionedMiBps: null,
      recommendedPartitions: null,
      maxPartitions: null,
      expressIngressMBps: ingress,
      expressEgressMBps: egress,
    }
  }),
]

export function brokerTypeFigures(type: MskBrokerType): BrokerTypeFigures {
  const figures = BROKER_TYPES.find((t) => t.type === type)
  if (figures === undefined) throw new Error(`unknown broker type ${type}`)
  return figures
}
