/**
 * Writes a `SimulationSpec` back as a scenario file in its explicit form: every default, broker,
 * controller and replica list written out, keys in a fixed order, so that the same spec always
 * gives the same text and `parseScenario(scenarioToJson(spec))` gives the spec back.
 */
import type { Acks, ClientSpec, SimulationSpec, TopicSpec } from '../engine/spec'
import { faultSpec } from './normalize'
import type { ScenarioAcks, ScenarioClient, ScenarioFile, ScenarioTopic } from './types'

const WIDTH = 100

function acksForm(acks: Acks): ScenarioAcks {
  return acks === -1 ? 'all' : acks
}

function topicFile(topic: TopicSpec): ScenarioTopic {
  const out: ScenarioTopic = {
    name: topic.name,
    partitions: topic.partitions,
    replicationFactor: topic.replicationFactor,
    config: { ...topic.config },
    assignment: Object.fromEntries(
      topic.assignment.map((replicas, p) => [String(p), replicas.slice()]),
    ),
  }
  if (topic.initial !== undefined) {
    const initial: NonNullable<ScenarioTopic['initial']> = {}
    topic.initial.forEach((state, p) => {
      if (state !== null) initial[String(p)] = structuredClone(state)
    })
    out.initial = initial
  }
  return out
}

function clientFile(client: ClientSpec): ScenarioClient {
  if (client.kind === 'producer') {
    const { acks, ...rest } = client.config
    return {
      kind: 'producer',
      id: client.id,
      topic: client.topic,
      recordsPerSecond: client.recordsPerSecond,
      ...(client.recordBytes === undefined ? {} : { recordBytes: client.recordBytes }),
      config: { acks: acksForm(acks), ...structuredClone(rest) },
    }
  }
  return {
    kind: 'consumer',
    id: client.id,
    topic: client.topic,
    ...(client.group === undefined ? {} : { group: client.group, members: client.members ?? 1 }),
    config: structuredClone(client.config),
  }
}

/** The explicit scenario file of a spec (plain data, keys in a fixed order). */
export function specToScenario(spec: SimulationSpec): ScenarioFile {
  return {
    version: 1,
    name: spec.name,
    description: spec.description,
    seed: spec.seed,
    durationMs: spec.durationMs,
    cluster: {
      ...(spec.cluster.kafkaVersion === undefined
        ? {}
        : { kafkaVersion: spec.cluster.kafkaVersion }),
      ...(spec.cluster.brokerType === undefined ? {} : { brokerType: spec.cluster.brokerType }),
      ...(spec.cluster.brokerLimits === undefined
        ? {}
        : { brokerLimits: { ...spec.cluster.brokerLimits } }),
      ...(spec.cluster.storage === undefined ? {} : { storage: { ...spec.cluster.storage } }),
      controller: spec.cluster.controller,
      zones: spec.cluster.zones.slice(),
      brokers: spec.cluster.brokers.map((b) => ({ id: b.id, zone: b.zone })),
      controllers: spec.cluster.controllers.map((c) => ({ id: c.id, zone: c.zone })),
      config: { ...spec.cluster.config },
    },
    topics: spec.topics.map(topicFile),
    clients: spec.clients.map(clientFile),
    faults: spec.faults.map(faultSpec),
  }
}

/**
 * The spec as scenario JSON text (version 1, explicit form), ending in a newline. Short objects
 * and lists stay on one line, so assignments and faults read like a table.
 *
 * @example
 * download('scenario.json', scenarioToJson(simulation.spec))
 */
export function scenarioToJson(spec: SimulationSpec): string {
  return `${render(specToScenario(spec), '', 0)}\n`
}

/** One-line form of small values (at most two levels deep), or undefined. */
function inline(value: unknown, depth: number): string | undefined {
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  if (depth >= 2) return undefined
  const parts: string[] = []
  if (Array.isArray(value)) {
    for (const item of value) {
      const part = inline(item, depth + 1)
      if (part === undefined) return undefined
      parts.push(part)
    }
    return `[${parts.join(', ')}]`
  }
  for (const [key, item] of Object.entries(value)) {
    const part = inline(item, depth + 1)
    if (part === undefined) return undefined
    parts.push(`${JSON.stringify(key)}: ${part}`)
  }
  return parts.length === 0 ? '{}' : `{ ${parts.join(', ')} }`
}

function render(value: unknown, indent: string, prefixLength: number): string {
  // Strings, numbers and the like stay whole however long they are.
  if (value === null || typeof value !== 'object') return JSON.stringify(value)
  const flat = inline(value, 0)
  // +1 for a trailing comma.
  if (flat !== undefined && indent.length + prefixLength + flat.length + 1 <= WIDTH) return flat
  const inner = `${indent}  `
  if (Array.isArray(value)) {
    const items = value.map((item) => `${inner}${render(item, inner, 0)}`)
    return `[\n${items.join(',\n')}\n${indent}]`
  }
  const entries = Object.entries(value as Record<string, unknown>).map(([key, item]) => {
    const prefix = `${JSON.stringify(key)}: `
    return `${inner}${prefix}${render(item, inner, prefix.length)}`
  })
  return `{\n${entries.join(',\n')}\n${indent}}`
}
