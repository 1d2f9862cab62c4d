/**
 * Faults and admin actions, applied as data. Each one flips state flags and lets the control
 * plane and the fetchers notice, as they would in a real cluster (a crash is only noticed by
 * missed heartbeats; a clean shutdown is announced).
 */
import { at, brokerAt, brokerIdx, emit, topicOf, type Ctx } from './context'
import { NO_BROKER_INDEX, asBrokerIndex, asPartitionIndex } from './ids'
import { EV } from './state'
import { preferredElection, uncleanElection } from './controller'
import {
  onControlledShutdown,
  reevaluateControlPlane,
  replaceVolume,
  startBroker,
  stopBroker,
  syncMetadataVersions,
} from './control-plane'
import { describeFault } from './fault-text'
import { crashClient, startClient } from './clients'
import { openFailover, openFailoverStep } from './failovers'
import type { IsolationScope, TimedFault } from './spec'
import type { KafkaVersion } from './versions'
import type { PartitionState } from './state'

const ALL_SCOPES: IsolationScope[] = ['controllers', 'brokers', 'clients']
export const DEFAULT_ROLLING_RESTART_MS = 30000
const ROLLING_POLL_MS = 1000

function zoneAt(ctx: Ctx, name: string): number {
  const z = ctx.zoneIndex.get(name)
  if (z === undefined) throw new Error(`unknown zone ${name}`)
  return z
}

/** Applies one fault now. */
export function applyFault(ctx: Ctx, fault: TimedFault): void {
  const s = ctx.s
  emit(ctx, {
    atMs: s.nowMs,
    type: 'FaultInjected',
    fault: fault.type,
    detail: describeFault(fault),
  })
  openFailover(ctx, fault)
  switch (fault.type) {
    case 'crashBroker':
      stopBroker(ctx, brokerIdx(ctx, fault.broker), false)
      return
    case 'startBroker':
      startBroker(ctx, brokerIdx(ctx, fault.broker))
      return
    case 'shutdownBroker': {
      const b = brokerIdx(ctx, fault.broker)
      onControlledShutdown(ctx, b, 1)
      return
    }
    case 'isolateBroker':
      syncMetadataVersions(ctx)
      brokerAt(ctx, brokerIdx(ctx, fault.broker)).isolatedFrom = (fault.from ?? ALL_SCOPES).slice()
      reevaluateControlPlane(ctx)
      return
    case 'healBroker':
      brokerAt(ctx, brokerIdx(ctx, fault.broker)).isolatedFrom = []
      reevaluateControlPlane(ctx)
      return
    case 'stopZone': {
      const z = zoneAt(ctx, fault.zone)
      syncMetadataVersions(ctx)
      ;(s.zones[z] as { stopped: boolean }).stopped = true
      s.brokers.forEach((broker, i) => {
        const b = asBrokerIndex(i)
        if (broker.zone !== z) return
        broker.hostUp = false
        if (broker.processUp) {
          stopBroker(ctx, b, false)
          broker.processUp = false
        }
      })
      reevaluateControlPlane(ctx)
      return
    }
    case 'startZone': {
      const z = zoneAt(ctx, fault.zone)
      ;(s.zones[z] as { stopped: boolean }).stopped = false
      // The zone's instances boot again and their Kafka services start (as MSK recovers them).
      s.brokers.forEach((broker, i) => {
        const b = asBrokerIndex(i)
        if (broker.zone !== z) return
        broker.hostUp = true
        startBroker(ctx, b)
      })
      reevaluateControlPlane(ctx)
      return
    }
    case 'isolateZone':
      syncMetadataVersions(ctx)
      ;(s.zones[zoneAt(ctx, fault.zone)] as { isolatedFrom: IsolationScope[] }).isolatedFrom = (
        fault.from ?? ALL_SCOPES
      ).slice()
      reevaluateControlPlane(ctx)
      return
    case 'healZone':
      ;(s.zones[zoneAt(ctx, fault.zone)] as { isolatedFrom: IsolationScope[] }).isolatedFrom = []
      reevaluateControlPlane(ctx)
      return
    case 'slowBroker':
      brokerAt(ctx, brokerIdx(ctx, fault.broker)).fetchDelayMs = fault.fetchDelayMs
      return
    case 'unslowBroker':
      brokerAt(ctx, brokerIdx(ctx, fault.broker)).fetchDelayMs = 0
      return
    case 'replaceVolume':
      replaceVolume(ctx, brokerIdx(ctx, fault.broker))
      return
    case 'crashController':
    case 'startController': {
      const c = ctx.controllerIndex.get(fault.controller)
      if (c === undefined) throw new Error(`unknown controller ${fault.controller}`)
      const node = s.controllers[c] as { up: boolean; id: number }
      const up = fault.type === 'startController'
      if (node.up === up) return
      syncMetadataVersions(ctx)
      node.up = up
      emit(ctx, {
        atMs: s.nowMs,
        type: up ? 'ControllerNodeStarted' : 'ControllerNodeStopped',
        controller: node.id,
      })
      reevaluateControlPlane(ctx)
      return
    }
    case 'crashClient':
      crashClient(ctx, fault.client, fault.member ?? 0)
      return
    case 'startClient':
      startClient(ctx, fault.client, fault.member ?? 0)
      return
    case 'rollingRestart':
    case 'upgradeCluster': {
      const upgrade = fault.type === 'upgradeCluster'
      const ids = upgrade
        ? s.brokers.map((b) => b.id)
        : (fault.brokers ?? s.brokers.map((b) => b.id)).slice()
      const rolling = {
        queue: ids.map((id) => brokerIdx(ctx, id)),
        current: NO_BROKER_INDEX,
        phase: 'idle' as const,
        restartMs: fault.restartMs ?? DEFAULT_ROLLING_RESTART_MS,
        gen: (s.rolling?.gen ?? 0) + 1,
        phaseSinceMs: s.nowMs,
        toVersion: upgrade ? fault.toVersion : null,
      }
      s.rolling = rolling
      at(ctx, 0, EV.rollingStep, rolling.gen)
      return
    }
    case 'electLeaders':
      adminElection(ctx, fault.election, fault.topic, fault.partition)
      return
  }
}

/** Admin ElectLeaders (kafka-leader-election.sh): PREFERRED or UNCLEAN on the chosen partitions. */
function adminElection(
  ctx: Ctx,
  election: 'PREFERRED' | 'UNCLEAN',
  topic?: string,
  partition?: number,
): void {
  const s = ctx.s
  const usable = s.activeController >= 0 && s.quorumHasMajority
  s.partitions.forEach((part: PartitionState, i) => {
    const p = asPartitionIndex(i)
    const t = topicOf(ctx, p)
    if (topic !== undefined && t.name !== topic) return
    if (partition !== undefined && part.partition !== partition) return
    const result = !usable
      ? election === 'PREFERRED'
        ? 'PREFERRED_LEADER_NOT_AVAILABLE'
        : 'ELIGIBLE_LEADERS_NOT_AVAILABLE'
      : election === 'PREFERRED'
        ? preferredElection(ctx, p)
        : uncleanElection(ctx, p)
    if (result === 'ELECTION_NOT_NEEDED' && topic === undefined) return
    emit(ctx, {
      atMs: s.nowMs,
      type: 'AdminElectionResult',
      election,
      topic: t.name,
      partition: part.partition,
      result,
    })
  })
}

/** Cluster-wide UnderReplicatedPartitions (committed ISR smaller than the replica set). */
export function underReplicatedCount(ctx: Ctx): number {
  let n = 0
  for (const part of ctx.s.partitions)
    if (part.leaderId >= 0 && part.isr.length < part.replicas.length) n += 1
  return n
}

/**
 * Rolling restart, as MSK patches a cluster: one broker at a time gets a controlled shutdown,
 * stays down `restartMs`, starts, and the next one goes only when UnderReplicatedPartitions is
 * back to 0.
 */
export function onRollingStep(ctx: Ctx, gen: number): void {
  const s = ctx.s
  const rolling = s.rolling
  if (rolling === null || rolling.gen !== gen) return
  const now = s.nowMs
  const next = () => at(ctx, ROLLING_POLL_MS, EV.rollingStep, gen)
  if (rolling.phase === 'idle') {
    const b = rolling.queue.shift()
    if (b === undefined) {
      s.rolling = null
      if (rolling.toVersion !== null) finalizeUpgrade(ctx, rolling.toVersion)
      return
    }
    rolling.current = b
    rolling.phase = 'stopping'
    rolling.phaseSinceMs = now
    emit(ctx, {
      atMs: now,
      type: 'RollingRestartStep',
      broker: brokerAt(ctx, b).id,
      step: 'stop',
    })
    openFailoverStep(ctx, brokerAt(ctx, b).id)
    onControlledShutdown(ctx, b, 1)
    next()
    return
  }
  const broker = brokerAt(ctx, rolling.current)
  if (rolling.phase === 'stopping') {
    if (!broker.processUp) {
      rolling.phase = 'down'
      rolling.phaseSinceMs = now
    }
    next()
    return
  }
  if (rolling.phase === 'down') {
    if (now - rolling.phaseSinceMs >= rolling.restartMs) {
      emit(ctx, { atMs: now, type: 'RollingRestartStep', broker: broker.id, step: 'start' })
      // An upgrade installs the new version while the broker is down (MSK replaces the binaries).
      if (rolling.toVersion !== null) broker.softwareVersion = rolling.toVersion
      startBroker(ctx, rolling.current)
      rolling.phase = 'recovering'
      rolling.phaseSinceMs = now
    }
    next()
    return
  }
  if (broker.status === 'online' && !broker.fenced && underReplicatedCount(ctx) === 0) {
    emit(ctx, { atMs: now, type: 'RollingRestartStep', broker: broker.id, step: 'done' })
    rolling.phase = 'idle'
  }
  next()
}

/**
 * The last broker of an upgrade is back: the new version is finalised (MSK runs
 * `kafka-features upgrade --release-version` for the new metadata version), so the controller's
 * rules and the metadata-version features (ELR, KIP-966) of the new version apply from now.
 */
function finalizeUpgrade(ctx: Ctx, toVersion: KafkaVersion): void {
  const s = ctx.s
  const from = s.kafkaVersion
  if (from === toVersion) return
  s.kafkaVersion = toVersion
  emit(ctx, { atMs: s.nowMs, type: 'KafkaVersionFinalized', fromVersion: from, toVersion })
}
