/**
 * Pure derived data for the UI: the speed scale, fault windows for the scrubber,
 * partition lookups and details. Unit-tested in `selectors.test.ts`.
 */
import type { Fault, TimedFault } from '../engine/spec'
import type { BrokerView, PartitionView, Snapshot } from '../engine/types'

/** Speed stops on a 1-2-5 logarithmic scale from 0.25× to 100×. */
export const SPEED_STOPS: readonly number[] = [0.25, 0.5, 1, 2, 5, 10, 20, 50, 100]

export function speedToStop(speed: number): number {
  let best = 0
  SPEED_STOPS.forEach((stop, index) => {
    const bestStop = SPEED_STOPS[best] ?? 1
    if (Math.abs(Math.log(stop / speed)) < Math.abs(Math.log(bestStop / speed))) best = index
  })
  return best
}

export function stopToSpeed(index: number): number {
  const clamped = Math.min(SPEED_STOPS.length - 1, Math.max(0, Math.round(index)))
  return SPEED_STOPS[clamped] ?? 1
}

export function formatSpeed(speed: number): string {
  return `${speed}×`
}

/**
 * The scrubber's span: the furthest known time plus a fifth, at least a minute, rounded up to
 * 30 s so that it grows in steps rather than every frame.
 */
export function timelineExtent(horizonMs: number, simTimeMs: number): number {
  const furthest = Math.max(horizonMs, simTimeMs)
  return Math.max(60_000, Math.ceil((furthest * 1.2) / 30_000) * 30_000)
}

export type FaultWindowKind = 'broker' | 'zone' | 'controller' | 'network' | 'slow' | 'admin'

/** A stretch of the timeline during which a fault was in force; `endMs` null means still open. */
export interface FaultWindow {
  startMs: number
  endMs: number | null
  kind: FaultWindowKind
  label: string
}

interface Opening {
  key: string
  kind: FaultWindowKind
  label: string
}

function opens(fault: Fault): Opening | null {
  switch (fault.type) {
    case 'crashBroker':
      return { key: `broker:${fault.broker}`, kind: 'broker', label: `Broker ${fault.broker} down` }
    case 'shutdownBroker':
      return { key: `broker:${fault.broker}`, kind: 'broker', label: `Broker ${fault.broker} down` }
    case 'isolateBroker':
      return {
        key: `isolated:${fault.broker}`,
        kind: 'network',
        label: `Broker ${fault.broker} isolated`,
      }
    case 'slowBroker':
      return { key: `slow:${fault.broker}`, kind: 'slow', label: `Broker ${fault.broker} slow` }
    case 'stopZone':
      return { key: `zone:${fault.zone}`, kind: 'zone', label: `Zone ${fault.zone} stopped` }
    case 'isolateZone':
      return {
        key: `isolatedZone:${fault.zone}`,
        kind: 'network',
        label: `Zone ${fault.zone} isolated`,
      }
    case 'crashController':
      return {
        key: `controller:${fault.controller}`,
        kind: 'controller',
        label: `Controller ${fault.controller} down`,
      }
    default:
      return null
  }
}

function closes(fault: Fault): string | null {
  switch (fault.type) {
    case 'startBroker':
      return `broker:${fault.broker}`
    case 'healBroker':
      return `isolated:${fault.broker}`
    case 'unslowBroker':
      return `slow:${fault.broker}`
    case 'startZone':
      return `zone:${fault.zone}`
    case 'healZone':
      return `isolatedZone:${fault.zone}`
    case 'startController':
      return `controller:${fault.controller}`
    default:
      return null
  }
}

/**
 * Pairs each fault with the action that undoes it (crash with start, isolate with heal, ...).
 * Admin actions (rolling restart, elections) are instants: windows of zero length.
 */
export function faultWindows(recording: readonly TimedFault[]): FaultWindow[] {
  const windows: FaultWindow[] = []
  const open = new Map<string, FaultWindow>()
  for (const fault of recording) {
    const closing = closes(fault)
    const window = closing === null ? undefined : open.get(closing)
    if (closing !== null && window !== undefined) {
      window.endMs = fault.atMs
      open.delete(closing)
      continue
    }
    const opening = opens(fault)
    if (opening !== null) {
      if (open.has(opening.key)) continue
      const created: FaultWindow = {
        startMs: fault.atMs,
        endMs: null,
        kind: opening.kind,
        label: opening.label,
      }
      open.set(opening.key, created)
      windows.push(created)
    } else if (fault.type === 'rollingRestart' || fault.type === 'electLeaders') {
      const label = fault.type === 'rollingRestart' ? 'Rolling restart' : 'Preferred election'
      windows.push({ startMs: fault.atMs, endMs: fault.atMs, kind: 'admin', label })
    }
  }
  return windows
}

export function partitionKey(topic: string, partition: number): string {
  return `${topic}-${partition}`
}

export function findPartition(snapshot: Snapshot, key: string | null): PartitionView | undefined {
  if (key === null) return undefined
  return snapshot.partitions.find((p) => partitionKey(p.topic, p.partition) === key)
}

export function findBroker(snapshot: Snapshot, id: number): BrokerView | undefined {
  return snapshot.brokers.find((broker) => broker.id === id)
}

export interface ReplicaDetail {
  broker: number
  zone: string
  role: 'leader' | 'follower'
  inIsr: boolean
  inElr: boolean
  logEndOffset: number
  lag: number
  online: boolean
}

/** One row per assigned replica, in assignment order (the preferred leader first). */
export function replicaDetails(snapshot: Snapshot, partition: PartitionView): ReplicaDetail[] {
  return partition.replicas.map((id) => {
    const state = partition.replicaStates.find((replica) => replica.broker === id)
    return {
      broker: id,
      zone: findBroker(snapshot, id)?.zone ?? '?',
      role: partition.leader === id ? 'leader' : 'follower',
      inIsr: partition.isr.includes(id),
      inElr: partition.elr.includes(id),
      logEndOffset: state?.logEndOffset ?? 0,
      lag: state?.lag ?? 0,
      online: state?.online ?? false,
    }
  })
}

/** Topic names in the order the spec lists them, each once. */
export function topicNames(snapshot: Snapshot): string[] {
  return [...new Set(snapshot.partitions.map((p) => p.topic))]
}
