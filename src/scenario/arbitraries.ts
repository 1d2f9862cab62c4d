/**
 * fast-check generators of valid scenario files, for the round-trip and fuzz tests (test code
 * only; nothing in the app imports this). Every generated file uses the shorthands and omitted
 * defaults at random, so normalisation is exercised along with validation.
 */
import fc from 'fast-check'
import { FAULT_TYPES, ISOLATION_SCOPES } from './fields'
import type { ScenarioAcks, ScenarioFault, ScenarioFile, ScenarioTopic } from './types'
import { KAFKA_VERSIONS, atLeast, type KafkaVersion } from '../engine/versions'

/** MSK's spellings of a version, which the reader accepts as its major.minor. */
function spelled(g: Gen, version: KafkaVersion): string {
  return choose(g, [version, `${version}.x`, `${version}.x.kraft`, `${version}.0`])
}

type Gen = fc.GeneratorValue

const ZONES = ['use1-az1', 'use1-az2', 'use1-az3', 'euw1-az1']

function choose<T>(g: Gen, items: readonly T[]): T {
  return g(fc.constantFrom<T[]>, ...items)
}

function maybe<T>(g: Gen, value: () => T): T | undefined {
  return g(fc.boolean) ? value() : undefined
}

function pickSome<T>(g: Gen, items: T[], min: number, max = items.length): T[] {
  return g(fc.shuffledSubarray<T>, items, {
    minLength: min,
    maxLength: Math.min(max, items.length),
  })
}

function topic(g: Gen, index: number, brokerIds: number[]): ScenarioTopic {
  const partitions = g(fc.integer, { min: 1, max: 5 })
  const replicationFactor = g(fc.integer, { min: 1, max: Math.min(3, brokerIds.length) })
  const out: ScenarioTopic = { name: `topic-${index}`, partitions, replicationFactor }
  const minIsr = maybe(g, () => g(fc.integer, { min: 1, max: replicationFactor }))
  const unclean = maybe(g, () => g(fc.boolean))
  if (minIsr !== undefined || unclean !== undefined || g(fc.boolean)) {
    out.config = {}
    if (minIsr !== undefined) out.config['min.insync.replicas'] = minIsr
    if (unclean !== undefined) out.config['unclean.leader.election.enable'] = unclean
  }
  if (g(fc.boolean)) {
    const assignment: Record<string, number[]> = {}
    const initial: Record<string, { leader: number; isr: number[] }> = {}
    for (let p = 0; p < partitions; p++) {
      if (!g(fc.boolean)) continue
      const replicas = pickSome(g, brokerIds, replicationFactor, replicationFactor)
      assignment[String(p)] = replicas
      if (g(fc.boolean)) {
        const isr = pickSome(g, replicas, 0)
        const leader = isr.length > 0 ? (isr[0] as number) : -1
        initial[String(p)] = { leader, isr }
      }
    }
    out.assignment = assignment
    if (Object.keys(initial).length > 0 || g(fc.boolean)) out.initial = initial
  }
  return out
}

function fault(
  g: Gen,
  zones: string[],
  brokerIds: number[],
  controllerIds: number[],
  topics: ScenarioTopic[],
  upgradeTargets: readonly string[],
  clientList: NonNullable<ScenarioFile['clients']> = [],
): ScenarioFault {
  const atMs = g(fc.integer, { min: 0, max: 200000 })
  const type = choose(g, FAULT_TYPES)
  const broker = choose(g, brokerIds)
  const zone = choose(g, zones)
  const from = maybe(g, () => pickSome(g, [...ISOLATION_SCOPES], 1))
  switch (type) {
    case 'crashBroker':
    case 'startBroker':
    case 'shutdownBroker':
    case 'healBroker':
    case 'unslowBroker':
    case 'replaceVolume':
      return { atMs, type, broker }
    case 'isolateBroker':
      return from === undefined ? { atMs, type, broker } : { atMs, type, broker, from }
    case 'stopZone':
    case 'startZone':
    case 'healZone':
      return { atMs, type, zone }
    case 'isolateZone':
      return from === undefined ? { atMs, type, zone } : { atMs, type, zone, from }
    case 'slowBroker':
      return { atMs, type, broker, fetchDelayMs: g(fc.integer, { min: 1, max: 60000 }) }
    case 'crashController':
    case 'startController':
      return { atMs, type, controller: choose(g, controllerIds) }
    case 'crashClient':
    case 'startClient': {
      if (clientList.length === 0) return { atMs, type: 'crashBroker', broker }
      const client = choose(g, clientList)
      const members = client.kind === 'consumer' ? (client.members ?? 1) : 1
      if (members === 1 && g(fc.boolean)) return { atMs, type, client: client.id }
      return { atMs, type, client: client.id, member: g(fc.integer, { min: 0, max: members - 1 }) }
    }
    case 'upgradeCluster':
      // Without a newer version to go to (the newest already, or ZooKeeper at 3.9), a restart.
      if (upgradeTargets.length === 0) return { atMs, type: 'rollingRestart' }
      return { atMs, type, toVersion: choose(g, upgradeTargets) as KafkaVersion }
    case 'rollingRestart': {
      const out: ScenarioFault = { atMs, type }
      if (g(fc.boolean)) out.brokers = pickSome(g, brokerIds, 1)
      if (g(fc.boolean)) out.restartMs = g(fc.integer, { min: 1, max: 60000 })
      return out
    }
    case 'electLeaders': {
      const out: ScenarioFault = {
        atMs,
        type,
        election: choose(g, ['PREFERRED', 'UNCLEAN'] as const),
      }
      const t = topics.length > 0 && g(fc.boolean) ? choose(g, topics) : undefined
      if (t !== undefined) {
        out.topic = t.name
        if (g(fc.boolean)) out.partition = g(fc.integer, { min: 0, max: t.partitions - 1 })
      }
      return out
    }
  }
}

function clients(
  g: Gen,
  topics: ScenarioTopic[],
  brokerIds: number[],
): NonNullable<ScenarioFile['clients']> {
  if (topics.length === 0) return []
  const count = g(fc.integer, { min: 0, max: 3 })
  return Array.from({ length: count }, (_, i) => {
    const topicName = choose(g, topics).name
    const bootstrap = maybe(g, () => pickSome(g, brokerIds, 1))
    if (g(fc.boolean)) {
      const config: Record<string, unknown> = {}
      if (bootstrap !== undefined) config['bootstrap.servers'] = bootstrap
      if (g(fc.boolean)) config['auto.offset.reset'] = choose(g, ['latest', 'earliest'] as const)
      const consumer: NonNullable<ScenarioFile['clients']>[number] = {
        kind: 'consumer' as const,
        id: `c${i}`,
        topic: topicName,
        config,
      }
      if (g(fc.boolean)) {
        consumer.group = `g${g(fc.integer, { min: 0, max: 1 })}`
        if (g(fc.boolean)) consumer.members = g(fc.integer, { min: 1, max: 3 })
        if (g(fc.boolean)) config['enable.auto.commit'] = g(fc.boolean)
        if (g(fc.boolean)) config['session.timeout.ms'] = g(fc.integer, { min: 6000, max: 60000 })
      }
      return consumer
    }
    const acks = choose<ScenarioAcks>(g, ['all', '-1', '0', '1', -1, 0, 1])
    const config: Record<string, unknown> = { acks }
    if (bootstrap !== undefined) config['bootstrap.servers'] = bootstrap
    if (g(fc.boolean)) config['request.timeout.ms'] = g(fc.integer, { min: 1, max: 200000 })
    if (g(fc.boolean)) config['enable.idempotence'] = acks === 'all' || acks === -1 || acks === '-1'
    return {
      kind: 'producer' as const,
      id: `p${i}`,
      topic: topicName,
      recordsPerSecond: g(fc.integer, { min: 0, max: 1000 }),
      config,
    }
  })
}

/** A valid scenario file; `validateScenario` accepts every one. */
export const scenarioFileArbitrary: fc.Arbitrary<ScenarioFile> = fc.gen().map((g) => {
  const zones = pickSome(g, ZONES, 1, 3)
  const perZone = g(fc.integer, { min: 1, max: 2 })
  let brokerIds = Array.from({ length: perZone * zones.length }, (_, i) => i + 1)
  const file: ScenarioFile = {
    version: 1,
    name: `generated ${g(fc.nat, 1000)}`,
    cluster: { zones },
  }
  if (g(fc.boolean)) {
    file.cluster.brokersPerZone = perZone
  } else {
    brokerIds = brokerIds.map((id) => id * 10)
    file.cluster.brokers = g(fc.shuffledSubarray<number>, brokerIds, {
      minLength: brokerIds.length,
    }).map((id, i) => ({ id, zone: zones[i % zones.length] as string }))
  }
  if (g(fc.boolean)) file.cluster.controller = choose(g, ['kraft', 'zookeeper'] as const)
  let controllerIds = [1001, 1002, 1003]
  if (g(fc.boolean)) {
    controllerIds = Array.from({ length: g(fc.integer, { min: 1, max: 5 }) }, (_, i) => 2001 + i)
    file.cluster.controllers = controllerIds.map((id, i) => ({
      id,
      zone: zones[i % zones.length] as string,
    }))
  }
  if (g(fc.boolean)) {
    file.cluster.config = {
      'unclean.leader.election.enable': g(fc.boolean),
      'replica.lag.time.max.ms': g(fc.integer, { min: 2, max: 60000 }),
      'eligible.leader.replicas.enable': g(fc.boolean),
    }
  }
  // A version the rest of the file allows: ZooKeeper only up to 3.9, ELR from 3.9.
  const zookeeper = file.cluster.controller === 'zookeeper'
  const elr = file.cluster.config?.['eligible.leader.replicas.enable'] === true
  const allowed = KAFKA_VERSIONS.filter(
    (v) => !(zookeeper && atLeast(v, '4.0')) && !(elr && !atLeast(v, '3.9')),
  )
  let version: KafkaVersion = '3.9'
  if (g(fc.boolean)) {
    version = choose(g, allowed)
    file.cluster.kafkaVersion = spelled(g, version)
  }
  const upgradeTargets = allowed.filter((v) => atLeast(v, version) && v !== version)
  if (g(fc.boolean)) file.seed = g(fc.integer, { min: 0, max: 4294967295 })
  if (g(fc.boolean)) file.durationMs = g(fc.integer, { min: 1, max: 300000 })
  if (g(fc.boolean)) file.description = g(fc.string, { maxLength: 300, size: 'max' })
  const topics = Array.from({ length: g(fc.integer, { min: 0, max: 3 }) }, (_, i) =>
    topic(g, i, brokerIds),
  )
  file.topics = topics
  file.clients = clients(g, topics, brokerIds)
  const controllers = controllerIds
  // One upgrade at most: a second one would have to go to a still newer version.
  let upgraded = false
  file.faults = Array.from({ length: g(fc.integer, { min: 0, max: 6 }) }, () => {
    const f = fault(
      g,
      zones,
      brokerIds,
      controllers,
      topics,
      upgraded ? [] : upgradeTargets,
      file.clients,
    )
    if (f.type === 'upgradeCluster') upgraded = true
    return f
  })
  return file
})

/** Replaces or deletes one value somewhere in the object tree (or adds a stray key). */
export function mutate(
  root: Record<string, unknown>,
  pick: number,
  pickKey: number,
  value: unknown,
  remove: boolean,
): void {
  const containers: (Record<string, unknown> | unknown[])[] = []
  const collect = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return
    containers.push(node as Record<string, unknown>)
    for (const child of Object.values(node)) collect(child)
  }
  collect(root)
  const target = containers[pick % containers.length] as Record<string, unknown> | unknown[]
  const keys = Object.keys(target)
  if (keys.length === 0 || pickKey % 7 === 6) {
    if (!Array.isArray(target)) target[`stray${pickKey % 3}`] = structuredClone(value)
    return
  }
  const key = keys[pickKey % keys.length] as string
  if (remove && !Array.isArray(target)) delete target[key]
  else (target as Record<string, unknown>)[key] = structuredClone(value)
}
