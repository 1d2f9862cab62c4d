/**
 * The capacity model's published inputs, for the layers that may not import the engine at run
 * time: the Amazon MSK broker types, their figures with the AWS sources, the storage quotas and
 * the default record size. The editor's broker-type picker and the limits beside it read them
 * from here (as its version picker reads version.ts), so they show the engine's own data.
 */
export {
  EXPRESS_BROKER_TYPES,
  EXPRESS_FIXED,
  isExpressBrokerType,
  STANDARD_BROKER_TYPES,
} from '../engine/capacity/broker-type-names'
export type {
  BrokerTypeName,
  MskBrokerType,
  StandardBrokerType,
} from '../engine/capacity/broker-type-names'
export {
  brokerTypeFigures,
  COLUMN_SOURCES,
  DEFAULT_VOLUME_MIBPS,
  MAX_VOLUME_GIB,
  MIN_PROVISIONED_VOLUME_GIB,
  MIN_VOLUME_GIB,
  SOURCES,
} from '../engine/capacity/broker-types'
export type { BrokerTypeFigures, SourceId } from '../engine/capacity/broker-types'
export { DEFAULT_RECORD_BYTES, THROTTLE_RATE_KEYS } from '../engine/spec'
