/**
 * Turns engine events into one log line each, in Kafka's vocabulary ("orders-0 leader 2 epoch 3
 * (ONLINE)"), and sorts event types into the categories the event log filters by. Pure, so the
 * wording is unit-tested once for every SimEvent type.
 */
import type { SimEvent, SimEventType } from '../../engine/types'
import { formatSimTime } from '../../scenario/sim-time'
import { plural } from '../../analysis/plural'

export type EventCategory = 'faults' | 'elections' | 'isr' | 'clients'

export const EVENT_CATEGORIES: readonly EventCategory[] = ['faults', 'elections', 'isr', 'clients']

export const CATEGORY_LABELS: Record<EventCategory, string> = {
  faults: 'Faults and brokers',
  elections: 'Elections',
  isr: 'ISR and replicas',
  clients: 'Clients',
}

/** Every type is listed, so adding a SimEvent type without a category fails to compile. */
export const EVENT_CATEGORY: Record<SimEventType, EventCategory> = {
  FaultInjected: 'faults',
  BrokerStopped: 'faults',
  BrokerStarted: 'faults',
  BrokerRegistered: 'faults',
  BrokerFenced: 'faults',
  BrokerUnfenced: 'faults',
  BrokerSessionExpired: 'faults',
  ControlledShutdownRequested: 'faults',
  ControlledShutdownCompleted: 'faults',
  ControllerNodeStopped: 'faults',
  ControllerNodeStarted: 'faults',
  RollingRestartStep: 'faults',
  KafkaVersionFinalized: 'faults',
  InvariantViolated: 'faults',
  ControllerElected: 'elections',
  ControllerResigned: 'elections',
  QuorumLost: 'elections',
  QuorumRestored: 'elections',
  LeaderElected: 'elections',
  PartitionOffline: 'elections',
  AdminElectionResult: 'elections',
  IsrShrunk: 'isr',
  IsrExpanded: 'isr',
  ElrChanged: 'isr',
  ReplicaTruncated: 'isr',
  VolumeReplaced: 'faults',
  ProduceFailed: 'clients',
  RecordsExpired: 'clients',
  ClientConnectFailed: 'clients',
  ClientConnected: 'clients',
  ConsumerOffsetReset: 'clients',
  GroupCoordinatorFound: 'clients',
  GroupCoordinatorLost: 'clients',
  GroupCoordinatorNotAvailable: 'clients',
  GroupRebalanced: 'clients',
  GroupMemberRemoved: 'clients',
  GroupAssignmentReceived: 'clients',
}

/** Re-exported for `config-form.ts`, which imports it from here. */

/** A broker list the way Kafka logs it in ISR changes: [1,2,3], and [] when empty. */
function ids(list: readonly number[]): string {
  return `[${list.join(',')}]`
}

function tp(topic: string, partition: number): string {
  return `${topic}-${partition}`
}

/** The text after the event type: what happened, to what, in Kafka's terms. */
export function eventDetail(e: SimEvent): string {
  switch (e.type) {
    case 'FaultInjected':
      return e.detail === '' ? e.fault : `${e.fault}: ${e.detail}`
    case 'BrokerStopped':
      return `broker ${e.broker} stopped (${e.clean ? 'clean shutdown' : 'unclean shutdown'})`
    case 'BrokerStarted':
      return `broker ${e.broker} started`
    case 'BrokerRegistered':
      return `broker ${e.broker} registered with the controller`
    case 'BrokerFenced':
      return `broker ${e.broker} fenced`
    case 'BrokerUnfenced':
      return `broker ${e.broker} unfenced`
    case 'BrokerSessionExpired':
      return `broker ${e.broker} session expired`
    case 'ControlledShutdownRequested':
      return `broker ${e.broker} requested controlled shutdown, ${plural(e.remainingLeaders, 'leader')} to move`
    case 'ControlledShutdownCompleted':
      return `broker ${e.broker} controlled shutdown completed`
    case 'ControllerElected':
      return `node ${e.controller} is the active controller`
    case 'ControllerResigned':
      return `node ${e.controller} resigned as controller`
    case 'QuorumLost':
      return 'controller quorum lost its majority: no leader elections until it returns'
    case 'QuorumRestored':
      return 'controller quorum has a majority again'
    case 'ControllerNodeStopped':
      return `controller node ${e.controller} stopped`
    case 'ControllerNodeStarted':
      return `controller node ${e.controller} started`
    case 'LeaderElected': {
      const leader = e.leader === -1 ? 'none' : String(e.leader)
      const unclean = e.unclean && e.election !== 'UNCLEAN' ? ', unclean' : ''
      return `${tp(e.topic, e.partition)} leader ${leader} epoch ${e.leaderEpoch} (${e.election}${unclean})`
    }
    case 'PartitionOffline':
      return `${tp(e.topic, e.partition)} offline, leader none epoch ${e.leaderEpoch} isr ${ids(e.isr)}`
    case 'IsrShrunk':
      return `${tp(e.topic, e.partition)} isr shrunk to ${ids(e.isr)}, removed ${ids(e.removed)} (by ${e.by})`
    case 'IsrExpanded':
      return `${tp(e.topic, e.partition)} isr expanded to ${ids(e.isr)}, added ${ids(e.added)}`
    case 'ElrChanged':
      return `${tp(e.topic, e.partition)} elr ${ids(e.elr)} lastKnownElr ${ids(e.lastKnownElr)}`
    case 'ReplicaTruncated':
      return `${tp(e.topic, e.partition)} replica on broker ${e.broker} truncated from offset ${e.fromOffset} to ${e.toOffset}`
    case 'VolumeReplaced':
      return `broker ${e.broker} volume replaced: ${plural(e.replicas, 'replica')} ${e.replicas === 1 ? 'starts' : 'start'} empty (${plural(e.records, 'record')} to fetch again)`
    case 'ProduceFailed':
      return `${e.client} ${tp(e.topic, e.partition)} ${e.error}, ${plural(e.records, 'record')}, ${e.retriable ? 'retriable' : 'not retriable'}`
    case 'RecordsExpired':
      return e.partition < 0
        ? `${e.client} send() gave up after max.block.ms: no metadata for ${e.topic} (${e.error})`
        : `${e.client} expired ${plural(e.records, 'record')} for ${tp(e.topic, e.partition)} (${e.error})`
    case 'ClientConnectFailed':
      return `${e.client} could not connect to bootstrap.servers ${ids(e.bootstrapServers)}`
    case 'ClientConnected':
      return `${e.client} connected to broker ${e.broker}`
    case 'ConsumerOffsetReset':
      return e.reason === 'truncation'
        ? `${e.client} ${tp(e.topic, e.partition)} truncation detected: position moved from ${e.fromOffset} ${e.toOffset < e.fromOffset ? 'back ' : ''}to ${e.toOffset}, where the logs diverge`
        : e.reason === 'out-of-range'
          ? `${e.client} ${tp(e.topic, e.partition)} offset ${e.fromOffset} out of range: reset to ${e.toOffset} (auto.offset.reset)`
          : `${e.client} ${tp(e.topic, e.partition)} has no committed offset: starts at ${e.toOffset} (auto.offset.reset)`
    case 'GroupCoordinatorFound':
      return `${e.client} found the coordinator of group ${e.group}: broker ${e.broker}`
    case 'GroupCoordinatorLost':
      return `${e.client} lost the coordinator of group ${e.group} (${e.cause}): rediscovering it`
    case 'GroupCoordinatorNotAvailable':
      return e.reason === 'no-offsets-topic'
        ? `${e.client}: group ${e.group} cannot form, __consumer_offsets could not be created (fewer brokers than offsets.topic.replication.factor)`
        : `${e.client}: group ${e.group} has no coordinator yet, its __consumer_offsets partition has no leader`
    case 'GroupRebalanced':
      return `group ${e.group} generation ${e.generation}: ${plural(e.members, 'member')} (coordinator broker ${e.broker})`
    case 'GroupMemberRemoved':
      return e.reason === 'session-timeout'
        ? `group ${e.group} removed ${e.client} member ${e.member}: no heartbeat within session.timeout.ms`
        : `group ${e.group} replaced ${e.client} member ${e.member}`
    case 'GroupAssignmentReceived':
      return `${e.client} member ${e.member} of group ${e.group} got ${e.partitions.length === 0 ? 'no partitions' : `partitions ${e.partitions.join(', ')}`} (generation ${e.generation})`
    case 'RollingRestartStep':
      return `broker ${e.broker} ${e.step}`
    case 'KafkaVersionFinalized':
      return `Kafka ${e.toVersion} finalised (was ${e.fromVersion}): its metadata-version features apply`
    case 'AdminElectionResult':
      return `${e.election} election for ${tp(e.topic, e.partition)}: ${e.result}`
    case 'InvariantViolated':
      return e.message
  }
}

/** "LeaderElected  orders-0 leader 2 epoch 3 (ONLINE)". */
export function describeEvent(e: SimEvent): string {
  return `${e.type}  ${eventDetail(e)}`
}

/** "00:12.345  LeaderElected  orders-0 leader 2 epoch 3 (ONLINE)". */
export function formatEventLine(e: SimEvent): string {
  return `${formatSimTime(e.atMs)}  ${describeEvent(e)}`
}

/** Events an operator should notice first: data at risk, no leader, or a broken model. */
export function isAlarming(e: SimEvent): boolean {
  switch (e.type) {
    case 'PartitionOffline':
    case 'QuorumLost':
    case 'InvariantViolated':
    case 'ReplicaTruncated':
    case 'RecordsExpired':
    case 'GroupCoordinatorNotAvailable':
    case 'GroupMemberRemoved':
      return true
    case 'LeaderElected':
      return e.unclean
    case 'ProduceFailed':
      return !e.retriable
    default:
      return false
  }
}
