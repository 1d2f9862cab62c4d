/**
 * Keeps docs/scenario-format.md in step with the JSON Schema: the file must equal what
 * scripts/scenario-doc.mjs renders (run `node scripts/scenario-doc.mjs --write` after changing
 * the scenario fields).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KAFKA_VERSIONS } from '../engine/versions'
import { BUDGETS, renderScenarioDoc, VERSION_CHANGES } from '../../scripts/scenario-doc.mjs'
import {
  LONG_RUN_WORK,
  MAX_CLIENTS,
  MAX_DURATION_MS,
  MAX_FAULTS,
  MAX_KEY_CHARS,
  MAX_LIST_ITEMS,
  MAX_NAME_CHARS,
  MAX_NARRATION_STEPS,
  MAX_PROBLEMS_PER_CODE,
  MAX_RUN_WORK,
  MAX_STRING_CHARS,
  MAX_TEXT_CHARS,
  MAX_TOTAL_PARTITIONS,
  MAX_TOTAL_RECORDS_PER_SECOND,
  MAX_TOTAL_REPLICAS,
  WORK_SECOND_BASE,
  thousands,
} from './budget'
import { MAX_PARTITIONS } from './fields'

describe('docs/scenario-format.md', () => {
  it('matches the schema', () => {
    const onDisk = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8')
    expect(onDisk).toBe(renderScenarioDoc())
    expect(onDisk).toContain('`replicationFactor`')
  })

  it('states the work budgets budget.ts enforces, each with its number', () => {
    expect(BUDGETS.map(([, limit]) => limit)).toEqual([
      MAX_TEXT_CHARS,
      MAX_STRING_CHARS,
      MAX_KEY_CHARS,
      MAX_NAME_CHARS,
      MAX_DURATION_MS,
      MAX_TOTAL_PARTITIONS,
      MAX_TOTAL_REPLICAS,
      MAX_FAULTS,
      MAX_CLIENTS,
      MAX_TOTAL_RECORDS_PER_SECOND,
      MAX_NARRATION_STEPS,
      MAX_LIST_ITEMS,
      MAX_PARTITIONS,
      MAX_RUN_WORK,
    ])
    for (const [, limit, text] of BUDGETS) expect(text).toContain(thousands(limit))
    const doc = renderScenarioDoc()
    expect(doc).toContain(`more than ${thousands(LONG_RUN_WORK)} units of work`)
    expect(doc).toContain(
      `(${thousands(WORK_SECOND_BASE)} + replicas + brokers + client instances)`,
    )
    expect(doc).toContain(`At most ${MAX_PROBLEMS_PER_CODE} problems of each kind`)
  })

  it('lists what each supported Kafka version changes, in order', () => {
    expect(VERSION_CHANGES.map(([version]) => version)).toEqual([...KAFKA_VERSIONS])
    const doc = renderScenarioDoc()
    for (const version of KAFKA_VERSIONS) expect(doc).toContain(`### Kafka ${version}`)
    expect(doc).toContain('KAFKA-15583')
    expect(doc).toContain('KIP-833')
  })
})
