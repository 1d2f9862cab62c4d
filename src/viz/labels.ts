/**
 * Accessible names for the topology's interactive nodes. Each starts with "Broker <id>",
 * "Zone <name>" or "Controller <id>" and then says the node's state in words, so screen readers
 * and Playwright's `getByRole(..., { name })` read the same thing the picture shows.
 */
import type { BrokerView, ControllerView, ZoneView } from '../engine/types'

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}

const STATUS_WORDS: Record<BrokerView['status'], string> = {
  online: 'online',
  starting: 'starting',
  'shutting-down': 'shutting down',
  offline: 'offline',
}

/** e.g. "Broker 2, zone use1-az2, online, leader of 3 partitions, follower of 6". */
export function brokerLabel(broker: BrokerView, followerCount: number): string {
  const parts = [`Broker ${broker.id}`, `zone ${broker.zone}`, STATUS_WORDS[broker.status]]
  if (broker.fenced && broker.status !== 'offline') parts.push('fenced')
  if (broker.isolatedFrom.length > 0) parts.push(`isolated from ${broker.isolatedFrom.join(', ')}`)
  if (broker.fetchDelayMs > 0) parts.push(`slow (fetch delay ${broker.fetchDelayMs} ms)`)
  if (broker.isController) parts.push('active controller')
  parts.push(`leader of ${plural(broker.leaderCount, 'partition')}`)
  parts.push(`follower of ${followerCount}`)
  return parts.join(', ')
}

/** One word for the card's status line, with the extra states after it. */
export function brokerStatusText(broker: BrokerView): string {
  const words: string[] = [STATUS_WORDS[broker.status]]
  if (broker.fenced && broker.status !== 'offline') words.push('fenced')
  if (broker.isolatedFrom.length > 0) words.push('isolated')
  if (broker.fetchDelayMs > 0) words.push('slow')
  return words.join(' · ')
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

export function controllerStatusText(controller: ControllerView): string {
  if (!controller.up) return 'down'
  if (controller.isolated) return 'isolated'
  return controller.active ? 'active' : 'up'
}

/** e.g. "Controller 1001, KRaft voter, zone use1-az1, up, active controller". */
export function controllerLabel(controller: ControllerView, mode: 'kraft' | 'zookeeper'): string {
  const parts = [
    `Controller ${controller.id}`,
    mode === 'kraft' ? 'KRaft voter' : 'ZooKeeper node',
    `zone ${controller.zone}`,
    controller.up ? 'up' : 'down',
  ]
  if (controller.isolated) parts.push('isolated')
  if (controller.active) parts.push('active controller')
  return parts.join(', ')
}
