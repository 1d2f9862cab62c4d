/**
 * Turns engine events into one log line each, in Kafka's vocabulary ("orders-0 leader 2 epoch 3
 * (ONLINE)"), and sorts event types into the categories the event log filters by. Pure, so the
 * wording is unit-tested once for every SimEvent type. The words are the catalogue's
 * (`event.*`); the event type, error codes, Election kinds and config keys stay Kafka's.
 */
import type { SimEvent, SimEventType } from '../../engine/types'
import { formatSimTime } from '../../scenario/sim-time'
import { t } from '../i18n/runtime'

export type EventCategory = 'faults' | 'elections' | 'isr' | 'clients'

export const EVENT_CATEGORIES: readonly EventCategory[] = ['faults', 'elections', 'isr', 'clients']

/** A category's name in the language on screen. */
export function categoryLabel(category: EventCategory): string {
  return t(`events.category.${category}`)
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
      return t(e.clean ? 'event.BrokerStopped.clean' : 'event.BrokerStopped.unclean', {
        broker: e.broker,
      })
    case 'BrokerStarted':
    case 'BrokerRegistered':
    case 'BrokerFenced':
    case 'BrokerUnfenced':
    case 'BrokerSessionExpired':
    case 'ControlledShutdownCompleted':
      return t(`event.${e.type}`, { broker: e.broker })
    case 'ControlledShutdownRequested':
      return t('event.ControlledShutdownRequested', {
        broker: e.broker,
        leaders: t('event.leaders', { count: e.remainingLeaders }),
      })
    case 'ControllerElected':
    case 'ControllerResigned':
    case 'ControllerNodeStopped':
    case 'ControllerNodeStarted':
      return t(`event.${e.type}`, { controller: e.controller })
    case 'QuorumLost':
    case 'QuorumRestored':
      return t(`event.${e.type}`)
    case 'LeaderElected': {
      // i18n-exempt: Kafka prints a missing leader as "none"
      const leader = e.leader === -1 ? 'none' : String(e.leader)
      const unclean = e.unclean && e.election !== 'UNCLEAN' ? `, ${t('event.unclean')}` : ''
      return t('event.LeaderElected', {
        partition: tp(e.topic, e.partition),
        leader,
        epoch: e.leaderEpoch,
        election: `${e.election}${unclean}`,
      })
    }
    case 'PartitionOffline':
      return t('event.PartitionOffline', {
        partition: tp(e.topic, e.partition),
        epoch: e.leaderEpoch,
        isr: ids(e.isr),
      })
    case 'IsrShrunk':
      return t('event.IsrShrunk', {
        partition: tp(e.topic, e.partition),
        isr: ids(e.isr),
        removed: ids(e.removed),
        by: e.by,
      })
    case 'IsrExpanded':
      return t('event.IsrExpanded', {
        partition: tp(e.topic, e.partition),
        isr: ids(e.isr),
        added: ids(e.added),
      })
    case 'ElrChanged':
      // Kafka's own field names, as PartitionRecord prints them.
      return `${tp(e.topic, e.partition)} elr ${ids(e.elr)} lastKnownElr ${ids(e.lastKnownElr)}` // i18n-exempt
    case 'ReplicaTruncated':
      return t('event.ReplicaTruncated', {
        partition: tp(e.topic, e.partition),
        broker: e.broker,
        from: e.fromOffset,
        to: e.toOffset,
      })
    case 'VolumeReplaced':
      return t('event.VolumeReplaced', {
        broker: e.broker,
        replicas: t('event.replicas', { count: e.replicas }),
        records: t('event.records', { count: e.records }),
      })
    case 'ProduceFailed':
      return t('event.ProduceFailed', {
        client: e.client,
        partition: tp(e.topic, e.partition),
        error: e.error,
        records: t('event.records', { count: e.records }),
        retriable: t(e.retriable ? 'event.retriable' : 'event.notRetriable'),
      })
    case 'RecordsExpired':
      return e.partition < 0
        ? t('event.RecordsExpired.noMetadata', { client: e.client, topic: e.topic, error: e.error })
        : t('event.RecordsExpired', {
            client: e.client,
            records: t('event.records', { count: e.records }),
            partition: tp(e.topic, e.partition),
            error: e.error,
          })
    case 'ClientConnectFailed':
      return t('event.ClientConnectFailed', { client: e.client, servers: ids(e.bootstrapServers) })
    case 'ClientConnected':
      return t('event.ClientConnected', { client: e.client, broker: e.broker })
    case 'ConsumerOffsetReset': {
      const words = {
        client: e.client,
        partition: tp(e.topic, e.partition),
        from: e.fromOffset,
        to: e.toOffset,
      }
      if (e.reason === 'truncation') {
        return t(
          e.toOffset < e.fromOffset
            ? 'event.OffsetReset.truncationBack'
            : 'event.OffsetReset.truncation',
          words,
        )
      }
      return e.reason === 'out-of-range'
        ? t('event.OffsetReset.outOfRange', words)
        : t('event.OffsetReset.noCommit', words)
    }
    case 'GroupCoordinatorFound':
      return t('event.GroupCoordinatorFound', {
        client: e.client,
        group: e.group,
        broker: e.broker,
      })
    case 'GroupCoordinatorLost':
      return t('event.GroupCoordinatorLost', { client: e.client, group: e.group, cause: e.cause })
    case 'GroupCoordinatorNotAvailable':
      return t(
        e.reason === 'no-offsets-topic'
          ? 'event.GroupCoordinatorNotAvailable.noTopic'
          : 'event.GroupCoordinatorNotAvailable',
        { client: e.client, group: e.group },
      )
    case 'GroupRebalanced':
      return t('event.GroupRebalanced', {
        group: e.group,
        generation: e.generation,
        members: t('event.members', { count: e.members }),
        broker: e.broker,
      })
    case 'GroupMemberRemoved':
      return t(
        e.reason === 'session-timeout'
          ? 'event.GroupMemberRemoved.timeout'
          : 'event.GroupMemberRemoved',
        { group: e.group, client: e.client, member: e.member },
      )
    case 'GroupAssignmentReceived': {
      const words = {
        client: e.client,
        member: e.member,
        group: e.group,
        generation: e.generation,
      }
      return e.partitions.length === 0
        ? t('event.GroupAssignment.none', words)
        : t('event.GroupAssignment', { ...words, partitions: e.partitions.join(', ') })
    }
    case 'RollingRestartStep':
      return t('event.RollingRestartStep', { broker: e.broker, step: e.step })
    case 'KafkaVersionFinalized':
      return t('event.KafkaVersionFinalized', { to: e.toVersion, from: e.fromVersion })
    case 'AdminElectionResult':
      return t('event.AdminElectionResult', {
        election: e.election,
        partition: tp(e.topic, e.partition),
        result: e.result,
      })
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
