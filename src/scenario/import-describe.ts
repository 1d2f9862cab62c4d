/**
 * Imports `kafka-topics.sh --describe` output as a scenario: each topic with its partitions,
 * replica lists (the assignment) and Leader/Isr/Elr columns (the initial state), on brokers
 * placed in zones by a user-supplied map.
 *
 * Every variant seen in the wild is read, since columns are found by name, not position:
 * - ZooKeeper-era Kafka: `Topic:orders\tPartitionCount:9\tReplicationFactor:3\tConfigs:`, no
 *   space after the colons, partition lines indented by a tab;
 * - 2.x/3.x: `Topic: orders\tTopicId: ...\tPartitionCount: ...`, and during a reassignment
 *   `Adding Replicas:` and `Removing Replicas:` columns;
 * - 4.x: `Elr:` and `LastKnownElr:` columns, `N/A` or empty when unknown;
 * - Confluent Platform: `Offline:` and `Observers:` columns;
 * - tabs turned into runs of spaces by a terminal or a chat window;
 * - `Leader: none` (Kafka's TopicCommand) or `Leader: -1`;
 * - partition lines without their topic line (`--under-replicated-partitions` output).
 * Lines that are not describe output (a shell prompt, a log line) are skipped with a warning.
 * Problems have the path `line N` and quote the offending text.
 */
import type { BrokerId, ControllerMode, InitialPartitionState, TopicConfig } from '../engine/spec'
import { MAX_PARTITIONS, TOPIC_NAME_PATTERN } from './fields'
import { finish, placeBrokers, ranges, type ImportOptions } from './import-common'
import { infoNote, note, problem, quote, showValue } from './text'
import type { ImportResult, Problem, ScenarioFile, ScenarioTopic } from './types'

export type { ImportOptions } from './import-common'

/** Column names, found anywhere on a line when at its start or after whitespace. */
const COLUMN = /(?<=^|\s)(Adding Replicas|Removing Replicas|[A-Z][A-Za-z]*):/g
const KNOWN_COLUMNS = new Set([
  'Topic',
  'TopicId',
  'PartitionCount',
  'ReplicationFactor',
  'Configs',
  'MarkedForDeletion',
  'Partition',
  'Leader',
  'Replicas',
  'Isr',
  'Elr',
  'LastKnownElr',
  'Offline',
  'Observers',
  'Adding Replicas',
  'Removing Replicas',
])
const MAX_SKIPPED_WARNINGS = 10

interface Line {
  number: number
  text: string
  columns: Map<string, string>
}

interface PartitionInfo {
  line: number
  replicas: number[]
  state: InitialPartitionState
}

interface TopicInfo {
  name: string
  firstLine: number
  header?: { line: number; partitionCount?: number; replicationFactor?: number }
  config: TopicConfig
  partitions: Map<number, PartitionInfo>
}

interface State {
  problems: Problem[]
  warnings: Problem[]
  topics: Map<string, TopicInfo>
  elrSeen: boolean
  oldFormat: boolean
  offline: string[]
  unknownColumns: Set<string>
  skipped: number
}

function columnsOf(number: number, text: string): Line {
  const columns = new Map<string, string>()
  const matches = [...text.matchAll(COLUMN)]
  matches.forEach((match, i) => {
    const start = (match.index ?? 0) + match[0].length
    const end = matches[i + 1]?.index ?? text.length
    const key = match[1] ?? ''
    if (!columns.has(key)) columns.set(key, text.slice(start, end).trim())
  })
  return { number, text, columns }
}

const lineAt = (n: number): string => `line ${n}`

function fail(state: State, line: Line, message: string): undefined {
  state.problems.push(note(lineAt(line.number), message))
  return undefined
}

function integerColumn(state: State, line: Line, key: string, min: number): number | undefined {
  const text = line.columns.get(key)
  if (text === undefined) return fail(state, line, `has no ${key} column`)
  if (!/^[0-9]{1,10}$/.test(text) || Number(text) < min || Number(text) > 2147483647) {
    return fail(state, line, `${key} ${quote(text)} is not ${min > 0 ? 'a positive' : 'a'} number`)
  }
  return Number(text)
}

/** "1,2,3" → [1, 2, 3]; "" → []. Undefined (with a problem) when an element is not an id. */
function idList(state: State, line: Line, key: string, text: string): number[] | undefined {
  if (text === '') return []
  const ids: number[] = []
  for (const part of text.split(',')) {
    const item = part.trim()
    if (!/^[0-9]{1,10}$/.test(item) || Number(item) > 2147483647) {
      return fail(state, line, `${key} ${quote(text)}: ${quote(item)} is not a broker id`)
    }
    ids.push(Number(item))
  }
  return ids
}

function optionalList(state: State, line: Line, key: string): number[] | undefined | null {
  const text = line.columns.get(key)
  if (text === undefined || text === 'N/A') return undefined
  return idList(state, line, key, text) ?? null
}

function topicName(state: State, line: Line): string | undefined {
  const name = line.columns.get('Topic') ?? ''
  if (!new RegExp(TOPIC_NAME_PATTERN, 'u').test(name)) {
    return fail(state, line, `Topic ${quote(name)} is not a valid Kafka topic name`)
  }
  return name
}

function topicInfo(state: State, name: string, line: number): TopicInfo {
  let topic = state.topics.get(name)
  if (topic === undefined) {
    topic = { name, firstLine: line, config: {}, partitions: new Map() }
    state.topics.set(name, topic)
  }
  return topic
}

/**
 * Parses `kafka-topics.sh --describe` output into a scenario file. Validate or normalise the
 * result with `validateScenario`; it is guaranteed to pass.
 *
 * @example
 * const result = importDescribe(text, { zones: '1=use1-az1,2=use1-az2,3=use1-az3' })
 * if (result.ok) editor.setValue(JSON.stringify(result.scenario, null, 2))
 */
export function importDescribe(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importDescribeText(text, options)
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught)
    return {
      ok: false,
      problems: [problem('$', 'internal-error', { stage: 'import', detail: message })],
    }
  }
}

function importDescribeText(text: string, options: ImportOptions): ImportResult {
  const state: State = {
    problems: [],
    warnings: [],
    topics: new Map(),
    elrSeen: false,
    oldFormat: false,
    offline: [],
    unknownColumns: new Set(),
    skipped: 0,
  }
  if (typeof text !== 'string')
    return {
      ok: false,
      problems: [problem('$', 'wrong-type', { expected: 'import-text', got: showValue(text) })],
    }
  text.split(/\r\n|\r|\n/).forEach((raw, i) => readLine(state, columnsOf(i + 1, raw.trim())))
  if (state.skipped > MAX_SKIPPED_WARNINGS) {
    state.warnings.push(
      note(
        '$',
        `${state.skipped - MAX_SKIPPED_WARNINGS} more lines that are not describe output were skipped`,
      ),
    )
  }
  if (state.topics.size === 0 && state.problems.length === 0) {
    state.problems.push(
      note(
        '$',
        'found no topic or partition lines; expected kafka-topics.sh --describe output such as "Topic: orders\tPartitionCount: 3\tReplicationFactor: 3\tConfigs:" followed by "\tTopic: orders\tPartition: 0\tLeader: 1\tReplicas: 1,2,3\tIsr: 1,2,3"',
      ),
    )
  }
  for (const column of state.unknownColumns) {
    state.warnings.push(
      infoNote('$', `column ${JSON.stringify(column)} is not understood and was ignored`),
    )
  }
  if (state.offline.length > 0) {
    state.warnings.push(
      note(
        '$',
        `offline replicas are not imported (the brokers start healthy): ${state.offline.slice(0, 10).join('; ')}${state.offline.length > 10 ? `; and ${state.offline.length - 10} more` : ''}`,
      ),
    )
  }
  const topics = [...state.topics.values()].map((t) => topicFile(state, t))
  const brokerIds = new Set<BrokerId>()
  for (const topic of topics) {
    for (const replicas of Object.values(topic.assignment ?? {}))
      replicas.forEach((id) => brokerIds.add(id))
  }
  const { zones, brokers } = placeBrokers(
    brokerIds,
    options.zones,
    state.problems,
    state.warnings,
    options.zonesFrom,
  )
  topics.forEach((topic) => {
    const rf = topic.replicationFactor ?? 1
    if (topic.assignment === undefined && rf > brokers.length && brokers.length > 0) {
      const info = state.topics.get(topic.name)
      state.problems.push(
        note(
          lineAt(info?.header?.line ?? info?.firstLine ?? 0),
          `ReplicationFactor ${rf} of ${JSON.stringify(topic.name)} is larger than the number of known brokers (${brokers.length}); name the others in the zone map`,
        ),
      )
    }
  })
  const scenario: ScenarioFile = {
    version: 1,
    name:
      options.name ??
      `Imported from kafka-topics --describe (${topics.length} topic${topics.length === 1 ? '' : 's'})`,
    description: options.description ?? '',
    cluster: { controller: controllerMode(state, options), zones, brokers },
    topics,
  }
  if (state.elrSeen) {
    scenario.cluster.config = { 'eligible.leader.replicas.enable': true }
    state.warnings.push(
      infoNote(
        '$',
        'the Elr/LastKnownElr columns list replicas, so eligible leader replicas (KIP-966) are on: eligible.leader.replicas.enable is set to true',
      ),
    )
  }
  return finish(scenario, state.problems, state.warnings)
}

function controllerMode(state: State, options: ImportOptions): ControllerMode {
  if (options.controller !== undefined) return options.controller
  if (state.oldFormat) return 'zookeeper'
  if (!state.elrSeen) {
    state.warnings.push(
      infoNote(
        '$',
        'the output does not show whether the cluster runs KRaft or ZooKeeper; assumed KRaft (set the controller option to change it)',
      ),
    )
  }
  return 'kraft'
}

function readLine(state: State, line: Line): void {
  if (line.text === '') return
  const { columns } = line
  for (const key of columns.keys()) if (!KNOWN_COLUMNS.has(key)) state.unknownColumns.add(key)
  const isPartition = columns.has('Partition') && columns.has('Topic')
  const isHeader = columns.has('PartitionCount') && columns.has('Topic')
  if (!isPartition && !isHeader) {
    if ([...columns.keys()].some((k) => KNOWN_COLUMNS.has(k) && k !== 'Topic')) {
      fail(state, line, `is neither a topic line nor a partition line: ${quote(line.text)}`)
    } else if (++state.skipped <= MAX_SKIPPED_WARNINGS) {
      state.warnings.push(
        note(lineAt(line.number), `skipped, not describe output: ${quote(line.text)}`),
      )
    }
    return
  }
  if (isHeader) readHeader(state, line)
  else readPartition(state, line)
}

function readHeader(state: State, line: Line): void {
  if (/^Topic:\S/.test(line.text)) state.oldFormat = true
  const name = topicName(state, line)
  const partitionCount = integerColumn(state, line, 'PartitionCount', 1)
  const replicationFactor = integerColumn(state, line, 'ReplicationFactor', 1)
  if (name === undefined) return
  const topic = topicInfo(state, name, line.number)
  if (topic.header !== undefined) {
    fail(
      state,
      line,
      `topic ${JSON.stringify(name)} is described twice (also at line ${topic.header.line})`,
    )
    return
  }
  topic.header = { line: line.number }
  if (partitionCount !== undefined) topic.header.partitionCount = partitionCount
  if (replicationFactor !== undefined) topic.header.replicationFactor = replicationFactor
  if (line.columns.get('MarkedForDeletion') === 'true') {
    state.warnings.push(
      note(
        lineAt(line.number),
        `topic ${JSON.stringify(name)} is marked for deletion; imported anyway`,
      ),
    )
  }
  topic.config = readConfigs(state, line, line.columns.get('Configs') ?? '')
}

/**
 * `Configs: a=1,b=2`. Values may themselves contain commas (Confluent's placement constraints
 * are JSON), so entries are split only at commas followed by `key=`.
 */
function readConfigs(state: State, line: Line, text: string): TopicConfig {
  const config: TopicConfig = {}
  const ignored: string[] = []
  for (const entry of text.split(/,(?=\s*[A-Za-z0-9._-]+=)/)) {
    if (entry.trim() === '') continue
    const eq = entry.indexOf('=')
    const key = (eq < 0 ? entry : entry.slice(0, eq)).trim()
    const value = eq < 0 ? '' : entry.slice(eq + 1).trim()
    if (key === 'min.insync.replicas') {
      if (/^[0-9]{1,10}$/.test(value) && Number(value) >= 1 && Number(value) <= 2147483647) {
        config['min.insync.replicas'] = Number(value)
      } else {
        fail(state, line, `min.insync.replicas=${quote(value)} is not a positive number`)
      }
    } else if (key === 'unclean.leader.election.enable') {
      if (value === 'true' || value === 'false')
        config['unclean.leader.election.enable'] = value === 'true'
      else fail(state, line, `unclean.leader.election.enable=${quote(value)} is not true or false`)
    } else {
      ignored.push(key)
    }
  }
  if (ignored.length > 0) {
    state.warnings.push(
      infoNote(
        lineAt(line.number),
        `ignored configs the simulator does not model: ${ignored.join(', ')}`,
      ),
    )
  }
  return config
}

function readPartition(state: State, line: Line): void {
  const name = topicName(state, line)
  const partition = integerColumn(state, line, 'Partition', 0)
  const leaderText = line.columns.get('Leader')
  let leader: number | undefined
  if (leaderText === undefined) fail(state, line, 'has no Leader column')
  else if (leaderText === 'none' || leaderText === '-1') leader = -1
  else if (/^[0-9]{1,10}$/.test(leaderText) && Number(leaderText) <= 2147483647)
    leader = Number(leaderText)
  else fail(state, line, `Leader ${quote(leaderText)} is not a broker id, "none" or -1`)
  const replicasText = line.columns.get('Replicas')
  if (replicasText === undefined) fail(state, line, 'has no Replicas column')
  let replicas =
    replicasText === undefined ? undefined : idList(state, line, 'Replicas', replicasText)
  let isr = idList(state, line, 'Isr', line.columns.get('Isr') ?? '')
  if (!line.columns.has('Isr')) fail(state, line, 'has no Isr column')
  const elr = optionalList(state, line, 'Elr')
  const lastKnownElr = optionalList(state, line, 'LastKnownElr')
  const offline = optionalList(state, line, 'Offline')
  const observers = optionalList(state, line, 'Observers') ?? []
  const adding = optionalList(state, line, 'Adding Replicas') ?? []
  const removing = optionalList(state, line, 'Removing Replicas') ?? []
  if (
    name === undefined ||
    partition === undefined ||
    leader === undefined ||
    replicas === undefined ||
    isr === undefined ||
    elr === null ||
    lastKnownElr === null ||
    offline === null
  ) {
    return
  }
  if (offline !== undefined && offline.length > 0)
    state.offline.push(`${name}-${partition} (${offline.join(',')})`)
  if (observers.length > 0) {
    // Observers (Confluent) replicate asynchronously and never count towards acks=all; the
    // simulator has no such replicas, so they are left out rather than modelled as followers.
    if (observers.includes(leader)) {
      fail(
        state,
        line,
        `the leader ${leader} is an observer; the simulator does not model observers`,
      )
      return
    }
    state.warnings.push(
      infoNote(
        lineAt(line.number),
        `observers ${observers.join(',')} are not modelled and were left out`,
      ),
    )
    replicas = replicas.filter((id) => !observers.includes(id))
    isr = isr.filter((id) => !observers.includes(id))
  }
  if (adding.length > 0 || removing.length > 0) {
    // As Kafka's TopicCommand counts the replication factor: the replicas before the move.
    replicas = replicas.filter((id) => !adding.includes(id))
    isr = isr.filter((id) => !adding.includes(id))
    state.warnings.push(
      note(
        lineAt(line.number),
        `a reassignment is in progress; imported the replicas before it (${replicas.join(',')}), without the adding replicas ${adding.join(',') || 'none'}`,
      ),
    )
  }
  if (!checkReplicas(state, line, replicas, leader, isr, elr ?? [], lastKnownElr ?? [])) return
  const topic = topicInfo(state, name, line.number)
  const earlier = topic.partitions.get(partition)
  if (earlier !== undefined) {
    fail(
      state,
      line,
      `partition ${partition} of ${JSON.stringify(name)} is described twice (also at line ${earlier.line})`,
    )
    return
  }
  const initial: InitialPartitionState = { leader, isr }
  if (elr !== undefined && elr.length > 0) initial.elr = elr
  if (lastKnownElr !== undefined && lastKnownElr.length > 0) initial.lastKnownElr = lastKnownElr
  if (initial.elr !== undefined || initial.lastKnownElr !== undefined) state.elrSeen = true
  topic.partitions.set(partition, { line: line.number, replicas, state: initial })
}

function checkReplicas(
  state: State,
  line: Line,
  replicas: number[],
  leader: number,
  isr: number[],
  elr: number[],
  lastKnownElr: number[],
): boolean {
  const before = state.problems.length
  if (replicas.length === 0) fail(state, line, 'Replicas is empty')
  const twice = (ids: number[]): number | undefined => ids.find((id, i) => ids.indexOf(id) !== i)
  for (const [key, ids] of [
    ['Replicas', replicas],
    ['Isr', isr],
    ['Elr', elr],
    ['LastKnownElr', lastKnownElr],
  ] as const) {
    const dup = twice(ids)
    if (dup !== undefined) fail(state, line, `${key} lists broker ${dup} twice`)
  }
  const shown = replicas.join(',')
  if (leader !== -1 && !replicas.includes(leader)) {
    fail(state, line, `Leader ${leader} is not among the Replicas ${shown}`)
  } else if (leader !== -1 && !isr.includes(leader)) {
    fail(
      state,
      line,
      `Leader ${leader} is not in the Isr ${isr.join(',') || '(empty)'}; Kafka's leader is always in the ISR`,
    )
  }
  for (const [key, ids] of [
    ['Isr', isr],
    ['Elr', elr],
    ['LastKnownElr', lastKnownElr],
  ] as const) {
    const stray = ids.filter((id) => !replicas.includes(id))
    if (stray.length > 0)
      fail(
        state,
        line,
        `${key} has broker ${stray.join(',')}, which is not among the Replicas ${shown}`,
      )
  }
  const both = elr.filter((id) => isr.includes(id))
  if (both.length > 0)
    fail(
      state,
      line,
      `broker ${both.join(',')} is in both Isr and Elr; eligible leader replicas are outside the ISR`,
    )
  return state.problems.length === before
}

function topicFile(state: State, topic: TopicInfo): ScenarioTopic {
  const { header, partitions } = topic
  const numbers = [...partitions.keys()]
  const where = lineAt(header?.line ?? topic.firstLine)
  const count = header?.partitionCount ?? numbers.reduce((max, p) => Math.max(max, p + 1), 0)
  if (count > MAX_PARTITIONS) {
    state.problems.push(
      note(
        where,
        `topic ${JSON.stringify(topic.name)} has ${count} partitions; the simulator allows at most ${MAX_PARTITIONS} per topic`,
      ),
    )
    return { name: topic.name, partitions: 1 }
  }
  if (header === undefined) {
    state.warnings.push(
      note(
        where,
        `topic ${JSON.stringify(topic.name)} has no topic line (PartitionCount); assumed ${count} partitions from its partition lines`,
      ),
    )
  }
  const beyond = numbers.filter((p) => p >= count)
  if (beyond.length > 0) {
    state.problems.push(
      note(
        lineAt(partitions.get(beyond[0] as number)?.line ?? topic.firstLine),
        `partition ${ranges(beyond)} of ${JSON.stringify(topic.name)} is beyond its PartitionCount ${count}`,
      ),
    )
  }
  const out: ScenarioTopic = { name: topic.name, partitions: Math.max(count, 1) }
  if (partitions.size === 0) {
    // A topic line alone still gives the shape; Kafka's default assignment places the replicas.
    if (header?.replicationFactor !== undefined) out.replicationFactor = header.replicationFactor
    state.warnings.push(
      note(
        where,
        `topic ${JSON.stringify(topic.name)} has no partition lines; its replicas will be placed by Kafka's default assignment`,
      ),
    )
    return withConfig(state, out, topic, where)
  }
  const missing = Array.from({ length: count }, (_, p) => p).filter((p) => !partitions.has(p))
  if (missing.length > 0) {
    state.problems.push(
      note(
        where,
        `topic ${JSON.stringify(topic.name)} has ${count} partitions but no lines for partition ${ranges(missing)}`,
      ),
    )
  }
  const sorted = [...partitions.entries()].sort((a, b) => a[0] - b[0])
  const [firstP, first] = sorted[0] as [number, PartitionInfo]
  const rf = first.replicas.length
  for (const [p, info] of sorted) {
    if (info.replicas.length !== rf) {
      state.problems.push(
        note(
          lineAt(info.line),
          `partition ${p} has ${info.replicas.length} replicas but partition ${firstP} (line ${first.line}) has ${rf}; the simulator needs one replication factor per topic`,
        ),
      )
    }
  }
  if (header?.replicationFactor !== undefined && header.replicationFactor !== rf) {
    state.warnings.push(
      note(
        where,
        `ReplicationFactor says ${header.replicationFactor} but the partitions have ${rf} replicas; used ${rf}`,
      ),
    )
  }
  out.replicationFactor = rf
  out.assignment = Object.fromEntries(sorted.map(([p, info]) => [String(p), info.replicas]))
  out.initial = Object.fromEntries(sorted.map(([p, info]) => [String(p), info.state]))
  return withConfig(state, out, topic, where)
}

/**
 * Topic configs. A min.insync.replicas above the replication factor (common when a broker-wide
 * value of 2 meets an RF 1 topic) is lowered to the replication factor with a warning: Kafka
 * then refuses every acks=all write, which the simulator does not reproduce.
 */
function withConfig(
  state: State,
  out: ScenarioTopic,
  topic: TopicInfo,
  where: string,
): ScenarioTopic {
  const config = { ...topic.config }
  const rf = out.replicationFactor
  const minIsr = config['min.insync.replicas']
  if (rf !== undefined && minIsr !== undefined && minIsr > rf) {
    config['min.insync.replicas'] = rf
    state.warnings.push(
      note(
        where,
        `min.insync.replicas=${minIsr} is larger than the replication factor ${rf} of ${JSON.stringify(topic.name)}; imported as ${rf}. In Kafka every acks=all write to this topic fails with NOT_ENOUGH_REPLICAS`,
      ),
    )
  }
  // Rebuilt so that the keys come in the documented order: config before the replica lists.
  const { assignment, initial, ...shape } = out
  const ordered: ScenarioTopic = { ...shape }
  if (Object.keys(config).length > 0) ordered.config = config
  if (assignment !== undefined) ordered.assignment = assignment
  if (initial !== undefined) ordered.initial = initial
  return ordered
}
