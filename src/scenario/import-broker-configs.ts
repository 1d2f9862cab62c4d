/**
 * Reads `kafka-configs.sh --bootstrap-server … --describe --entity-type brokers --all` output:
 * each broker's `broker.rack` (its zone: MSK sets it to the Availability Zone ID, e.g.
 * use1-az1) and the cluster-wide configs the simulator models. The format is Kafka's
 * `ConfigCommand.describeResourceConfig` (core/src/main/scala/kafka/admin/ConfigCommand.scala):
 *
 *     All configs for broker 1 are:
 *       broker.rack=use1-az1 sensitive=false synonyms={STATIC_BROKER_CONFIG:broker.rack=use1-az1}
 *       min.insync.replicas=2 sensitive=false synonyms={STATIC_BROKER_CONFIG:min.insync.replicas=2, DEFAULT_CONFIG:min.insync.replicas=1}
 *     Default configs for brokers in the cluster are:
 *       ...
 *
 * Without `--all` the header reads "Dynamic configs for broker 1 are:" ("Configs for broker 1
 * are:" before Kafka 2.5, KAFKA-9040, which added `--all`) and lists only dynamic configs, so
 * `broker.rack` (a static config) is missing; the problem then says to add `--all`.
 * A sensitive value is printed as `null`, as is an unset one.
 */
import type { BrokerId, ClusterConfig, ControllerMode, ZoneName } from '../engine/spec'
import { MAX_INT32 } from './fields'
import type { ReadConfigs } from './import-cluster-config'
import { configValue } from './import-cluster-config'
import { note, quote } from './text'
import type { Problem } from './types'

/** The cluster configs read from the output, besides broker.rack. */
export const READ_CONFIG_KEYS = [
  'min.insync.replicas',
  'default.replication.factor',
  'unclean.leader.election.enable',
  'replica.lag.time.max.ms',
  'auto.leader.rebalance.enable',
] as const satisfies readonly (keyof ClusterConfig)[]

/** `All configs for broker 1 are:`; `Dynamic configs …` without --all; `Configs …` before 2.5. */
const HEADER = /^(?:(All|Dynamic) c|C)onfigs for ([a-z-]+) (\S+) are:\s*$/
const DEFAULT_HEADER = /^Default configs for ([a-z-]+) in the cluster are:\s*$/
/** `  key=value sensitive=false synonyms={...}`; the value may be empty, or `null`. */
const ENTRY = /^\s+([A-Za-z0-9._-]+)=(.*) sensitive=(true|false) synonyms=\{(.*)\}\s*$/
const ZONE = /^[^\s,;=]{1,1000}$/
const MAX_SKIPPED = 10

interface Entry {
  value: string
  line: number
}

interface Section {
  broker: BrokerId | 'default'
  line: number
  all: boolean
  entries: Map<string, Entry>
}

export interface BrokerConfigsRead {
  /** Each described broker's broker.rack (null: not set) and the line it was read from. */
  racks: Map<BrokerId, { rack: ZoneName | null; line: number }>
  /** The header line of each broker's section. */
  sections: Map<BrokerId, number>
  config: ReadConfigs
  /** From process.roles (KRaft) or a set zookeeper.connect (ZooKeeper); absent if neither. */
  controller?: ControllerMode
}

export type BrokerConfigsResult =
  { ok: true; read: BrokerConfigsRead; warnings: Problem[] } | { ok: false; problems: Problem[] }

/** Whether a text looks like kafka-configs broker output (a broker section header). */
export function looksLikeBrokerConfigs(text: string): boolean {
  return /^(?:(?:All|Dynamic) c|C)onfigs for broker \S+ are:/m.test(text)
}

/**
 * Parses kafka-configs broker output. Paths are `<root>, line N`.
 *
 * @example
 * const result = readBrokerConfigs(text)
 * if (result.ok) result.read.racks.get(1) // { rack: 'use1-az1', line: 2 }
 */
export function readBrokerConfigs(text: string, root = 'zoneMap'): BrokerConfigsResult {
  const where = (line: number) => `${root}, line ${line}`
  const problems: Problem[] = []
  const warnings: Problem[] = []
  const sections: Section[] = []
  let current: Section | null = null
  let skipped = 0
  const skip = (n: number, raw: string, why: string) => {
    if (++skipped <= MAX_SKIPPED) warnings.push(note(where(n), `skipped, ${why}: ${quote(raw)}`))
  }
  const lines = text.split(/\r\n|\r|\n/)
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? ''
    const n = i + 1
    const trimmed = raw.trim()
    if (trimmed === '') continue
    const header = HEADER.exec(trimmed)
    const defaults = DEFAULT_HEADER.exec(trimmed)
    if (header !== null || defaults !== null) {
      const type = header?.[2] ?? defaults?.[1] ?? ''
      if (type !== 'broker' && type !== 'brokers') {
        problems.push(
          note(
            where(n),
            `this section describes ${type === '' ? 'something else' : `a ${type}`}, not a broker; run kafka-configs with --entity-type brokers`,
          ),
        )
        current = null
        continue
      }
      if (defaults !== null) {
        current = { broker: 'default', line: n, all: false, entries: new Map() }
      } else {
        const id = header?.[3] ?? ''
        if (!/^[0-9]{1,10}$/.test(id) || Number(id) > MAX_INT32) {
          problems.push(note(where(n), `${quote(id)} is not a broker id`))
          current = null
          continue
        }
        current = { broker: Number(id), line: n, all: header?.[1] === 'All', entries: new Map() }
      }
      sections.push(current)
      continue
    }
    const entry = ENTRY.exec(raw)
    if (entry === null) {
      skip(n, trimmed, current === null ? 'not kafka-configs output' : 'not a config entry')
      continue
    }
    if (current === null) {
      skip(n, trimmed, 'a config entry before any "configs for broker" line')
      continue
    }
    current.entries.set(entry[1] ?? '', { value: entry[2] ?? '', line: n })
  }
  if (skipped > MAX_SKIPPED) {
    warnings.push(note(root, `${skipped - MAX_SKIPPED} more lines were skipped`))
  }
  const brokers = sections.filter(
    (s): s is Section & { broker: BrokerId } => s.broker !== 'default',
  )
  if (brokers.length === 0 && problems.length === 0) {
    problems.push(
      note(
        root,
        'found no "All configs for broker N are:" section; paste the output of kafka-configs.sh --bootstrap-server <broker:port> --describe --entity-type brokers --all',
      ),
    )
  }
  const read: BrokerConfigsRead = {
    racks: new Map(),
    sections: new Map(),
    config: { values: {}, places: {} },
  }
  readRacks(brokers, read, problems, where)
  const defaults = sections.find((s) => s.broker === 'default')
  readConfigs(brokers, defaults, read, problems, warnings, where)
  const controller = controllerMode(brokers)
  if (controller !== undefined) read.controller = controller
  return problems.length > 0 ? { ok: false, problems } : { ok: true, read, warnings }
}

function readRacks(
  brokers: (Section & { broker: BrokerId })[],
  read: BrokerConfigsRead,
  problems: Problem[],
  where: (line: number) => string,
): void {
  for (const section of brokers) {
    const entry = section.entries.get('broker.rack')
    const rack = entry === undefined || entry.value === 'null' ? null : entry.value
    const line = entry?.line ?? section.line
    const before = read.racks.get(section.broker)
    if (read.sections.has(section.broker)) {
      // The same broker twice (two runs pasted together): fine unless the racks contradict.
      if (before?.rack != null && rack !== null && before.rack !== rack) {
        problems.push(
          note(
            where(line),
            `broker ${section.broker} has broker.rack=${rack} here but broker.rack=${before.rack} at line ${before.line}`,
          ),
        )
      }
      if (before?.rack != null || rack === null) continue
    }
    read.sections.set(section.broker, section.line)
    if (entry === undefined && !section.all) {
      problems.push(
        note(
          where(section.line),
          `broker ${section.broker}: without --all kafka-configs lists only dynamic configs, and broker.rack is a static one; run it with --all (Kafka 2.5 or later)`,
        ),
      )
      continue
    }
    if (rack !== null && !ZONE.test(rack)) {
      problems.push(note(where(line), `broker.rack ${quote(rack)} is not a zone name`))
      continue
    }
    read.racks.set(section.broker, { rack, line })
  }
}

/**
 * Each read config: the brokers' value, or the cluster default section's. Brokers that disagree
 * get the value most of them have (ties: the lowest broker id's), with a warning, since the
 * simulator keeps one value for the whole cluster.
 */
function readConfigs(
  brokers: (Section & { broker: BrokerId })[],
  defaults: Section | undefined,
  read: BrokerConfigsRead,
  problems: Problem[],
  warnings: Problem[],
  where: (line: number) => string,
): void {
  const sorted = [...brokers].sort((a, b) => a.broker - b.broker)
  for (const key of READ_CONFIG_KEYS) {
    const seen = new Map<string, { brokers: BrokerId[]; line: number }>()
    for (const section of sorted) {
      const entry = section.entries.get(key)
      if (entry === undefined || entry.value === 'null') continue
      const known = seen.get(entry.value)
      if (known === undefined)
        seen.set(entry.value, { brokers: [section.broker], line: entry.line })
      else known.brokers.push(section.broker)
    }
    const fallback = defaults?.entries.get(key)
    if (seen.size === 0 && fallback !== undefined && fallback.value !== 'null')
      seen.set(fallback.value, { brokers: [], line: fallback.line })
    if (seen.size === 0) continue
    const ranked = [...seen.entries()].sort((a, b) => b[1].brokers.length - a[1].brokers.length)
    const [text, chosen] = ranked[0]!
    if (ranked.length > 1) {
      const parts = ranked.map(([v, s]) => `${v} on broker ${s.brokers.join(',')} (line ${s.line})`)
      warnings.push(
        note(
          where(chosen.line),
          `the brokers disagree on ${key}: ${parts.join('; ')}. The simulator has one value for the cluster and uses ${text}`,
        ),
      )
    }
    const parsed = configValue(key, text, where(chosen.line))
    if (!parsed.ok) {
      problems.push(...parsed.problems)
      continue
    }
    ;(read.config.values as Record<string, unknown>)[key] = parsed.value
    read.config.places[key] = `line ${chosen.line} of the kafka-configs output`
  }
}

function controllerMode(brokers: Section[]): ControllerMode | undefined {
  for (const section of brokers) {
    const roles = section.entries.get('process.roles')?.value
    if (roles !== undefined && roles !== 'null' && roles !== '') return 'kraft'
    const zk = section.entries.get('zookeeper.connect')?.value
    if (zk !== undefined && zk !== 'null' && zk !== '') return 'zookeeper'
  }
  return undefined
}
