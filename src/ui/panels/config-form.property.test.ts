/**
 * Property tests: the editor accepts exactly what the scenario reader accepts. Random form states
 * over every field of the form (with edge values: 0, 1, negative, huge, empty and non-numeric
 * text) are checked by the editor (`checkForm`) and, independently, by the reader: the scenario
 * the form writes is given to `validateScenario`, and the zone and controller counts, which the
 * form turns into lists, are judged by the reader on lists of that length. Both must agree; an
 * accepted form must round-trip (load its scenario, turn the spec back into a form: the same form,
 * up to the spelling of numbers and the capacity fields the chosen broker type does not take).
 * Conversely, random valid scenarios of the shapes the editor shows (brokersPerZone, any limits
 * the format allows, with or without a broker type, its limits or storage and record sizes) load
 * into the editor without a problem.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../../engine/spec'
import { KAFKA_VERSIONS } from '../../analysis/version'
import {
  BROKER_TYPE_NAMES,
  isExpressBrokerType,
  type BrokerTypeName,
} from '../../engine/capacity/broker-type-names'
import { MAX_VOLUME_GIB } from '../../engine/capacity/broker-types'
import { MAX_INT32, MAX_RECORD_BYTES, MAX_RECORDS_PER_SECOND } from '../../scenario/fields'
import { validateScenario } from '../../scenario/validate'
import type { ScenarioFile } from '../../scenario/types'
import {
  BOOLEAN_BROKER_KEYS,
  LIMIT_KEYS,
  NUMERIC_BROKER_KEYS,
  STORAGE_KEYS,
  checkForm,
  jsonValue,
  specToForm,
  takesStorage,
  type ConfigForm,
} from './config-form'
import { baseSpec } from './fixtures'

const EDGE_TEXT = ['0', '1', '2', '-1', '', ' ', 'abc', '1.5', '1e3', ' 3 ', '2147483648']
const HUGE_TEXT = ['999999999999', '9007199254740993', '100000000000000000000']

/** Text of a number field: edge values, huge values and ordinary ones in `[min, max]`. */
const numberText = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...EDGE_TEXT, ...HUGE_TEXT), weight: 1 },
    { arbitrary: fc.integer({ min, max }).map(String), weight: 12 },
  )

/** An optional number field: often left empty, otherwise as `numberText`. */
const optionalText = (min: number, max: number) =>
  fc.oneof(
    { arbitrary: fc.constant(''), weight: 3 },
    { arbitrary: numberText(min, max), weight: 5 },
  )

/** A count the form builds a list from; bounded so the oracle can build the list itself. */
const countText = (max: number) =>
  fc.oneof(
    { arbitrary: fc.constantFrom(...EDGE_TEXT, '100', '101', '999'), weight: 1 },
    { arbitrary: fc.integer({ min: 1, max }).map(String), weight: 12 },
  )

const topicForm = fc.record({
  name: fc.oneof(
    { arbitrary: fc.constantFrom('orders', 'audit'), weight: 8 },
    { arbitrary: fc.constantFrom('a.b', 'a_b', 'bad name', '', '..'), weight: 1 },
  ),
  partitions: numberText(1, 12),
  replicationFactor: numberText(1, 4),
  minIsr: numberText(1, 4),
  unclean: fc.constantFrom('inherit' as const, 'true' as const, 'false' as const),
  leaderThrottled: fc.constantFrom('', '*', '0:1,1:2', ' 0 : 3 ', '0-1', '*,0:1'),
  followerThrottled: fc.constantFrom('', '*', '2:3', 'x'),
})

const producerForm = fc.record({
  id: fc.oneof(
    { arbitrary: fc.constantFrom('producer-1', 'p2'), weight: 8 },
    { arbitrary: fc.constantFrom('consumer-1', ''), weight: 1 },
  ),
  topic: fc.oneof(
    { arbitrary: fc.constantFrom('orders', 'audit'), weight: 8 },
    { arbitrary: fc.constantFrom('gone', ''), weight: 1 },
  ),
  acks: fc.constantFrom('all' as const, '1' as const, '0' as const),
  recordsPerSecond: numberText(0, 300_000),
  recordBytes: optionalText(1, MAX_RECORD_BYTES + 1),
  bootstrapServers: fc.oneof(
    { arbitrary: fc.constantFrom('1, 2, 3', '1', '3,1'), weight: 8 },
    { arbitrary: fc.constantFrom('', ' , ', '1, 9', 'x', '2, 2'), weight: 1 },
  ),
})

const numericForm = fc.record(
  Object.fromEntries(NUMERIC_BROKER_KEYS.map((k) => [k, numberText(2000, 100_000)])) as Record<
    (typeof NUMERIC_BROKER_KEYS)[number],
    fc.Arbitrary<string>
  >,
)
const flagForm = fc.record(
  Object.fromEntries(BOOLEAN_BROKER_KEYS.map((k) => [k, fc.boolean()])) as Record<
    (typeof BOOLEAN_BROKER_KEYS)[number],
    fc.Arbitrary<boolean>
  >,
)

const limitsForm = fc.record({
  vcpus: optionalText(1, 1100),
  networkMiBps: optionalText(1, 2000),
  volumeThroughputMiBps: optionalText(1, 2000),
  recommendedPartitions: optionalText(1, 5000),
  maxPartitions: optionalText(1, 5000),
})

// Types with and without provisioned throughput, an Express one, "custom" and none.
const brokerTypeChoice = fc.constantFrom(
  'none' as const,
  'kafka.m5.large' as const,
  'kafka.m5.4xlarge' as const,
  'kafka.m7g.2xlarge' as const,
  'express.m7g.large' as const,
  'custom' as const,
)

const storageForm = fc.record({
  volumeGiB: optionalText(1, MAX_VOLUME_GIB + 1),
  provisionedThroughputMiBps: optionalText(200, 1100),
})

const configForm: fc.Arbitrary<ConfigForm> = fc.record({
  kafkaVersion: fc.constantFrom(...KAFKA_VERSIONS),
  zoneCount: countText(4),
  brokersPerZone: numberText(1, 3),
  controllerMode: fc.constantFrom('kraft' as const, 'zookeeper' as const),
  controllerCount: countText(5),
  controllerPlacement: fc.constantFrom('spread', '0', '1', '2', '4'),
  brokerType: brokerTypeChoice,
  brokerLimits: limitsForm,
  storage: storageForm,
  topics: fc.array(topicForm, { maxLength: 2 }),
  producers: fc.array(producerForm, { maxLength: 2 }),
  numeric: numericForm,
  optional: fc.record({
    'leader.replication.throttled.rate': optionalText(0, 100_000_000),
    'follower.replication.throttled.rate': optionalText(0, 100_000_000),
  }),
  flags: flagForm,
})

/** The reader's verdict on a list of `text` entries, the way the form builds it from a count. */
function readerAcceptsCount(text: string, list: 'zones' | 'controllers'): boolean {
  const n = jsonValue(text)
  // No list has a non-integer or negative length: there is nothing the reader could accept.
  if (typeof n !== 'number' || n < 0) return false
  // A longer list is accepted only if a shorter one is, so a huge count is judged at 5000 entries.
  if (n > 5000) return readerAcceptsCount('5000', list)
  const zones = list === 'zones' ? Array.from({ length: n }, (_, i) => `z${i}`) : ['z0']
  const controllers =
    list === 'controllers'
      ? Array.from({ length: n }, (_, i) => ({ id: 1001 + i, zone: 'z0' }))
      : undefined
  const cluster = {
    zones,
    brokersPerZone: 1,
    ...(controllers === undefined ? {} : { controllers }),
  }
  const file = { version: 1, name: 'count', cluster }
  return validateScenario(file).ok
}

/**
 * The form with every number spelled as the editor writes it back, and empty where the chosen
 * broker type takes no such field (the form keeps it, the scenario does not).
 */
function canonical(form: ConfigForm): ConfigForm {
  const num = (text: string) => String(jsonValue(text))
  const group = <K extends string>(texts: Record<K, string>, keys: readonly K[], kept: boolean) =>
    Object.fromEntries(keys.map((k) => [k, kept ? num(texts[k]) : ''])) as Record<K, string>
  return {
    ...form,
    brokerLimits: group(form.brokerLimits, LIMIT_KEYS, form.brokerType === 'custom'),
    storage: group(form.storage, STORAGE_KEYS, takesStorage(form.brokerType)),
    zoneCount: num(form.zoneCount),
    brokersPerZone: num(form.brokersPerZone),
    controllerCount: num(form.controllerCount),
    topics: form.topics.map((t) => ({
      ...t,
      partitions: num(t.partitions),
      replicationFactor: num(t.replicationFactor),
      minIsr: num(t.minIsr),
      // A throttled-replica list is written trimmed.
      leaderThrottled: t.leaderThrottled.trim(),
      followerThrottled: t.followerThrottled.trim(),
    })),
    producers: form.producers.map((p) => ({
      ...p,
      recordsPerSecond: num(p.recordsPerSecond),
      recordBytes: num(p.recordBytes),
      bootstrapServers: p.bootstrapServers
        .split(',')
        .filter((s) => s.trim() !== '')
        .map(num)
        .join(', '),
    })),
    numeric: Object.fromEntries(
      Object.entries(form.numeric).map(([k, v]) => [k, num(v)]),
    ) as ConfigForm['numeric'],
    optional: Object.fromEntries(
      Object.entries(form.optional).map(([k, v]) => [k, v.trim() === '' ? '' : num(v)]),
    ) as ConfigForm['optional'],
  }
}

describe('the editor and the scenario reader agree', () => {
  it('on every form state: accepted by one iff by the other, and accepted forms round-trip', () => {
    const base = baseSpec()
    fc.assert(
      fc.property(configForm, (form) => {
        const check = checkForm(form, base)
        const read = check.scenario === null ? null : validateScenario(check.scenario)
        const readerOk =
          readerAcceptsCount(form.zoneCount, 'zones') &&
          readerAcceptsCount(form.controllerCount, 'controllers') &&
          read !== null &&
          read.ok
        expect(check.spec !== null, JSON.stringify(check.fields)).toBe(readerOk)
        if (check.spec === null || read === null || !read.ok) return
        expect(check.spec).toEqual(read.spec)
        const again = specToForm(check.spec)
        // "Spread" and "all in zone k" name the same placement for one zone or one controller.
        expect({ ...again, controllerPlacement: '' }).toEqual({
          ...canonical(form),
          controllerPlacement: '',
        })
        const reloaded = checkForm(again, check.spec)
        expect(reloaded.spec).toEqual(check.spec)
      }),
      { numRuns: 400, seed: 20240611 },
    )
  })

  it('on every valid scenario the editor shows: it loads without a problem', () => {
    const scenario = fc
      .record({
        zones: fc.integer({ min: 1, max: 4 }),
        perZone: fc.integer({ min: 1, max: 3 }),
        controller: fc.constantFrom('kraft' as const, 'zookeeper' as const),
        version: fc.option(fc.constantFrom(...KAFKA_VERSIONS, '3.7.x', '4.1.x.kraft'), {
          nil: undefined,
        }),
        lag: fc.integer({ min: 2, max: MAX_INT32 }),
        session: fc.integer({ min: 2000, max: MAX_INT32 }),
        zk: fc.integer({ min: 1, max: MAX_INT32 }),
        partitions: fc.integer({ min: 1, max: 50 }),
        rf: fc.integer({ min: 1, max: 3 }),
        minIsr: fc.integer({ min: 1, max: 3 }),
        rate: fc.integer({ min: 0, max: MAX_RECORDS_PER_SECOND }),
        acks: fc.constantFrom('all' as const, '1' as const, '0' as const, -1 as const, 1 as const),
        brokerType: fc.option(fc.constantFrom(...BROKER_TYPE_NAMES), { nil: undefined }),
        vcpus: fc.integer({ min: 1, max: 1024 }),
        network: fc.integer({ min: 1, max: 1_000_000 }),
        volumeThroughput: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
        maxPartitions: fc.option(fc.integer({ min: 1, max: MAX_INT32 }), { nil: undefined }),
        volumeGiB: fc.option(fc.integer({ min: 10, max: MAX_VOLUME_GIB }), { nil: undefined }),
        provisioned: fc.option(fc.integer({ min: 250, max: 1000 }), { nil: undefined }),
        recordBytes: fc.option(fc.integer({ min: 1, max: MAX_RECORD_BYTES }), { nil: undefined }),
      })
      .map((s): ScenarioFile => ({
        version: 1,
        name: 'random',
        cluster: {
          ...(s.version === undefined ? {} : { kafkaVersion: s.version }),
          ...capacityOf(s),
          controller: s.controller,
          // Express brokers run in exactly 3 zones (their other fixed settings are below).
          zones: Array.from({ length: expressOr(s, 3, s.zones) }, (_, i) => `use1-az${i + 1}`),
          brokersPerZone: s.perZone,
          config: {
            'replica.lag.time.max.ms': s.lag,
            'broker.session.timeout.ms': s.session,
            'zookeeper.session.timeout.ms': s.zk,
          },
        },
        topics: [
          {
            name: 'orders',
            partitions: s.partitions,
            replicationFactor: expressOr(s, 3, s.rf),
            config: { 'min.insync.replicas': expressOr(s, 2, s.minIsr) },
          },
        ],
        clients: [
          {
            kind: 'producer',
            id: 'p1',
            topic: 'orders',
            recordsPerSecond: s.rate,
            ...(s.recordBytes === undefined ? {} : { recordBytes: s.recordBytes }),
            config: { acks: s.acks, 'enable.idempotence': false },
          },
        ],
      }))
    fc.assert(
      fc.property(scenario, (file) => {
        const read = validateScenario(file)
        if (!read.ok) return
        const spec: SimulationSpec = read.spec
        const check = checkForm(specToForm(spec), spec)
        expect({ fields: check.fields, general: check.general }).toEqual({
          fields: {},
          general: [],
        })
        expect(check.dropped).toEqual([])
        expect(check.spec).toEqual(spec)
      }),
      { numRuns: 300, seed: 20240612 },
    )
  })
})

interface CapacityDraw {
  brokerType: BrokerTypeName | undefined
  vcpus: number
  network: number
  volumeThroughput: number | undefined
  maxPartitions: number | undefined
  volumeGiB: number | undefined
  provisioned: number | undefined
}

function expressOr(s: CapacityDraw, fixed: number, value: number): number {
  return isExpressBrokerType(s.brokerType) ? fixed : value
}

/** The capacity fields of a drawn scenario, where its type takes them (the reader judges the rest). */
function capacityOf(s: CapacityDraw) {
  const type = s.brokerType
  if (type === undefined) return {}
  const limits = {
    vcpus: s.vcpus,
    networkMiBps: s.network,
    ...(s.volumeThroughput === undefined ? {} : { volumeThroughputMiBps: s.volumeThroughput }),
    ...(s.maxPartitions === undefined ? {} : { maxPartitions: s.maxPartitions }),
  }
  const storage =
    s.volumeGiB === undefined || isExpressBrokerType(type)
      ? undefined
      : {
          volumeGiB: s.volumeGiB,
          ...(s.provisioned === undefined ? {} : { provisionedThroughputMiBps: s.provisioned }),
        }
  return {
    brokerType: type,
    ...(type === 'custom' ? { brokerLimits: limits } : {}),
    ...(storage === undefined ? {} : { storage }),
  }
}
