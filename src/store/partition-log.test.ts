/**
 * The store and the log picture, over the real engine on an inline host: selecting a partition
 * makes the host watch it, so each publish carries its log picture (frozen in tests); selecting
 * another switches it, deselecting or loading a scenario clears it.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation, restoreSimulation } from '../engine/index'
import { TestCluster } from '../test-support/test-cluster'
import { createAppStore } from './app-store'
import { parsePartitionKey } from './slices/selection-slice'

function store() {
  const c = TestCluster.create({ zones: 3, brokersPerZone: 1, seed: 2 })
  c.topic('orders-eu', { partitions: 2, replicationFactor: 3 })
  c.producer('p1', 'orders-eu', { acks: -1, recordsPerSecond: 100 })
  return createAppStore({
    engine: { createSimulation, restoreSimulation },
    spec: c.spec,
    freeze: true,
  })
}

describe('partitionLog in the store', () => {
  it('parses partition keys whose topic has dashes', () => {
    expect(parsePartitionKey('orders-eu-1')).toEqual({ topic: 'orders-eu', partition: 1 })
    expect(parsePartitionKey('orders')).toBeNull()
    expect(parsePartitionKey('orders-')).toBeNull()
    expect(parsePartitionKey('-1')).toBeNull()
  })

  it('follows the selected partition and moves with the run', () => {
    const s = store()
    expect(s.getState().partitionLog).toBeNull()
    s.getState().selectPartition('orders-eu-1')
    const first = s.getState().partitionLog
    expect(first).toMatchObject({ topic: 'orders-eu', partition: 1 })
    expect(Object.isFrozen(first)).toBe(true)
    s.getState().seek(4000)
    const later = s.getState().partitionLog
    expect(later?.partition).toBe(1)
    expect(later?.highWatermark).toBeGreaterThan(first?.highWatermark ?? 0)
    s.getState().selectPartition('orders-eu-0')
    expect(s.getState().partitionLog?.partition).toBe(0)
    // Selecting it again deselects it.
    s.getState().selectPartition('orders-eu-0')
    expect(s.getState().partitionLog).toBeNull()
  })

  it('drops the picture when a scenario loads', () => {
    const s = store()
    s.getState().selectPartition('orders-eu-0')
    expect(s.getState().partitionLog).not.toBeNull()
    s.getState().loadScenario(s.getState().spec)
    expect(s.getState().selectedPartition).toBeNull()
    expect(s.getState().partitionLog).toBeNull()
  })
})
