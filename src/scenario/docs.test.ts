/**
 * Keeps docs/scenario-format.md in step with the JSON Schema: the file must equal what
 * scripts/scenario-doc.mjs renders (run `node scripts/scenario-doc.mjs --write` after changing
 * the scenario fields).
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { renderScenarioDoc } from '../../scripts/scenario-doc.mjs'

describe('docs/scenario-format.md', () => {
  it('matches the schema', () => {
    const onDisk = readFileSync(new URL('../../docs/scenario-format.md', import.meta.url), 'utf8')
    expect(onDisk).toBe(renderScenarioDoc())
    expect(onDisk).toContain('`replicationFactor`')
  })
})
