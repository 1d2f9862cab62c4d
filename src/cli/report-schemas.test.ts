/**
 * The published report schemas: the committed files equal what report-schemas.ts builds (run
 * with UPDATE_SCHEMA=1 to rewrite them), ajv compiles them strictly, real reports validate, and
 * a field a report gains without its schema is caught.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { Ajv2020 } from 'ajv/dist/2020'
import { format } from 'prettier'
import { describe, expect, it } from 'vitest'
import { analyze } from '../analysis/report'
import { createSimulation } from '../engine'
import { buildReport } from '../engine/report'
import type { SimulationSpec } from '../engine/spec'
import { parseScenario } from '../scenario/validate'
import { buildAnalysisSchema, buildRunReportSchema } from './report-schemas'

const files = [
  ['run-report.schema.json', buildRunReportSchema],
  ['analysis.schema.json', buildAnalysisSchema],
] as const

function compile(schema: Record<string, unknown>) {
  return new Ajv2020({ strict: true, allErrors: true }).compile(schema)
}

const guidedDir = fileURLToPath(new URL('../../public/scenarios/', import.meta.url))

/** A guided scenario file, read as any scenario file is. */
function guided(id: string): SimulationSpec {
  const result = parseScenario(readFileSync(`${guidedDir}${id}.json`, 'utf8'))
  if (!result.ok) throw new Error(`${id}: ${JSON.stringify(result)}`)
  return result.spec
}

function json(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value))
}

describe.each(files)('public/%s', (name, build) => {
  it('is up to date with report-schemas.ts', async () => {
    const path = fileURLToPath(new URL(`../../public/${name}`, import.meta.url))
    const built = build()
    if (process.env.UPDATE_SCHEMA === '1')
      writeFileSync(path, await format(JSON.stringify(built), { parser: 'json', printWidth: 100 }))
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(built)
  })

  it('compiles with ajv in strict mode as draft 2020-12', () => {
    expect(() => compile(build())).not.toThrow()
  })
})

describe('run reports validate against run-report.schema.json', () => {
  const validate = compile(buildRunReportSchema())
  // Scenarios that between them raise most event types, failovers with steps, truncation.
  const ids = [
    'msk-rolling-patch',
    'recommended-layout-az-loss',
    'rf2-minisr1-two-az',
    'bootstrap-single-broker',
    'control-plane-majority-lost',
  ]

  it.each(ids)('%s, with --client-log', (id) => {
    const spec = guided(id)
    const sim = createSimulation(spec)
    sim.runUntil(spec.durationMs)
    const report = json(buildReport(sim, spec.durationMs, { clientLog: true }))
    expect(validate(report), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true)
  })

  it('rejects a report with a field the schema does not name', () => {
    const spec = guided('msk-rolling-patch')
    const sim = createSimulation(spec)
    sim.runUntil(20000)
    const report = json(buildReport(sim, 20000)) as Record<string, unknown>
    expect(validate(report)).toBe(true)
    expect(validate({ ...report, surprise: 1 })).toBe(false)
    const availability = report.availability as Record<string, unknown>
    expect(validate({ ...report, availability: { ...availability, extra: 0 } })).toBe(false)
  })
})

describe('analysis reports validate against analysis.schema.json', () => {
  const validate = compile(buildAnalysisSchema())

  it('every guided scenario, findings and fixes included', () => {
    let fixes = 0
    const ids = readdirSync(guidedDir)
      .filter((f) => f.endsWith('.json') && f !== 'index.json')
      .map((f) => f.replace(/\.json$/, ''))
    expect(ids.length).toBeGreaterThanOrEqual(12)
    for (const id of ids) {
      const report = analyze(guided(id))
      fixes += report.advice.filter((f) => f.fix !== undefined).length
      expect(validate(json(report)), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true)
    }
    expect(fixes).toBeGreaterThan(0)
  })

  it.each(['kafka.m5.large', 'express.m7g.large', 'custom'] as const)(
    'a report with a capacity section (%s)',
    (brokerType) => {
      const spec = guided('recommended-layout-az-loss')
      spec.cluster.brokerType = brokerType
      if (brokerType === 'custom') spec.cluster.brokerLimits = { vcpus: 4, networkMiBps: 300 }
      const report = analyze(spec)
      expect(report.capacity).not.toBeNull()
      expect(validate(json(report)), JSON.stringify(validate.errors)).toBe(true)
    },
  )
})
