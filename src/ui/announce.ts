/**
 * What the live region says when the cluster changes: fencing, elections, ISR changes and
 * controller changes, summarised from the engine's events since the last announcement, so a
 * screen-reader user hears "Broker 1 fenced. orders-0: broker 2 elected leader (clean)." and not
 * a burst of fifty lines. Kafka's own topics (`__consumer_offsets`) are left out, as in the view.
 * Worded in the language on screen (`announce.*` in the catalogues).
 */
import type { SimEvent } from '../engine/types'
import { t } from './i18n/runtime'

function list(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ')
  return t('announce.more', { list: items.slice(0, max).join(', '), count: items.length - max })
}

function internal(topic: string): boolean {
  return topic.startsWith('__')
}

/** One sentence per kind of change, in the order they matter; null when nothing to say. */
export function announcementFor(events: readonly SimEvent[]): string | null {
  const fenced: number[] = []
  const unfenced: number[] = []
  const expired: number[] = []
  const elected: string[] = []
  const offline: string[] = []
  let shrunk = 0
  let expanded = 0
  const controller: string[] = []
  for (const e of events) {
    switch (e.type) {
      case 'BrokerFenced':
        fenced.push(e.broker)
        break
      case 'BrokerUnfenced':
        unfenced.push(e.broker)
        break
      case 'BrokerSessionExpired':
        expired.push(e.broker)
        break
      case 'LeaderElected':
        if (internal(e.topic)) break
        elected.push(
          t('announce.electedOn', {
            partition: `${e.topic}-${e.partition}`,
            leader: e.leader,
            kind: t(
              e.fromElr === true
                ? 'announce.elr'
                : e.unclean
                  ? 'announce.unclean'
                  : 'announce.clean',
            ),
          }),
        )
        break
      case 'PartitionOffline':
        if (!internal(e.topic)) offline.push(`${e.topic}-${e.partition}`)
        break
      case 'IsrShrunk':
        if (!internal(e.topic)) shrunk += 1
        break
      case 'IsrExpanded':
        if (!internal(e.topic)) expanded += 1
        break
      case 'ControllerElected':
        controller.push(t('announce.controllerElected', { id: e.controller }))
        break
      case 'ControllerResigned':
        controller.push(t('announce.controllerResigned', { id: e.controller }))
        break
      case 'QuorumLost':
        controller.push(t('announce.quorumLost'))
        break
      case 'QuorumRestored':
        controller.push(t('announce.quorumRestored'))
        break
      default:
        break
    }
  }
  const sentences: string[] = []
  const brokers = (ids: number[]) =>
    ids.length === 1
      ? t('announce.broker', { id: ids[0] ?? '' })
      : t('announce.brokers', { ids: list(ids.map(String)) })
  if (fenced.length > 0) sentences.push(t('announce.fenced', { brokers: brokers(fenced) }))
  if (expired.length > 0)
    sentences.push(t('announce.sessionExpired', { brokers: brokers(expired) }))
  if (offline.length > 0) sentences.push(t('announce.offline', { partitions: list(offline) }))
  if (elected.length > 0)
    sentences.push(
      elected.length === 1
        ? t('announce.leaderElected', { list: list(elected) })
        : t('announce.leadersElected', { count: elected.length, list: list(elected) }),
    )
  sentences.push(...controller)
  if (shrunk > 0) sentences.push(t('announce.isrShrank', { count: shrunk }))
  if (expanded > 0) sentences.push(t('announce.isrGrew', { count: expanded }))
  if (unfenced.length > 0) sentences.push(t('announce.unfenced', { brokers: brokers(unfenced) }))
  return sentences.length === 0 ? null : sentences.join(' ')
}
