/**
 * Keeps docs/scenario-format.md in step with the JSON Schema: the file must equal what
 * scripts/scenario-doc.mjs renders (run `node scripts/scenario-doc.mjs --write` after changing
 * the scenario fields).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { KAFKA_VERSIONS } from '../engine/versions'
import { renderScenarioDoc, VERSION_CHANGES } from '../../scripts/scenario-doc.mjs'

describe('docs/scenario-format.md', () => {
  it('matches the schema', () => {
    const onDisk = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8')
    expect(onDisk).toBe(renderScenarioDoc())
    expect(onDisk).toContain('`replicationFactor`')
  })

  it('lists what each supported Kafka version changes, in order', () => {
    expect(VERSION_CHANGES.map(([version]) => version)).toEqual([...KAFKA_VERSIONS])
    const doc = renderScenarioDoc()
    for (const version of KAFKA_VERSIONS) expect(doc).toContain(`### Kafka ${version}`)
    expect(doc).toContain('KAFKA-15583')
    expect(doc).toContain('KIP-833')
  })
})
