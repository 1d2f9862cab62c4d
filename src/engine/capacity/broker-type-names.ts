/**
 * The Amazon MSK broker types a scenario may name (`cluster.brokerType`), and the settings Express
 * brokers fix. The published figures of each type are in `broker-types.ts`, with their sources.
 */

export const STANDARD_BROKER_TYPES = [
  'kafka.t3.small',
  'kafka.m5.large',
  'kafka.m5.xlarge',
  'kafka.m5.2xlarge',
  'kafka.m5.4xlarge',
  'kafka.m5.8xlarge',
  'kafka.m5.12xlarge',
  'kafka.m5.16xlarge',
  'kafka.m5.24xlarge',
  'kafka.m7g.large',
  'kafka.m7g.xlarge',
  'kafka.m7g.2xlarge',
  'kafka.m7g.4xlarge',
  'kafka.m7g.8xlarge',
  'kafka.m7g.12xlarge',
  'kafka.m7g.16xlarge',
] as const

export const EXPRESS_BROKER_TYPES = [
  'express.m7g.large',
  'express.m7g.xlarge',
  'express.m7g.2xlarge',
  'express.m7g.4xlarge',
  'express.m7g.8xlarge',
  'express.m7g.12xlarge',
  'express.m7g.16xlarge',
] as const

export type StandardBrokerType = (typeof STANDARD_BROKER_TYPES)[number]
export type ExpressBrokerType = (typeof EXPRESS_BROKER_TYPES)[number]
export type MskBrokerType = StandardBrokerType | ExpressBrokerType
/** `cluster.brokerType`: an MSK type, or "custom" with the limits given in `cluster.brokerLimits`. */
export type BrokerTypeName = MskBrokerType | 'custom'

export const BROKER_TYPE_NAMES: readonly BrokerTypeName[] = [
  ...STANDARD_BROKER_TYPES,
  ...EXPRESS_BROKER_TYPES,
  'custom',
]

export function isExpressBrokerType(name: string | undefined): name is ExpressBrokerType {
  return (EXPRESS_BROKER_TYPES as readonly string[]).includes(name ?? '')
}

/**
 * What Express brokers fix (broker-types.ts SOURCES): replication factor 3 and min.insync.replicas 2
 * ("replication is always set to 3 and the minimum in-sync replica is always set to 2",
 * msk-best-practices-express; read-only default.replication.factor 3 and min.insync.replicas 2,
 * msk-express-read-only-config); "only available in a 3AZs configuration" with storage MSK
 * manages (msk-express-brokers); unclean leader election "Fixed at false" (aws-msk-agent-toolkit,
 * AWS-authored; the developer guide page we could read stops before that row).
 */
export const EXPRESS_FIXED = {
  replicationFactor: 3,
  minInsyncReplicas: 2,
  uncleanLeaderElection: false,
  zones: 3,
} as const
