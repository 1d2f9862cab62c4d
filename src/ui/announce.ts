/**
 * What the live region says when the cluster changes: fencing, elections, ISR changes and
 * controller changes, summarised from the engine's events since the last announcement, so a
 * screen-reader user hears "Broker 1 fenced. orders-0: broker 2 elected leader (clean)." and not
 * a burst of fifty lines. Kafka's own topics (`__consumer_offsets`) are left out, as in the view.
 */
import type { SimEvent } from '../engine/types'

const ELECTION_WORDS = { clean: 'clean', unclean: 'unclean', elr: 'from the ELR' } as const

function list(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ')
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`
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
          `${e.topic}-${e.partition}: broker ${e.leader} (${
            e.fromElr === true ? ELECTION_WORDS.elr : e.unclean ? ELECTION_WORDS.unclean : 'clean'
          })`,
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
        controller.push(`Controller ${e.controller} is now the active controller.`)
        break
      case 'ControllerResigned':
        controller.push(`Controller ${e.controller} is no longer active.`)
        break
      case 'QuorumLost':
        controller.push('The controller quorum lost its majority.')
        break
      case 'QuorumRestored':
        controller.push('The controller quorum has a majority again.')
        break
      default:
        break
    }
  }
  const sentences: string[] = []
  const brokers = (ids: number[]) =>
    ids.length === 1 ? `Broker ${ids[0]}` : `Brokers ${list(ids.map(String))}`
  if (fenced.length > 0) sentences.push(`${brokers(fenced)} fenced.`)
  if (expired.length > 0) sentences.push(`${brokers(expired)}: ZooKeeper session expired.`)
  if (offline.length > 0) sentences.push(`Offline, no leader: ${list(offline)}.`)
  if (elected.length > 0)
    sentences.push(
      `${elected.length === 1 ? 'Leader elected' : `${elected.length} leaders elected`}: ${list(elected)}.`,
    )
  sentences.push(...controller)
  if (shrunk > 0) sentences.push(`ISR shrank on ${shrunk} partition${shrunk === 1 ? '' : 's'}.`)
  if (expanded > 0)
    sentences.push(`ISR grew back on ${expanded} partition${expanded === 1 ? '' : 's'}.`)
  if (unfenced.length > 0) sentences.push(`${brokers(unfenced)} unfenced (back in service).`)
  return sentences.length === 0 ? null : sentences.join(' ')
}
