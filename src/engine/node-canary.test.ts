/**
 * Proves the engine's entry point loads in plain Node with no DOM and no React: spawns Node on
 * a tiny script that imports src/engine/index.ts (through tsx) and runs a short simulation.
 */
import { describe, expect, it } from 'vitest'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'

describe('engine in plain Node', () => {
  it('imports and runs without window, document or React', () => {
    const root = fileURLToPath(new URL('../..', import.meta.url))
    const script = `
      import { createSimulation, DEFAULT_CLUSTER_CONFIG } from './src/engine/index.ts'
      if (typeof window !== 'undefined' || typeof document !== 'undefined') throw new Error('DOM present')
      const spec = { name: 'canary', description: '', seed: 1, durationMs: 1000,
        cluster: { controller: 'kraft', zones: ['a'], brokers: [{ id: 1, zone: 'a' }], controllers: [{ id: 1001, zone: 'a' }], config: DEFAULT_CLUSTER_CONFIG },
        topics: [{ name: 't', partitions: 1, replicationFactor: 1, config: {}, assignment: [[1]] }], clients: [], faults: [] }
      const sim = createSimulation(spec)
      sim.runUntil(5000)
      const loaded = Object.keys(globalThis.process?.moduleLoadList ?? {}).length
      console.log(JSON.stringify({ now: sim.nowMs(), leader: sim.snapshot().partitions[0].leader, react: Boolean(globalThis.React), loaded }))
    `
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '-e', script],
      {
        cwd: root,
        encoding: 'utf8',
      },
    )
    expect(result.stderr).not.toMatch(/Error/)
    const out = JSON.parse(result.stdout.trim().split('\n').at(-1) ?? '{}') as {
      now: number
      leader: number
      react: boolean
    }
    expect(out).toMatchObject({ now: 5000, leader: 1, react: false })
  })
})
