/**
 * Imports a `kafka-reassign-partitions.sh` JSON file as a scenario:
 * `{"version":1,"partitions":[{"topic":"t","partition":0,"replicas":[1,2,3],"log_dirs":["any",...]}]}`.
 * Each topic gets max(partition) + 1 partitions and the listed replica lists; partitions the
 * file leaves out get Kafka's default assignment (with a warning). The whole output of
 * `--generate` may be pasted: the "Proposed partition reassignment configuration" is used.
 * Kafka's own checks are applied (`ReassignPartitionsCommand.parsePartitionReassignmentData`):
 * version 1, no duplicate partitions, no duplicate replicas, log_dirs as long as replicas.
 */
import { TOPIC_NAME_PATTERN, MAX_INT32, MAX_PARTITIONS } from './fields'
import { finish, placeBrokers, ranges, type ImportOptions } from './import-common'
import { parseJson } from './json'
import {
  at,
  describeValue,
  hasOwn,
  isRecord,
  infoNote,
  note,
  problem,
  quote,
  showValue,
} from './text'
import type { ImportResult, Problem, ScenarioFile, ScenarioTopic } from './types'

interface Entry {
  path: string
  topic: string
  partition: number
  replicas: number[]
}

const ENTRY_KEYS = ['topic', 'partition', 'replicas', 'log_dirs']

/** Finds the JSON in pasted command output; plain JSON is returned as it is. */
function jsonText(text: string, warnings: Problem[]): string {
  const trimmed = text.trim()
  if (trimmed.startsWith('{') || trimmed === '') return text
  const lines = text.split(/\r\n|\r|\n/)
  const proposed = lines.findIndex((l) =>
    l.includes('Proposed partition reassignment configuration'),
  )
  const start = lines.findIndex((l, i) => i > proposed && l.trim().startsWith('{'))
  if (start < 0) return text
  warnings.push(
    note(
      `line ${start + 1}`,
      proposed >= 0
        ? 'used the proposed reassignment from the pasted --generate output'
        : 'used the JSON on this line and ignored the text around it',
    ),
  )
  return lines[start] ?? ''
}

/**
 * Parses reassignment JSON into a scenario file; the result is guaranteed to pass
 * `validateScenario`.
 *
 * @example
 * importReassignment(fs.readFileSync('plan.json', 'utf8'), { zones: { 1: 'use1-az1', 2: 'use1-az2' } })
 */
export function importReassignment(text: string, options: ImportOptions = {}): ImportResult {
  try {
    return importReassignmentText(text, options)
  } catch (caught) {
    const message = caught instanceof Error ? caught.message : String(caught)
    return {
      ok: false,
      problems: [problem('$', 'internal-error', { stage: 'import', detail: message })],
    }
  }
}

function importReassignmentText(text: string, options: ImportOptions): ImportResult {
  const problems: Problem[] = []
  const warnings: Problem[] = []
  if (typeof text !== 'string')
    return {
      ok: false,
      problems: [problem('$', 'wrong-type', { expected: 'import-text', got: showValue(text) })],
    }
  const json = parseJson(jsonText(text, warnings))
  if (!json.ok) return { ok: false, problems: json.problems }
  const root = json.value
  if (!isRecord(root)) {
    return {
      ok: false,
      problems: [
        note(
          '$',
          `must be an object {"version": 1, "partitions": [...]} (got ${describeValue(root)})`,
        ),
      ],
    }
  }
  for (const key of Object.keys(root)) {
    if (key !== 'version' && key !== 'partitions')
      warnings.push(note(at('', key), 'unknown field, ignored'))
  }
  if (root.version !== 1) {
    let message = 'is required (1)'
    if (typeof root.version === 'number') {
      message = `unsupported version ${root.version}; Kafka's reassignment files have version 1`
    } else if (hasOwn(root, 'version')) {
      message = `must be the number 1 (got ${describeValue(root.version)})`
    }
    problems.push(note('version', message))
  }
  const items = root.partitions
  if (!Array.isArray(items)) {
    problems.push(
      note(
        'partitions',
        hasOwn(root, 'partitions')
          ? `must be an array (got ${describeValue(items)})`
          : 'is required: a list of {"topic", "partition", "replicas"}',
      ),
    )
    return { ok: false, problems }
  }
  if (items.length === 0) problems.push(note('partitions', 'is empty: there is nothing to import'))
  const entries = items.flatMap(
    (item, i) => readEntry(item, at('partitions', i), problems, warnings) ?? [],
  )
  const topics = buildTopics(entries, problems, warnings)
  const brokerIds = new Set(entries.flatMap((e) => e.replicas))
  const { zones, brokers } = placeBrokers(
    brokerIds,
    options.zones,
    problems,
    warnings,
    options.zonesFrom,
  )
  const scenario: ScenarioFile = {
    version: 1,
    name:
      options.name ??
      `Imported from a reassignment file (${topics.length} topic${topics.length === 1 ? '' : 's'})`,
    description: options.description ?? '',
    cluster: { controller: options.controller ?? 'kraft', zones, brokers },
    topics,
  }
  return finish(scenario, problems, warnings)
}

function readEntry(
  item: unknown,
  path: string,
  problems: Problem[],
  warnings: Problem[],
): Entry | undefined {
  if (!isRecord(item)) {
    problems.push(
      note(
        path,
        `must be an object {"topic", "partition", "replicas"} (got ${describeValue(item)})`,
      ),
    )
    return undefined
  }
  const before = problems.length
  for (const key of Object.keys(item)) {
    if (!ENTRY_KEYS.includes(key)) warnings.push(note(at(path, key), 'unknown field, ignored'))
  }
  const { topic, partition, replicas } = item
  if (typeof topic !== 'string' || !new RegExp(TOPIC_NAME_PATTERN, 'u').test(topic)) {
    problems.push(
      note(
        at(path, 'topic'),
        hasOwn(item, 'topic')
          ? `${typeof topic === 'string' ? quote(topic) : describeValue(topic)} is not a valid Kafka topic name`
          : 'is required',
      ),
    )
  }
  if (
    typeof partition !== 'number' ||
    !Number.isInteger(partition) ||
    partition < 0 ||
    partition >= MAX_PARTITIONS
  ) {
    problems.push(
      note(
        at(path, 'partition'),
        hasOwn(item, 'partition')
          ? `must be a partition number from 0 to ${MAX_PARTITIONS - 1} (got ${describeValue(partition)})`
          : 'is required',
      ),
    )
  }
  if (!Array.isArray(replicas) || replicas.length === 0) {
    problems.push(
      note(
        at(path, 'replicas'),
        hasOwn(item, 'replicas')
          ? `must be a non-empty list of broker ids (got ${describeValue(replicas)})`
          : 'is required',
      ),
    )
  } else {
    replicas.forEach((id, j) => {
      if (typeof id !== 'number' || !Number.isInteger(id) || id < 0 || id > MAX_INT32) {
        problems.push(
          note(at(path, 'replicas', j), `must be a broker id (got ${describeValue(id)})`),
        )
      } else if (replicas.indexOf(id) !== j) {
        problems.push(
          note(
            at(path, 'replicas', j),
            `broker ${id} is listed twice; Kafka refuses duplicate replicas`,
          ),
        )
      }
    })
  }
  readLogDirs(item, path, problems, warnings)
  if (problems.length > before) return undefined
  return {
    path,
    topic: topic as string,
    partition: partition as number,
    replicas: (replicas as number[]).slice(),
  }
}

function readLogDirs(
  item: Record<string, unknown>,
  path: string,
  problems: Problem[],
  warnings: Problem[],
): void {
  if (!hasOwn(item, 'log_dirs')) return
  const dirs = item.log_dirs
  const dirsPath = at(path, 'log_dirs')
  if (!Array.isArray(dirs) || dirs.some((d) => typeof d !== 'string')) {
    problems.push(
      note(dirsPath, `must be a list of log directories or "any" (got ${describeValue(dirs)})`),
    )
  } else if (Array.isArray(item.replicas) && dirs.length !== item.replicas.length) {
    problems.push(
      note(
        dirsPath,
        `lists ${dirs.length} log directories for ${item.replicas.length} replicas; Kafka needs one per replica`,
      ),
    )
  } else if (dirs.some((d) => d !== 'any')) {
    warnings.push(infoNote(dirsPath, 'log directories are not modelled and were ignored'))
  }
}

function buildTopics(entries: Entry[], problems: Problem[], warnings: Problem[]): ScenarioTopic[] {
  const byTopic = new Map<string, Entry[]>()
  for (const entry of entries) {
    const list = byTopic.get(entry.topic) ?? []
    const earlier = list.find((e) => e.partition === entry.partition)
    if (earlier !== undefined) {
      problems.push(
        note(
          entry.path,
          `partition ${entry.topic}-${entry.partition} is listed twice (also at ${earlier.path}); Kafka refuses duplicate partitions`,
        ),
      )
      continue
    }
    list.push(entry)
    byTopic.set(entry.topic, list)
  }
  return [...byTopic.entries()].map(([name, list]) => {
    list.sort((a, b) => a.partition - b.partition)
    const first = list[0] as Entry
    const rf = first.replicas.length
    for (const entry of list) {
      if (entry.replicas.length !== rf) {
        problems.push(
          note(
            at(entry.path, 'replicas'),
            `has ${entry.replicas.length} replicas but ${name}-${first.partition} (${first.path}) has ${rf}; the simulator needs one replication factor per topic`,
          ),
        )
      }
    }
    const partitions = (list[list.length - 1] as Entry).partition + 1
    const listed = new Set(list.map((e) => e.partition))
    const missing = Array.from({ length: partitions }, (_, p) => p).filter((p) => !listed.has(p))
    if (missing.length > 0) {
      warnings.push(
        note(
          first.path,
          `topic ${JSON.stringify(name)} has no replica list for partition ${ranges(missing)}; Kafka's default assignment places them`,
        ),
      )
    }
    return {
      name,
      partitions,
      replicationFactor: rf,
      assignment: Object.fromEntries(list.map((e) => [String(e.partition), e.replicas])),
    }
  })
}
