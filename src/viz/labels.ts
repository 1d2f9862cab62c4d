/**
 * Accessible names for the topology's interactive nodes. Each starts with "Broker <id>",
 * "Zone <name>" or "Controller <id>" and then says the node's state in words, so screen readers
 * and Playwright's `getByRole(..., { name })` read the same thing the picture shows.
 */
import type { BrokerView, ControllerView, Snapshot, ZoneView } from '../engine/types'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

const STATUS_WORDS: Record<BrokerView['status'], string> = {
  online: 'online',
  starting: 'starting',
  'shutting-down': 'shutting down',
  offline: 'offline',
}

/**
 * e.g. "Broker 2, zone use1-az2, online, leader of 3 partitions, follower of 6", or for a crashed
 * leader before its fencing "Broker 1, zone use1-az1, offline, not fenced yet: fenced in 6.2 s,
 * leader of 1 partition, …". The counts are the card's (visible partitions, metadata leaders).
 */
export function brokerLabel(
  broker: BrokerView,
  counts: { leaders: number; followers: number; countdown?: string | null },
): string {
  const parts = [`Broker ${broker.id}`, `zone ${broker.zone}`, STATUS_WORDS[broker.status]]
  if (broker.fenced && broker.status !== 'offline') parts.push('fenced')
  if (counts.countdown != null) parts.push(`not fenced yet: ${counts.countdown}`)
  if (broker.isolatedFrom.length > 0) parts.push(`isolated from ${broker.isolatedFrom.join(', ')}`)
  if (broker.fetchDelayMs > 0) parts.push(`slow (fetch delay ${broker.fetchDelayMs} ms)`)
  if (broker.isController) parts.push('active controller')
  parts.push(`leader of ${plural(counts.leaders, 'partition')}`)
  parts.push(`follower of ${counts.followers}`)
  return parts.join(', ')
}

/**
 * One word for the card's status line, with the extra states after it; `countdown` is the
 * session countdown of a broker whose heartbeats are lost (staleness.ts sessionCountdown).
 */
export function brokerStatusText(broker: BrokerView, countdown: string | null = null): string {
  const words: string[] = [STATUS_WORDS[broker.status]]
  if (broker.fenced && broker.status !== 'offline') words.push('fenced')
  if (countdown !== null) words.push(countdown)
  if (broker.isolatedFrom.length > 0) words.push('isolated')
  if (broker.fetchDelayMs > 0) words.push('slow')
  const queue = broker.capacity?.queueMs ?? 0
  if (queue > 0 && broker.status !== 'offline') words.push(`queue ${queue} ms`)
  return words.join(' · ')
}

/** A rate for a card: "70", "1.2k", "31k" (records per second). */
export function compactRate(perSec: number): string {
  const n = Math.round(perSec)
  if (n < 1000) return String(n)
  if (n < 10_000) return `${(n / 1000).toFixed(1).replace(/\.0$/, '')}k`
  return `${Math.round(n / 1000)}k`
}

type BrokerRates = NonNullable<Snapshot['rates']>['brokers'][number]

/**
 * An aggregated card's rate row (traffic-rates.ts): records per second produced to the broker's
 * leaders ("in") and replicated from them to followers ("repl"), e.g. "in 70/s · repl 140/s".
 */
export function rateText(broker: BrokerView, rates: BrokerRates | undefined): string {
  if (rates === undefined) return ''
  if (broker.status === 'offline') return 'no traffic'
  return `in ${compactRate(rates.producedPerSec)}/s · repl ${compactRate(rates.replicatedOutPerSec)}/s`
}

/** The rates part of a card's accessible name (empty without rates). */
export function rateLabel(broker: BrokerView, rates: BrokerRates | undefined): string {
  if (rates === undefined || broker.status === 'offline') return ''
  return `, ${Math.round(rates.producedPerSec)} records/s produced to it, ${Math.round(rates.replicatedOutPerSec)} records/s replicated from it to followers`
}

export function zoneStatusText(zone: ZoneView): string {
  if (zone.stopped) return 'stopped'
  if (zone.isolatedFrom.length > 0) return 'isolated'
  return 'running'
}

/** e.g. "Zone use1-az1, running, 2 brokers, 1 controller". */
export function zoneLabel(zone: ZoneView, brokers: number, controllers: number): string {
  const parts = [`Zone ${zone.name}`, zoneStatusText(zone)]
  if (zone.isolatedFrom.length > 0) parts.push(`cut off from ${zone.isolatedFrom.join(', ')}`)
  parts.push(plural(brokers, 'broker'))
  if (controllers > 0) parts.push(plural(controllers, 'controller'))
  return parts.join(', ')
}

/**
 * "active", "up", "down", "isolated"; while no controller is active, an up voter that can take
 * part says when the election is due ("election in 0.4 s": KRaft's election timeout with jitter;
 * in ZooKeeper mode the nodes say when the brokers' race for the controller znode is due).
 */
export function controllerStatusText(
  controller: ControllerView,
  electionInMs: number | null = null,
  mode: 'kraft' | 'zookeeper' = 'kraft',
): string {
  if (!controller.up) return 'down'
  if (controller.isolated) return 'isolated'
  if (controller.active) return 'active'
  if (electionInMs === null) return 'up'
  // Short, to fit beside the node's name; its accessible name says it whole (controllerLabel).
  // ZooKeeper: the nodes hold the /controller znode the brokers race for (KafkaController.elect).
  return `${mode === 'kraft' ? 'vote' : 'elect'} in ${(electionInMs / 1000).toFixed(1)} s`
}

/**
 * e.g. "Controller 1001, KRaft voter, zone use1-az1, up, active controller"; while an election
 * is pending, "…, up, controller election due in 0.4 s".
 */
export function controllerLabel(
  controller: ControllerView,
  mode: 'kraft' | 'zookeeper',
  electionInMs: number | null = null,
): string {
  const parts = [
    `Controller ${controller.id}`,
    mode === 'kraft' ? 'KRaft voter' : 'ZooKeeper node',
    `zone ${controller.zone}`,
    controller.up ? 'up' : 'down',
  ]
  if (controller.isolated) parts.push('isolated')
  if (controller.active) parts.push('active controller')
  if (electionInMs !== null && controller.up && !controller.isolated && !controller.active)
    parts.push(`controller election due in ${(electionInMs / 1000).toFixed(1)} s`)
  return parts.join(', ')
}

/** What each capacity resource is called on a card (docs/capacity.md). */
const RESOURCE_WORDS: Record<NonNullable<BrokerView['capacity']>['bound'], string> = {
  networkIn: 'net in',
  networkOut: 'net out',
  volume: 'volume',
  cpu: 'CPU est.',
  ingress: 'ingress',
  egress: 'egress',
}

/** The words beside a card's utilisation bar: "104% net out · overloaded". */
export function capacityText(broker: BrokerView): string {
  const c = broker.capacity
  if (c === undefined) return ''
  if (broker.status === 'offline') return 'no traffic'
  const percent = `${Math.round(c.utilisation * 100)}% ${RESOURCE_WORDS[c.bound]}`
  return `${percent}${c.utilisation > 1 ? ' · overloaded' : ''}`
}

/** The capacity part of a card's accessible name (empty without a broker type). */
export function capacityLabel(broker: BrokerView): string {
  const c = broker.capacity
  if (c === undefined || broker.status === 'offline') return ''
  const resource = RESOURCE_NAMES[c.bound]
  const over = c.utilisation > 1 ? ', overloaded' : ''
  const queue = c.queueMs > 0 ? `, requests queue ${c.queueMs} ms` : ''
  const cpu = c.cpu === null ? '' : `, CPU estimate ${Math.round(c.cpu * 100)}%`
  return `, utilisation ${Math.round(c.utilisation * 100)}% of ${resource}${over}${queue}${cpu}`
}

const RESOURCE_NAMES: Record<NonNullable<BrokerView['capacity']>['bound'], string> = {
  networkIn: 'network in',
  networkOut: 'network out',
  volume: 'volume throughput',
  cpu: 'CPU (estimated)',
  ingress: 'recommended ingress',
  egress: 'recommended egress',
}
