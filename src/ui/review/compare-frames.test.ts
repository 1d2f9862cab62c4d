/**
 * Reading a design comparison's frames: any frame, reached forwards, backwards or at random,
 * equals the one rebuilt patch by patch from the start; the frame shown for a moment is the last
 * one at or before it; a frame's summary names brokers down, stopped zones and partitions offline
 * or under min.insync.replicas; the first moment shown is where the runs differ most. The frames
 * come from a real comparison (bad layout against its reassignment, losing use1-az1 at 00:10).
 */
import { describe, expect, it } from 'vitest'
import { BAD_LAYOUT_SCENARIO, specOf } from '../../analysis/testing/bad-layout'
import { createSimulation } from '../../engine/index'
import { compareDesigns } from '../../host/compare'
import type { Snapshot } from '../../engine/types'
import { applyPatch, type SnapshotPatch } from '../../host/snapshot-patch'
import { firstMomentMs, frameReader, frameSummary } from './compare-frames'
import { compareRequest, defaultFaultScript, draftLabel, sourceOf } from './compare-sides'

const current = specOf(BAD_LAYOUT_SCENARIO)
const message = compareDesigns(
  { createSimulation },
  {
    current,
    a: { kind: 'current' },
    b: { kind: 'reassignment' },
    faults: { kind: 'zone', zone: 'use1-az1', atMs: 10_000 },
    durationMs: 60_000,
  },
)
if (message.kind !== 'designsCompared' || !message.outcome.ok) throw new Error('no comparison')
const comparison = message.outcome.comparison

describe('frameReader', () => {
  const track = comparison.frames.a
  const sequential = [JSON.parse(track.first) as Snapshot]
  for (const patch of track.patches)
    sequential.push(applyPatch(sequential.at(-1)!, JSON.parse(patch) as SnapshotPatch))

  it('rebuilds any frame in any order', () => {
    const reader = frameReader(track)
    expect(reader.count).toBe(61)
    for (const k of [40, 3, 60, 17, 16, 59, 0, 33, 32, 61, -5]) {
      const index = Math.max(0, Math.min(60, k))
      expect(reader.at(k)).toEqual(sequential[index])
    }
  })

  it('shows the last frame at or before a moment', () => {
    const reader = frameReader(track)
    expect([0, 999, 1000, 45_500, 60_000, 99_000].map(reader.indexAt)).toEqual([
      0, 0, 1, 45, 60, 60,
    ])
    expect(reader.timeAt(45)).toBe(45_000)
  })
})

describe('frameSummary', () => {
  const reader = frameReader(comparison.frames.a)
  it('says the cluster is healthy before the fault', () => {
    expect(frameSummary(reader.at(5))).toBe(
      'all 6 brokers up; every partition has a leader and enough in-sync replicas',
    )
  })

  it('names the stopped zone and the partition under min.insync.replicas after it', () => {
    expect(frameSummary(reader.at(50))).toBe(
      '2 of 6 brokers down (zone use1-az1 stopped); 0 partitions offline, 1 under min.insync.replicas',
    )
    expect(frameSummary(frameReader(comparison.frames.b).at(50))).toBe(
      '2 of 6 brokers down (zone use1-az1 stopped); every partition has a leader and enough in-sync replicas',
    )
  })
})

describe('firstMomentMs', () => {
  it('picks the first moment the runs differ most', () => {
    const atMs = firstMomentMs(comparison)
    const trouble = (side: 'a' | 'b') => {
      const s = comparison[side].series.find((x) => x.atMs === atMs)!
      return s.OfflinePartitionsCount + s.UnderMinIsrPartitionCount
    }
    expect(atMs).toBeGreaterThan(10_000)
    expect(trouble('a') - trouble('b')).toBe(1)
  })
})

describe('the drafts of the two designs', () => {
  it('say what each design is before the run', () => {
    expect(draftLabel({ kind: 'current' }, current)).toBe('Current: Two replicas in one zone')
    expect(draftLabel({ kind: 'file', file: { name: 'x.json', text: '{}' } }, current)).toBe(
      'File: x.json',
    )
    expect(draftLabel({ kind: 'edited', change: { kind: 'acks', value: 1 } }, current)).toBe(
      'Edited copy: acks=1 on every producer',
    )
  })

  it('become a request, or say what is missing', () => {
    const faults = defaultFaultScript(current)
    expect(faults).toEqual({ kind: 'zone', zone: 'use1-az1', atMs: 10_000 })
    expect(
      compareRequest(
        current,
        { kind: 'file', file: null },
        { kind: 'describe', text: ' ', zoneMap: '', name: null },
        faults,
        60_000,
      ),
    ).toEqual([
      'Design A: choose a scenario file first.',
      'Design B: paste kafka-topics --describe output first.',
    ])
    expect(sourceOf({ kind: 'describe', text: 'x', zoneMap: '1=a', name: null }, 'B')).toEqual({
      kind: 'describe',
      text: 'x',
      zoneMap: '1=a',
    })
  })
})
