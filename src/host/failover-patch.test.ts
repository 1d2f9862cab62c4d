/**
 * Failover records travel as patches: only changed records and, within them, changed partitions;
 * the page's copy rebuilt from them is the engine's, key order included.
 */
import { describe, expect, it } from 'vitest'
import { createSimulation } from '../engine/index'
import type { FailoverRecord } from '../engine/failovers'
import { parseScenario } from '../scenario/validate'
import { guidedFilesOnDisk, readGuidedFile } from '../scenarios/test-helpers'
import { applyFailoverPatch, diffFailovers } from './failover-patch'

describe('failover patches', () => {
  it.each(guidedFilesOnDisk())('rebuild the records of %s exactly, update by update', (file) => {
    const parsed = parseScenario(readGuidedFile(file))
    if (!parsed.ok) throw new Error(`${file} does not parse`)
    const sim = createSimulation(parsed.spec)
    let page: FailoverRecord[] = []
    let sentPartitions = 0
    let enginePartitions = 0
    for (let t = 500; t <= 180_000; t += 500) {
      sim.runUntil(t)
      const next = sim.failovers()
      const patch = diffFailovers(page, next)
      if (patch !== null) {
        page = applyFailoverPatch(page, patch)
        sentPartitions += patch.records.reduce((sum, r) => sum + r.partitions.length, 0)
      }
      enginePartitions += next.reduce((sum, r) => sum + r.partitions.length, 0)
      expect(JSON.stringify(page)).toBe(JSON.stringify(next))
    }
    // Whole records every update would send every partition every time.
    if (enginePartitions > 0) expect(sentPartitions).toBeLessThan(enginePartitions)
  })

  it('send nothing when nothing changed, and keep unchanged records by identity', () => {
    const record: FailoverRecord = {
      fault: { atMs: 1000, type: 'crashBroker', broker: 1 },
      atMs: 1000,
      detectedAtMs: 1500,
      leadersMovedAtMs: null,
      recoveredAtMs: null,
      maxProduceStallMs: null,
      failedRecords: 0,
      retriedRecords: 0,
      lostAckedRecords: 0,
      elections: { clean: 0, unclean: 0, elr: 0 },
      partitions: [
        { topic: 't', partition: 0, stallMs: null, election: null },
        { topic: 't', partition: 1, stallMs: null, election: null },
      ],
    }
    expect(diffFailovers([record], [{ ...record }])).toBeNull()
    const second = { ...record, atMs: 5000 }
    const later = {
      ...record,
      partitions: [record.partitions[0]!, { ...record.partitions[1]!, stallMs: 800 }],
    }
    const patch = diffFailovers([record, second], [later, second])!
    expect(patch.records).toHaveLength(1)
    expect(patch.records[0]?.partitions).toEqual([[1, later.partitions[1]]])
    const rebuilt = applyFailoverPatch([record, second], patch)
    expect(rebuilt[1]).toBe(second)
    expect(rebuilt[0]?.partitions[0]).toBe(record.partitions[0])
    expect(rebuilt).toEqual([later, second])
  })

  it('drop records a seek back took away', () => {
    const record = { partitions: [] } as unknown as FailoverRecord
    const patch = diffFailovers([record, record], [record])!
    expect(applyFailoverPatch([record, record], patch)).toEqual([record])
  })
})
