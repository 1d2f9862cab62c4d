/**
 * The host core's partition watch over the real engine: after `watch`, every update carries the
 * watched partition's log picture, recomputed as the run advances; unwatching sends one null, a
 * load clears the watch, and watching changes nothing in the run itself.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../engine/index'
import { readFileSync } from 'node:fs'
import { parseScenario } from '../scenario/validate'
import { TestCluster } from '../test-support/test-cluster'
import { createHostCore } from './core'
import type { HostMessage, HostUpdate } from './protocol'

function spec() {
  const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 4 })
  c.topic('orders', { partitions: 2, replicationFactor: 3, 'min.insync.replicas': 2 })
  c.producer('p1', 'orders', { acks: -1, recordsPerSecond: 200 })
  return c.spec
}

function updateOf(message: HostMessage): HostUpdate {
  if (message.kind !== 'update') throw new Error(message.message)
  return message.update
}

function core() {
  return createHostCore({ createSimulation, restoreSimulation })
}

describe('host core: watch', () => {
  it('carries no log picture until a partition is watched', () => {
    const host = core()
    expect(updateOf(host.handle({ type: 'load', spec: spec(), atMs: 0 }))).not.toHaveProperty(
      'partitionLog',
    )
    expect(updateOf(host.handle({ type: 'advance', targetMs: 2000 }))).not.toHaveProperty(
      'partitionLog',
    )
  })

  it('sends the watched partition’s log picture on every update, as the HW moves', () => {
    const host = core()
    host.handle({ type: 'load', spec: spec(), atMs: 1000 })
    const watched = updateOf(
      host.handle({ type: 'watch', partition: { topic: 'orders', partition: 1 } }),
    )
    expect(watched.partitionLog).toMatchObject({ topic: 'orders', partition: 1 })
    const first = watched.partitionLog?.highWatermark ?? -1
    const later = updateOf(host.handle({ type: 'advance', targetMs: 5000 })).partitionLog
    expect(later?.partition).toBe(1)
    expect(later?.highWatermark).toBeGreaterThan(first)
    expect(later?.replicas).toHaveLength(3)
    // A step and a seek back recompute it for the time they reach.
    expect(updateOf(host.handle({ type: 'step' })).partitionLog).not.toBeNull()
    const back = updateOf(host.handle({ type: 'seek', atMs: 1000 })).partitionLog
    expect(back?.highWatermark).toBe(first)
  })

  it('sends one null when the watch ends, then nothing; a load clears the watch', () => {
    const host = core()
    host.handle({ type: 'load', spec: spec(), atMs: 0 })
    host.handle({ type: 'watch', partition: { topic: 'orders', partition: 0 } })
    expect(updateOf(host.handle({ type: 'watch', partition: null })).partitionLog).toBeNull()
    expect(updateOf(host.handle({ type: 'advance', targetMs: 1000 }))).not.toHaveProperty(
      'partitionLog',
    )
    host.handle({ type: 'watch', partition: { topic: 'orders', partition: 0 } })
    expect(updateOf(host.handle({ type: 'load', spec: spec(), atMs: 0 })).partitionLog).toBeNull()
    expect(updateOf(host.handle({ type: 'advance', targetMs: 2000 }))).not.toHaveProperty(
      'partitionLog',
    )
  })

  it('answers null for a partition that does not exist', () => {
    const host = core()
    host.handle({ type: 'load', spec: spec(), atMs: 0 })
    const update = updateOf(
      host.handle({ type: 'watch', partition: { topic: 'orders', partition: 9 } }),
    )
    expect(update.partitionLog).toBeNull()
  })

  it('leaves the run unchanged', () => {
    const quiet = core()
    const watching = core()
    quiet.handle({ type: 'load', spec: spec(), atMs: 0 })
    watching.handle({ type: 'load', spec: spec(), atMs: 0 })
    watching.handle({ type: 'watch', partition: { topic: 'orders', partition: 0 } })
    let a: HostUpdate | null = null
    let b: HostUpdate | null = null
    for (let t = 1000; t <= 8000; t += 1000) {
      a = updateOf(quiet.handle({ type: 'advance', targetMs: t }))
      b = updateOf(watching.handle({ type: 'advance', targetMs: t }))
    }
    const { partitionLog, ...rest } = b as HostUpdate
    expect(partitionLog).not.toBeNull()
    expect(JSON.stringify(rest)).toBe(JSON.stringify(a))
  })
})

describe('host core: a load at 0', () => {
  // The guided "right layout, wrong size" opens on its brokers' planned utilisation, the
  // simulation as created; running to 0 would process its first sends and read otherwise.
  it('shows the simulation as created, before its first events', () => {
    const text = readFileSync('public/scenarios/right-layout-wrong-size.json', 'utf8')
    const parsed = parseScenario(text)
    if (!parsed.ok) throw new Error('the scenario does not parse')
    const update = updateOf(core().handle({ type: 'load', spec: parsed.spec, atMs: 0 }))
    const fresh = createSimulation(parsed.spec).snapshot()
    expect(update.snapshot?.brokers.map((b) => b.capacity)).toEqual(
      fresh.brokers.map((b) => b.capacity),
    )
    expect(update.snapshot?.eventCount).toBe(fresh.eventCount)
  })
})
