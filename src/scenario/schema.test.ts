/**
 * Checks that the JSON Schema and the hand-written validator agree. The committed
 * `public/scenario.schema.json` must equal what `buildScenarioSchema()` generates (run with
 * UPDATE_SCHEMA=1 to rewrite it); ajv must compile it in strict mode; every field must state its
 * default; valid fixtures must pass both and shape-invalid fixtures fail both; and on random
 * mutations of valid files, whatever the validator accepts the schema accepts too (the
 * validator is the schema plus semantic checks).
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020'
import fc from 'fast-check'
import { format } from 'prettier'
import { describe, expect, it } from 'vitest'
import {
  DEFAULT_CLUSTER_CONFIG,
  DEFAULT_CONSUMER_CONFIG,
  DEFAULT_PRODUCER_CONFIG,
} from '../engine/spec'
import { mutate } from './arbitraries'
import { INVALID_SHAPE, VALID } from './fixtures'
import { scenarioSchema } from './schema'
import { buildScenarioSchema } from './schema-source'
import { validateScenario } from './validate'

const schemaPath = fileURLToPath(new URL('../../public/scenario.schema.json', import.meta.url))

type Json = Record<string, unknown>

function compile() {
  // strictRequired would reject the oneOf of `required` lists that says "brokers or
  // brokersPerZone"; every other strict check stays on.
  const ajv = new Ajv2020({ strict: true, strictRequired: false, allErrors: true })
  return ajv.compile(scenarioSchema)
}

describe('scenario.schema.json', () => {
  it('is up to date with fields.ts', async () => {
    const built = buildScenarioSchema()
    if (process.env.UPDATE_SCHEMA === '1') {
      const text = await format(JSON.stringify(built), { parser: 'json', printWidth: 100 })
      writeFileSync(schemaPath, text)
    }
    const onDisk = JSON.parse(readFileSync(schemaPath, 'utf8')) as unknown
    expect(onDisk).toEqual(built)
    expect(scenarioSchema).toEqual(built)
  })

  it('compiles with ajv in strict mode as draft 2020-12', () => {
    expect(scenarioSchema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    expect(() => compile()).not.toThrow()
  })

  it('describes every field, stating its default or that it is required', () => {
    const missing: string[] = []
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return
      const schema = node as Json
      const properties = schema.properties as Record<string, Json> | undefined
      const required = (schema.required as string[] | undefined) ?? []
      for (const [key, property] of Object.entries(properties ?? {})) {
        const description = property.description
        const where = `${path}.${key}`
        if (typeof description !== 'string') missing.push(`${where}: no description`)
        else if (required.includes(key) && !description.includes('Required.')) {
          missing.push(`${where}: required but not said so`)
        } else if (!required.includes(key) && !/Default:/.test(description)) {
          missing.push(`${where}: no default stated`)
        }
      }
      for (const [key, child] of Object.entries(schema)) {
        if (key !== 'properties') visit(child, `${path}.${key}`)
      }
      for (const [key, child] of Object.entries(properties ?? {})) visit(child, `${path}.${key}`)
    }
    visit(scenarioSchema, '$')
    expect(missing).toEqual([])
  })

  it('forbids unknown fields on every object', () => {
    const open: string[] = []
    const visit = (node: unknown, path: string): void => {
      if (typeof node !== 'object' || node === null) return
      const schema = node as Json
      if (schema.type === 'object' && schema.properties !== undefined) {
        if (schema.additionalProperties !== false) open.push(path)
      }
      for (const [key, child] of Object.entries(schema)) visit(child, `${path}.${key}`)
    }
    visit(scenarioSchema, '$')
    expect(open).toEqual([])
  })

  it("lists exactly the engine's config keys", () => {
    const defs = scenarioSchema.$defs as Record<string, { properties: Json }>
    const keys = (name: string): string[] => Object.keys(defs[name]?.properties ?? {}).sort()
    // Two keys are unset by default (no replication throttle), so the defaults lack them.
    expect(keys('clusterConfig')).toEqual(
      [
        ...Object.keys(DEFAULT_CLUSTER_CONFIG),
        'follower.replication.throttled.rate',
        'leader.replication.throttled.rate',
      ].sort(),
    )
    expect(keys('producerConfig')).toEqual(
      [...Object.keys(DEFAULT_PRODUCER_CONFIG), 'bootstrap.servers'].sort(),
    )
    expect(keys('consumerConfig')).toEqual(
      [...Object.keys(DEFAULT_CONSUMER_CONFIG), 'bootstrap.servers'].sort(),
    )
    expect(keys('topicConfig')).toEqual([
      'follower.replication.throttled.replicas',
      'leader.replication.throttled.replicas',
      'min.insync.replicas',
      'retention.ms',
      'unclean.leader.election.enable',
    ])
  })

  it('states the defaults of spec.ts in the config descriptions', () => {
    const defs = scenarioSchema.$defs as Record<string, { properties: Record<string, Json> }>
    for (const [key, value] of Object.entries(DEFAULT_CLUSTER_CONFIG)) {
      const description = defs.clusterConfig?.properties[key]?.description as string
      expect(description).toContain(`Default: ${JSON.stringify(value)}.`)
    }
  })
})

describe('schema and validator agree', () => {
  const validate = compile()

  it.each(Object.entries(VALID))('both accept the valid fixture %s', (_name, scenario) => {
    expect(validate(scenario), JSON.stringify(validate.errors)).toBe(true)
    const result = validateScenario(scenario)
    expect(result.ok ? [] : result.problems).toEqual([])
  })

  it.each(Object.entries(INVALID_SHAPE))('both reject %s', (_name, scenario) => {
    expect(validate(scenario)).toBe(false)
    const result = validateScenario(scenario)
    expect(result.ok).toBe(false)
  })

  it('on mutated files, what the validator accepts the schema accepts', () => {
    const base = Object.values(VALID)
    const leaf = fc.oneof(
      fc.integer({ min: -3, max: 3 }),
      fc.constantFrom(0.5, 1e20, 2147483648, 'all', '1', 'use1-az1', 'orders', '', true, null),
      fc.constantFrom([], {}, [1, 2], [1, 1], ['a'], { '0': [1] }),
    )
    fc.assert(
      fc.property(
        fc.constantFrom(...base),
        fc.array(fc.tuple(fc.nat(), fc.nat(), leaf, fc.boolean()), { minLength: 1, maxLength: 3 }),
        (scenario, edits) => {
          const copy = structuredClone(scenario) as Json
          for (const [pick, pickKey, value, remove] of edits)
            mutate(copy, pick, pickKey, value, remove)
          const ours = validateScenario(copy).ok
          const theirs = validate(copy)
          if (ours) expect(theirs, JSON.stringify(validate.errors)).toBe(true)
        },
      ),
      { numRuns: 400 },
    )
  })
})
