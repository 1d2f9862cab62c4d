/**
 * Property tests: the editor accepts exactly what the scenario reader accepts. Random form states
 * over every field of the form (with edge values: 0, 1, negative, huge, empty and non-numeric
 * text) are checked by the editor (`checkForm`) and, independently, by the reader: the scenario
 * the form writes is given to `validateScenario`, and the zone and controller counts, which the
 * form turns into lists, are judged by the reader on lists of that length. Both must agree; an
 * accepted form must round-trip (load its scenario, turn the spec back into a form: the same form,
 * up to the spelling of numbers). Conversely, random valid scenarios of the shapes the editor
 * shows (brokersPerZone, any limits the format allows) load into the editor without a problem.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { SimulationSpec } from '../../engine/spec'
import { KAFKA_VERSIONS } from '../../analysis/version'
import { MAX_INT32, MAX_RECORDS_PER_SECOND } from '../../scenario/fields'
import { validateScenario } from '../../scenario/validate'
import type { ScenarioFile } from '../../scenario/types'
import {
  BOOLEAN_BROKER_KEYS,
  NUMERIC_BROKER_KEYS,
  checkForm,
  jsonValue,
  specToForm,
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

const configForm: fc.Arbitrary<ConfigForm> = fc.record({
  kafkaVersion: fc.constantFrom(...KAFKA_VERSIONS),
  zoneCount: countText(4),
  brokersPerZone: numberText(1, 3),
  controllerMode: fc.constantFrom('kraft' as const, 'zookeeper' as const),
  controllerCount: countText(5),
  controllerPlacement: fc.constantFrom('spread', '0', '1', '2', '4'),
  topics: fc.array(topicForm, { maxLength: 2 }),
  producers: fc.array(producerForm, { maxLength: 2 }),
  numeric: numericForm,
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

/** The form with every number spelled as the editor writes it back. */
function canonical(form: ConfigForm): ConfigForm {
  const num = (text: string) => String(jsonValue(text))
  return {
    ...form,
    zoneCount: num(form.zoneCount),
    brokersPerZone: num(form.brokersPerZone),
    controllerCount: num(form.controllerCount),
    topics: form.topics.map((t) => ({
      ...t,
      partitions: num(t.partitions),
      replicationFactor: num(t.replicationFactor),
      minIsr: num(t.minIsr),
    })),
    producers: form.producers.map((p) => ({
      ...p,
      recordsPerSecond: num(p.recordsPerSecond),
      bootstrapServers: p.bootstrapServers
        .split(',')
        .filter((s) => s.trim() !== '')
        .map(num)
        .join(', '),
    })),
    numeric: Object.fromEntries(
      Object.entries(form.numeric).map(([k, v]) => [k, num(v)]),
    ) as ConfigForm['numeric'],
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
      })
      .map((s): ScenarioFile => ({
        version: 1,
        name: 'random',
        cluster: {
          ...(s.version === undefined ? {} : { kafkaVersion: s.version }),
          controller: s.controller,
          zones: Array.from({ length: s.zones }, (_, i) => `use1-az${i + 1}`),
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
            replicationFactor: s.rf,
            config: { 'min.insync.replicas': s.minIsr },
          },
        ],
        clients: [
          {
            kind: 'producer',
            id: 'p1',
            topic: 'orders',
            recordsPerSecond: s.rate,
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
