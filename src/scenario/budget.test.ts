/**
 * Checks the work budgets (budget.ts) as a user meets them: each limit refuses one step past it
 * with a problem at the field's path that names the total and the limit, and accepts the limit
 * itself; every shipped scenario is inside every budget and none is a long run; repeated
 * problems are capped with one line saying how many were left out; and hostile inputs of each
 * kind (a 10 MB key, a million faults, a million partitions over many topics, a duration of
 * 2^53 − 1 ms, random bytes) are refused in well under a second of CPU.
 */
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../engine/spec'
import {
  LONG_RUN_WORK,
  MAX_CLIENTS,
  MAX_DURATION_MS,
  MAX_FAULTS,
  MAX_KEY_CHARS,
  MAX_PROBLEMS_PER_CODE,
  MAX_RUN_WORK,
  MAX_STRING_CHARS,
  MAX_TEXT_CHARS,
  durationText,
  longClientRunsReason,
  longMatrixReason,
  longRunReason,
  runWork,
  specSize,
  thousands,
} from './budget'
import { runBudgetProblems } from './budget-check'
import { CLUSTER_FIELDS, NODE_FIELDS, ROOT_FIELDS, TOPIC_CONFIG_FIELDS } from './fields'
import type { Problem } from './types'
import { parseScenario, validateScenario } from './validate'

type Json = Record<string, unknown>

/** Three brokers in three zones, one topic of 3 partitions at RF 3, one producer: 1,013 a second. */
function small(extra: Json = {}): Json {
  return {
    version: 1,
    name: 'small',
    cluster: { zones: ['a', 'b', 'c'], brokersPerZone: 1 },
    topics: [{ name: 'orders', partitions: 3, replicationFactor: 3 }],
    clients: [{ kind: 'producer', id: 'p1', topic: 'orders', recordsPerSecond: 10 }],
    ...extra,
  }
}

function problems(raw: unknown): Problem[] {
  const result = validateScenario(raw)
  return result.ok ? [] : result.problems
}

function lines(list: readonly Problem[]): string[] {
  return list.map((p) => `${p.path}: ${p.message}`)
}

function spec(raw: unknown): SimulationSpec {
  const result = validateScenario(raw)
  if (!result.ok) throw new Error(lines(result.problems).join('\n'))
  return result.spec
}

const topics = (count: number, partitions: number, replicationFactor = 1): Json[] =>
  Array.from({ length: count }, (_, i) => ({ name: `t${i}`, partitions, replicationFactor }))

const producers = (count: number, recordsPerSecond = 1): Json[] =>
  Array.from({ length: count }, (_, i) => ({
    kind: 'producer',
    id: `p${i}`,
    topic: 't0',
    recordsPerSecond,
  }))

describe('work budgets of a scenario', () => {
  it('refuses more simulated time than 24 hours, naming durationMs and the limit', () => {
    expect(lines(problems(small({ durationMs: MAX_DURATION_MS + 1 })))).toEqual([
      'durationMs: 86,400,001 ms (24 h) of simulated time; the limit is 86,400,000 ms (24 h)',
    ])
    expect(ROOT_FIELDS.durationMs?.rule).toMatchObject({ maximum: MAX_DURATION_MS })
  })

  it('counts partitions over all topics, so that many topics cannot dodge the per-topic limit', () => {
    const over = { ...small(), topics: topics(6, 10_000) }
    expect(lines(problems(over))).toEqual([
      'topics: 60,000 partitions in total; the limit is 50,000',
    ])
    const at = {
      ...small(),
      topics: [...topics(4, 10_000), { name: 'last', partitions: 10_000 }],
      clients: [],
    }
    expect(problems(at)).toEqual([])
  })

  it('counts the __consumer_offsets partitions that consumer groups make', () => {
    const file = small({
      topics: topics(5, 9_990),
      clients: [{ kind: 'consumer', id: 'c1', topic: 't0', group: 'g' }],
    })
    expect(problems(file)).toEqual([])
    const over = small({
      topics: topics(5, 9_991),
      clients: [{ kind: 'consumer', id: 'c1', topic: 't0', group: 'g' }],
    })
    expect(lines(problems(over))).toEqual([
      'topics: 50,005 partitions in total, 50 of them in __consumer_offsets, which the consumer groups need; the limit is 50,000',
    ])
  })

  it('counts replicas: partitions × replication factor, over all topics', () => {
    const file = {
      ...small(),
      cluster: { zones: ['a', 'b', 'c', 'd'], brokersPerZone: 1 },
      topics: topics(4, 10_000, 4),
    }
    expect(lines(problems(file))).toEqual([
      'topics: 160,000 replicas in total (partitions × replication factor); the limit is 150,000',
    ])
  })

  it('counts faults before reading any of them', () => {
    const fault = { atMs: 1000, type: 'crashBroker', broker: 1 }
    expect(lines(problems(small({ faults: Array(MAX_FAULTS + 1).fill(fault) })))).toEqual([
      'faults: 10,001 faults; the limit is 10,000',
    ])
    expect(problems(small({ faults: Array(MAX_FAULTS).fill(fault) }))).toEqual([])
  })

  it('counts client instances: each producer and each member of a consumer group', () => {
    const many = { ...small(), topics: topics(1, 1), clients: producers(MAX_CLIENTS + 1) }
    expect(lines(problems(many))).toEqual([
      'clients: 1,001 clients (each producer, and each member of a consumer group); the limit is 1,000',
    ])
    const members = {
      ...small(),
      topics: topics(1, 1),
      clients: [
        ...producers(1),
        { kind: 'consumer', id: 'c', topic: 't0', group: 'g', members: 1000 },
      ],
    }
    expect(lines(problems(members))[0]).toMatch(/^clients: 1,001 clients /)
    expect(problems({ ...small(), topics: topics(1, 1), clients: producers(MAX_CLIENTS) })).toEqual(
      [],
    )
  })

  it('adds up records per second over all producers', () => {
    const file = { ...small(), topics: topics(1, 1), clients: producers(2, 600_000) }
    expect(lines(problems(file))).toEqual([
      'clients: 1,200,000 records/s over all producers; the limit is 1,000,000',
    ])
  })

  it('refuses a run whose work (simulated seconds × its size) is above the hard limit', () => {
    const file = small({ durationMs: MAX_DURATION_MS, topics: topics(1, 1000, 3), clients: [] })
    expect(lines(problems(file))).toEqual([
      `durationMs: 24 h of 3,000 replicas on 3 brokers with 0 clients is ${thousands(86_400 * 4_003)} units of work (simulated seconds × (1,000 + replicas + brokers + clients)); the limit is 100,000,000: shorten durationMs or make the cluster smaller`,
    ])
    // 3 brokers, 9 replicas, 1 client: 1,013 units a second, so 24 h is within the limit.
    expect(problems(small({ durationMs: MAX_DURATION_MS }))).toEqual([])
  })

  it('checks the same duration and work for a run of an accepted spec for another duration', () => {
    const accepted = spec(small({ topics: topics(1, 1000, 3), clients: [] }))
    expect(runBudgetProblems(accepted, 60_000, '--duration')).toEqual([])
    expect(lines(runBudgetProblems(accepted, MAX_DURATION_MS + 1, '--duration'))).toEqual([
      '--duration: 86,400,001 ms (24 h) of simulated time; the limit is 86,400,000 ms (24 h)',
    ])
    expect(lines(runBudgetProblems(accepted, MAX_DURATION_MS, '--duration'))[0]).toMatch(
      /^--duration: 24 h of 3,000 replicas .* the limit is 100,000,000/,
    )
  })

  it('bounds names at 200 characters and lists at 1,000 items, counted before the items', () => {
    const zone = 'z'.repeat(201)
    expect(lines(problems(small({ cluster: { zones: [zone], brokersPerZone: 3 } })))).toContain(
      'cluster.zones[0]: must be at most 200 characters (got 201)',
    )
    expect(NODE_FIELDS.zone?.rule).toMatchObject({ maxLength: 200 })
    const ids = Array.from({ length: 1_000_001 }, (_, i) => i)
    const client = { kind: 'producer', id: 'p1', topic: 'orders', recordsPerSecond: 1 }
    const file = small({ clients: [{ ...client, config: { 'bootstrap.servers': ids } }] })
    expect(lines(problems(file))).toEqual([
      'clients[0].config["bootstrap.servers"]: must have at most 1000 items (got 1000001)',
    ])
  })

  it('bounds the entries of a partition map at one per partition of a topic', () => {
    const assignment = Object.fromEntries(Array.from({ length: 10_001 }, (_, i) => [i, [1]]))
    const file = small({
      topics: [{ name: 'orders', partitions: 3, replicationFactor: 1, assignment }],
    })
    expect(lines(problems(file))).toEqual([
      'topics[0].assignment: has 10,001 entries; the limit is 10,000, one per partition of a topic',
    ])
  })

  it('keeps the longest string of the format within what the JSON reader takes', () => {
    const longest = (fields: Record<string, { rule: { kind: string; maxLength?: number } }>) =>
      Math.max(...Object.values(fields).map((f) => f.rule.maxLength ?? 0))
    expect(longest(ROOT_FIELDS)).toBe(MAX_STRING_CHARS)
    expect(longest(TOPIC_CONFIG_FIELDS)).toBe(MAX_STRING_CHARS)
    expect(longest(CLUSTER_FIELDS)).toBeLessThanOrEqual(MAX_STRING_CHARS)
  })
})

describe('the JSON reader bounds what it reads', () => {
  it('refuses a text over 16 MiB before reading it', () => {
    const result = parseScenario(' '.repeat(MAX_TEXT_CHARS + 1))
    expect(result.ok ? [] : lines(result.problems)).toEqual([
      '$: the text is 16,777,217 characters long; the limit is 16,777,216 (16 MiB)',
    ])
  })

  it('stops at a key over 200 characters and shows only its start', () => {
    const result = parseScenario(`{"version": 1, "${'k'.repeat(MAX_KEY_CHARS + 1)}": 1}`)
    expect(result.ok ? [] : lines(result.problems)).toEqual([
      `line 1, column 16: a property name longer than 200 characters (starting "${'k'.repeat(60)}…"), longer than any field name`,
    ])
    expect(parseScenario(`{"${'k'.repeat(MAX_KEY_CHARS)}": 1}`).ok).toBe(false)
  })

  it('stops at a string over 100,000 characters, escapes counted as what they stand for', () => {
    const result = parseScenario(`{"description": "${'\\n'.repeat(MAX_STRING_CHARS + 1)}"}`)
    expect(result.ok ? [] : lines(result.problems)).toEqual([
      'line 1, column 17: a string longer than 100,000 characters, more than any field takes',
    ])
    const description = 'd'.repeat(MAX_STRING_CHARS)
    expect(parseScenario(JSON.stringify(small({ description }))).ok).toBe(true)
  })
})

describe('names and text hold no invisible or control characters', () => {
  it.each([
    ['a lone high surrogate', 'use1\uD800', 'U+D800', 'a lone surrogate'],
    ['a lone low surrogate', '\uDC00use1', 'U+DC00', 'a lone surrogate'],
    ['a C0 control', 'use1\u001B[31m', 'U+001B', 'a control character'],
    ['DEL', 'use1\u007F', 'U+007F', 'a control character'],
    ['a C1 control', 'use1\u0085', 'U+0085', 'a control character'],
    ['a right-to-left override', 'use1\u202Eaz', 'U+202E', 'a bidirectional formatting character'],
    ['a left-to-right isolate', 'use1\u2066az', 'U+2066', 'a bidirectional formatting character'],
    ['a left-to-right mark', 'use1\u200E', 'U+200E', 'a bidirectional formatting character'],
    ['an Arabic letter mark', 'use1\u061C', 'U+061C', 'a bidirectional formatting character'],
    ['a zero-width space', 'use1\u200Baz1', 'U+200B', 'a zero-width character'],
    ['a word joiner', 'use1\u2060', 'U+2060', 'a zero-width character'],
    ['a byte-order mark', '\uFEFFuse1', 'U+FEFF', 'a zero-width character'],
  ])('refuses %s in a zone name, shown as U+XXXX', (_, zone, code, kind) => {
    const found = lines(
      problems(small({ cluster: { zones: [zone, 'b', 'c'], brokersPerZone: 1 } })),
    )
    expect(found[0]).toMatch(`cluster.zones[0]: holds ${code} (${kind}`)
    expect(found[0]).toMatch(/a name may not hold control, bidirectional-formatting/)
  })

  it('checks client ids, the scenario name and zone references the same way', () => {
    const file = small({
      name: 'ok\u200D',
      clients: [{ kind: 'producer', id: 'p\u202E1', topic: 'orders', recordsPerSecond: 1 }],
      faults: [{ atMs: 1, type: 'stopZone', zone: 'a\u0000' }],
    })
    expect(problems(file).map((p) => p.path)).toEqual(['name', 'clients[0].id', 'faults[0].zone'])
  })

  it('accepts characters outside the BMP and letters of any script in names', () => {
    expect(
      problems(
        small({ name: 'Zürich 🚀 東京', cluster: { zones: ['ä', 'ß', 'ж'], brokersPerZone: 1 } }),
      ),
    ).toEqual([])
  })

  it('lets descriptions keep newlines and tabs, but nothing else of the kind', () => {
    expect(problems(small({ description: 'line 1\n\tline 2' }))).toEqual([])
    expect(lines(problems(small({ description: 'line 1\r\nline 2' })))).toEqual([
      'description: holds U+000D (a control character) at character 7: text may hold newlines and tabs, but no other control, bidirectional-formatting or zero-width character',
    ])
    expect(problems(small({ description: 'a\u202Eb' }))[0]?.code).toBe('forbidden-character')
  })
})

describe('messages never echo a huge value', () => {
  it('shows 60 characters of a long key or value, then its length', () => {
    const key = `x${'y'.repeat(149)}`
    const found = problems({ ...small(), [key]: 1, name: 'n'.repeat(5000) })
    const unknown = found.find((p) => p.code === 'unknown-key')
    expect(unknown?.path).toBe(`["${key.slice(0, 60)}…"]`)
    expect(unknown?.message).toMatch(`unknown field "${key.slice(0, 60)}…" (150 characters) in`)
    const name = found.find((p) => p.path === 'name')
    expect(name?.message).toBe('must be at most 200 characters (got 5000)')
    const wrong = problems(small({ name: 7, description: 7, seed: 'z'.repeat(1000) }))
    expect(wrong.find((p) => p.path === 'seed')?.message).toBe(
      `must be an integer (got the string "${'z'.repeat(60)}…" (1,000 characters))`,
    )
  })
})

describe('repeated problems are capped, for the CLI and the page alike', () => {
  it('keeps 100 warnings of a kind, then says how many more there were', () => {
    const fault = { atMs: 50_000, type: 'crashBroker', broker: 1 }
    const result = validateScenario(small({ durationMs: 1000, faults: Array(10_000).fill(fault) }))
    if (!result.ok) throw new Error('expected ok')
    expect(result.warnings).toHaveLength(MAX_PROBLEMS_PER_CODE + 1)
    expect(lines(result.warnings.slice(-1))).toEqual([
      '$: … and 9,900 more warnings of this kind (fault-after-end); only the first 100 of each kind are listed',
    ])
  })

  it('keeps 100 errors of a kind and still refuses the file', () => {
    const fault = { atMs: 1, type: 'crashBroker', broker: 99 }
    const found = problems(small({ faults: Array(250).fill(fault) }))
    expect(found).toHaveLength(101)
    expect(found.slice(0, 100).every((p) => p.code === 'unknown-broker')).toBe(true)
    expect(found[100]?.message).toBe(
      '… and 150 more problems of this kind (unknown-broker); only the first 100 of each kind are listed',
    )
  })
})

describe('long runs', () => {
  it('calls no shipped scenario long, and each is inside every budget', () => {
    const root = join(import.meta.dirname, '../..')
    const files = [
      ...readdirSync(join(root, 'public/scenarios')).map((f) => `public/scenarios/${f}`),
      'public/scenarios/clusters/reference-cluster.json',
      ...readdirSync(join(root, 'examples/ci')).map((f) => `examples/ci/${f}`),
    ].filter((f) => f.endsWith('.json') && !f.endsWith('index.json'))
    expect(files.length).toBeGreaterThan(15)
    for (const file of files) {
      const result = parseScenario(readFileSync(join(root, file), 'utf8'))
      if (!result.ok) throw new Error(`${file}: ${lines(result.problems).join('; ')}`)
      expect(longRunReason(result.spec), file).toBeUndefined()
      expect(runWork(specSize(result.spec)), file).toBeLessThanOrEqual(LONG_RUN_WORK)
    }
  })

  it('calls a run long above 20,000,000 units of work and says what makes it long', () => {
    const accepted = spec(small())
    // 9 replicas, 3 brokers, 1 client: 1,013 units a simulated second.
    expect(longRunReason(accepted, 19_743_000)).toBeUndefined()
    expect(longRunReason(accepted, 19_744_000)).toBe(
      `it simulates 5 h 29 min of 9 replicas on 3 brokers with 1 client: 20,000,672 units of work (simulated seconds × (1,000 + replicas + brokers + clients)), above the 20,000,000 of a normal run`,
    )
    expect(longRunReason({ ...accepted, durationMs: MAX_DURATION_MS })).toMatch(
      /^it simulates 24 h /,
    )
    expect(MAX_RUN_WORK).toBe(5 * LONG_RUN_WORK)
  })

  it('calls a review long when its client runs or its matrix are', () => {
    const reference = parseScenario(
      readFileSync(
        join(import.meta.dirname, '../../public/scenarios/clusters/reference-cluster.json'),
        'utf8',
      ),
    )
    if (!reference.ok) throw new Error('reference cluster')
    expect(longClientRunsReason(reference.spec, 280_000)).toBeUndefined()
    expect(longMatrixReason(reference.spec)).toBeUndefined()
    expect(longClientRunsReason(reference.spec, 700_000)).toMatch(
      /^its client runs simulate 11 min 40 s of 30,000 replicas on 90 brokers with 30 clients in all: /,
    )
    const wide = spec({
      ...small(),
      cluster: { zones: ['a', 'b', 'c'], brokersPerZone: 100 },
      topics: topics(5, 10_000, 3),
      clients: [],
    })
    expect(longMatrixReason(wide)).toMatch(
      /^its survivability matrix has 46,053 failure cases over 150,000 replicas: /,
    )
  })

  it('writes durations for people', () => {
    expect([500, 90_000, 3_600_000, 4_200_000, 86_400_000].map(durationText)).toEqual([
      '500 ms',
      '1 min 30 s',
      '1 h',
      '1 h 10 min',
      '24 h',
    ])
  })
})

/** CPU milliseconds (user and system) `work` takes in this process. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage()
  work()
  const used = process.cpuUsage(before)
  return (used.user + used.system) / 1000
}

describe('hostile inputs are refused in well under a second of CPU', () => {
  const base = small()
  const fault = { atMs: 1, type: 'crashBroker', broker: 1 }
  let seed = 7
  const random = (): number => (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24
  const inputs: [string, () => unknown, RegExp][] = [
    ['a 10 MB key', () => `{"version": 1, "${'k'.repeat(10_000_000)}": 1}`, /property name longer/],
    [
      'a million faults, as text',
      () => JSON.stringify({ ...base, faults: Array(1_000_000).fill(fault) }),
      /the text is [\d,]+ characters long; the limit is 16,777,216/,
    ],
    [
      'a million faults, as a value',
      () => ({ ...base, faults: Array(1_000_000).fill(fault) }),
      /1,000,000 faults/,
    ],
    [
      'a million partitions over 100 topics',
      () => JSON.stringify({ ...base, topics: topics(100, 10_000, 3) }),
      /1,000,000 partitions in total; the limit is 50,000/,
    ],
    [
      'a million one-partition topics',
      () => ({ ...base, topics: topics(1_000_000, 1) }),
      /1,000,000 topics; the limit is 50,000 partitions/,
    ],
    [
      'durationMs 2^53 − 1',
      () => JSON.stringify({ ...base, durationMs: 2 ** 53 - 1 }),
      /the limit is 86,400,000 ms/,
    ],
    [
      'a megabyte of random bytes',
      () => String.fromCharCode(...Array.from({ length: 100_000 }, random)).repeat(10),
      /^(unexpected|expected|bad|unterminated|control)/,
    ],
  ]
  it.each(inputs)('%s', (_, make, message) => {
    const input = make()
    let result = validateScenario(null)
    const used = cpuMs(() => {
      result = typeof input === 'string' ? parseScenario(input) : validateScenario(input)
    })
    expect(result.ok).toBe(false)
    expect(result.ok ? '' : result.problems.map((p) => p.message).join('\n')).toMatch(message)
    expect(used).toBeLessThan(1000)
  })
})
